import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileServices, useLocalStack } from '../support/local-stack';
import { caller, commitWork, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';
import { captureLogs } from '../support/log-capture';
import { putPublishedQuestion } from '../../shared/adapters/dynamo/published-questions';

/**
 * Ratings of information through the public API on the local stack (issue 28 §5; NĐ 224/2026
 * Điều 10.3b): anyone rates a published item or answer, once a day per address and browser (50 at
 * once make one), the text scrubbed before it is kept; nothing of the rater is kept, logged, sent
 * in an event or answered; the owning unit reads the figures and texts, no other unit does.
 */
const local = useLocalStack();
const call = caller(local.api);
const logs = captureLogs();
afterAll(() => logs.restore());

let chiefA: Person;
let chiefB: Person;
let auditor: Person;
const auditOf = auditLog(call, () => auditor);

/** A browser of its own: the local gateway's address is always 127.0.0.1, so raters differ by user agent. */
const AGENT = `RaterBrowser/${randomUUID()}`;
const PHONE = '0912 345 678';
const EMAIL = 'nguoidanh.gia@example.vn';
const rate = (body: unknown, agent = AGENT, headers: Record<string, string> = {}) =>
  call('/public/ratings', undefined, { method: 'POST', body, headers: { 'user-agent': agent, ...headers } });
const ratingItems = async () => (await local.scanAll()).filter((i) => String(i.pk).startsWith('RATINGS#'));
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const figures = (who: Person | undefined, unit: string, extra = '') =>
  call(`/ratings/figures?unit=${unit}&from=${today()}&to=${today()}${extra}`, who);

const publish = async (portal: string, category = 'news') => {
  const id = randomUUID();
  await commitWork({
    actions: [
      fileServices().content.putPublic({
        id,
        portal,
        language: 'vi',
        category,
        title: 'Thông báo lịch tiếp công dân',
        publishedAt: new Date().toISOString(),
        citation: 'Cổng TTĐT',
        status: 'published',
        summary: 'Lịch tiếp công dân tháng 12',
        body: '<p>Lịch tiếp công dân</p>',
      }),
    ],
  });
  return id;
};

let itemA: string;
let itemB: string;
let withdrawn: string;
const answerId = 'HD.20261201.0001';

beforeAll(async () => {
  await seedTree();
  [chiefA, chiefB, auditor] = await Promise.all([
    person(local.api, 'truongban.soa', 'soa', ['chief-editor']),
    person(local.api, 'truongban.sob', 'sob', ['chief-editor']),
    person(local.api, 'kiemtra', 'demo', ['auditor']),
  ]);
  [itemA, itemB] = await Promise.all([publish('soa'), publish('sob', 'legal-document')]);
  withdrawn = randomUUID();
  await commitWork({
    actions: [
      fileServices().content.putPublic({
        id: withdrawn,
        portal: 'soa',
        language: 'vi',
        category: 'news',
        title: 'Đã gỡ',
        publishedAt: new Date().toISOString(),
        citation: 'Cổng TTĐT',
        status: 'withdrawn',
        publicNote: 'Gỡ do sai sót',
      }),
      putPublishedQuestion(fileServices().config.TABLE_NAME, {
        id: answerId,
        portal: 'soa',
        field: 'land',
        title: 'Hỏi về cấp giấy chứng nhận',
        text: 'Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất?',
        answer: {
          text: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.',
          citations: [],
          answeredAt: new Date().toISOString(),
        },
        receivedAt: new Date().toISOString(),
        publishedAt: new Date().toISOString(),
        terms: [],
      }),
    ],
  });
}, 60_000);

// Each part builds on the one before it (the scenario's data): kept in order under a shuffled run.
describe('ratings of information, in order', { shuffle: false }, () => {
  describe('rating', () => {
    it('an item: recorded with its unit and category, audited, with an event; the answer names nobody', async () => {
      const res = await rate({ target: { kind: 'content', id: itemA }, useful: true, reason: 'found-what-i-needed' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        target: { kind: 'content', id: itemA },
        scale: 'useful',
        value: 1,
        reason: 'found-what-i-needed',
        textKept: false,
        localDate: today(),
      });
      const stored = (await ratingItems()).find((i) => i.id === res.body.id);
      expect(stored).toMatchObject({ unitCode: 'soa', category: 'news', targetId: itemA, scale: 'useful', value: 1 });
      const audit = (await auditOf('soa', res.body.id)).find((e) => e.action === 'information.rate');
      expect(audit).toMatchObject({ actor: { id: 'rater', kind: 'anonymous' }, after: { targetId: itemA, value: 1 } });
      const outbox = (await local.scanAll()).filter(
        (i) => i.detailType === 'InformationRated' || i.name === 'InformationRated',
      );
      expect(JSON.stringify(outbox)).toContain(res.body.id);
    });

    it('a second vote of the same browser on the same item the same day is refused (409 naming body.target); another browser is not', async () => {
      const again = await rate({ target: { kind: 'content', id: itemA }, score: 2 });
      expect(again.status).toBe(409);
      expect(again.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.target']);
      expect((await rate({ target: { kind: 'content', id: itemA }, score: 4 }, `${AGENT} other`)).status).toBe(201);
      // The same browser may rate another item.
      expect((await rate({ target: { kind: 'content', id: itemB }, score: 3 })).status).toBe(201);
    });

    it('50 concurrent votes of one browser on one item keep exactly one', async () => {
      const id = await publish('soa');
      const agent = `${AGENT} burst`;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => rate({ target: { kind: 'content', id }, score: (i % 5) + 1 }, agent)),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect((await ratingItems()).filter((i) => i.targetId === id)).toHaveLength(1);
    });

    it('honours Idempotency-Key: a retry answers the first rating and keeps one', async () => {
      const id = await publish('soa');
      const body = { target: { kind: 'content', id }, useful: true };
      const key = { 'idempotency-key': `rate-${randomUUID()}` };
      const [first, again] = [await rate(body, `${AGENT} retry`, key), await rate(body, `${AGENT} retry`, key)];
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect((await ratingItems()).filter((i) => i.targetId === id)).toHaveLength(1);
    });

    it('an answer, counted for the unit that published it, in the answer’s category', async () => {
      const res = await rate({ target: { kind: 'answer', id: answerId }, score: 5, reason: 'easy-to-understand' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await ratingItems()).find((i) => i.id === res.body.id)).toMatchObject({
        unitCode: 'soa',
        category: 'answer:land',
      });
    });

    it('keeps the text without personal data', async () => {
      const text = `Thông tin hữu ích. Tôi là Trần Thị Bình, liên hệ ${PHONE} hoặc ${EMAIL}.`;
      const res = await rate(
        { target: { kind: 'answer', id: answerId }, useful: false, reason: 'incomplete', text },
        `${AGENT} text`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.textKept).toBe(true);
      const stored = (await ratingItems()).find((i) => i.id === res.body.id);
      expect(stored?.text).toContain('Thông tin hữu ích');
      expect(stored?.text).toContain('[đã ẩn]');
      expect(stored?.text).not.toMatch(/0912|example\.vn|Trần Thị Bình/);
    });

    it('drops a filled honeypot silently: the same answer, nothing kept', async () => {
      const before = (await ratingItems()).length;
      const res = await rate(
        { target: { kind: 'content', id: itemA }, useful: true, website: 'http://spam.example' },
        'bot/1',
      );
      expect(res.status).toBe(201);
      expect((await ratingItems()).length).toBe(before);
    });

    it('refuses junk with a 4xx naming the field, never a 5xx, and keeps nothing', async () => {
      // The day's key may be made by a refused request (it is read before the checks that need the table); nothing else is.
      const keptItems = async () =>
        (await local.scanAll()).filter((i) => !String(i.pk).startsWith('RATINGKEY#')).length;
      const before = await keptItems();
      const target = { kind: 'content', id: itemA };
      const cases: Array<[unknown, number, string]> = [
        [{ target, score: 7 }, 400, 'body.score'],
        [{ target, score: 2.5 }, 400, 'body.score'],
        [{ target, useful: 'yes' }, 400, 'body.useful'],
        [{ target, useful: true, score: 3 }, 400, 'body.useful'],
        [{ target }, 400, 'body.useful'],
        [{ target, useful: true, reason: 'bogus' }, 400, 'body.reason'],
        [{ target, useful: true, text: 'x'.repeat(501) }, 400, 'body.text'],
        [{ target, useful: true, text: '\u202E!!!' }, 400, 'body.text'],
        [{ target: { kind: 'page', id: itemA }, useful: true }, 400, 'body.target.kind'],
        [{ target: { kind: 'content', id: 'a#b' }, useful: true }, 400, 'body.target.id'],
        [{ target, useful: true, extra: 1 }, 400, 'body'],
        [{ target: { kind: 'content', id: randomUUID() }, useful: true }, 404, 'body.target.id'],
        [{ target: { kind: 'content', id: withdrawn }, useful: true }, 404, 'body.target.id'],
        [{ target: { kind: 'answer', id: 'HD.20260101.9999' }, useful: true }, 404, 'body.target.id'],
      ];
      for (const [body, status, field] of cases) {
        const res = await rate(body, `junk/${randomUUID()}`);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(
          res.body.errors.map((e: { field: string }) => e.field),
          JSON.stringify(res.body),
        ).toContain(field);
      }
      expect(await keptItems()).toBe(before);
    });
  });

  describe('the figures and the texts', () => {
    it('the owning unit reads its totals, per category and per item, and the scrubbed texts', async () => {
      const res = await figures(chiefA, 'soa');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.totals.ratings).toBeGreaterThanOrEqual(5);
      expect(res.body.byCategory['answer:land']).toMatchObject({ ratings: 2, scoreVotes: 1, usefulVotes: 1 });
      expect(res.body.byItem[`content:${itemA}`]).toMatchObject({ ratings: 2, usefulYes: 1, scoreVotes: 1 });
      expect(res.body.texts).toHaveLength(1);
      expect(res.body.texts[0]).toMatchObject({ targetKind: 'answer', targetId: answerId, reason: 'incomplete' });
      expect(res.body.texts[0].text).not.toContain('0912');
      // One item only.
      const one = await figures(chiefA, 'soa', `&targetKind=answer&targetId=${answerId}`);
      expect(one.body.totals).toMatchObject({ ratings: 2, meanScore: 5, usefulRate: 0 });
    });

    it('another unit sees none of it (403), nor does anyone signed out (401); the province’s auditor does', async () => {
      expect((await figures(chiefB, 'soa')).status).toBe(403);
      expect((await figures(undefined, 'soa')).status).toBe(401);
      const own = await figures(chiefB, 'sob');
      expect(own.status).toBe(200);
      expect(own.body.texts).toEqual([]);
      expect(JSON.stringify(own.body)).not.toContain(answerId);
      expect((await figures(auditor, 'soa')).status).toBe(200);
    });

    it('refuses a bad period naming the field', async () => {
      const bad = await call(`/ratings/figures?unit=soa&from=${today()}&to=2020-01-01`, chiefA);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('query.to');
      const junk = await call('/ratings/figures?unit=soa&from=yesterday&to=today', chiefA);
      expect(junk.status).toBe(400);
    });
  });

  describe('no rater’s personal data anywhere', () => {
    it('not in the table, the log lines, the events or any public answer', async () => {
      const everything = JSON.stringify(await local.scanAll());
      for (const secret of [AGENT, PHONE, EMAIL, 'Trần Thị Bình']) expect(everything).not.toContain(secret);
      const ratingSide = (await local.scanAll()).filter((i) => /^(RATING|AUDIT#soa|OUTBOX)/.test(String(i.pk)));
      expect(JSON.stringify(ratingSide)).not.toContain('127.0.0.1');
      const lines = logs.lines().join('\n');
      for (const secret of [AGENT, PHONE, EMAIL, 'Trần Thị Bình']) expect(lines).not.toContain(secret);
      const publicReads = await Promise.all([
        call(`/public/portals/soa/content/${itemA}`, undefined),
        call('/public/portals/soa/planned-outages', undefined),
      ]);
      for (const r of publicReads) expect(JSON.stringify(r.body)).not.toMatch(/RaterBrowser|0912|example\.vn/);
    });
  });
});
