import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { contentFlow } from '../support/content-flow';
import Parser from 'rss-parser';

/**
 * Issue 8 §8 (public read side) through HTTP on the local stack: publishing a legal document indexes it in the same
 * transaction, the public search finds it (diacritics and đ/d ignored), withdrawal takes it out,
 * and junk queries are refused naming the field; the RSS feed shows published items and withdrawal notes.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};

const legal = (title: string, numberSymbol: string, issuedOn: string, summary: string) => ({
  category: 'legal-document',
  language: 'vi',
  title,
  body: '<p>Toàn văn</p>',
  submit: true,
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol,
    issuingAuthority: 'Ủy ban nhân dân huyện A',
    signer: 'Nguyễn Văn A',
    issuedOn,
    summary,
  },
});

const content = contentFlow(call, {
  unit: 'huyena',
  cast: () => ({ author: people.contributor, secretary: people.secretary, chief: people.chief }),
});
const step = content.step;

async function published(body: ReturnType<typeof legal>, emergency = false): Promise<string> {
  if (!emergency) return content.itemIn('published', body.title, body);
  const id = await content.create(body.title, body);
  await content.take(id, people.secretary!, { action: 'emergency-publish', reason: 'Văn bản cần có hiệu lực ngay' });
  return id;
}

const search = (qs: string, portal = 'huyena') => call(`/public/portals/${portal}/legal-documents?${qs}`, undefined);
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.s', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.s', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.s', 'huyena', ['chief-editor']);
}, 120_000);

describe('legal-document search', () => {
  it('finds "Quyết định số 12/2026/QĐ-UBND" first for "quyet dinh 12/2026", and not after its withdrawal', async () => {
    const other = await published(
      legal(
        'Quyết định số 3/2026/QĐ-UBND về đất đai',
        '3/2026/QĐ-UBND',
        '2026-01-20',
        'Quy định về quản lý đất đai, số 12 trang',
      ),
    );
    const id = await published(
      legal(
        'Quyết định số 12/2026/QĐ-UBND',
        '12/2026/QĐ-UBND',
        '2026-02-13',
        'Quy định về quản lý Cổng thông tin điện tử',
      ),
    );
    // Newer, the same number, the year only as its issue date (an administrative decision): second.
    const sameNumber = await published(
      legal('Quyết định số 12/QĐ-UBND về khen thưởng', '12/QĐ-UBND', '2026-03-02', 'Khen thưởng tập thể'),
    );

    const found = await search(`q=${encodeURIComponent('quyet dinh 12/2026')}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.items[0]).toMatchObject({
      id,
      title: 'Quyết định số 12/2026/QĐ-UBND',
      numberSymbol: '12/2026/QĐ-UBND',
      issuedOn: '2026-02-13',
      status: 'in-force',
    });
    expect(ids(found).slice(0, 2)).toEqual([id, sameNumber]);
    expect(ids(await search('number=12%2F2026%2FQ%C4%90-UBND'))[0]).toBe(id);
    // Words without diacritics and with d for đ; the number filter; the date range. Among this test's documents
    // (words are ranked, any one may match: other tests' documents of the portal may share a word).
    const mine = (res: Parameters<typeof ids>[0]) => ids(res).filter((x) => [other, id, sameNumber].includes(x));
    expect(mine(await search(`q=${encodeURIComponent('cong thong tin dien tu')}`))).toEqual([id]);
    expect(mine(await search(`q=${encodeURIComponent('ĐẤT ĐAI')}`))).toEqual([other]);
    expect(ids(await search('number=3%2F2026%2FQ%C4%90-UBND'))).toEqual([other]);
    expect(mine(await search('form=Q%C4%90&issuedFrom=2026-02-01'))).toEqual([sameNumber, id]);
    // Another portal has none of them.
    expect((await search('q=quyet+dinh', 'huyenb')).body.items).toEqual([]);

    const withdrawn = await step(id, people.chief!, { action: 'withdraw', publicNote: 'Văn bản được thay thế' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(ids(await search(`q=${encodeURIComponent('quyet dinh 12/2026')}`))).not.toContain(id);
    // Its entries are gone from the table, not only hidden; the other document's stay.
    const entries = (await local.scanAll()).filter((i) => String(i.pk).startsWith('LEGALSEARCH#'));
    expect(entries.filter((e) => e.doc.itemId === id)).toEqual([]);
    expect(entries.filter((e) => e.doc.itemId === other).length).toBeGreaterThan(5);
  });

  it('indexes an emergency publication at once, and archiving takes it out', async () => {
    const id = await published(
      legal(
        'Quyết định số 40/2026/QĐ-UBND về phòng chống bão',
        '40/2026/QĐ-UBND',
        '2026-03-02',
        'Phòng chống bão số 3',
      ),
      true,
    );
    expect(ids(await search('q=40%2F2026%2FQ%C4%90-UBND'))[0]).toBe(id);
    expect((await step(id, people.chief!, { action: 'confirm' })).status).toBe(200);
    expect(ids(await search('q=phong+chong+bao'))).toEqual([id]);
    expect((await step(id, people.secretary!, { action: 'archive' })).status).toBe(200);
    expect(ids(await search('q=phong+chong+bao'))).toEqual([]);
    expect(
      (await local.scanAll()).filter((i) => String(i.pk).startsWith('LEGALSEARCH#') && i.doc.itemId === id),
    ).toEqual([]);
  });

  it('refuses junk queries with a problem naming the field, in Vietnamese and English', async () => {
    for (const [qs, field] of [
      ['q=%21%21%21', 'query.q'],
      [`q=${'a'.repeat(201)}`, 'query.q'],
      ['issuedFrom=2026-02-30', 'query.issuedFrom'],
      ['issuedFrom=2026-03-01&issuedTo=2026-01-01', 'query.issuedTo'],
      ['form=kh%C3%B4ng-c%C3%B3', 'query.form'],
      ['number=abc', 'query.number'],
      ['status=living', 'query.status'],
      ['cursor=x', 'query.cursor'],
    ] as const) {
      const res = await local.api(`/public/portals/huyena/legal-documents?${qs}`, { method: 'GET' });
      const body = await res.text();
      expect(res.status, `${qs}: ${body}`).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(body).toContain(`"${field}"`);
    }
  });
});

describe('RSS feed', () => {
  it('parses as RSS 2.0 and shows a published item; a withdrawn item shows its note, not its content', async () => {
    const kept = await published(
      legal(
        'Quyết định số 51/2026/QĐ-UBND về giao thông',
        '51/2026/QĐ-UBND',
        '2026-04-01',
        'Quy định về an toàn giao thông',
      ),
    );
    const gone = await published(
      legal('Quyết định số 52/2026/QĐ-UBND về chợ', '52/2026/QĐ-UBND', '2026-04-02', 'Nội dung quản lý chợ bí mật'),
    );
    expect(
      (await step(gone, people.chief!, { action: 'withdraw', publicNote: 'Đã gỡ theo yêu cầu của cơ quan ban hành' }))
        .status,
    ).toBe(200);

    const res = await local.api('/public/portals/huyena/feed.rss?category=legal-document', { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toContain('Huyện A');
    expect(feed.language).toBe('vi');
    const item = (id: string) => feed.items.find((i) => i.guid === `content:${id}`);
    expect(item(kept)).toMatchObject({
      title: 'Quyết định số 51/2026/QĐ-UBND về giao thông',
      contentSnippet: 'Quy định về an toàn giao thông',
    });
    expect(item(kept)!.link).toMatch(/^https:\/\/[^/]+\/vi\/content\//);
    expect(item(gone)!.contentSnippet).toBe('Đã gỡ theo yêu cầu của cơ quan ban hành');
    expect(xml).not.toContain('quản lý chợ bí mật');
    // Another language has its own (empty) feed; an unknown portal is a 404 problem.
    const english = await new Parser().parseString(
      await (await local.api('/public/portals/huyena/feed.rss?language=en', { method: 'GET' })).text(),
    );
    expect(english.items).toEqual([]);
    expect((await local.api('/public/portals/khongco/feed.rss', { method: 'GET' })).status).toBe(404);
    expect((await local.api('/public/portals/huyena/feed.rss?category=junk', { method: 'GET' })).status).toBe(400);
  });
});
