import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { httpFrom, type RawResponse } from '../support/http-from';
import { questionFlow } from '../support/question-flow';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';
import { shippedSchedules } from '../../shared/domain/calendar';

/**
 * Issue 9 §3, §8, §9 through HTTP on the local stack (Bình Định, March 2026): a question goes
 * ask → classify → route → return → re-route → answer → approve → send → publish, the asker's
 * lookup showing each stage; the published copy shows no personal data, is found without
 * diacritics, by field, page by page; publication needs the asker's consent; per-unit figures
 * come from facts frozen at each step, for the unit's staff only, and do not move when a holiday
 * is added afterwards. Fake Dates set the clock (the handlers run in this process).
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T08:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

const travel = traveller(local.api, people);

const nhung = {
  fullName: 'Phạm Thị Hồng Nhung',
  nationality: 'Việt Nam',
  address: '45 Lê Hồng Phong, phường Quy Nhơn',
  phone: '0905 123 456',
  email: 'nhung.pham@example.vn',
  idNumber: '052123456789',
};
const mainText =
  'Tôi là Phạm Thị Hồng Nhung, ở 45 Lê Hồng Phong, phường Quy Nhơn. Hàng xóm của tôi là ông Trần Văn Bảy (điện thoại 0912.345.678, thư bay.tran@gmail.com, CCCD 079123456789) ' +
  'đang tranh chấp ranh giới thửa đất. Theo Quyết định 12/2026/QĐ-UBND ngày 13/02/2026, thủ tục đo đạc lại thửa đất và thuế đất phải nộp thế nào? Xin gọi lại cho tôi: 0905123456.';
/** Every personal value of the main question, from the asker and inside the text: none may be published. */
const personal = [
  'Phạm Thị Hồng Nhung',
  'Nhung',
  '45 Lê Hồng Phong',
  '0905 123 456',
  '0905123456',
  'nhung.pham@example.vn',
  '052123456789',
  'Trần Văn Bảy',
  '0912.345.678',
  'bay.tran@gmail.com',
  '079123456789',
];

let asked = 0;
const askBody = (extra: Record<string, unknown> = {}) => ({
  asker: { kind: 'individual', ...nhung },
  field: 'land-environment',
  title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
  text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu? (lần ${(asked += 1)})`,
  consent: { processing: true, publication: true },
  ...extra,
});
let addresses = 0;
const publicAnswers: RawResponse[] = [];
const publicCall = async (path: string, init: Parameters<typeof httpFrom>[2] = {}) => {
  const res = await httpFrom(local.stack().gateway.url, path, init);
  publicAnswers.push(res);
  return res;
};
const ask = async (body: unknown) => {
  const res = await publicCall('/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    from: `127.0.2.${(addresses += 1)}`,
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { trackingCode: string; secret: string };
};
const status = async (code: string, secret: string) =>
  (await publicCall(`/public/questions/${code}`, { headers: { 'x-question-secret': secret } })).json;
const published = (query = '') => publicCall(`/public/portals/binhdinh/questions${query}`);
const questions = questionFlow(call, {
  cast: () => ({ secretary: people.secretary, unitHead: people.headA, chief: people.chief }),
  ask,
});
const step = questions.take;
const figures = (unit: string, who: Person | undefined, query = '?from=2026-03-01&to=2026-03-31') =>
  call(`/units/${unit}/question-figures${query}`, who);
const answer = (text: string) => ({
  text,
  citations: [
    {
      numberSymbol: '12/2026/QĐ-UBND',
      summary: 'Ban hành quy chế đo đạc thửa đất',
      issuedOn: '2026-02-13',
      issuer: 'Ủy ban nhân dân tỉnh Bình Định',
    },
  ],
});

/** Asks and takes a question to `sent` at the current instant (routed to Sở A). */
async function toSent(
  body: Record<string, unknown>,
  answerText = 'Hồ sơ nộp tại Bộ phận một cửa của Ủy ban nhân dân cấp xã, gồm đơn đề nghị và giấy tờ về đất.',
) {
  const { trackingCode: id, secret } = await questions.questionIn('sent', body, { answer: answer(answerText) });
  return { id, secret };
}
const fingerprint = async () =>
  JSON.stringify(
    (await local.scanAll())
      .filter((i) => !/^(CONSUMED|NOTIFIED)#/.test(String(i.pk)))
      .map((i) => `${i.pk}|${i.sk}|${i.version ?? ''}`)
      .sort(),
  );

let main: { id: string; secret: string };

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(local.stack().services, [
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'binhdinh', slug: 'soa' },
    { code: 'sob', name: { vi: 'Sở B', en: 'Department B' }, kind: 'department', parentCode: 'binhdinh', slug: 'sob' },
  ]);
  // Independent accounts: created and signed in at once.
  [people.secretary, people.chief, people.contributor, people.operator, people.headA, people.officerA, people.headB] =
    await Promise.all([
      person(local.api, 'thuky.bd', 'binhdinh', ['secretary']),
      person(local.api, 'truongban.bd', 'binhdinh', ['chief-editor']),
      person(local.api, 'ctv.bd', 'binhdinh', ['contributor']),
      person(local.api, 'vanhanh.bd', 'binhdinh', ['operator']),
      person(local.api, 'giamdoc.soa', 'soa', ['unit-head']),
      person(local.api, 'canbo.soa', 'soa', ['unit-officer']),
      person(local.api, 'giamdoc.sob', 'sob', ['unit-head']),
    ]);
  await travel('2026-03-02T09:00:00');
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

// One story in steps (the file's two chapters, not indented again to keep the diff small): the main question is
// published, found and paged with five more; the per-unit figures then count every question of the file and the
// facts frozen on its way. The two tests that stand alone (consent, refusals) run in their place in it.
describe('Bình Định, March 2026', { shuffle: false }, () => {
  describe('publication, end to end', () => {
    it('goes ask → classify → route → return → re-route → answer → approve → send → publish, the asker seeing each stage; the copy holds no personal data', async () => {
      const { trackingCode: id, secret } = await ask(
        askBody({ title: 'Hỏi về thuế đất khi đo đạc lại ranh giới thửa đất', text: mainText }),
      );
      main = { id, secret };
      const seen = async (stage: string) => expect(await status(id, secret)).toMatchObject({ trackingCode: id, stage });
      await seen('received');
      await step(id, people.secretary!, { action: 'classify', complexity: 'simple' });
      await seen('classified');
      await travel('2026-03-02T10:00:00');
      await step(id, people.secretary!, { action: 'route', unit: 'soa' });
      await seen('routed');
      await travel('2026-03-02T15:00:00');
      await step(id, people.officerA!, { action: 'return', reason: 'Không thuộc thẩm quyền của Sở A' });
      await seen('returned');
      await travel('2026-03-03T09:00:00');
      await step(id, people.secretary!, { action: 'route', unit: 'sob' });
      await seen('routed');
      // Thu 05/03: Sở B answers, 2 working days after its routing (04/03 and 05/03), within its clock.
      await travel('2026-03-05T09:00:00');
      await step(id, people.headB!, {
        action: 'answer',
        answer: answer(
          'Bà Nhung nộp đơn đề nghị đo đạc tại Ủy ban nhân dân phường theo Quyết định 12/2026/QĐ-UBND; thuế đất không đổi khi đo đạc lại.',
        ),
      });
      await seen('answered');
      await step(id, people.chief!, { action: 'approve-answer' });
      await seen('approved');
      // Not published before it is sent.
      await step(id, people.secretary!, { action: 'publish' }, 409);
      await step(id, people.secretary!, { action: 'send' });
      await seen('sent');
      expect((await published()).json.items).toEqual([]);
      // Only the board publishes (qa.publish): not the unit that answered, not a contributor.
      await step(id, people.headB!, { action: 'publish' }, 403);
      await step(id, people.contributor!, { action: 'publish' }, 403);
      await travel('2026-03-05T10:00:00');
      expect(await step(id, people.secretary!, { action: 'publish' })).toMatchObject({
        stage: 'published',
        version: 9,
      });
      expect(await status(id, secret)).toMatchObject({
        stage: 'published',
        publishedAt: '2026-03-05T03:00:00.000Z',
        answer: { sentAt: '2026-03-05T02:00:00.000Z' },
      });
      // Published once.
      await step(id, people.secretary!, { action: 'publish' }, 409);

      const list = await published();
      expect(list.status, list.text).toBe(200);
      // The route's browser lifetime, and the edge's for shared caches (issue 26, shared/http/edge-cache.ts).
      expect(list.headers['cache-control']).toBe('public, max-age=60, s-maxage=60');
      expect(list.json.items).toHaveLength(1);
      const copy = list.json.items[0];
      expect(copy).toMatchObject({
        id,
        portal: 'binhdinh',
        field: 'land-environment',
        publishedAt: '2026-03-05T03:00:00.000Z',
        receivedAt: '2026-03-02T02:00:00.000Z',
      });
      expect(Object.keys(copy).sort()).toEqual([
        'answer',
        'field',
        'id',
        'portal',
        'publishedAt',
        'receivedAt',
        'text',
        'title',
      ]);
      expect(copy.text).toContain(
        'Tôi là [đã ẩn], ở [đã ẩn]. Hàng xóm của tôi là ông [đã ẩn] (điện thoại [đã ẩn], thư [đã ẩn], CCCD [đã ẩn])',
      );
      expect(copy.text).toContain('Quyết định 12/2026/QĐ-UBND ngày 13/02/2026');
      expect(copy.answer.text).toMatch(/^Bà \[đã ẩn\] nộp đơn/);
      expect(copy.answer.citations).toEqual([answer('').citations[0]]);
      for (const value of personal) expect(list.text, value).not.toContain(value);
    });

    it('finds it without diacritics, in any case, by field; every word must match', async () => {
      const ids = async (query: string) => {
        const res = await published(query);
        expect(res.status, res.text).toBe(200);
        return res.json.items.map((i: { id: string }) => i.id);
      };
      expect(await ids('?q=thue%20dat')).toEqual([main.id]);
      expect(await ids(`?q=${encodeURIComponent('THUẾ Đất')}`)).toEqual([main.id]);
      expect(await ids('?q=do%20dac%20ranh%20gioi')).toEqual([main.id]);
      expect(await ids('?q=thue%20hoc%20phi')).toEqual([]);
      expect(await ids('?field=land-environment')).toEqual([main.id]);
      expect(await ids('?field=finance-tax')).toEqual([]);
      // The redacted values are not searchable either.
      expect(await ids('?q=hong%20phong')).toEqual([]);
      expect(await ids('?q=bay%20tran')).toEqual([]);
    });

    it('refuses publication without the asker’s consent (409 naming consent.publication), writing nothing', async () => {
      await travel('2026-03-06T09:00:00');
      const { id, secret } = await toSent(askBody({ consent: { processing: true, publication: false } }));
      const before = await fingerprint();
      const refused = await call(`/questions/${id}/transitions`, people.secretary, {
        method: 'POST',
        body: { action: 'publish' },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.errors[0]).toMatchObject({ field: 'consent.publication', code: 'no_publication_consent' });
      expect(refused.body.i18n.vi.detail).toMatch(/không đồng ý cho đăng/);
      expect(await fingerprint()).toBe(before);
      expect(await status(id, secret)).toMatchObject({ stage: 'sent' });
      expect((await published()).json.items.map((i: { id: string }) => i.id)).not.toContain(id);
    });

    it('pages newest first in a stable order over more than one page, by field and by search', async () => {
      await travel('2026-03-09T09:00:00');
      const mine: Array<{ id: string; field: string }> = [];
      for (const [i, field] of (
        ['finance-tax', 'land-environment', 'finance-tax', 'finance-tax', 'land-environment'] as const
      ).entries()) {
        setNow(`2026-03-09T09:${String(10 + i * 5)}:00`);
        const text = `Xin hỏi mức thuế đất phi nông nghiệp năm 2026 của hộ gia đình được tính thế nào, lần thứ ${i + 1}?`;
        const { id } = await toSent(
          askBody({ field, text }),
          'Thuế đất phi nông nghiệp tính theo diện tích và giá đất của bảng giá do Ủy ban nhân dân tỉnh ban hành.',
        );
        await step(id, people.secretary!, { action: 'publish' });
        mine.push({ id, field });
      }
      const newestFirst = [...mine].reverse().map((m) => m.id);
      const walk = async (query: string) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const res = await published(`?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.status, res.text).toBe(200);
          expect(res.json.items.length).toBeLessThanOrEqual(2);
          seen.push(...res.json.items.map((i: { id: string }) => i.id));
          cursor = res.json.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        return { seen, pages };
      };
      const all = await walk('');
      expect(all.seen).toEqual([...newestFirst, main.id]);
      expect(all.pages).toBe(3);
      expect((await walk('')).seen).toEqual(all.seen);
      const tax = await walk('&field=finance-tax');
      expect(tax.seen).toEqual(
        mine
          .filter((m) => m.field === 'finance-tax')
          .reverse()
          .map((m) => m.id),
      );
      expect(tax.pages).toBe(2);
      // Search pages too; "thue dat" is in all six.
      expect((await walk('&q=thue%20dat')).seen).toEqual([...newestFirst, main.id]);
      expect((await walk('&q=phi%20nong%20nghiep&field=land-environment')).seen).toEqual(
        mine
          .filter((m) => m.field === 'land-environment')
          .reverse()
          .map((m) => m.id),
      );
      // A cursor belongs to its listing: another field's, or a crafted one, is a 400 naming it.
      const first = (await published('?limit=2&field=finance-tax')).json.nextCursor as string;
      for (const cursor of [first, 'junk!', Buffer.from('{"pk":"QUESTION#x"}').toString('base64url'), 'e30']) {
        const res = await published(`?limit=2&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, cursor).toBe(400);
        expect(res.json.errors[0].field).toBe('query.cursor');
      }
    });

    it('answers junk in every query field with a 4xx', async () => {
      const junk = ['', '%00', '%E2%80%AE', 'x'.repeat(300), '%F0%9F%98%80', '%2C%2C%2C', '-1', '%7B%7D'];
      for (const name of ['q', 'field', 'cursor', 'limit']) {
        for (const value of junk) {
          if (name === 'cursor' && value === '') continue; // no cursor: the first page
          if (name === 'q' && value === '-1') continue; // a search for the number 1
          const res = await published(`?${name}=${value}`);
          expect(res.status, `${name}=${value}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }
      }
      expect((await published('?limit=0')).status).toBe(400);
      expect((await published('?limit=101')).status).toBe(400);
      expect((await publicCall('/public/portals/BAD%20PORTAL/questions')).status).toBe(400);
      expect((await step(main.id, people.secretary!, { action: 'publish', extra: 1 }, 400)).errors[0].field).toMatch(
        /^body/,
      );
    });
  });

  describe('per-unit figures', () => {
    it('counts received, routed within a working day, re-routed, returned, answered on time and the median working days; overdue now', async () => {
      // A question routed to Sở B on Tue 10/03 and left unanswered: overdue after Mon 16/03.
      await travel('2026-03-10T09:00:00');
      await questions.questionIn('routed', askBody(), { unit: 'sob' });
      await travel('2026-03-20T09:00:00');

      const b = await figures('sob', people.headB);
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      expect(b.body).toEqual({
        unit: 'sob',
        from: '2026-03-01',
        to: '2026-03-31',
        received: 2,
        routed: 0,
        routedWithinOneWorkingDay: 0,
        rerouted: 0,
        returned: 0,
        answered: 1,
        answeredOnTime: 1,
        medianWorkingDaysToAnswer: 2,
        overdueNow: 1,
      });
      const a = await figures('soa', people.officerA);
      // Sở A: the main question (returned), the one without consent and five published: six answered the same day.
      expect(a.body).toMatchObject({
        received: 7,
        returned: 1,
        answered: 6,
        answeredOnTime: 6,
        medianWorkingDaysToAnswer: 0,
        overdueNow: 0,
      });
      // The board: every question asked on the portal and every routing it made (one a re-routing), all within the working day.
      const board = await figures('binhdinh', people.secretary);
      expect(board.body).toMatchObject({
        received: 8,
        routed: 9,
        routedWithinOneWorkingDay: 9,
        rerouted: 1,
        answered: 0,
      });
      // The board reads its units' figures; a range outside March has none of them.
      expect((await figures('soa', people.chief)).body).toEqual(a.body);
      expect((await figures('sob', people.secretary, '?from=2026-04-01&to=2026-04-30')).body).toMatchObject({
        received: 0,
        answered: 0,
        medianWorkingDaysToAnswer: null,
        overdueNow: 1,
      });
    });

    it('refuses another unit’s staff and the wrong role (403), anonymous callers (401), and bad ranges naming the field (400)', async () => {
      expect((await figures('sob', people.officerA)).status).toBe(403);
      expect((await figures('binhdinh', people.headA)).status).toBe(403);
      expect((await figures('binhdinh', people.contributor)).status).toBe(403);
      expect((await figures('soa', people.operator)).status).toBe(403);
      expect((await figures('soa', undefined)).status).toBe(401);
      expect((await figures('khongco', people.secretary)).status).toBe(404);
      const cases: Array<[string, string]> = [
        ['?from=2026-03-31&to=2026-03-01', 'query.to'],
        ['?from=2025-01-01&to=2026-03-01', 'query.to'],
        ['?from=2026-3-1&to=2026-03-31', 'query.from'],
        ['?from=2026-03-01', 'query.to'],
        ['?from=2026-02-30&to=2026-03-31', 'query.from'],
        ['?from=2026-03-01&to=junk', 'query.to'],
        ['?from=%00&to=2026-03-31', 'query.from'],
      ];
      for (const [query, field] of cases) {
        const res = await figures('soa', people.secretary, query);
        expect(res.status, query).toBe(400);
        expect(
          res.body.errors.map((e: { field: string }) => e.field),
          query,
        ).toContain(field);
      }
      expect((await figures('soa', people.secretary, '?from=2026-01-01&to=2026-12-31')).status).toBe(200);
    });

    it('does not move when a holiday is added afterwards inside the answered period (frozen facts, not today’s calendar)', async () => {
      const before = (await figures('sob', people.headB)).body;
      expect(before.medianWorkingDaysToAnswer).toBe(2);
      // Wed 04/03/2026 becomes a day off in the year's official schedule: recounted, the answer would have taken 1 working day.
      const dueBefore = (
        await call(`/calendar/due?from=${encodeURIComponent('2026-03-03T09:00:00+07:00')}&workingDays=2`, undefined)
      ).body.dueDate;
      expect(dueBefore).toBe('2026-03-05');
      const shipped = shippedSchedules.find((s) => s.year === 2026)!;
      const put = await call('/admin/calendar/schedules/2026', people.operator, {
        method: 'PUT',
        body: {
          source: `${shipped.source} (kiểm thử: thêm ngày nghỉ 04/03)`,
          daysOff: [
            ...shipped.daysOff,
            {
              date: '2026-03-04',
              kind: 'holiday',
              name: { vi: 'Ngày nghỉ thử nghiệm', en: 'Test day off' },
              basis: 'Văn bản quy định (kiểm thử)',
            },
          ],
          workingSaturdays: shipped.workingSaturdays,
        },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(
        (await call(`/calendar/due?from=${encodeURIComponent('2026-03-03T09:00:00+07:00')}&workingDays=2`, undefined))
          .body.dueDate,
      ).toBe('2026-03-06');
      expect((await figures('sob', people.headB)).body).toEqual(before);
      expect((await call(`/questions/${main.id}`, people.secretary)).body).toMatchObject({
        answeredOnTime: true,
        answerWorkingDays: 2,
      });
    });
  });
});
