import { parse } from 'csv-parse/sync';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { consultationScene, vn } from '../support/consultation-scene';
import { person, seedTree, type Person } from '../support/directory';
import { docxToPdfText, positionsInOrder } from '../support/office';
import { auditLog } from '../support/audit-log';

/**
 * Issue 28 §1, §4 on the local stack, through the public API: a published draft is scheduled for
 * comment (its window checked against the minimum period), opened and closed by the scheduler at the
 * announced instants, split into its articles; a new version re-splits it and names the changed
 * article by its digest; the drafting unit writes the summary, someone else approves it, the board
 * publishes it, and it downloads as CSV and as a Word table. The attacker's checks: another unit,
 * self-approval, junk, 50 concurrent conflicting steps.
 */
const { local, call, people, travel, content, runJob } = consultationScene();
const auditOf = auditLog(call, () => people.auditor);

const body = (article2: string) =>
  [
    '<p>QUYẾT ĐỊNH</p><p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>',
    '<p>Điều 1. Phạm vi điều chỉnh</p><p>Quy chế này quy định việc lấy ý kiến trên Cổng.</p>',
    `<p>Điều 2: Đối tượng áp dụng</p><p>1. Cơ quan, đơn vị thuộc tỉnh.</p><p>2. ${article2}</p>`,
    '<p>Điều 3. Hiệu lực thi hành</p><p>Quyết định này có hiệu lực từ ngày 01/02/2027.</p>',
  ].join('');
const publishedDraft = (title: string, article2: string) =>
  content.itemIn('published', title, { category: 'draft-for-comment', body: body(article2) });

const step = (id: string, who: Person | undefined, payload: Record<string, unknown>, headers = {}) =>
  call(`/consultations/${id}/transitions`, who, { method: 'POST', body: payload, headers });
const publicGet = (id: string, portal = 'huyena') => call(`/public/portals/${portal}/consultations/${id}`, undefined);

let draftId = '';

beforeAll(async () => {
  await seedTree();
  people.author = await person(local.api, 'ctv.yk', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.yk', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.yk', 'huyena', ['chief-editor']);
  // The drafting unit's officer who also heads it: writing the summary bars them from approving it.
  people.writer = await person(local.api, 'soanthao.yk', 'huyena', ['unit-officer', 'unit-head']);
  people.outsider = await person(local.api, 'thuky.khac', 'huyenb', ['secretary', 'chief-editor']);
  people.auditor = await person(local.api, 'kiemtra.yk', 'huyena', ['auditor']);
  await travel('2026-12-01T08:00:00');
  draftId = await publishedDraft('Dự thảo Quy chế lấy ý kiến', 'Tổ chức, cá nhân có liên quan.');
}, 180_000);

// Each part builds on the one before it (the scenario's data): kept in order under a shuffled run.
describe('consultations, in order', { shuffle: false }, () => {
  describe('a consultation from scheduling to its published summary', () => {
    it('refuses a window shorter than the minimum, naming the field and the earliest close', async () => {
      const short = await step(draftId, people.secretary, {
        action: 'schedule',
        documentType: 'provincial-legal-document',
        opensAt: vn('2026-12-01T09:00:00'),
        closesAt: vn('2026-12-31T23:00:00'),
      });
      expect(short.status).toBe(400);
      expect(short.body.errors).toMatchObject([{ field: 'body.closesAt', code: 'period_too_short' }]);
      expect(short.body.errors[0].message.vi).toContain('24:00 ngày 31/12/2026');
    });

    it('schedules it (not public yet), opens it at the announced instant with its articles and window', async () => {
      const scheduled = await step(draftId, people.secretary, {
        action: 'schedule',
        documentType: 'provincial-legal-document',
        opensAt: vn('2026-12-01T09:00:00'),
        closesAt: vn('2027-01-01T00:00:00'),
      });
      expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
      expect(scheduled.body).toMatchObject({
        state: 'scheduled',
        version: 1,
        draftVersion: 1,
        minimumCalendarDays: 30,
      });
      expect(scheduled.body.articles.map((a: { number: number }) => a.number)).toEqual([1, 2, 3]);
      expect((await publicGet(draftId)).status).toBe(404);
      expect((await runJob()).opened).toBe(0);

      await travel('2026-12-01T09:00:30');
      expect(await runJob()).toMatchObject({ outcome: 'succeeded', due: 1, opened: 1 });
      expect(await runJob()).toMatchObject({ due: 0, opened: 0 });
      const open = await publicGet(draftId);
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({
        state: 'open',
        acceptingComments: true,
        window: { calendarDays: 30, workingDays: 22, minimumCalendarDays: 30 },
        draftVersion: 1,
      });
      expect(open.body.articles[1]).toMatchObject({
        number: 2,
        title: 'Đối tượng áp dụng',
        clauses: [
          { number: 1, text: 'Cơ quan, đơn vị thuộc tỉnh.' },
          { number: 2, text: 'Tổ chức, cá nhân có liên quan.' },
        ],
      });
      expect(JSON.stringify(open.body)).not.toMatch(/thuky\.yk|scheduledBy|participants/);
      const opened = (await auditOf('huyena', draftId)).map((e) => [e.action, e.actor.kind]);
      expect(opened).toEqual(
        expect.arrayContaining([
          ['consultation.schedule', 'user'],
          ['consultation.openScheduled', 'system'],
        ]),
      );
    });

    it('lists it among open ones and in the RSS of open consultations', async () => {
      const list = await call('/public/portals/huyena/consultations?status=open', undefined);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(draftId);
      expect(list.body.items[0]).not.toHaveProperty('articles');
      const closed = await call('/public/portals/huyena/consultations?status=closed', undefined);
      expect(closed.body.items).toEqual([]);
      const rss = await local.api('/public/portals/huyena/consultations.rss');
      expect(rss.headers.get('content-type')).toMatch(/application\/rss\+xml/);
      const feed = await new Parser().parseString(await rss.text());
      expect(feed.items.map((i) => i.title)).toEqual(['Dự thảo Quy chế lấy ý kiến']);
      expect(feed.items[0]!.contentSnippet ?? feed.items[0]!.content).toContain('3 điều');
    });

    it('takes in a new version: article 2 changed, the others keep their digests', async () => {
      const before = (await publicGet(draftId)).body.articles as { number: number; digest: string }[];
      const v2 = await publishedDraft('Dự thảo Quy chế lấy ý kiến (lần 2)', 'Tổ chức, cá nhân trong và ngoài tỉnh.');
      const refused = await step(draftId, people.outsider, { action: 'newVersion', contentId: v2 });
      expect(refused.status).toBe(403);
      const taken = await step(draftId, people.secretary, { action: 'newVersion', contentId: v2 });
      expect(taken.status, JSON.stringify(taken.body)).toBe(200);
      const after = (await publicGet(draftId)).body;
      expect(after.draftVersion).toBe(2);
      expect(after.title).toBe('Dự thảo Quy chế lấy ý kiến (lần 2)');
      const changed = after.articles
        .filter(
          (a: { number: number; digest: string }) => before.find((b) => b.number === a.number)?.digest !== a.digest,
        )
        .map((a: { number: number }) => a.number);
      expect(changed).toEqual([2]);
      expect(
        (await step(draftId, people.secretary, { action: 'newVersion', contentId: v2 })).body.errors,
      ).toMatchObject([{ field: 'body.contentId', code: 'same_version' }]);
    });

    it('is not closed before the announced instant, then closes on schedule', async () => {
      const early = await step(draftId, people.secretary, { action: 'close' });
      expect(early.status).toBe(409);
      await travel('2026-12-31T23:59:00');
      expect((await runJob()).closed).toBe(0);
      expect((await publicGet(draftId)).body.acceptingComments).toBe(true);
      await travel('2027-01-01T00:00:10');
      expect((await publicGet(draftId)).body.acceptingComments).toBe(false);
      expect(await runJob()).toMatchObject({ closed: 1 });
      expect((await publicGet(draftId)).body.state).toBe('closed');
    });

    it('takes the summary from the drafting unit; its writer may not approve it; someone else does; the board publishes it', async () => {
      const summary = [
        {
          article: 2,
          received: 'Đề nghị làm rõ "tổ chức, cá nhân"',
          commentCount: 2,
          response: 'accepted',
          reason: '',
        },
        {
          article: 3,
          received: 'Đề nghị lùi ngày hiệu lực',
          commentCount: 1,
          response: 'not-accepted',
          reason: 'Cần hiệu lực sớm để kịp năm 2027',
        },
        { article: null, received: 'Tán thành dự thảo', commentCount: 4, response: 'explained', reason: 'Ghi nhận' },
      ];
      const badRow = await step(draftId, people.writer, {
        action: 'writeSummary',
        summary: [{ ...summary[1], article: 9 }],
      });
      expect(badRow.status).toBe(400);
      expect(badRow.body.errors).toMatchObject([{ field: 'body.summary.0.article', code: 'unknown_article' }]);
      const key = { 'idempotency-key': 'summary-1' };
      const written = await step(draftId, people.writer, { action: 'writeSummary', summary }, key);
      expect(written.status, JSON.stringify(written.body)).toBe(200);
      expect(written.body.state).toBe('summary-drafted');
      // A retry with the same Idempotency-Key is answered as the first, and takes no second step.
      const replay = await step(draftId, people.writer, { action: 'writeSummary', summary }, key);
      expect([replay.status, replay.body.version]).toEqual([200, written.body.version]);

      // The approver reads what was written, and by whom, before deciding; another unit's staff see nothing.
      const read = await call(`/consultations/${draftId}`, people.chief);
      expect(read.status).toBe(200);
      expect(read.body.summary).toMatchObject({ writtenBy: people.writer!.id, entries: summary });
      expect((await call(`/consultations/${draftId}`, people.outsider)).status).toBe(404);
      const self = await step(draftId, people.writer, { action: 'approveSummary' });
      expect(self.status).toBe(403);
      expect(self.body.detail).toMatch(/tổng hợp|summary/);
      expect((await step(draftId, people.outsider, { action: 'approveSummary' })).status).toBe(403);
      expect((await step(draftId, people.chief, { action: 'approveSummary' })).status).toBe(200);
      expect((await step(draftId, people.chief, { action: 'publishSummary' })).status).toBe(200);
      const published = (await publicGet(draftId)).body;
      expect(published.state).toBe('published');
      expect(published.summary.entries).toHaveLength(3);
      expect(JSON.stringify(published)).not.toMatch(/soanthao|writtenBy|approvedBy/);
      const closed = await call('/public/portals/huyena/consultations?status=closed', undefined);
      expect(closed.body.items.map((i: { id: string }) => i.id)).toEqual([draftId]);
    });
  });

  describe('the attacker’s checks', () => {
    it('answers junk with 4xx naming the field, never 5xx', async () => {
      const junk: unknown[] = [
        { action: 'explode' },
        { action: 'schedule', documentType: 'law', opensAt: 'soon', closesAt: 'later' },
        { action: 'schedule', documentType: 'other-draft', opensAt: '2026-13-40T99:00:00Z' },
        { action: 'writeSummary', summary: [{ article: 'x', received: '', response: 'maybe' }] },
        { action: 'writeSummary', summary: 'all good' },
        { action: 'newVersion', contentId: '../../etc/passwd' },
        { action: 'close', extra: true },
        { action: 'returnSummary', reason: '\u202eevil' },
        [],
        null,
        'close',
      ];
      for (const payload of junk) {
        const res = await call(`/consultations/${draftId}/transitions`, people.secretary, {
          method: 'POST',
          body: payload,
        });
        expect(res.status, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
        expect(res.status, JSON.stringify(payload)).toBeLessThan(500);
      }
      expect((await step('00000000-0000-4000-8000-000000000000', people.secretary, { action: 'close' })).status).toBe(
        404,
      );
      expect(
        (await call('/consultations/not-a-uuid/transitions', people.secretary, { method: 'POST', body: {} })).status,
      ).toBe(400);
      expect((await step(draftId, undefined, { action: 'close' })).status).toBe(401);
      expect((await publicGet(draftId, 'huyenb')).status).toBe(404);
      expect((await call('/public/portals/huyena/consultations?status=scheduled', undefined)).status).toBe(400);
      expect((await local.api(`/public/portals/huyena/consultations/${draftId}/summary?format=pdf`)).status).toBe(400);
    });

    it('lets another unit schedule nothing on this portal’s drafts', async () => {
      const id = await publishedDraft('Dự thảo của Huyện A', 'Ai cũng được.');
      const res = await step(id, people.outsider, {
        action: 'schedule',
        documentType: 'other-draft',
        opensAt: new Date(Date.now() + 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(res.status).toBe(403);
    });

    it('takes one of 50 concurrent conflicting steps, and refuses the rest whole', async () => {
      const id = await publishedDraft('Dự thảo kế hoạch', 'Các sở, ngành.');
      const opensAt = new Date(Date.now() + 60_000).toISOString();
      const scheduled = await step(id, people.secretary, {
        action: 'schedule',
        documentType: 'other-draft',
        opensAt,
        closesAt: new Date(Date.now() + 120_000).toISOString(),
      });
      expect(scheduled.status).toBe(201);
      // Nothing closes what is not open.
      const early = await Promise.all(Array.from({ length: 5 }, () => step(id, people.secretary, { action: 'close' })));
      expect(early.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
      // Once the opening instant has come, the board opening it by hand and scheduler runs race: one opens it.
      vi.setSystemTime(Date.now() + 61_000);
      const opens = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 5 === 0
            ? runJob().then((r) => ({ status: r.opened === 1 ? 200 : 409 }))
            : step(id, people.secretary, { action: 'open' }),
        ),
      );
      expect(opens.filter((r) => r.status === 200)).toHaveLength(1);
      expect(
        opens.every((r) => r.status === 200 || r.status === 409),
        JSON.stringify(opens.map((r) => r.status)),
      ).toBe(true);
      vi.setSystemTime(Date.now() + 60_000);
      const closes = await Promise.all(
        Array.from({ length: 50 }, () => step(id, people.secretary, { action: 'close' })),
      );
      expect(closes.filter((r) => r.status === 200)).toHaveLength(1);
      expect(closes.filter((r) => r.status === 409)).toHaveLength(49);
      const audits = (await auditOf('huyena', id)).filter((e) => e.action.startsWith('consultation.close'));
      expect(audits).toHaveLength(1);
    }, 120_000);
  });

  // Last: LibreOffice's conversion blocks this process for seconds, and the gateway's idle connections with it.
  describe('the summary’s downloads', () => {
    it('downloads the summary as CSV a parser reads and as the Word table', async () => {
      const csv = await local.api(`/public/portals/huyena/consultations/${draftId}/summary?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="tong-hop-y-kien-.*\.csv"/);
      const rows = parse(await csv.text(), { bom: true }) as string[][];
      expect(rows).toEqual([
        [
          'STT',
          'Điều, khoản của dự thảo',
          'Số ý kiến',
          'Nội dung ý kiến góp ý',
          'Tiếp thu, giải trình',
          'Nội dung tiếp thu, lý do giải trình hoặc không tiếp thu',
        ],
        ['1', 'Toàn bộ dự thảo', '4', 'Tán thành dự thảo', 'Giải trình', 'Ghi nhận'],
        ['2', 'Điều 2. Đối tượng áp dụng', '2', 'Đề nghị làm rõ "tổ chức, cá nhân"', 'Tiếp thu', ''],
        [
          '3',
          'Điều 3. Hiệu lực thi hành',
          '1',
          'Đề nghị lùi ngày hiệu lực',
          'Không tiếp thu',
          'Cần hiệu lực sớm để kịp năm 2027',
        ],
      ]);
      const docx = await local.api(`/public/portals/huyena/consultations/${draftId}/summary?format=docx`);
      expect(docx.status).toBe(200);
      const read = docxToPdfText(new Uint8Array(await docx.arrayBuffer()));
      expect(
        positionsInOrder(read.text, [
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý',
          'Dự thảo Quy chế lấy ý kiến (lần 2)',
          'Tổng số ý kiến nhận được: 7',
          'Toàn bộ dự thảo',
          'Điều 2. Đối tượng áp dụng',
          'Không tiếp thu',
          'CƠ QUAN CHỦ TRÌ SOẠN THẢO',
        ]).every((p) => p >= 0),
      ).toBe(true);
      expect(read.pageSize).toMatch(/595/);
    }, 180_000);
  });
});
