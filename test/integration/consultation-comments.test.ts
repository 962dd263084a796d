import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { captureLogs, logAtInfo, seedQuestionUnits } from '../support/log-capture';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { httpFrom, type RawResponse } from '../support/http-from';
import { auditLog } from '../support/audit-log';
import { afterWholeFile } from '../support/whole-file';
import { seedConsultation } from '../support/consultation-seed';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import type { AskChallenge } from '../../shared/application/ask-challenge';
import { keys } from '../../shared/adapters/dynamo/keys';
import { hourWindowOf } from '../../shared/adapters/dynamo/rate-window';
import {
  COMMENTS_PER_ADDRESS_PER_HOUR,
  COMMENTS_PER_CONSULTATION_PER_HOUR,
} from '../../shared/application/consultation-comments';

// The request log must be on to prove it holds no personal data.
logAtInfo();

/**
 * Comments on a consultation and their moderation (issue 28 #2, #3) through HTTP on the local stack
 * (Bình Định: moderation before publication): per article and on the whole draft, as an individual
 * and an organisation; the window; the preset's fields, Vietnamese text, the rates, the honeypot
 * and the challenge hook; Idempotency-Key under 50 concurrent requests; the board's moderation and
 * the attackers'; the commenter's follow-up; and no commenter's data in any public answer, log line
 * or event of the file.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-16T09:00:00');

/** The province's human check, as its root would wire one: off (everything passes) until a test sets a verifier. */
const challenge: { verifier?: AskChallenge } = {};
const local = useLocalStack({
  config: loadDeploymentConfig('infra/config/provinces/binhdinh.json'),
  askChallenge: { verify: async (token, address) => challenge.verifier?.verify(token, address) ?? true },
});
const call = caller(local.api);
const people: Record<string, Person> = {};
const auditOf = auditLog(call, () => people.auditor);
const travel = traveller(local.api, people);

const lan = {
  kind: 'individual',
  fullName: 'Phạm Thị Góp Ý Kín',
  nationality: 'Việt Nam',
  address: '45 Đường Bảo Mật Riêng, phường Nhơn Bình',
  phone: '0935 246 813',
  email: 'gopy.kin.rieng@example.vn',
};
const hiepHoi = {
  kind: 'organisation',
  representativeName: 'Lý Văn Đại Diện Hội',
  representativePosition: 'Chủ tịch',
  organisationName: 'Hiệp hội Tiểu thương Chợ Kín Đáo',
  phone: '0256 3777 919',
  email: 'hiephoi.kindao@example.vn',
};
const personal = [
  lan.fullName,
  lan.address,
  lan.phone,
  lan.email,
  hiepHoi.representativeName,
  hiepHoi.organisationName,
  hiepHoi.phone,
  hiepHoi.email,
];

let consultationId = '';
let closedId = '';
let laterId = '';
let texts = 0;
const comment = (over: Record<string, unknown> = {}) => ({
  commenter: lan,
  article: 2,
  text: `Đề nghị bổ sung hộ kinh doanh cá thể vào đối tượng áp dụng của quy định (${(texts += 1)}).`,
  consent: { processing: true, publication: true },
  ...over,
});

let addresses = 0;
const nextAddress = () => `127.0.4.${(addresses = (addresses % 250) + 1)}`;
const publicAnswers: RawResponse[] = [];
const publicCall = async (path: string, init: Parameters<typeof httpFrom>[2] = {}) => {
  const res = await httpFrom(local.stack().gateway.url, path, { from: nextAddress(), ...init });
  publicAnswers.push(res);
  return res;
};
const post = (id: string, body: unknown, headers: Record<string, string> = {}, from?: string) =>
  publicCall(`/public/portals/binhdinh/consultations/${id}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(from !== undefined && { from }),
  });
const commentOn = async (body: unknown = comment()) => {
  const res = await post(consultationId, body);
  expect(res.status, res.text).toBe(201);
  return res.json as { code: string; secret: string; state: string };
};
const status = (code: string, secret?: string) =>
  publicCall(`/public/consultation-comments/${code}`, {
    headers: secret === undefined ? {} : { 'x-comment-secret': secret },
  });
const publicList = async (id = consultationId) => {
  const res = await publicCall(`/public/portals/binhdinh/consultations/${id}/comments?limit=100`);
  expect(res.status, res.text).toBe(200);
  return res.json as { items: Array<{ code: string; text: string; article?: number; flag?: string }> };
};
const moderate = (code: string, who: Person | undefined, body: Record<string, unknown>) =>
  call(`/consultation-comments/${code}/moderation`, who, { method: 'POST', body });
const commentsInTable = async () =>
  (await local.scanAll()).filter((i) => String(i.pk).startsWith('COMMENT#')).map((i) => i as Record<string, any>);

let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs();
  await seedQuestionUnits();
  [people.secretary, people.chief, people.secretaryB, people.headA, people.officerA, people.auditor] =
    await Promise.all([
      person(local.api, 'thuky.gy', 'binhdinh', ['secretary']),
      person(local.api, 'truongban.gy', 'binhdinh', ['chief-editor']),
      person(local.api, 'thukyb.gy', 'sob', ['secretary']),
      person(local.api, 'giamdoc.gy', 'soa', ['unit-head']),
      person(local.api, 'canbo.gy', 'soa', ['unit-officer']),
      person(local.api, 'kiemtra.gy', 'binhdinh', ['auditor']),
    ]);
  consultationId = (
    await seedConsultation({
      unitCode: 'binhdinh',
      opensAt: '2026-03-16T01:00:00.000Z',
      closesAt: '2026-04-15T10:00:00.000Z',
    })
  ).id;
  closedId = (
    await seedConsultation({
      unitCode: 'binhdinh',
      opensAt: '2026-02-01T01:00:00.000Z',
      closesAt: '2026-03-10T10:00:00.000Z',
      state: 'closed',
    })
  ).id;
  laterId = (
    await seedConsultation({
      unitCode: 'binhdinh',
      opensAt: '2026-05-01T01:00:00.000Z',
      closesAt: '2026-06-01T10:00:00.000Z',
      state: 'scheduled',
    })
  ).id;
}, 120_000);

afterAll(() => {
  logs.restore();
  vi.useRealTimers();
});

// Each part builds on the one before it (the scenario's data): kept in order under a shuffled run.
describe('consultation comments, in order', { shuffle: false }, () => {
  describe('commenting', () => {
    it('takes comments per article and on the whole draft, from an individual and an organisation; each follows its own', async () => {
      const fromLan = await commentOn(comment({ article: 1 }));
      const fromHiepHoi = await commentOn(
        comment({
          commenter: hiepHoi,
          article: 2,
          text: 'Hiệp hội đề nghị làm rõ trách nhiệm của thương nhân kinh doanh tại chợ.',
        }),
      );
      const whole = await commentOn(
        comment({ article: undefined, text: 'Dự thảo cần quy định rõ lộ trình thực hiện.' }),
      );
      for (const c of [fromLan, fromHiepHoi, whole]) {
        expect(c.code).toMatch(/^GY\.20260316\.\d{4,}$/);
        expect(c.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(c.state).toBe('pending');
      }
      expect((await status(fromLan.code, fromLan.secret)).json).toMatchObject({
        code: fromLan.code,
        consultationId,
        draftVersion: 1,
        article: 1,
        state: 'pending',
      });
      expect((await status(whole.code, whole.secret)).json).not.toHaveProperty('article');
      // Another's secret answers as an unknown code; no secret is a 401.
      const strip = (r: RawResponse) => ({
        status: r.status,
        body: { ...r.json, instance: undefined, requestId: undefined },
      });
      const wrong = await status(fromLan.code, fromHiepHoi.secret);
      expect(wrong.status).toBe(404);
      expect(strip(wrong)).toEqual(strip(await status('GY.20260316.9999', fromHiepHoi.secret)));
      expect((await status(fromLan.code)).status).toBe(401);
      // Stored with the article's digest, the commenter sealed apart; audited without them.
      const stored = (await commentsInTable()).find((i) => i.id === fromHiepHoi.code)!;
      expect(stored).toMatchObject({ article: { number: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      const sealed = (await local.scanAll()).find((i) => i.pk === `COMMENTER#${fromHiepHoi.code}`);
      expect(sealed).toMatchObject({ sealed: { alg: 'AES-256-GCM' } });
      const audits = await auditOf('binhdinh', fromHiepHoi.code);
      expect(audits).toEqual([
        expect.objectContaining({
          action: 'consultation-comment.receive',
          after: { consultationId, article: 2, kind: 'organisation', state: 'pending' },
        }),
      ]);
    });

    it('refuses, naming the field: fields the preset requires, text without diacritics, an article the draft lacks', async () => {
      const before = (await commentsInTable()).length;
      const missing = await post(
        consultationId,
        comment({ commenter: { kind: 'individual', fullName: lan.fullName } }),
      );
      expect(missing.status).toBe(400);
      expect(missing.json.errors.map((e: { field: string }) => e.field)).toEqual([
        'body.commenter.nationality',
        'body.commenter.address',
        'body.commenter.phone',
      ]);
      const plain = await post(consultationId, comment({ text: 'De nghi bo sung ho kinh doanh ca the vao quy dinh' }));
      expect(plain.json.errors[0]).toMatchObject({ field: 'body.text', code: 'no_diacritics' });
      const noArticle = await post(consultationId, comment({ article: 9 }));
      expect(noArticle.json.errors[0]).toMatchObject({ field: 'body.article', code: 'not_found' });
      const noConsent = await post(consultationId, comment({ consent: { processing: false, publication: true } }));
      expect(noConsent.json.errors[0].field).toBe('body.consent.processing');
      const stray = await post(consultationId, comment({ commenter: { ...lan, organisationName: 'Công ty X' } }));
      expect(stray.status).toBe(400);
      expect((await post(randomUUID(), comment())).status).toBe(404);
      expect((await post('khong-co', comment())).json.errors[0].field).toBe('params.id');
      // Another portal's path to it: not found there.
      const elsewhere = await publicCall(`/public/portals/soa/consultations/${consultationId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(comment()),
      });
      expect(elsewhere.status).toBe(404);
      expect((await commentsInTable()).length).toBe(before);
    });

    it('refuses a comment before the consultation opens and after it closes (409 naming the window)', async () => {
      const early = await post(laterId, comment());
      expect(early.status).toBe(409);
      expect(early.json.errors[0]).toMatchObject({ field: 'params.id', code: 'not_open' });
      expect(early.json.detail).toContain('2026-05-01T01:00:00.000Z');
      const late = await post(closedId, comment(), { 'accept-language': 'en' });
      expect(late.status).toBe(409);
      expect(late.json.detail).toContain('closed at 2026-03-10T10:00:00.000Z');
    });

    it('answers a filled honeypot as received and writes nothing; a registered challenge hook holds commenting as it holds asking', async () => {
      const before = (await commentsInTable()).length;
      const bot = await post(consultationId, comment({ website: 'http://spam.example' }));
      expect(bot.status).toBe(201);
      expect(bot.json).toMatchObject({ code: expect.stringMatching(/^GY\./), state: 'pending' });
      expect((await status(bot.json.code, bot.json.secret)).status).toBe(404);
      expect((await commentsInTable()).length).toBe(before);

      challenge.verifier = { verify: async (token, address) => token === `human:${address}` };
      try {
        const from = nextAddress();
        const refused = await post(consultationId, comment(), {}, from);
        expect(refused.status).toBe(403);
        expect(refused.json.errors[0]).toMatchObject({ field: 'headers.X-Challenge-Token', code: 'required' });
        expect((await post(consultationId, comment(), { 'x-challenge-token': `human:${from}` }, from)).status).toBe(
          201,
        );
      } finally {
        challenge.verifier = undefined;
      }
    });

    it(`limits an address to ${COMMENTS_PER_ADDRESS_PER_HOUR} comments an hour, and a consultation to ${COMMENTS_PER_CONSULTATION_PER_HOUR}`, async () => {
      setNow('2026-03-17T10:00:00');
      const from = '127.0.5.9';
      for (let i = 0; i < COMMENTS_PER_ADDRESS_PER_HOUR; i += 1)
        expect((await post(consultationId, comment(), {}, from)).status).toBe(201);
      const over = await post(consultationId, comment(), {}, from);
      expect(over.status).toBe(429);
      // Another address is not held back; the next hour, this one may again.
      expect((await post(consultationId, comment(), {}, '127.0.5.10')).status).toBe(201);
      setNow('2026-03-17T11:00:00');
      expect((await post(consultationId, comment(), {}, from)).status).toBe(201);

      // The consultation's hour is full (as if 500 had come from everywhere): the next is a 429, from any address.
      const s = local.stack().services;
      await s.db.send(
        new PutCommand({
          TableName: s.table,
          Item: {
            ...keys.commentConsultationRate(consultationId, hourWindowOf(new Date())),
            count: COMMENTS_PER_CONSULTATION_PER_HOUR,
          },
        }),
      );
      const flooded = await post(consultationId, comment(), {}, '127.0.5.11');
      expect(flooded.status).toBe(429);
      setNow('2026-03-17T12:00:00');
      expect((await post(consultationId, comment(), {}, '127.0.5.11')).status).toBe(201);
    });

    it('makes one comment of 50 concurrent requests with one Idempotency-Key', async () => {
      setNow('2026-03-18T09:00:00');
      const before = (await commentsInTable()).length;
      const body = comment({ text: 'Đề nghị quy định rõ giờ mở cửa và đóng cửa của chợ.' });
      const from = '127.0.6.1';
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => post(consultationId, body, { 'idempotency-key': 'gop-y-1' }, from)),
      );
      expect((await commentsInTable()).length).toBe(before + 1);
      const made = answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === undefined);
      expect(made).toHaveLength(1);
      for (const other of answers.filter((a) => a !== made[0])) {
        expect([201, 409]).toContain(other.status);
        if (other.status === 201) {
          expect(other.headers['idempotent-replayed']).toBe('true');
          expect(other.json.code).toBe(made[0]!.json.code);
          expect(other.json).not.toHaveProperty('secret');
        }
      }
    });
  });

  describe("the commenter's data", () => {
    it("is destroyed at once on the commenter's request; the comment stays with its redacted text; repeating it answers the same instants", async () => {
      await travel('2026-03-22T09:00:00');
      const own = await commentOn(
        comment({ article: 1, text: `Đề nghị gọi ${lan.phone} để trao đổi thêm về phạm vi điều chỉnh.` }),
      );
      const erase = (secret?: string) =>
        publicCall(`/public/consultation-comments/${own.code}/erasure`, {
          method: 'POST',
          headers: secret === undefined ? {} : { 'x-comment-secret': secret },
        });
      expect((await erase()).status).toBe(401);
      expect((await erase('A'.repeat(43))).status).toBe(404);
      const erased = await erase(own.secret);
      expect(erased.status, erased.text).toBe(200);
      expect(erased.json).toEqual({
        code: own.code,
        erasureRequestedAt: '2026-03-22T02:00:00.000Z',
        erasedAt: '2026-03-22T02:00:00.000Z',
      });
      await travel('2026-03-23T09:00:00');
      expect((await erase(own.secret)).json).toEqual(erased.json);
      const items = await local.scanAll();
      expect(items.find((i) => i.pk === `COMMENTER#${own.code}`)).toBeUndefined();
      const kept = items.find((i) => i.pk === `COMMENT#${own.code}`)!;
      expect(kept.text).not.toContain(lan.phone);
      expect(kept.text).toContain('phạm vi điều chỉnh');
      expect((await status(own.code, own.secret)).json).toMatchObject({
        state: 'pending',
        erasure: { erasedAt: '2026-03-22T02:00:00.000Z' },
      });
      const audits = (await auditOf('binhdinh', own.code)).map((e) => e.action);
      expect(audits).toContain('consultation-comment.erase-commenter');
    });
  });

  describe('moderation', () => {
    it('publishes after the board moderates, redacted; hides with a reason, never deletes; the commenter sees why', async () => {
      await travel('2026-03-19T09:00:00');
      const own = await commentOn(
        comment({
          article: 3,
          text: `Tôi là ${lan.fullName}, gọi ${lan.phone} nếu cần; đề nghị hiệu lực sau 45 ngày.`,
        }),
      );
      expect((await publicList()).items.map((c) => c.code)).not.toContain(own.code);
      const published = await moderate(own.code, people.secretary, { action: 'publish' });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body).toMatchObject({ code: own.code, state: 'published', version: 2 });
      const shown = (await publicList()).items.find((c) => c.code === own.code)!;
      expect(shown).toMatchObject({ article: 3, text: expect.stringContaining('đề nghị hiệu lực sau 45 ngày') });
      expect(shown.text).toContain('[đã ẩn]');
      expect(shown).not.toHaveProperty('flag');

      // Hiding needs a reason; hidden, it leaves the public list and stays in the table with its history.
      expect((await moderate(own.code, people.chief, { action: 'hide' })).body.errors[0].field).toBe('body.reason');
      const hidden = await moderate(own.code, people.chief, { action: 'hide', reason: 'Trùng lặp với ý kiến khác' });
      expect(hidden.body).toMatchObject({ state: 'hidden', reason: 'Trùng lặp với ý kiến khác' });
      expect((await publicList()).items.map((c) => c.code)).not.toContain(own.code);
      expect((await status(own.code, own.secret)).json).toMatchObject({
        state: 'hidden',
        hidden: { reason: 'Trùng lặp với ý kiến khác' },
      });
      const kept = (await commentsInTable()).find((i) => i.id === own.code)!;
      expect(kept.moderation.map((m: { action: string }) => m.action)).toEqual(['publish', 'hide']);
      expect((await auditOf('binhdinh', own.code)).map((e) => e.action).sort()).toEqual([
        'consultation-comment.moderate',
        'consultation-comment.moderate',
        'consultation-comment.receive',
      ]);
      // The board's list shows it with both texts, never the commenter.
      // Every page of it (consultation-moderation-pages.test.ts walks them).
      const pages: Array<{ items: Array<{ code: string }>; nextCursor?: string }> = [];
      do {
        const cursor = pages.at(-1)?.nextCursor;
        const res = await call(
          `/consultations/${consultationId}/comments?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          people.secretary,
        );
        expect(res.status).toBe(200);
        pages.push(res.body);
      } while (pages.at(-1)!.nextCursor);
      const row = pages.flatMap((p) => p.items).find((c) => c.code === own.code);
      expect(row).toMatchObject({ state: 'hidden', text: expect.stringContaining(lan.phone) });
      expect(JSON.stringify(pages)).not.toContain(lan.email);
    });

    it('does not publish a comment whose author refused publication', async () => {
      await travel('2026-03-20T09:00:00');
      const privateOne = await commentOn(comment({ consent: { processing: true, publication: false } }));
      const refused = await moderate(privateOne.code, people.secretary, { action: 'publish' });
      expect(refused.status).toBe(409);
      expect(refused.body.errors[0]).toMatchObject({ field: 'body.action', code: 'no_consent' });
    });

    it("holds against another unit's board, the drafting unit's own staff, anonymous callers and 50 concurrent steps", async () => {
      await travel('2026-03-21T09:00:00');
      const target = await commentOn();
      expect((await moderate(target.code, people.secretaryB, { action: 'publish' })).status).toBe(404);
      expect((await call(`/consultations/${consultationId}/comments`, people.secretaryB)).status).toBe(404);
      expect((await moderate(target.code, people.headA, { action: 'publish' })).status).toBe(403);
      expect((await moderate(target.code, people.officerA, { action: 'hide', reason: 'Không thích' })).status).toBe(
        403,
      );
      expect((await moderate(target.code, people.auditor, { action: 'publish' })).status).toBe(403);
      expect((await moderate(target.code, undefined, { action: 'publish' })).status).toBe(401);
      expect((await moderate('GY.20260316.9998', people.secretary, { action: 'publish' })).status).toBe(404);

      // Fifty clicks on "publish" at once, by the secretary and the chief: one step is taken, the rest are refused.
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          moderate(target.code, i % 2 ? people.secretary : people.chief, { action: 'publish' }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      const steps = (await auditOf('binhdinh', target.code)).filter(
        (e) => e.action === 'consultation-comment.moderate',
      );
      expect(steps).toHaveLength(1);
    });
  });

  // No commenter's data in any public answer, log line or event of the whole file; in table items only sealed.
  afterWholeFile(async (wholeFile) => {
    const items = await local.scanAll();
    const outbox = items.filter((i) => String(i.pk).startsWith('OUTBOX#')).map((i) => JSON.stringify(i));
    const logLines = logs.lines();
    if (wholeFile) {
      expect(publicAnswers.length).toBeGreaterThan(60);
      expect(outbox.some((e) => e.includes('ConsultationCommentReceived'))).toBe(true);
      expect(outbox.some((e) => e.includes('ConsultationCommentModerated'))).toBe(true);
      expect(logLines.some((l) => l.includes('/public/portals/{portal}/consultations/{id}/comments'))).toBe(true);
    }
    const haystacks: Array<[string, string[]]> = [
      ['public response', publicAnswers.map((r) => `${JSON.stringify(r.headers)}\n${r.text}`)],
      ['log line', logLines],
      ['event', outbox],
      ['audit entry', items.filter((i) => String(i.pk).startsWith('AUDIT#')).map((i) => JSON.stringify(i))],
    ];
    for (const value of personal) {
      for (const [where, texts] of haystacks) {
        const leak = texts.find((t) => t.includes(value) || t.includes(JSON.stringify(value).slice(1, -1)));
        expect(leak, `${value} in a ${where}`).toBeUndefined();
      }
    }
    expect(
      items.filter((i) => String(i.pk).startsWith('COMMENTER#')).every((i) => i.sealed?.alg === 'AES-256-GCM'),
    ).toBe(true);
  });
});
