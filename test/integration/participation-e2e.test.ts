import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { consultationScene, vn } from '../support/consultation-scene';
import { person, seedTree, type Person } from '../support/directory';
import { httpFrom, type RawResponse } from '../support/http-from';

/**
 * Issue 28's "done when", end to end through the public API on the local stack: a three-article
 * draft published through the content workflow is scheduled for comment and opened by the
 * scheduler; an individual and an organisation comment article by article (and on the whole
 * draft); the board moderates; a second version changes article 2 and its comments are flagged;
 * the scheduler closes it at the announced instant (a comment after closing is refused); the
 * drafting unit writes the summary, someone else approves it, the board publishes it, and it
 * downloads as CSV and as a Word table.
 */
const { local, call, people, travel, content, runJob } = consultationScene();

const draftBody = (article2: string) =>
  [
    '<p>QUYẾT ĐỊNH</p><p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>',
    '<p>Điều 1. Phạm vi điều chỉnh</p><p>Quy chế này quy định việc quản lý chợ trên địa bàn huyện.</p>',
    `<p>Điều 2. Đối tượng áp dụng</p><p>1. Ban quản lý chợ.</p><p>2. ${article2}</p>`,
    '<p>Điều 3. Hiệu lực thi hành</p><p>Quyết định này có hiệu lực từ ngày 01/02/2027.</p>',
  ].join('');
const publishedDraft = (title: string, article2: string) =>
  content.itemIn('published', title, { category: 'draft-for-comment', body: draftBody(article2) });
const step = (id: string, who: Person, payload: Record<string, unknown>) =>
  call(`/consultations/${id}/transitions`, who, { method: 'POST', body: payload });

const an = {
  kind: 'individual',
  fullName: 'Hoàng Thị Góp Ý Chợ',
  nationality: 'Việt Nam',
  address: '12 Đường Chợ Cũ, thị trấn A',
  phone: '0912 888 123',
};
const hoi = {
  kind: 'organisation',
  representativeName: 'Trịnh Văn Tiểu Thương',
  representativePosition: 'Chủ tịch',
  organisationName: 'Hội Tiểu thương Chợ Huyện A',
  phone: '0236 3888 456',
  email: 'hoitieuthuong.huyena@example.vn',
};

let addresses = 0;
const publicAnswers: RawResponse[] = [];
const comment = async (id: string, body: Record<string, unknown>) => {
  const res = await httpFrom(local.stack().gateway.url, `/public/portals/huyena/consultations/${id}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ consent: { processing: true, publication: true }, ...body }),
    from: `127.0.7.${(addresses = (addresses % 250) + 1)}`,
  });
  publicAnswers.push(res);
  return res;
};
const publishedComments = async (id: string) => {
  const res = await call(`/public/portals/huyena/consultations/${id}/comments`, undefined);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  publicAnswers.push({ status: res.status, headers: {}, text: JSON.stringify(res.body), json: res.body });
  return res.body as { draftVersion: number; items: Array<{ code: string; article?: number; flag?: string }> };
};
const statusOf = (c: { code: string; secret: string }) =>
  call(`/public/consultation-comments/${c.code}`, undefined, { headers: { 'x-comment-secret': c.secret } });

let draftId = '';
const received: Record<string, { code: string; secret: string }> = {};

beforeAll(async () => {
  await seedTree();
  [people.author, people.secretary, people.chief, people.writer, people.outsider] = await Promise.all([
    person(local.api, 'ctv.e2e', 'huyena', ['contributor']),
    person(local.api, 'thuky.e2e', 'huyena', ['secretary']),
    person(local.api, 'truongban.e2e', 'huyena', ['chief-editor']),
    // The drafting unit's officer who writes the summary (and heads the unit: they still may not approve it).
    person(local.api, 'soanthao.e2e', 'huyena', ['unit-officer', 'unit-head']),
    person(local.api, 'thuky.khac.e2e', 'huyenb', ['secretary', 'chief-editor']),
  ]);
  await travel('2026-12-01T08:00:00');
  draftId = await publishedDraft('Dự thảo Quy chế quản lý chợ', 'Thương nhân kinh doanh tại chợ.');
}, 180_000);

describe('a draft from its opening for comment to its published summary', { shuffle: false }, () => {
  it('opens on schedule; a comment before the opening instant is refused', async () => {
    const scheduled = await step(draftId, people.secretary!, {
      action: 'schedule',
      documentType: 'provincial-legal-document',
      opensAt: vn('2026-12-01T09:00:00'),
      closesAt: vn('2027-01-01T00:00:00'),
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    expect(scheduled.body.articles.map((a: { number: number }) => a.number)).toEqual([1, 2, 3]);
    const early = await comment(draftId, { commenter: an, article: 1, text: 'Đề nghị nêu rõ phạm vi áp dụng.' });
    expect(early.status).toBe(409);
    expect(early.json.errors[0]).toMatchObject({ field: 'params.id', code: 'not_open' });

    await travel('2026-12-01T09:00:30');
    expect(await runJob()).toMatchObject({ opened: 1 });
  });

  it('takes comments per article from an individual and an organisation, and on the whole draft', async () => {
    const bodies: Record<string, Record<string, unknown>> = {
      an1: { commenter: an, article: 1, text: 'Đề nghị mở rộng phạm vi sang các chợ tạm.' },
      an2: { commenter: an, article: 2, text: 'Đề nghị bổ sung hộ kinh doanh cá thể vào đối tượng áp dụng.' },
      hoi2: { commenter: hoi, article: 2, text: 'Hội đề nghị làm rõ khái niệm thương nhân kinh doanh tại chợ.' },
      hoiAll: { commenter: hoi, text: 'Hội tán thành dự thảo và đề nghị sớm ban hành.' },
      spam: { commenter: an, article: 3, text: 'Mua bán đất nền giá rẻ, liên hệ ngay hôm nay.' },
    };
    for (const [name, body] of Object.entries(bodies)) {
      const res = await comment(draftId, body);
      expect(res.status, res.text).toBe(201);
      expect(res.json.state).toBe('pending');
      received[name] = res.json;
    }
    expect((await statusOf(received.hoi2!)).body).toMatchObject({ article: 2, draftVersion: 1, state: 'pending' });
    // Nothing is public before the board moderates.
    expect((await publishedComments(draftId)).items).toEqual([]);
  });

  it('is moderated by the board: published, or hidden with a reason; another unit cannot', async () => {
    const moderate = (code: string, who: Person, body: Record<string, unknown>) =>
      call(`/consultation-comments/${code}/moderation`, who, { method: 'POST', body });
    expect((await moderate(received.an1!.code, people.outsider!, { action: 'publish' })).status).toBe(404);
    expect((await moderate(received.an1!.code, people.writer!, { action: 'publish' })).status).toBe(403);
    for (const name of ['an1', 'an2', 'hoi2', 'hoiAll'])
      expect((await moderate(received[name]!.code, people.secretary!, { action: 'publish' })).status).toBe(200);
    const hidden = await moderate(received.spam!.code, people.chief!, { action: 'hide', reason: 'Quảng cáo' });
    expect(hidden.body).toMatchObject({ state: 'hidden' });
    const listed = await publishedComments(draftId);
    expect(listed.items.map((c) => c.code).sort()).toEqual(
      ['an1', 'an2', 'hoi2', 'hoiAll'].map((n) => received[n]!.code).sort(),
    );
    expect(listed.items.every((c) => c.flag === undefined)).toBe(true);
  });

  it('flags the comments on article 2 when a second version changes it, and only those', async () => {
    const v2 = await publishedDraft('Dự thảo Quy chế quản lý chợ (lần 2)', 'Thương nhân và hộ kinh doanh tại chợ.');
    const taken = await step(draftId, people.secretary!, { action: 'newVersion', contentId: v2 });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.draftVersion).toBe(2);
    const listed = await publishedComments(draftId);
    expect(listed.draftVersion).toBe(2);
    const flagOf = (name: string) => listed.items.find((c) => c.code === received[name]!.code)?.flag;
    expect(flagOf('an2')).toBe('article-changed');
    expect(flagOf('hoi2')).toBe('article-changed');
    expect(flagOf('an1')).toBeUndefined();
    expect(flagOf('hoiAll')).toBeUndefined();
    expect((await statusOf(received.hoi2!)).body).toMatchObject({ flag: 'article-changed', draftVersion: 1 });
    // A comment on the new text of article 2 is not flagged.
    const fresh = await comment(draftId, {
      commenter: hoi,
      article: 2,
      text: 'Hội tán thành việc bổ sung hộ kinh doanh.',
    });
    expect(fresh.status).toBe(201);
    expect((await statusOf(fresh.json)).body).not.toHaveProperty('flag');
  });

  it('closes on schedule: a comment after the closing instant is refused, before and after the scheduler runs', async () => {
    await travel('2026-12-31T23:59:00');
    expect(
      (await comment(draftId, { commenter: an, article: 3, text: 'Đề nghị lùi ngày hiệu lực thêm một tháng.' })).status,
    ).toBe(201);
    await travel('2027-01-01T00:00:10');
    const late = { commenter: an, article: 3, text: 'Đề nghị lùi ngày hiệu lực thêm hai tháng.' };
    expect((await comment(draftId, late)).status).toBe(409);
    expect(await runJob()).toMatchObject({ closed: 1 });
    const refused = await comment(draftId, late);
    expect(refused.status).toBe(409);
    expect(refused.json.errors[0]).toMatchObject({ field: 'params.id', code: 'not_open' });
  });

  it('takes the summary from the drafting unit, approved by someone else, published by the board, downloadable', async () => {
    const summary = [
      { article: null, received: 'Tán thành dự thảo', commentCount: 1, response: 'accepted', reason: '' },
      {
        article: 1,
        received: 'Mở rộng phạm vi sang chợ tạm',
        commentCount: 1,
        response: 'explained',
        reason: 'Chợ tạm do xã quản lý',
      },
      {
        article: 2,
        received: 'Bổ sung hộ kinh doanh; làm rõ khái niệm thương nhân',
        commentCount: 3,
        response: 'accepted',
        reason: '',
      },
      {
        article: 3,
        received: 'Lùi ngày hiệu lực',
        commentCount: 1,
        response: 'not-accepted',
        reason: 'Cần hiệu lực sớm',
      },
    ];
    expect((await step(draftId, people.writer!, { action: 'writeSummary', summary })).status).toBe(200);
    expect((await step(draftId, people.writer!, { action: 'approveSummary' })).status).toBe(403);
    expect((await step(draftId, people.chief!, { action: 'approveSummary' })).status).toBe(200);
    expect((await step(draftId, people.chief!, { action: 'publishSummary' })).status).toBe(200);

    const csv = await local.api(`/public/portals/huyena/consultations/${draftId}/summary?format=csv`);
    expect(csv.status).toBe(200);
    const csvText = await csv.text();
    const rows = parse(csvText, { bom: true }) as string[][];
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      'Toàn bộ dự thảo',
      'Điều 1. Phạm vi điều chỉnh',
      'Điều 2. Đối tượng áp dụng',
      'Điều 3. Hiệu lực thi hành',
    ]);
    const docx = await local.api(`/public/portals/huyena/consultations/${draftId}/summary?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    // A .docx is a ZIP: its first bytes are "PK".
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The commenters' data is in none of the public answers of the run.
    const everything = [...publicAnswers.map((r) => r.text), csvText].join('\n');
    for (const value of [an.fullName, an.phone, an.address, hoi.representativeName, hoi.organisationName, hoi.email])
      expect(everything).not.toContain(value);
  });
});
