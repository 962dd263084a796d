/**
 * Where a create's time goes (issue 22; `npm run bench -- profile`): one `createContentItem` with
 * `submit` and an Idempotency-Key, taken apart on the local stack. Timed whole over HTTP (each
 * alone after a quiet pause, and back to back as the content bench runs them), then the handler
 * alone (the event built as the gateway builds it, `stack.invoke`) with each DynamoDB call it made
 * (through the SDK, and on the wire alone), then the pieces alone: the gateway's token check, the
 * body's validation, the HTML cleaning, the caller's read, and the commit's items replayed bare
 * (whole, without their index keys, without their conditions, keys only, and by count).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  PutItemCommand,
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { LocalStack } from '../../infra/local/stack';
import { buildEvent } from '../../infra/local/gateway';
import { localAuthorizer } from '../../infra/local/identity-endpoints';
import { invocation } from '../../infra/local/table-permissions';
import { keys } from '../../shared/adapters/dynamo/keys';
import { resolvePrincipal } from '../../shared/application/principals';
import { cleanRichText } from '../../shared/domain/content/rich-text';
import { parsePart } from '../../shared/http/validation';
import { allRoutes } from '../../functions/routes';
import { caller, person, seedTree } from '../support/directory';
import { recordTransactions } from './bare-transaction';
import { fmt, report } from './report';
import { summarize, type LatencySummary } from './stats';

interface CallTiming {
  readonly command: string;
  readonly start: number;
  total: number;
  wire: number;
  bytes?: number;
}

/**
 * Times each DynamoDB call of the create function on `client` (the stack's own): through the SDK
 * (from `send`), and on the wire alone, while `recorder.recording` holds a list to add them to.
 */
function installCallTimer(client: DynamoDBClient) {
  const recorder: { recording?: CallTiming[] } = {};
  const timings = new WeakMap<object, CallTiming>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const calls = recorder.recording;
      if (!calls || invocation.getStore()?.function !== 'contentCreate') return next(args);
      const call: CallTiming = {
        command: String(context.commandName).replace(/Command$/, ''),
        start: performance.now(),
        total: 0,
        wire: 0,
      };
      calls.push(call);
      timings.set(context, call);
      try {
        return await next(args);
      } finally {
        call.total = performance.now() - call.start;
      }
    },
    { step: 'initialize', name: 'benchProfileCall' },
  );
  // Innermost: from the signed request leaving to the raw answer back (the emulator, the socket, the event loop).
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const call = timings.get(context);
      if (!call) return next(args);
      const body = (args.request as { body?: unknown }).body;
      if (typeof body === 'string') call.bytes = Buffer.byteLength(body);
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        call.wire = performance.now() - start;
      }
    },
    { step: 'deserialize', priority: 'low', name: 'benchProfileWire' },
  );
  return recorder;
}

const news = (i: number) => ({
  category: 'news',
  language: 'vi',
  title: `Hội nghị chuyển đổi số lần thứ ${i + 1}`,
  summary: 'Tóm tắt: Ủy ban nhân dân huyện tổ chức hội nghị triển khai chuyển đổi số năm 2026',
  body: `<p>Sáng nay, Ủy ban nhân dân huyện A tổ chức <strong>hội nghị</strong> lần thứ ${i + 1} về chuyển đổi số.</p><ul><li>Dịch vụ công trực tuyến</li><li>Dữ liệu số</li></ul>`,
  contributors: [{ name: 'Nguyễn Văn A', share: 100 }],
  submit: true,
});

const ms = (s: LatencySummary) => `n=${s.n} ${fmt(s.p50, 2)} / ${fmt(s.p99, 2)} ms`;
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
const QUIET_MS = 150;

/** Wall time covered by at least one of `spans` (calls in flight together count once). */
function covered(spans: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

async function timeEach(label: string, runs: number, fn: (i: number) => unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) await fn(i);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  report(`  ${label}`, ms(summarize(times)));
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux clock ticks, 1/100 s). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU per request, which a loaded machine inflates far less than latency: `n` runs of `fn` one
 * after another, then a pause for their background work (stream, relay, consumers) to finish; the
 * CPU this process (gateway, handlers, pollers, the SQS stand-in) and DynamoDB Local's JVM used,
 * divided by `n`.
 */
async function cpuPerRequest(n: number, fn: (i: number) => Promise<unknown>, jvmPid?: number) {
  const node0 = process.cpuUsage();
  const jvm0 = jvmPid === undefined ? 0 : cpuSecondsOf(jvmPid);
  for (let i = 0; i < n; i++) await fn(i);
  await sleep(3000);
  const node = process.cpuUsage(node0);
  const jvm = jvmPid === undefined ? Number.NaN : cpuSecondsOf(jvmPid) - jvm0;
  return { node: (node.user + node.system) / 1000 / n, jvm: (jvm * 1000) / n };
}

export async function profileCreate(
  stack: LocalStack,
  options: { n?: number; dynamodbPid?: number } = {},
): Promise<void> {
  const n = options.n ?? Number(process.env.BENCH_PROFILE_N ?? 100);
  const client = stack.services.dynamo;
  const recorder = installCallTimer(client);
  const { bareReplay, transactionOf } = recordTransactions(client);
  const api = (path: string, init?: RequestInit) => fetch(`${stack.gateway.url}${path}`, init);
  await seedTree();
  const who = await person(api, `profile.ctv.${randomUUID().slice(0, 6)}`, 'huyena', ['contributor']);
  const call = caller(api);
  const route = allRoutes.find((r) => r.id === 'createContentItem')!;
  const authorizer = localAuthorizer(stack.localIdentity);
  const claims = (await authorizer(`Bearer ${who.token}`))!;
  const eventOf = (i: number): APIGatewayProxyEvent =>
    buildEvent(
      {
        method: 'POST',
        url: new URL('http://localhost/units/huyena/content'),
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: Buffer.from(JSON.stringify(news(i))),
      },
      route,
      { code: 'huyena' },
      claims,
    );
  const overHttp = async (i: number) => {
    const res = await call('/units/huyena/content', who, {
      method: 'POST',
      body: news(i),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const handlerAlone = async (i: number) => {
    const out = (await stack.invoke('contentCreate', eventOf(i))) as { statusCode: number; body: string };
    if (out.statusCode !== 201) throw new Error(`create: ${out.statusCode} ${out.body}`);
  };
  const floor = async () => {
    const res = await fetch(`${stack.gateway.url}/public/portals/huyena/content/ffffffff-ffff-4fff-bfff-ffffffffffff`);
    await res.arrayBuffer();
  };
  // Untimed first, as the content bench does: DynamoDB Local's JVM compiles its write path over the first hundreds.
  const warmUp = Math.max(10, Number(process.env.BENCH_WARM_UP ?? 100));
  for (let i = 0; i < warmUp; i++) {
    await overHttp(i);
    if (i % 5 === 0) await handlerAlone(i);
    await floor();
  }

  // Each alone, after a quiet pause (no earlier write's stream, relay or consumers running), in turn.
  const whole: number[] = [];
  const backToBack: number[] = [];
  const floors: number[] = [];
  const handler: number[] = [];
  const inCalls: number[] = [];
  const perCall = new Map<string, { total: number[]; wire: number[]; bytes: number[] }>();
  for (let i = 0; i < n; i++) {
    await sleep(QUIET_MS);
    let t = performance.now();
    await overHttp(i);
    whole.push(performance.now() - t);
    t = performance.now();
    await overHttp(i);
    backToBack.push(performance.now() - t);
    await sleep(QUIET_MS);
    t = performance.now();
    await floor();
    floors.push(performance.now() - t);
    await sleep(QUIET_MS);
    const calls: CallTiming[] = [];
    recorder.recording = calls;
    t = performance.now();
    await handlerAlone(i);
    handler.push(performance.now() - t);
    recorder.recording = undefined;
    inCalls.push(covered(calls.map((c) => [c.start, c.start + c.total] as const)));
    calls.forEach((c, k) => {
      const entry = perCall.get(`${k + 1}. ${c.command}`) ?? { total: [], wire: [], bytes: [] };
      entry.total.push(c.total);
      entry.wire.push(c.wire);
      if (c.bytes !== undefined) entry.bytes.push(c.bytes);
      perCall.set(`${k + 1}. ${c.command}`, entry);
    });
  }
  const handlerTimes = summarize(handler);
  report('profile: create over HTTP, alone', ms(summarize(whole)));
  report('profile: create over HTTP, right after another', ms(summarize(backToBack)));
  report('profile: floor over HTTP, alone', ms(summarize(floors)));
  report('profile: create handler alone (no gateway, no HTTP)', ms(handlerTimes));
  report('  with a DynamoDB call in flight', ms(summarize(inCalls)));
  report(
    '  with none in flight (our code: middy, zod, HTML, …)',
    ms(summarize(handler.map((h, i) => h - inCalls[i]!))),
  );
  for (const [label, entry] of perCall) {
    report(
      `  ${label}`,
      `${ms(summarize(entry.total))}; on the wire p50 ${fmt(summarize(entry.wire).p50, 2)} ms${
        entry.bytes.length ? `, ${fmt(summarize(entry.bytes).p50, 0)} B sent` : ''
      }`,
    );
  }

  // CPU per request (the background's included): the idle pause's own CPU is measured and taken off.
  const idle = await cpuPerRequest(1, async () => undefined, options.dynamodbPid);
  const perRequest = async (label: string, fn: (i: number) => Promise<unknown>) => {
    const cpu = await cpuPerRequest(n, fn, options.dynamodbPid);
    const node = cpu.node - idle.node / n;
    const jvm = cpu.jvm - idle.jvm / n;
    report(`profile CPU: ${label}`, `Node ${fmt(node, 2)} ms, DynamoDB Local ${fmt(jvm, 1)} ms a request`);
    return { node, jvm };
  };
  const floorCpu = await perRequest('floor (404)', floor);
  const createCpu = await perRequest('create over HTTP', overHttp);
  const bareCpu = await perRequest('its commit bare', bareReplay('contentCreate', stack.resources.tableName));
  report(
    'profile CPU: create less its bare commit',
    `Node ${fmt(createCpu.node - bareCpu.node, 2)} ms = ${fmt((createCpu.node - bareCpu.node) / floorCpu.node, 1)}× the floor's; DynamoDB Local ${fmt(createCpu.jvm - bareCpu.jvm, 1)} ms = ${fmt((createCpu.jvm - bareCpu.jvm) / floorCpu.jvm, 1)}× the floor's`,
  );

  report('profile: pieces alone', '');
  await timeEach('gateway token check (local authorizer)', 200, () => authorizer(`Bearer ${who.token}`));
  await timeEach('body validation (zod)', 200, (i) => parsePart('body', route.body!, news(i)));
  await timeEach('cleanRichText (sanitize-html)', 200, (i) => cleanRichText(news(i).body));
  await timeEach('the caller’s read (resolvePrincipal: Query)', 200, () =>
    resolvePrincipal(stack.services.principals, claims),
  );
  const table = stack.resources.tableName;
  const missing = keys.publishedContent('ffffffff-ffff-4fff-bfff-ffffffffffff');
  await timeEach('bare GetItem', 200, () => stack.services.db.send(new GetCommand({ TableName: table, Key: missing })));

  const shape = transactionOf('contentCreate');
  if (!shape) return;
  report('profile: the commit', `${shape.count} items, ${fmt(shape.bytes, 0)} B: ${shape.actions.join(', ')}`);
  const bare = bareReplay('contentCreate', table);
  await timeEach(`bare TransactWriteItems of the same ${shape.count} items`, 100, bare);
  // The same items, stripped: what DynamoDB Local spends on index entries, conditions, attributes.
  const captured = (await captureItems(client, bare)) ?? [];
  const variant =
    (strip: (put: NonNullable<TransactWriteItem['Put']>) => NonNullable<TransactWriteItem['Put']>) => () =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: captured.map((t) => ({ Put: strip(rekeyed(t.Put!)) })),
        }),
      );
  const without = (put: NonNullable<TransactWriteItem['Put']>, names: (name: string) => boolean) => ({
    ...put,
    Item: Object.fromEntries(Object.entries(put.Item ?? {}).filter(([name]) => !names(name))),
  });
  const unconditional = ({ TableName, Item }: NonNullable<TransactWriteItem['Put']>) => ({ TableName, Item });
  await timeEach(
    '  without their index keys (gsi*)',
    100,
    variant((p) => without(p, (a) => a.startsWith('gsi'))),
  );
  await timeEach('  without their conditions', 100, variant(unconditional));
  await timeEach(
    '  keys only, unconditional',
    100,
    variant((p) => unconditional(without(p, (a) => a !== 'pk' && a !== 'sk'))),
  );
  for (const count of [1, 2, 4, 6].filter((c) => c < captured.length))
    await timeEach(`  the first ${count}`, 100, () =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: captured.slice(0, count).map((t) => ({ Put: rekeyed(t.Put!) })),
        }),
      ),
    );
  await timeEach('bare PutItem of the content item alone', 100, () =>
    client.send(new PutItemCommand(rekeyed(captured[0]!.Put!))),
  );
}

/** The actions a bare replay sends (recorded from one replay). */
async function captureItems(
  client: DynamoDBClient,
  replay: () => Promise<unknown>,
): Promise<TransactWriteItem[] | undefined> {
  let items: TransactWriteItem[] | undefined;
  const name = `benchCapture${randomUUID().slice(0, 8)}`;
  client.middlewareStack.add(
    (next) => async (args) => {
      items = structuredClone((args.input as { TransactItems?: TransactWriteItem[] }).TransactItems);
      return next(args);
    },
    { step: 'build', name },
  );
  try {
    await replay();
  } finally {
    client.middlewareStack.remove(name);
  }
  return items;
}

const rekeyed = (put: NonNullable<TransactWriteItem['Put']>) => ({
  ...put,
  Item: { ...put.Item, pk: { S: `BENCH#${randomUUID()}#${put.Item?.pk?.S}` } },
});
