import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureLogs, seedQuestionUnits, logAtInfo } from '../support/log-capture';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';
import { afterWholeFile } from '../support/whole-file';
import { httpFrom, type RawResponse } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import type { AskChallenge } from '../../shared/application/ask-challenge';
import { keys } from '../../shared/adapters/dynamo/keys';

// The request log must be on to prove it holds no personal data.
logAtInfo();

/**
 * Issue 9, first slice, through HTTP on the local stack under Bình Định's regulation, on the
 * working calendar of 2026 (Tết 14–22/02): asking, the asker's status lookup at each step, the
 * board's classification, refusal and routing, the unit's return and the re-routing that restarts
 * the answer clock; attackers; and a scan proving that no personal field of any asker reached a
 * public response, an event, an audit entry or a log line. The clock is set with fake Dates (the
 * handlers run in this process), so due instants are the regulation's, not today's.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-02-12T10:00:00');

/** The province's human check on asking, as its root would wire one: off (everything passes) until a test sets a verifier. */
const challenge: { verifier?: AskChallenge } = {};
const local = useLocalStack({
  config: loadDeploymentConfig('infra/config/provinces/binhdinh.json'),
  askChallenge: { verify: async (token, address) => challenge.verifier?.verify(token, address) ?? true },
});
const call = caller(local.api);
const auditOf = auditLog(call, () => people.auditor);
const people: Record<string, Person> = {};

const travel = traveller(local.api, people);

const nhung = {
  fullName: 'Phạm Thị Hồng Nhung',
  nationality: 'Việt Nam',
  address: '123 Xuân Diệu, phường Quy Nhơn Nam',
  phone: '0905 123 456',
  email: 'nhung.pham@example.vn',
};
const company = {
  representativeName: 'Lê Quang Vinh',
  representativePosition: 'Giám đốc',
  organisationName: 'Công ty TNHH Hải Vinh Quy Nhơn',
  phone: '0256 3811 999',
  email: 'lienhe@haivinh.example.vn',
};
/** Every personal value sent in this file: none may appear anywhere public. */
const personal = [
  nhung.fullName,
  nhung.address,
  nhung.phone,
  nhung.email,
  company.representativeName,
  company.organisationName,
  company.phone,
  company.email,
];

let texts = 0;
const question = (extra: Record<string, unknown> = {}) => ({
  asker: { kind: 'individual', ...nhung },
  field: 'land-environment',
  title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
  text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu? (${(texts += 1)})`,
  consent: { processing: true, publication: true },
  ...extra,
});

/** Each ask from its own loopback address unless told, so the per-address limit is tested on purpose only. */
let addresses = 0;
const nextAddress = () => `127.0.1.${(addresses += 1)}`;
const publicAnswers: RawResponse[] = [];
const publicCall = async (path: string, init: Parameters<typeof httpFrom>[2] = {}) => {
  const res = await httpFrom(local.stack().gateway.url, path, init);
  publicAnswers.push(res);
  return res;
};
const ask = (body: unknown, from = nextAddress(), headers: Record<string, string> = {}) =>
  publicCall('/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    from,
  });
const status = (code: string, secret?: string) =>
  publicCall(`/public/questions/${code}`, { headers: secret === undefined ? {} : { 'x-question-secret': secret } });
const step = (id: string, who: Person, body: Record<string, unknown>, version?: number) =>
  call(`/questions/${id}/transitions`, who, {
    method: 'POST',
    body,
    ...(version !== undefined && { headers: { 'if-match': `"${version}"` } }),
  });
const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();

let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs();
  await seedQuestionUnits([
    {
      code: 'huyena',
      name: { vi: 'Huyện A', en: 'District A' },
      kind: 'district',
      parentCode: 'binhdinh',
      slug: 'huyena',
    },
  ]);
  // Independent accounts: created and signed in at once.
  [
    people.secretary,
    people.chief,
    people.contributor,
    people.officerA,
    people.headA,
    people.officerB,
    people.otherSecretary,
    people.auditor,
  ] = await Promise.all([
    person(local.api, 'thuky.bd', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.bd', 'binhdinh', ['chief-editor']),
    person(local.api, 'ctv.bd', 'binhdinh', ['contributor']),
    person(local.api, 'canbo.soa', 'soa', ['unit-officer']),
    person(local.api, 'giamdoc.soa', 'soa', ['unit-head']),
    person(local.api, 'canbo.sob', 'sob', ['unit-officer']),
    person(local.api, 'thuky.huyena', 'huyena', ['secretary']),
    person(local.api, 'kiemtra.bd', 'binhdinh', ['auditor']),
  ]);
}, 120_000);

afterAll(() => {
  logs.restore();
  vi.useRealTimers();
});

describe('asking, intake and routing, end to end (Bình Định, Tết 2026)', () => {
  it('follows a question from asking to re-routing, the asker seeing each stage; re-routing restarts the answer clock and the history keeps both', async () => {
    // Thu 12/02/2026 10:00: classification is due by the end of Fri 13/02 (BĐ 12.3).
    await travel('2026-02-12T10:00:00');
    // The day's next number: 0001, or the one after the questions other tests asked that day before this one.
    const counted = (await local.scanAll()).find((i) => i.pk === keys.questionDayCounter('20260212').pk)?.count ?? 0;
    const code = `HD.20260212.${String(Number(counted) + 1).padStart(4, '0')}`;
    const first = question();
    const from = nextAddress();
    const asked = await ask(first, from, { 'idempotency-key': 'hoi-1' });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.json).toEqual({
      trackingCode: code,
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      receivedAt: '2026-02-12T03:00:00.000Z',
      classificationDueAt: endOf('2026-02-13'),
    });
    expect(asked.headers.location).toBe(`/public/questions/${code}`);
    const { trackingCode: id, secret } = asked.json as { trackingCode: string; secret: string };
    // A retry with its Idempotency-Key replays the answer without the secret (never stored) and writes nothing.
    // Consumers' own records (processed events, notifications sent) arrive in the background: not the request's writes.
    const requestWrites = async () =>
      (await local.scanAll()).filter((i) => !/^(CONSUMED|NOTIFIED)#/.test(String(i.pk))).length;
    const before = await requestWrites();
    const replay = await ask(first, from, { 'idempotency-key': 'hoi-1' });
    expect(replay).toMatchObject({
      status: 201,
      headers: { 'idempotent-replayed': 'true', 'idempotent-redacted': 'secret' },
    });
    expect(replay.json).toEqual({
      trackingCode: id,
      receivedAt: '2026-02-12T03:00:00.000Z',
      classificationDueAt: endOf('2026-02-13'),
    });
    expect(await requestWrites()).toBe(before);
    const seen = async (stage: string, extra: Record<string, unknown> = {}) => {
      const res = await status(id, secret);
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({ trackingCode: id, stage, ...extra });
      return res.json;
    };
    expect(
      await seen('received', { classificationDueAt: endOf('2026-02-13'), dueAt: endOf('2026-02-13') }),
    ).not.toHaveProperty('answerDueAt');

    // The board sees the asker; nobody outside the board does.
    const staff = await call(`/questions/${id}`, people.secretary);
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({
      state: 'received',
      version: 1,
      asker: { kind: 'individual', fullName: nhung.fullName, phone: nhung.phone },
    });
    expect(staff.body).not.toHaveProperty('secretHash');
    expect((await call(`/questions/${id}`, people.officerA)).status).toBe(404);

    // Fri 13/02: classified and routed to Sở A, the answer is due 4 working days later, after Tết: Thu 26/02 (BĐ 12.4).
    await travel('2026-02-13T09:00:00');
    expect(
      (await step(id, people.secretary!, { action: 'classify', complexity: 'simple', scope: 'single-unit' }, 1)).body,
    ).toMatchObject({ stage: 'classified', version: 2 });
    await seen('classified');
    const routed = await step(id, people.secretary!, { action: 'route', unit: 'soa' }, 2);
    expect(routed.status, JSON.stringify(routed.body)).toBe(200);
    // One calendar day to return it; Sat 14/02 is a day off, so the return is due with Mon 23/02 (BĐ 12.5).
    expect(routed.body).toEqual({
      id,
      stage: 'routed',
      version: 3,
      dueAt: endOf('2026-02-26'),
      answerDueAt: endOf('2026-02-26'),
      returnDueAt: endOf('2026-02-23'),
    });
    await seen('routed', { answerDueAt: endOf('2026-02-26'), dueAt: endOf('2026-02-26') });

    // The unit reads it, without the asker's data, and finds it in its list.
    // Bình Định's regulation has no progress notice with a new date (CB 11.4 has); only a complex question reports back (BĐ 12.4).
    const notice = await step(id, people.officerA!, { action: 'progress-notice', expectedBy: '2026-03-20' });
    expect(notice.status).toBe(409);
    expect(notice.body.i18n.en.detail).toMatch(/Only a complex, inter-agency question has a report-back/);
    const atUnit = await call(`/questions/${id}`, people.officerA);
    expect(atUnit.status).toBe(200);
    expect(atUnit.body).not.toHaveProperty('asker');
    // (Among the questions other tests routed to Sở A.)
    const unitList = await call('/units/soa/questions', people.officerA);
    expect(unitList.body.view).toBe('unit');
    expect(unitList.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      id,
      stage: 'routed',
      assignedTo: 'soa',
      overdue: false,
    });
    expect(unitList.body.items.every((i: { assignedTo: string }) => i.assignedTo === 'soa')).toBe(true);

    // Mon 23/02: not competent, Sở A returns it; the board has a working day again.
    await travel('2026-02-23T10:00:00');
    const returned = await step(
      id,
      people.officerA!,
      { action: 'return', reason: 'Không thuộc thẩm quyền của Sở A' },
      3,
    );
    expect(returned.body).toEqual({ id, stage: 'returned', version: 4, dueAt: endOf('2026-02-24') });
    await seen('returned', { dueAt: endOf('2026-02-24') });
    expect((await call(`/questions/${id}`, people.officerA)).status).toBe(404);
    expect(
      (await call('/units/soa/questions', people.officerA)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(id);

    // Tue 24/02: re-routed to Sở B; the answer clock starts again: Mon 02/03.
    await travel('2026-02-24T09:00:00');
    const rerouted = await step(id, people.secretary!, { action: 'route', unit: 'sob' }, 4);
    expect(rerouted.body).toMatchObject({
      stage: 'routed',
      version: 5,
      answerDueAt: endOf('2026-03-02'),
      returnDueAt: endOf('2026-02-25'),
    });
    await seen('routed', { answerDueAt: endOf('2026-03-02') });
    const history = (await call(`/questions/${id}`, people.chief)).body;
    expect(history.routings).toEqual([
      {
        unitCode: 'soa',
        routedAt: '2026-02-13T02:00:00.000Z',
        answerDueAt: endOf('2026-02-26'),
        returnDueAt: endOf('2026-02-23'),
        routedOnTime: true,
        returnedAt: '2026-02-23T03:00:00.000Z',
        returnReason: 'Không thuộc thẩm quyền của Sở A',
        returnedOnTime: true,
      },
      {
        unitCode: 'sob',
        routedAt: '2026-02-24T02:00:00.000Z',
        answerDueAt: endOf('2026-03-02'),
        returnDueAt: endOf('2026-02-25'),
        routedOnTime: true,
      },
    ]);
    // The open work follows the clocks: Sở B's answer and return clocks are due when the question says.
    const work = (await local.scanAll()).filter((i) => i.aggregateId === id);
    expect(
      work
        .filter((w) => w.status === 'open')
        .map((w) => [w.clock, w.unitCode, w.dueAt])
        .sort(),
    ).toEqual([
      ['answer', 'sob', endOf('2026-03-02')],
      ['return', 'sob', endOf('2026-02-25')],
    ]);
    // The board's list, overdue or not.
    await travel('2026-03-03T09:00:00');
    const overdue = await call('/units/binhdinh/questions?overdue=true', people.secretary);
    expect(overdue.body.view).toBe('portal');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(overdue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      overdue: true,
      assignedTo: 'sob',
    });
    expect(
      (await call('/units/binhdinh/questions?stage=refused', people.secretary)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(id);
  });
});

describe('the board refuses, or routes a complex question on the longer clock', () => {
  it('gives a complex question routed on Fri 13/02 until Tue 03/03 (BĐ 12.4, Tết)', async () => {
    await travel('2026-02-12T10:00:00');
    const { trackingCode: id } = (await ask(question())).json;
    await travel('2026-02-13T09:00:00');
    expect((await step(id, people.secretary!, { action: 'classify', complexity: 'complex' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa' })).body).toMatchObject({
      answerDueAt: endOf('2026-03-03'),
    });
  });

  it('refuses a complaint with a reason the asker reads; a refused question goes no further', async () => {
    await travel('2026-02-12T11:00:00');
    const { trackingCode: id, secret } = (await ask(question())).json;
    const missingGround = await step(id, people.secretary!, { action: 'refuse', reason: 'Đây là đơn khiếu nại' });
    expect(missingGround.status).toBe(400);
    expect(missingGround.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.ground']);
    const missingReason = await step(id, people.secretary!, { action: 'refuse', ground: 'complaint' });
    expect(missingReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.reason']);
    const refused = await step(id, people.secretary!, {
      action: 'refuse',
      ground: 'complaint',
      reason: 'Đây là đơn khiếu nại: đề nghị gửi theo Luật Khiếu nại',
    });
    expect(refused.body).toEqual({ id, stage: 'refused', version: 2 });
    // Refused within its classification clock: frozen with the refusal.
    expect((await call(`/questions/${id}`, people.secretary)).body.refusal).toMatchObject({
      ground: 'complaint',
      onTime: true,
    });
    const seen = await status(id, secret);
    expect(seen.json).toMatchObject({
      stage: 'refused',
      stageLabel: { en: 'Refused, the asker was told why' },
      refusal: { ground: 'complaint', reason: 'Đây là đơn khiếu nại: đề nghị gửi theo Luật Khiếu nại' },
    });
    expect(seen.json).not.toHaveProperty('dueAt');
    const route = await step(id, people.secretary!, { action: 'route', unit: 'soa' });
    expect(route.status).toBe(409);
    expect(
      (await call('/units/binhdinh/questions?stage=refused', people.secretary)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([id]);
  });

  it('asks for the complexity to classify, and for a known unit within the portal to route', async () => {
    const { trackingCode: id } = (await ask(question())).json;
    expect((await step(id, people.secretary!, { action: 'classify' })).body.errors[0]).toMatchObject({
      field: 'body.complexity',
      code: 'required',
    });
    // Routing needs the classification first.
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa' })).status).toBe(409);
    expect((await step(id, people.secretary!, { action: 'classify', complexity: 'simple' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'route' })).body.errors[0]).toMatchObject({
      field: 'body.unit',
      code: 'required',
    });
    expect((await step(id, people.secretary!, { action: 'route', unit: 'khongco' })).body.errors[0]).toMatchObject({
      field: 'body.unit',
      code: 'not_found',
    });
  });
});

describe('asking: what is refused writes nothing', () => {
  // Consumers mark the events they handled (CONSUMED#…) in the background, whenever an earlier
  // accepted ask's event reaches them: not a write of the request under test.
  const fingerprint = async () =>
    JSON.stringify(
      (await local.scanAll())
        .filter((i) => !/^(CONSUMED|NOTIFIED)#/.test(String(i.pk)))
        .map((i) => `${i.pk}|${i.sk}|${i.version ?? ''}|${i.asks ?? ''}|${i.count ?? ''}`)
        .sort(),
    );

  it('refuses text without diacritics, mojibake and legacy encodings, naming the field in Vietnamese and English', async () => {
    const before = await fingerprint();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ text: 'Xin hoi thu tuc cap giay chung nhan quyen su dung dat lan dau' }, 'body.text', 'no_diacritics'],
      [{ title: 'Há»i vá» thá»§ tá»¥c Ä‘áº¥t Ä‘ai' }, 'body.title', 'mojibake'],
      [{ text: 'H¸i vÒ thñ tôc cÊp giÊy chøng nhËn ®Êt ®ai' }, 'body.text', 'legacy_encoding'],
    ];
    for (const [change, field, code] of cases) {
      const res = await ask(question(change));
      expect(res.status, res.text).toBe(400);
      expect(res.json.errors).toEqual([expect.objectContaining({ field, code })]);
      expect(res.json.errors[0].message.vi).toMatch(/^(Nội dung|Tiêu đề) câu hỏi/);
      expect(res.json.errors[0].message.en).toMatch(/^The question (text|title)/);
    }
    // The preset's required fields (BĐ 12.2c), every one named; consent is explicit.
    const { phone: _phone, address: _address, ...incomplete } = nhung;
    const missing = await ask(question({ asker: { kind: 'individual', ...incomplete } }));
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.asker.address',
      'body.asker.phone',
    ]);
    const noConsent = await ask(question({ consent: { processing: false, publication: true } }));
    expect(noConsent.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.consent.processing']);
    expect((await ask(question(), nextAddress(), {})).status).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });

  it('answers junk in every field with a 4xx and writes nothing', async () => {
    const before = await fingerprint();
    const junk: unknown[] = [null, 42, '', 'x'.repeat(6000), '\u202Eabc', '\uD800', {}, [], true];
    const paths = [
      'asker',
      'asker.kind',
      'asker.fullName',
      'asker.phone',
      'asker.email',
      'asker.address',
      'field',
      'title',
      'text',
      'consent',
      'consent.processing',
      'consent.publication',
      'extra',
      'asker.organisationName',
    ];
    const statuses = new Set<number>();
    for (const path of paths) {
      for (const value of junk) {
        if (value === true && path.startsWith('consent.')) continue; // a valid value there
        const body = structuredClone(question()) as Record<string, any>;
        const parts = path.split('.');
        let node = body;
        for (const part of parts.slice(0, -1)) node = node[part];
        node[parts[parts.length - 1]!] = value;
        const res = await ask(body);
        statuses.add(res.status);
        expect(
          res.status,
          `${path} = ${JSON.stringify(value)?.slice(0, 40)}: ${res.text.slice(0, 300)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    for (const raw of ['{', '[]', 'null', '"x"']) {
      const res = await publicCall('/public/portals/binhdinh/questions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
        from: nextAddress(),
      });
      expect(res.status).toBe(400);
    }
    expect((await ask(question(), nextAddress())).status).toBe(201);
    expect([...statuses]).toEqual([400]);
    // Only the last, valid ask wrote: its question, asker, counter, rate, guard, received fact, clock, audit and event.
    const after = JSON.parse(await fingerprint()) as string[];
    const added = after.filter((k) => !(JSON.parse(before) as string[]).includes(k));
    expect(added.map((k) => k.split('#')[0]).sort()).toEqual([
      'ASKER',
      'AUDIT',
      'OUTBOX',
      'QCOUNTER',
      'QDUP',
      'QFACTS',
      'QRATE',
      'QUESTION',
      'WORK',
    ]);
  });

  it('refuses a second identical question from the same asker (409, no tracking code) and more than 10 asks an hour from one address (429)', async () => {
    await travel('2026-02-16T10:00:00');
    const body = question();
    expect((await ask(body)).status).toBe(201);
    const before = await fingerprint();
    const again = await ask({ ...body, text: `  ${body.text.toUpperCase()} ` });
    expect(again.status).toBe(409);
    expect(again.text).not.toMatch(/HD\.\d{8}/);
    expect(again.json.errors[0]).toMatchObject({ field: 'body.text' });
    // Another asker may ask the same.
    expect((await ask({ ...body, asker: { kind: 'organisation', ...company } })).status).toBe(201);

    const from = nextAddress();
    for (let i = 0; i < 10; i += 1) expect((await ask(question(), from)).status).toBe(201);
    const mid = await fingerprint();
    expect(mid).not.toBe(before);
    const limited = await ask(question(), from);
    expect(limited.status).toBe(429);
    expect(limited.json.detail).toMatch(/10/);
    expect(await fingerprint()).toBe(mid);
    // The next hour, the address may ask again.
    await travel('2026-02-16T11:00:00');
    expect((await ask(question(), from)).status).toBe(201);
  });
});

describe('the optional challenge hook of asking', () => {
  const fingerprint = async () =>
    JSON.stringify(
      (await local.scanAll())
        .filter((i) => !/^(CONSUMED|NOTIFIED)#/.test(String(i.pk)))
        .map((i) => `${i.pk}|${i.sk}|${i.version ?? ''}`)
        .sort(),
    );
  afterAll(() => {
    delete challenge.verifier;
  });

  it('when a province registers a verifier, asks without a passing X-Challenge-Token are 403 naming the header and write nothing', async () => {
    // A stand-in for a provider such as Turnstile: it passes tokens made for the client's own address.
    const seen: string[] = [];
    challenge.verifier = {
      verify: async (token, clientAddress) => (seen.push(clientAddress), token === `human:${clientAddress}`),
    };
    const before = await fingerprint();
    const from = nextAddress();
    const missing = await ask(question({ title: 'Hỏi về việc cấp phép xây dựng nhà ở riêng lẻ' }), from);
    expect(missing.status, missing.text).toBe(403);
    expect(missing.json.errors).toEqual([
      expect.objectContaining({ field: 'headers.X-Challenge-Token', code: 'required' }),
    ]);
    const wrong = await ask(question({ title: 'Hỏi về việc cấp phép xây dựng nhà ở riêng lẻ' }), from, {
      'x-challenge-token': 'human:10.9.9.9',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.errors[0]).toMatchObject({
      code: 'challenge_failed',
      message: { vi: expect.stringMatching(/chống gửi tự động/), en: expect.stringMatching(/anti-automation/) },
    });
    expect(await fingerprint()).toBe(before);
    expect(seen).toEqual([from, from]);
    const passed = await ask(question({ title: 'Hỏi về việc cấp phép xây dựng nhà ở riêng lẻ' }), from, {
      'x-challenge-token': `human:${from}`,
    });
    expect(passed.status, passed.text).toBe(201);
  });
});

describe('attackers', () => {
  let routed: { id: string; secret: string };
  beforeAll(async () => {
    await travel('2026-02-17T09:00:00');
    const asked = (await ask(question())).json;
    routed = { id: asked.trackingCode, secret: asked.secret };
    await step(routed.id, people.secretary!, { action: 'classify', complexity: 'simple' });
    expect((await step(routed.id, people.secretary!, { action: 'route', unit: 'soa' })).status).toBe(200);
  });

  it('answers a wrong secret exactly as an unknown code (404), a missing secret with 401', async () => {
    const wrong = await status(routed.id, 'A'.repeat(43));
    const unknown = await status('HD.20260217.9999', 'A'.repeat(43));
    const strip = (r: RawResponse) => ({
      status: r.status,
      body: { ...r.json, instance: undefined, requestId: undefined },
    });
    expect(wrong.status).toBe(404);
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(strip(wrong).body.detail).toBe(strip(unknown).body.detail);
    expect((await status(routed.id)).status).toBe(401);
    expect((await status(routed.id, 'short')).status).toBe(401);
    expect((await status('HD.2026.1', routed.secret)).status).toBe(400);
    expect((await status(routed.id, routed.secret)).status).toBe(200);
  });

  it('keeps other units, other portals and the wrong roles out', async () => {
    // Sở B cannot see or return Sở A's question; another portal's board cannot touch the province's.
    expect((await call(`/questions/${routed.id}`, people.officerB)).status).toBe(404);
    expect(
      (await step(routed.id, people.officerB!, { action: 'return', reason: 'Không phải của chúng tôi' })).status,
    ).toBe(404);
    expect((await call(`/questions/${routed.id}`, people.otherSecretary)).status).toBe(404);
    expect(
      (await step(routed.id, people.otherSecretary!, { action: 'refuse', ground: 'complaint', reason: 'Khiếu nại' }))
        .status,
    ).toBe(404);
    expect((await call('/units/binhdinh/questions', people.otherSecretary)).status).toBe(403);
    expect((await call('/units/soa/questions', people.officerB)).status).toBe(403);
    // A contributor holds no Q&A role at all; the unit may not route; the board may not return for the unit.
    expect((await call(`/questions/${routed.id}`, people.contributor)).status).toBe(403);
    expect((await step(routed.id, people.headA!, { action: 'route', unit: 'sob' })).status).toBe(403);
    expect((await step(routed.id, people.secretary!, { action: 'return', reason: 'Thử' })).status).toBe(403);
    // Anonymous callers get nothing from the staff routes.
    expect((await call(`/questions/${routed.id}`, undefined)).status).toBe(401);
    // Nothing happened to the question.
    expect((await call(`/questions/${routed.id}`, people.secretary)).body).toMatchObject({
      state: 'routed',
      version: 3,
    });
  });

  it('lets one of 50 concurrent transitions win; the others are told the question changed', async () => {
    const { trackingCode: id } = (await ask(question())).json;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        step(
          id,
          i % 2 ? people.secretary! : people.chief!,
          { action: 'classify', complexity: i % 3 ? 'simple' : 'complex' },
          1,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 412 || s === 409)).toBe(true);
    const audits = await auditOf('binhdinh', id);
    expect(audits.map((a) => a.action).sort()).toEqual(['question.ask', 'question.classify']);
    expect((await call(`/questions/${id}`, people.secretary)).body).toMatchObject({ state: 'classified', version: 2 });
  });
});

describe('answering: the board checks the answer before the asker sees it', () => {
  it('goes answer → return-answer (new clock) → answer → approve-answer → send, the asker seeing the answer only once sent', async () => {
    // A legal document published on the province's portal, for the answer to cite and link.
    await travel('2026-03-02T09:00:00');
    const created = await call('/units/binhdinh/content', people.contributor, {
      method: 'POST',
      body: {
        category: 'legal-document',
        language: 'vi',
        title: 'Quyết định ban hành quy chế',
        body: '<p>Toàn văn</p>',
        submit: true,
        legalDocument: {
          form: 'quyet-dinh',
          numberSymbol: '12/2026/QĐ-UBND',
          issuingAuthority: 'Ủy ban nhân dân tỉnh Bình Định',
          signer: 'Phạm Anh Tuấn',
          issuedOn: '2026-02-13',
          summary: 'Ban hành quy chế cấp giấy chứng nhận',
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.id as string;
    for (const [who, action] of [
      [people.secretary, 'accept'],
      [people.secretary, 'propose'],
      [people.chief, 'approve'],
      [people.secretary, 'publish'],
    ] as const) {
      expect((await call(`/content/${documentId}/transitions`, who, { method: 'POST', body: { action } })).status).toBe(
        200,
      );
    }

    // Wed 04/03: asked, classified and routed to Sở A: the answer is due by the end of Tue 10/03.
    await travel('2026-03-04T09:00:00');
    const { trackingCode: id, secret } = (await ask(question())).json;
    await step(id, people.secretary!, { action: 'classify', complexity: 'simple' });
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa' })).body).toMatchObject({
      answerDueAt: endOf('2026-03-10'),
    });

    const citation = {
      numberSymbol: '12/2026/QĐ-UBND',
      summary: 'Ban hành quy chế cấp giấy chứng nhận',
      issuedOn: '2026-02-13',
      issuer: 'Ủy ban nhân dân tỉnh Bình Định',
      contentId: documentId,
    };
    const answer = {
      text: 'Theo Điều 5 Quyết định 12/2026/QĐ-UBND, hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.',
      citations: [citation],
    };
    // Only the unit it was routed to answers; the answer must be complete, in Vietnamese, citing documents as they are.
    expect((await step(id, people.officerB!, { action: 'answer', answer })).status).toBe(404);
    expect((await step(id, people.secretary!, { action: 'answer', answer })).status).toBe(403);
    expect((await step(id, people.headA!, { action: 'answer' })).body.errors[0]).toMatchObject({
      field: 'body.answer',
      code: 'required',
    });
    expect(
      (
        await step(id, people.headA!, {
          action: 'answer',
          answer: { ...answer, text: 'Ho so gom don de nghi va giay to ve quyen su dung dat' },
        })
      ).body.errors[0],
    ).toMatchObject({ field: 'body.answer.text', code: 'no_diacritics' });
    const wrongNumber = await step(id, people.headA!, {
      action: 'answer',
      answer: { ...answer, citations: [{ ...citation, numberSymbol: '13/2026/QĐ-UBND' }] },
    });
    expect(wrongNumber.body.errors[0]).toMatchObject({ field: 'body.answer.citations.0.contentId', code: 'mismatch' });
    const unknown = await step(id, people.headA!, {
      action: 'answer',
      answer: { ...answer, citations: [{ ...citation, contentId: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.answer.citations.0.contentId', code: 'not_found' });
    expect(
      (
        await step(id, people.headA!, {
          action: 'answer',
          answer: { ...answer, citations: [{ ...citation, issuedOn: '13/02/2026' }] },
        })
      ).body.errors[0].field,
    ).toBe('body.answer.citations.0.issuedOn');

    await travel('2026-03-05T09:00:00');
    expect((await step(id, people.headA!, { action: 'answer', answer }, 3)).body).toEqual({
      id,
      stage: 'answered',
      version: 4,
      answerDueAt: endOf('2026-03-10'),
    });
    // Answered is not sent: the asker sees the stage, not the answer.
    expect((await status(id, secret)).json).toMatchObject({ stage: 'answered' });
    expect((await status(id, secret)).json).not.toHaveProperty('answer');
    // Nobody approves their own answer; the secretary holds no qa.check; the chief returns it with a comment, on a new clock.
    expect((await step(id, people.secretary!, { action: 'approve-answer' })).status).toBe(403);
    expect((await step(id, people.headA!, { action: 'approve-answer' })).status).toBe(403);
    expect((await step(id, people.chief!, { action: 'return-answer' })).body.errors[0]).toMatchObject({
      field: 'body.comment',
      code: 'required',
    });
    await travel('2026-03-06T09:00:00');
    const back = await step(id, people.chief!, { action: 'return-answer', comment: 'Đề nghị nêu rõ nơi nộp hồ sơ' }, 4);
    expect(back.body).toMatchObject({
      stage: 'routed',
      version: 5,
      answerDueAt: endOf('2026-03-12'),
      dueAt: endOf('2026-03-12'),
    });
    await travel('2026-03-09T09:00:00');
    const better = { ...answer, text: `${answer.text} Hồ sơ nộp tại Bộ phận một cửa của Ủy ban nhân dân cấp xã.` };
    expect((await step(id, people.officerA!, { action: 'answer', answer: better }, 5)).body).toMatchObject({
      stage: 'answered',
      version: 6,
    });
    expect((await step(id, people.chief!, { action: 'approve-answer' }, 6)).body).toMatchObject({
      stage: 'approved',
      version: 7,
    });
    expect((await status(id, secret)).json).not.toHaveProperty('answer');
    expect((await step(id, people.officerA!, { action: 'send' })).status).toBe(403);
    await travel('2026-03-09T10:00:00');
    expect((await step(id, people.secretary!, { action: 'send' }, 7)).body).toMatchObject({
      stage: 'sent',
      version: 8,
    });

    const seen = (await status(id, secret)).json;
    expect(seen).toMatchObject({
      stage: 'sent',
      answer: {
        text: better.text,
        citations: [citation],
        answeredAt: '2026-03-09T02:00:00.000Z',
        sentAt: '2026-03-09T03:00:00.000Z',
      },
    });
    // Bình Định's regulation has no advisory notice: the answer cites nobody else's (CB 11.6 is Cao Bằng's).
    expect(seen.answer).not.toHaveProperty('advisoryNotice');
    expect(JSON.stringify(seen)).not.toContain(people.officerA!.id);
    // Answered, approved and sent are separate facts; the returned answer is kept with the comment.
    const staff = (await call(`/questions/${id}`, people.secretary)).body;
    expect(staff).toMatchObject({
      state: 'sent',
      answeredAt: '2026-03-09T02:00:00.000Z',
      answeredOnTime: true,
      approval: { by: people.chief!.id, at: '2026-03-09T02:00:00.000Z' },
      sentAt: '2026-03-09T03:00:00.000Z',
      answer: { by: people.officerA!.id },
      returnedAnswers: [
        {
          text: answer.text,
          by: people.headA!.id,
          comment: 'Đề nghị nêu rõ nơi nộp hồ sơ',
          returnedAt: '2026-03-06T02:00:00.000Z',
        },
      ],
    });
    expect(staff).not.toHaveProperty('dueAt');
    // Published (the asker consented): its own fact, with its instant (questions-publication.test.ts covers the copy).
    expect((await step(id, people.secretary!, { action: 'publish' }, 8)).body).toMatchObject({
      stage: 'published',
      version: 9,
    });
    expect((await status(id, secret)).json).toMatchObject({
      stage: 'published',
      publishedAt: '2026-03-09T03:00:00.000Z',
      answer: { sentAt: '2026-03-09T03:00:00.000Z' },
    });
  });
});

// Personal data never leaks: it appears in no public response, event, audit entry or log line of this whole file,
// and only in the asker items. A check of the whole file, so after all its tests (they run in any order).
afterWholeFile(async (wholeFile) => {
  const items = await local.scanAll();
  const outbox = items.filter((i) => i.pk.startsWith('OUTBOX#')).map((i) => JSON.stringify(i));
  const audits = items.filter((i) => i.pk.startsWith('AUDIT#')).map((i) => JSON.stringify(i));
  const questions = items
    .filter((i) => i.pk.startsWith('QUESTION#') || i.pk.startsWith('WORK#'))
    .map((i) => JSON.stringify(i));
  const logLines = logs.lines();
  if (wholeFile) {
    expect(publicAnswers.length).toBeGreaterThan(100);
    expect(outbox.some((e) => e.includes('QuestionReceived'))).toBe(true);
    expect(logLines.some((l) => l.includes('/public/portals/{portal}/questions'))).toBe(true);
  }
  const haystacks: Array<[string, string[]]> = [
    ['public response', publicAnswers.map((r) => `${JSON.stringify(r.headers)}\n${r.text}`)],
    ['event', outbox],
    ['audit entry', audits],
    ['question item', questions],
    ['log line', logLines],
  ];
  for (const value of personal) {
    for (const [where, texts] of haystacks) {
      const leak = texts.find((t) => t.includes(value) || t.includes(JSON.stringify(value).slice(1, -1)));
      expect(leak, `${value} in a ${where}`).toBeUndefined();
    }
  }
  // The asker items hold them, apart from the questions, sealed (AES-256-GCM under a per-question data key).
  const askers = items.filter((i) => i.pk.startsWith('ASKER#'));
  if (wholeFile) expect(askers.length).toBeGreaterThan(0);
  for (const asker of askers) {
    expect(asker.sealed).toMatchObject({ alg: 'AES-256-GCM', keyRef: 'local' });
    for (const value of personal) expect(JSON.stringify(asker)).not.toContain(value);
  }
});
