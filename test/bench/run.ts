/**
 * `npm run bench`: prints throughput and size figures. Not a test: nothing here passes or fails.
 * `npm run bench -- content search` runs only the parts named (domain, bundles, http, content,
 * profile, search, escalation, backup, console); all of them by default.
 */
import { randomUUID } from 'node:crypto';
import { calendarData, DeadlineCalculator, shippedCalendar, tet, WorkingCalendar } from '../../shared/domain/calendar';
import { planSearch, SEARCH_LIMITS, searchTermsOf } from '../../shared/domain/search';
import { longestGapMs, nextFiring, parseScheduleExpression } from '../../shared/domain/operations/schedule-expression';
import { measureBundles } from './bundles';
import { dynamoHeapMb, startEmulators } from '../../infra/local/emulators';
import { readFileSync } from 'node:fs';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { fmt, report } from './report';
import { benchContent, measureFloors } from './content';
import { benchSearch } from './search';
import { profileCreate } from './write-profile';
import { benchEscalation } from './escalation';
import { benchBackup } from './backup';
import { benchEmulators } from './stream-off';
import { benchConsoleRender, benchConsoleSize } from './console';
import { adoptStack } from '../support/local-stack';

const PARTS = ['domain', 'bundles', 'http', 'content', 'profile', 'search', 'escalation', 'backup', 'console'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length > 0) throw new Error(`Unknown bench part ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
const wants = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);
const started = performance.now();

function timeIt(iterations: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  return performance.now() - start;
}

// Deadlines: receipts spread over 2025–2030, 1–15 working days.
if (wants('domain')) {
  const deadlines = new DeadlineCalculator(shippedCalendar());
  const base = Date.parse('2025-01-01T00:00:00Z');
  const span = 6 * 365 * 86_400_000;
  const receipts = Array.from({ length: 4096 }, (_, i) => new Date(base + ((i * 2_654_435_761) % span)));
  const n = 200_000;
  const ms = timeIt(n, (i) => deadlines.addWorkingDays(receipts[i % receipts.length]!, 1 + (i % 15)));
  report('due-date computations (working days, explained)', `${fmt((n / ms) * 1000)} /s`);
}

// A year's calendar built from the rules (lunar conversions included), cold.
if (wants('domain')) {
  const years = Array.from({ length: 201 }, (_, i) => 1900 + i);
  const start = performance.now();
  for (const year of years) new WorkingCalendar(calendarData()).year(year);
  const ms = performance.now() - start;
  report('build one year calendar from rules (cold, 1900–2100 avg)', `${fmt((ms / years.length) * 1000, 0)} µs`);
  const scheduled = performance.now();
  for (let i = 0; i < 1000; i++) new WorkingCalendar(calendarData()).year(2026);
  report(
    'build 2026 from its official schedule (cold)',
    `${fmt(((performance.now() - scheduled) / 1000) * 1000, 1)} µs`,
  );
}

// Job schedules: the next firing and the longest healthy gap of an hourly working-day cron (GET /jobs, alarms).
if (wants('domain')) {
  const hourly = parseScheduleExpression('cron(0 8-17 ? * MON-SAT *)', 'Asia/Ho_Chi_Minh');
  const from = Date.parse('2026-01-01T00:00:00Z');
  const n = 2_000;
  const next = timeIt(n, (i) => nextFiring(hourly, new Date(from + i * 3_600_000)));
  report('cron next firing (Asia/Ho_Chi_Minh)', `${fmt((n / next) * 1000)} /s`);
  const gaps = timeIt(50, (i) => longestGapMs(hourly, new Date(from + i * 86_400_000)));
  report('cron longest gap over 60 firings', `${fmt((gaps / 50) * 1000, 0)} µs`);
}

// Lunar conversion.
if (wants('domain')) {
  const n = 20_000;
  const ms = timeIt(n, (i) => tet(1900 + (i % 201)));
  report('Tết date computations', `${fmt((n / ms) * 1000)} /s`);
}

// Legal-document search, pure parts: a document's index entries, a query's bounded plan.
if (wants('domain')) {
  const documents = Array.from({ length: 1024 }, (_, i) => ({
    itemId: `c-${i}`,
    language: 'vi',
    numberSymbol: `${i + 1}/2026/QĐ-UBND`,
    issuedOn: '2026-02-13',
    status: 'in-force',
    summary: 'Ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử tỉnh',
    issuingAuthority: 'Ủy ban nhân dân tỉnh Bình Định',
    signer: 'Phạm Anh Tuấn',
  }));
  const n = 50_000;
  let entries = 0;
  const ms = timeIt(n, (i) => {
    entries += searchTermsOf(documents[i % documents.length]!).length;
  });
  report(
    'searchTermsOf (document → index entries)',
    `${fmt((n / ms) * 1000)} /s, ${fmt(entries / (n + 1000), 0)} entries each`,
  );
  const queries = [
    'quyet dinh 12/2026',
    'Quyết định số 12/2026/QĐ-UBND',
    'quản lý đất đai khu dân cư',
    'ubnd binh dinh ke hoach 2026',
  ];
  let reads = 0;
  const planned = timeIt(n, (i) => {
    reads += planSearch({ q: queries[i % queries.length]!, issuedFrom: '2025-01-01' }).reads.length;
  });
  report(
    'planSearch (query → bounded reads)',
    `${fmt((n / planned) * 1000)} /s, ${fmt(reads / (n + 1000), 1)} reads each (≤ ${SEARCH_LIMITS.maxReads} × ${SEARCH_LIMITS.itemsPerRead} entries)`,
  );
}

// Bundle size and cold import time of each function, as a ratio to a floor bundle (DynamoDB client only).
if (wants('bundles')) {
  const figures = await measureBundles();
  for (const f of figures) {
    report(
      `bundle: ${f.name}${f.noAws ? ' (no AWS)' : ''}`,
      `${fmt(f.kib, 0)} KiB, import ${fmt(f.importMs, 1)} ms = ${fmt(f.ratio, 2)}× floor (${fmt(f.houseRatio, 2)}× house floor)`,
    );
  }
  // Issue 7's targets, against the SDK-bundled floor of the same run.
  const worst = (fs: typeof figures, by: (f: (typeof figures)[number]) => number) =>
    fs.reduce((a, b) => (by(b) > by(a) ? b : a));
  const http = figures.filter((f) => f.kind === 'http');
  const noAws = figures.filter((f) => f.noAws);
  const largest = worst(http, (f) => f.kib);
  const slowest = worst(http, (f) => f.ratio);
  const slowestNoAws = worst(noAws, (f) => f.ratio);
  // Like for like (issue 22): the DynamoDB client bundled as the functions are, credentials from the environment only.
  const slowestHouse = worst(http, (f) => f.houseRatio);
  report('bundles: largest HTTP bundle (≤ 450 KB)', `${largest.name} ${fmt(largest.kib * 1.024, 0)} KB`);
  report('bundles: slowest HTTP import (≤ 1.15× floor)', `${slowest.name} ${fmt(slowest.ratio, 2)}×`);
  report(
    'bundles: slowest HTTP import, like-for-like floor',
    `${slowestHouse.name} ${fmt(slowestHouse.houseRatio, 2)}× the house floor (the DynamoDB client, environment credentials only)`,
  );
  report(
    'bundles: slowest no-AWS import (≤ 0.6× floor)',
    `${slowestNoAws.name} ${fmt(slowestNoAws.ratio, 2)}× (of ${noAws.map((f) => f.name).join(', ')})`,
  );
}

// One local stack (one table) for every part that needs it: handlers keep their clients per process.
process.env.LOG_LEVEL = 'SILENT';
const consoleBuild = wants('console') ? await benchConsoleSize() : undefined;
const emulators =
  wants('http') ||
  wants('content') ||
  wants('profile') ||
  wants('search') ||
  wants('escalation') ||
  wants('backup') ||
  wants('console')
    ? await startEmulators({ region: 'ap-southeast-1' })
    : undefined;
benchEmulators(emulators);
const stack: LocalStack | undefined =
  emulators &&
  (await startLocalStack({
    endpoints: { dynamodb: emulators.dynamodbEndpoint, s3sqs: emulators.s3sqsEndpoint, region: 'ap-southeast-1' },
    prefix: `bench${randomUUID().slice(0, 6)}`,
    ...(consoleBuild && { consoleDir: consoleBuild.outDir }),
  }));
// The content and console benches seed through the test support helpers (directory.ts).
if (stack) adoptStack(stack);

/** Resident memory of the local stack at rest: DynamoDB Local's JVM and this process (gateway, handlers, fauxqs). */
const residentMiB = (pid: number | 'self') => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
};
if (stack && emulators?.dynamodbPid !== undefined) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const jvm = residentMiB(emulators.dynamodbPid);
  const node = residentMiB('self');
  report(
    'local stack at rest: resident memory (≤ 400 MiB)',
    `${fmt(jvm + node, 0)} MiB (DynamoDB Local ${fmt(jvm, 0)}, capped heap ${dynamoHeapMb()} MiB; Node ${fmt(node, 0)})`,
  );
}

// HTTP through the local stack (gateway → middleware → handler → DynamoDB Local).
if (stack && wants('http')) {
  const measure = async (label: string, path: string, n = 300) => {
    for (let i = 0; i < 20; i++) await (await fetch(`${stack.gateway.url}${path}`)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const res = await fetch(`${stack.gateway.url}${path}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    report(
      `${label} p50 / p95 (local stack)`,
      `${fmt(times[Math.floor(n / 2)]!, 1)} / ${fmt(times[Math.floor(n * 0.95)]!, 1)} ms`,
    );
  };
  await measure('GET /health', '/health');
  // Sign-in cost (scrypt, N=2^15) and an authenticated request (token → account record → rule table).
  const { ensureAccount, ensureProvince } = await import('../../shared/application/bootstrap');
  await ensureProvince(stack.services, { vi: 'Tỉnh Bench', en: 'Bench' });
  const seeded = await ensureAccount(stack.services, {
    username: 'bench',
    fullName: 'Bench',
    email: 'bench@example.gov.vn',
    unitCode: 'demo',
    roles: ['operator'],
  });
  const post = (path: string, body: unknown) =>
    fetch(`${stack.gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, string>>);
  const challenge = await post('/local-auth/sign-in', { username: 'bench', password: seeded!.temporaryPassword });
  await post('/local-auth/new-password', { session: challenge.session, newPassword: 'Mật-Khẩu-Bench-1' });
  const signInTimes: number[] = [];
  let token = '';
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    token = (await post('/local-auth/sign-in', { username: 'bench', password: 'Mật-Khẩu-Bench-1' })).accessToken!;
    signInTimes.push(performance.now() - t);
  }
  signInTimes.sort((a, b) => a - b);
  report('local sign-in (scrypt verify) p50', `${fmt(signInTimes[5]!, 1)} ms`);
  const authed = async (n = 300) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await (
        await fetch(`${stack.gateway.url}/units/demo/accounts`, { headers: { authorization: `Bearer ${token}` } })
      ).arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    report(
      'GET /units/demo/accounts signed-in p50 / p95',
      `${fmt(times[Math.floor(n / 2)]!, 1)} / ${fmt(times[Math.floor(n * 0.95)]!, 1)} ms`,
    );
  };
  await authed();
  await measure(
    'GET /calendar/due',
    `/calendar/due?from=${encodeURIComponent('2026-02-12T10:00:00+07:00')}&workingDays=3`,
  );
  await measure('GET /calendar/2026', '/calendar/2026');
}

// Content and search at scale, each against floors measured now, on the same stack.
if (stack && (wants('content') || wants('search'))) {
  await measureFloors(stack, 200);
  if (wants('content')) await benchContent(stack);
  if (wants('search')) await benchSearch(stack);
}
// Where a create's time goes, piece by piece (write-profile.ts).
if (stack && wants('profile')) await profileCreate(stack, { dynamodbPid: emulators?.dynamodbPid });
// Last: it loads its own 100,000 questions, and the job it measures reads only what is due.
if (stack && wants('escalation')) await benchEscalation(stack);
// Then the backup: it stops the stream poller and adds its own 100,000 items (raw scan, backup and restore
// measure the same table, so their ratio holds whatever an earlier part left in it).
if (stack && wants('backup')) await benchBackup(stack);

if (stack && wants('console')) await benchConsoleRender(stack);
if (stack && emulators?.dynamodbPid !== undefined)
  report(
    'local stack after the run: resident memory',
    `${fmt(residentMiB(emulators.dynamodbPid) + residentMiB('self'), 0)} MiB (DynamoDB Local ${fmt(residentMiB(emulators.dynamodbPid), 0)})`,
  );
await stack?.stop();
await emulators?.stop();

report('heap used at end', `${fmt(process.memoryUsage().heapUsed / 1024 / 1024, 1)} MiB`);
report('bench run time', `${fmt((performance.now() - started) / 1000, 0)} s`);
