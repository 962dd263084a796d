import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureLogs, seedQuestionUnits, logAtInfo } from '../support/log-capture';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { httpFrom, type RawResponse } from '../support/http-from';
import { questionFlow } from '../support/question-flow';
import { auditLog } from '../support/audit-log';
import { afterWholeFile } from '../support/whole-file';
import { loadDeploymentConfig } from '../../infra/config/deployment';

// The request log must be on to prove it holds no personal data.
logAtInfo();

/**
 * Issue 9 §4 and §7 through HTTP on the local stack (Bình Định, 2026's calendar, fake Dates): the
 * asker's rating and the reopening it causes, the board's reopen, the asker's data shown to the
 * routed unit only when the board chooses, erasure by the asker and on an authority's demand, and
 * a scan of every public answer, log line, event and table item of the run for the askers' values.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-16T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

const travel = traveller(local.api, people);

/** Distinctive values, so that finding one anywhere is a leak, not a coincidence. */
const quyen = {
  fullName: 'Trần Thị Bí Mật Quyên',
  nationality: 'Việt Nam',
  address: '77 Đường Riêng Tư Kín Đáo, phường Ghềnh Ráng',
  phone: '0912 765 432',
  email: 'quyen.bimat.riengtu@example.vn',
};
const xoa = {
  fullName: 'Đoàn Văn Cần Xóa Hẳn',
  nationality: 'Việt Nam',
  address: '9 Hẻm Xóa Dữ Liệu, xã Phước Thuận',
  phone: '0977 000 313',
  email: 'can.xoa.han@example.vn',
};
const hopTac = {
  representativeName: 'Võ Minh Đại Diện Kín',
  representativePosition: 'Tổng giám đốc',
  organisationName: 'Công ty Cổ phần Tuyệt Mật Quy Nhơn',
  phone: '0256 3999 717',
  email: 'tuyetmat.qn@example.vn',
};
const personal = [
  quyen.fullName,
  quyen.address,
  quyen.phone,
  quyen.email,
  xoa.fullName,
  xoa.address,
  xoa.phone,
  xoa.email,
  hopTac.representativeName,
  hopTac.organisationName,
  hopTac.phone,
  hopTac.email,
];

let texts = 0;
const question = (asker: Record<string, unknown> = { kind: 'individual', ...quyen }) => ({
  asker,
  field: 'labour-social',
  title: 'Hỏi về chế độ bảo hiểm xã hội một lần',
  text: `Xin hỏi người lao động nghỉ việc được hưởng bảo hiểm xã hội một lần trong những trường hợp nào? (${(texts += 1)})`,
  consent: { processing: true, publication: false },
});

let addresses = 0;
const publicAnswers: RawResponse[] = [];
const publicCall = async (path: string, init: Parameters<typeof httpFrom>[2] = {}) => {
  const res = await httpFrom(local.stack().gateway.url, path, {
    from: `127.0.2.${(addresses = (addresses % 250) + 1)}`,
    ...init,
  });
  publicAnswers.push(res);
  return res;
};
const ask = async (body: unknown) => {
  const res = await publicCall('/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { trackingCode: string; secret: string };
};
const secretHeader = (secret?: string): Record<string, string> =>
  secret === undefined ? {} : { 'x-question-secret': secret };
const status = (code: string, secret: string) =>
  publicCall(`/public/questions/${code}`, { headers: secretHeader(secret) });
const rate = (
  code: string,
  secret: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
  from?: string,
) =>
  publicCall(`/public/questions/${code}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...secretHeader(secret), ...headers },
    body: JSON.stringify(body),
    ...(from !== undefined && { from }),
  });
const erase = (code: string, secret?: string) =>
  publicCall(`/public/questions/${code}/erasure`, { method: 'POST', headers: secretHeader(secret) });
const step = (id: string, who: Person, body: Record<string, unknown>) =>
  call(`/questions/${id}/transitions`, who, { method: 'POST', body });
const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
const answer = {
  text: 'Người lao động được hưởng bảo hiểm xã hội một lần khi đủ tuổi nghỉ hưu mà chưa đủ 15 năm đóng.',
  citations: [],
};

const auditOf = auditLog(call, () => people.auditor);
const questions = questionFlow(call, {
  cast: () => ({ secretary: people.secretary, unitHead: people.headA, chief: people.chief }),
  ask,
  walk: { answer },
});
/** Asked, classified, routed to Sở A (sharing the asker's data if told), answered, approved and sent. */
const sentQuestion = (asker?: Record<string, unknown>, share = false) =>
  questions.questionIn('sent', question(asker), { shareAskerData: share });

const COMMENT = 'Câu trả lời chưa nói rõ mức hưởng';

let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs();
  await seedQuestionUnits();
  // Independent accounts: created and signed in at once.
  [people.secretary, people.chief, people.headA, people.officerA, people.officerB, people.auditor] = await Promise.all([
    person(local.api, 'thuky.pv', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.pv', 'binhdinh', ['chief-editor']),
    person(local.api, 'giamdoc.pv', 'soa', ['unit-head']),
    person(local.api, 'canbo.pv', 'soa', ['unit-officer']),
    person(local.api, 'canbob.pv', 'sob', ['unit-officer']),
    person(local.api, 'kiemtra.pv', 'binhdinh', ['auditor']),
  ]);
}, 120_000);

afterAll(() => {
  logs.restore();
  vi.useRealTimers();
});

describe("the asker's rating", () => {
  it('rates once the answer is sent; "not-answered" within 10 working days reopens it for the board, once; a wrong secret is an unknown code', async () => {
    await travel('2026-03-16T09:00:00');
    const { trackingCode: id, secret } = await ask(question());
    // Not sent yet: nothing to rate.
    expect((await rate(id, secret, { rating: 'satisfied' })).status).toBe(409);
    const sent = await sentQuestion(undefined, true);

    // Attackers: a wrong secret answers as an unknown code; no secret is a 401; a bad rating names the field.
    const wrong = await rate(sent.trackingCode, 'A'.repeat(43), { rating: 'not-answered' });
    const unknown = await rate('HD.20260316.9999', 'A'.repeat(43), { rating: 'not-answered' });
    const strip = (r: RawResponse) => ({
      status: r.status,
      body: { ...r.json, instance: undefined, requestId: undefined },
    });
    expect(wrong.status).toBe(404);
    expect(strip(wrong)).toEqual(strip(unknown));
    expect((await rate(sent.trackingCode, undefined, { rating: 'not-answered' })).status).toBe(401);
    expect((await rate(sent.trackingCode, sent.secret, { rating: 'bad' })).json.errors[0]).toMatchObject({
      field: 'body.rating',
    });
    expect((await status(sent.trackingCode, sent.secret)).json).toMatchObject({
      stage: 'sent',
      answer: { text: answer.text },
    });

    // Tue 17/03, within the window (sent Mon 16/03 + 10 working days = end of Mon 30/03): reopened.
    await travel('2026-03-17T10:00:00');
    const rated = await rate(
      sent.trackingCode,
      sent.secret,
      { rating: 'not-answered', comment: 'Câu trả lời chưa nói rõ mức hưởng' },
      { 'idempotency-key': 'danh-gia-1' },
      '127.0.3.1',
    );
    expect(rated.status, rated.text).toBe(201);
    expect(rated.json).toEqual({
      trackingCode: sent.trackingCode,
      stage: 'reopened',
      rating: 'not-answered',
      at: '2026-03-17T03:00:00.000Z',
      reopened: true,
      reopenWindowEndsAt: endOf('2026-03-30'),
    });
    // A retry with its key replays it; a second rating is refused.
    expect(
      await rate(
        sent.trackingCode,
        sent.secret,
        { rating: 'not-answered', comment: 'Câu trả lời chưa nói rõ mức hưởng' },
        { 'idempotency-key': 'danh-gia-1' },
        '127.0.3.1',
      ),
    ).toMatchObject({ status: 201, headers: { 'idempotent-replayed': 'true' } });
    expect((await rate(sent.trackingCode, sent.secret, { rating: 'satisfied' })).status).toBe(409);

    // The asker sees the stage, the rating and the board's new clock, no longer the answer.
    const seen = (await status(sent.trackingCode, sent.secret)).json;
    expect(seen).toMatchObject({
      stage: 'reopened',
      rating: { rating: 'not-answered', comment: COMMENT, reopened: true },
      dueAt: endOf('2026-03-18'),
    });
    expect(seen).not.toHaveProperty('answer');
    // The board's queue has it, on its classification clock; the sent answer is kept in the history.
    const queue = await call('/units/binhdinh/questions?view=portal&stage=reopened', people.secretary);
    // (with those other tests reopened: the board's queue of reopened questions, all of them).
    expect(queue.body.items.map((q: { id: string }) => q.id)).toContain(sent.trackingCode);
    expect(queue.body.items.every((q: { stage: string }) => q.stage === 'reopened')).toBe(true);
    const staff = (await call(`/questions/${sent.trackingCode}`, people.secretary)).body;
    expect(staff).toMatchObject({
      state: 'reopened',
      openClocks: ['classify'],
      classificationDueAt: endOf('2026-03-18'),
      previousAnswers: [{ sentAt: '2026-03-16T02:00:00.000Z', answer: { text: answer.text } }],
    });
    expect(staff).not.toHaveProperty('sentAt');
    const work = (await local.scanAll()).find((i) => i.aggregateId === sent.trackingCode && i.clock === 'classify');
    expect(work).toMatchObject({ status: 'open', unitCode: 'binhdinh', dueAt: endOf('2026-03-18') });

    // The board routes it again, answers, sends: a rating stays one per question.
    for (const [who, body] of [
      [people.secretary, { action: 'route', unit: 'soa' }],
      [
        people.headA,
        { action: 'answer', answer: { ...answer, text: `${answer.text} Mức hưởng tính theo số năm đóng.` } },
      ],
      [people.chief, { action: 'approve-answer' }],
      [people.secretary, { action: 'send' }],
    ] as const) {
      expect((await step(sent.trackingCode, who!, body)).status).toBe(200);
    }
    expect((await status(sent.trackingCode, sent.secret)).json).toMatchObject({
      stage: 'sent',
      answer: { text: expect.stringContaining('Mức hưởng') },
    });
    expect((await rate(sent.trackingCode, sent.secret, { rating: 'not-answered' })).status).toBe(409);
  });

  it('records a late "not-answered" without reopening; the board may reopen with a reason', async () => {
    await travel('2026-03-16T11:00:00');
    const sent = await sentQuestion();
    // Tue 31/03: the window closed at the end of Mon 30/03.
    await travel('2026-03-31T09:00:00');
    const late = await rate(sent.trackingCode, sent.secret, { rating: 'not-answered' });
    expect(late.json).toMatchObject({ stage: 'sent', reopened: false, reopenWindowEndsAt: endOf('2026-03-30') });
    expect((await status(sent.trackingCode, sent.secret)).json).toMatchObject({
      stage: 'sent',
      rating: { rating: 'not-answered', reopened: false },
    });
    // The board's own reopen: a reason is required; the unit may not.
    expect((await step(sent.trackingCode, people.secretary!, { action: 'reopen' })).body.errors[0]).toMatchObject({
      field: 'body.reason',
    });
    expect((await step(sent.trackingCode, people.headA!, { action: 'reopen', reason: 'Thử' })).status).toBe(403);
    const reopened = await step(sent.trackingCode, people.secretary!, {
      action: 'reopen',
      reason: 'Người hỏi phản ánh câu trả lời chưa đúng trọng tâm',
    });
    expect(reopened.body).toMatchObject({ stage: 'reopened', dueAt: endOf('2026-04-01') });
    expect((await status(sent.trackingCode, sent.secret)).json).not.toHaveProperty('answer');
  });

  it('lets one of 50 concurrent ratings win; the others are refused', async () => {
    await travel('2026-04-01T09:00:00');
    const sent = await sentQuestion();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rate(sent.trackingCode, sent.secret, { rating: i % 2 ? 'not-answered' : 'partly' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const audits = (await auditOf('binhdinh', sent.trackingCode)).filter((e) => e.action === 'question.rate');
    expect(audits).toHaveLength(1);
    const winner = answers.find((a) => a.status === 201)!.json;
    expect((await status(sent.trackingCode, sent.secret)).json).toMatchObject({
      stage: winner.reopened ? 'reopened' : 'sent',
      rating: { rating: winner.rating },
    });
  });
});

describe("the asker's data, shown to the routed unit only when the board chooses", () => {
  it('shows it to the board always, to the unit it was shared with, and to no one else', async () => {
    await travel('2026-04-02T09:00:00');
    const { trackingCode: id } = await ask(question({ kind: 'organisation', ...hopTac }));
    expect((await step(id, people.secretary!, { action: 'classify', complexity: 'simple' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa' })).status).toBe(200);
    // Routed without sharing: the unit reads the question, not the asker.
    const unitView = await call(`/questions/${id}`, people.officerA);
    expect(unitView.status).toBe(200);
    expect(unitView.body).not.toHaveProperty('asker');
    expect((await call(`/questions/${id}`, people.secretary)).body.asker).toMatchObject({
      kind: 'organisation',
      organisationName: hopTac.organisationName,
    });
    // Returned, then re-routed with sharing: the unit sees it, audited; another unit sees nothing.
    expect(
      (await step(id, people.headA!, { action: 'return', reason: 'Đề nghị chuyển lại để chia sẻ thông tin người hỏi' }))
        .status,
    ).toBe(200);
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa', shareAskerData: true })).status).toBe(
      200,
    );
    expect((await call(`/questions/${id}`, people.officerA)).body.asker).toMatchObject({
      representativeName: hopTac.representativeName,
      phone: hopTac.phone,
    });
    expect((await call(`/questions/${id}`, people.officerB)).status).toBe(404);
    const shared = (await auditOf('binhdinh', id)).filter((e) => e.action === 'question.share-asker');
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ actor: { id: people.secretary!.id }, after: { askerSharedWith: 'soa' } });
    // Returned again: the sharing ends with the routing; re-routed to Sở B without it, Sở B sees none.
    expect(
      (await step(id, people.headA!, { action: 'return', reason: 'Không thuộc thẩm quyền của Sở A' })).status,
    ).toBe(200);
    expect((await call(`/questions/${id}`, people.secretary)).body).not.toHaveProperty('askerSharedWith');
    expect((await step(id, people.secretary!, { action: 'route', unit: 'sob' })).status).toBe(200);
    const other = await call(`/questions/${id}`, people.officerB);
    expect(other.status).toBe(200);
    expect(other.body).not.toHaveProperty('asker');
  });
});

describe('erasure', () => {
  it("destroys the asker's data on the asker's request, not hidden: no value left in the table; the question stays workable", async () => {
    await travel('2026-04-03T09:00:00');
    const first = question({ kind: 'individual', ...xoa });
    const { trackingCode: id, secret } = await ask(first);
    const before = await local.scanAll();
    expect(before.some((i) => i.pk === `ASKER#${id}`)).toBe(true);
    const guards = before.filter((i) => i.pk.startsWith('QDUP#')).length;

    expect((await erase(id, 'A'.repeat(43))).status).toBe(404);
    expect((await erase(id)).status).toBe(401);
    const erased = await erase(id, secret);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.json).toEqual({
      trackingCode: id,
      erasureRequestedAt: '2026-04-03T02:00:00.000Z',
      erasedAt: '2026-04-03T02:00:00.000Z',
    });
    // Again, later: the same instants.
    await travel('2026-04-03T10:00:00');
    expect((await erase(id, secret)).json).toEqual(erased.json);

    const after = await local.scanAll();
    expect(after.some((i) => i.pk === `ASKER#${id}`)).toBe(false);
    expect(after.filter((i) => i.pk.startsWith('QDUP#')).length).toBe(guards - 1);
    const everything = after.map((i) => JSON.stringify(i)).join('\n');
    for (const value of [xoa.fullName, xoa.address, xoa.phone, xoa.email])
      expect(everything, value).not.toContain(value);
    const audit = after.find(
      (i) => i.pk.startsWith('AUDIT#') && i.target?.id === id && i.action === 'question.erase-asker',
    );
    expect(audit).toMatchObject({
      actor: { id: 'asker', kind: 'anonymous' },
      after: { askerData: 'destroyed', on: 'asker-request' },
    });

    // The question is kept, anonymised, and still worked on; the asker still follows it.
    expect((await call(`/questions/${id}`, people.secretary)).body).not.toHaveProperty('asker');
    expect((await step(id, people.secretary!, { action: 'classify', complexity: 'simple' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'route', unit: 'soa', shareAskerData: true })).status).toBe(
      200,
    );
    expect((await call(`/questions/${id}`, people.officerA)).body).not.toHaveProperty('asker');
    expect((await status(id, secret)).json).toMatchObject({
      stage: 'routed',
      erasure: { erasedAt: '2026-04-03T02:00:00.000Z' },
    });
    // The duplicate guard went with it: the same person may ask the same again.
    await ask(first);
  });

  it("drops the rating's comment (the asker's free text) and keeps the rating", async () => {
    // A question of its own, rated with a comment of its own within the window.
    await travel('2026-04-06T09:00:00');
    const { trackingCode: id, secret } = await sentQuestion();
    await travel('2026-04-07T09:00:00');
    const comment = 'Tôi chưa rõ mức hưởng của mình';
    expect((await rate(id, secret, { rating: 'not-answered', comment })).status).toBe(201);
    expect(JSON.stringify(await local.scanAll())).toContain(comment);
    expect((await erase(id, secret)).status).toBe(200);
    expect(JSON.stringify(await local.scanAll())).not.toContain(comment);
    const seen = (await status(id, secret)).json;
    expect(seen.rating).toMatchObject({ rating: 'not-answered', reopened: true });
    expect(seen.rating).not.toHaveProperty('comment');
  });

  it("destroys it on an authority's demand, by the board's chief only", async () => {
    await travel('2026-04-03T10:00:00');
    const { trackingCode: id, secret } = await ask(question({ kind: 'individual', ...quyen }));
    const demand = { demandReference: 'Công văn 125/CAT-PA05' };
    expect((await call(`/questions/${id}/erasure`, people.secretary, { method: 'POST', body: demand })).status).toBe(
      403,
    );
    expect((await call(`/questions/${id}/erasure`, people.officerA, { method: 'POST', body: demand })).status).toBe(
      403,
    );
    expect(
      (await call(`/questions/${id}/erasure`, people.chief, { method: 'POST', body: {} })).body.errors[0],
    ).toMatchObject({ field: 'body.demandReference' });
    const done = await call(`/questions/${id}/erasure`, people.chief, { method: 'POST', body: demand });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ trackingCode: id, erasedAt: '2026-04-03T03:00:00.000Z' });
    const items = await local.scanAll();
    expect(items.some((i) => i.pk === `ASKER#${id}`)).toBe(false);
    expect(
      items.find((i) => i.pk.startsWith('AUDIT#') && i.target?.id === id && i.action === 'question.erase-asker'),
    ).toMatchObject({
      actor: { id: people.chief!.id },
      after: { on: 'authority-demand', demandReference: 'Công văn 125/CAT-PA05' },
    });
    expect((await status(id, secret)).json).toMatchObject({
      stage: 'received',
      erasure: { erasedAt: '2026-04-03T03:00:00.000Z' },
    });
  });
});

// Personal data never leaks (the whole run): in no public response, log line, event or table item in clear, only
// sealed in the asker items. A check of the whole file, so after all its tests (they run in any order).
afterWholeFile(async (wholeFile) => {
  const items = await local.scanAll();
  const outbox = items.filter((i) => i.pk.startsWith('OUTBOX#')).map((i) => JSON.stringify(i));
  const logLines = logs.lines();
  if (wholeFile) {
    expect(publicAnswers.length).toBeGreaterThan(60);
    expect(outbox.some((e) => e.includes('QuestionReopened'))).toBe(true);
    expect(logLines.some((l) => l.includes('/public/questions/{trackingCode}/rating'))).toBe(true);
  }
  const haystacks: Array<[string, string[]]> = [
    ['public response', publicAnswers.map((r) => `${JSON.stringify(r.headers)}\n${r.text}`)],
    ['log line', logLines],
    ['event', outbox],
    ['table item', items.map((i) => JSON.stringify(i))],
  ];
  for (const value of personal) {
    for (const [where, texts] of haystacks) {
      const leak = texts.find((t) => t.includes(value) || t.includes(JSON.stringify(value).slice(1, -1)));
      expect(leak, `${value} in a ${where}`).toBeUndefined();
    }
  }
  expect(items.filter((i) => i.pk.startsWith('ASKER#')).every((i) => i.sealed?.alg === 'AES-256-GCM')).toBe(true);
});
