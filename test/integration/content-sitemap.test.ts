import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { contentFlow } from '../support/content-flow';
import { xmlErrors } from '../support/xml-validation';
import { contentSitemap } from '../../shared/application/content-sitemap';

/**
 * Issue 8 §8, the sitemap route, on the local stack: published and withdrawn items of one portal
 * only, validated by libxml2 against the official sitemaps.org schemas (test/fixtures/sitemaps-org);
 * past the URL limit, a sitemap index whose pages are each valid and together list every URL.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};
const ids: Record<string, string> = {};

const content = contentFlow(call, {
  unit: 'huyena',
  cast: () => ({ author: people.contributor, secretary: people.secretary, chief: people.chief }),
});
const step = content.step;
const item = (title: string, language: string, until: 'approved' | 'published') =>
  content.itemIn(until, title, { language });
const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
const get = async (path: string) => {
  const res = await local.api(path);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.m', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.m', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.m', 'huyena', ['chief-editor']);
  ids.news = await item('Tin đã đăng', 'vi', 'published');
  ids.english = await item('Published news', 'en', 'published');
  ids.withdrawn = await item('Tin đã gỡ', 'vi', 'published');
  expect((await step(ids.withdrawn, people.chief!, { action: 'withdraw', publicNote: 'Thông tin đã cũ' })).status).toBe(
    200,
  );
  ids.approved = await item('Tin chưa đăng', 'vi', 'approved');
}, 120_000);

describe('getSitemap', () => {
  it('lists the home page, published and withdrawn items, and validates against sitemap.xsd', async () => {
    const res = await get('/public/portals/huyena/sitemap.xml');
    expect(res.status, res.text).toBe(200);
    expect(res.type).toMatch(/^application\/xml/);
    expect(await xmlErrors(res.text, 'sitemap.xsd')).toEqual([]);
    const locs = locsOf(res.text);
    const home = locs[0]!;
    expect(home).toMatch(/^https:\/\/[a-z0-9.-]+\/$/);
    expect(locs.slice(1).sort()).toEqual(
      [
        `${home}en/content/${ids.english}`,
        `${home}vi/content/${ids.news}`,
        `${home}vi/content/${ids.withdrawn}`,
      ].sort(),
    );
    expect(res.text).not.toContain(ids.approved);
    // The withdrawn item's page shows its note: that is what the public API serves for it.
    expect((await call(`/public/portals/huyena/content/${ids.withdrawn}`, undefined)).body).toMatchObject({
      status: 'withdrawn',
      publicNote: 'Thông tin đã cũ',
    });
  });

  it("lists nothing of another portal's", async () => {
    const res = await get('/public/portals/huyenb/sitemap.xml');
    expect(res.status).toBe(200);
    expect(await xmlErrors(res.text, 'sitemap.xsd')).toEqual([]);
    expect(locsOf(res.text)).toHaveLength(1);
  });

  it('splits past the URL limit into a sitemap index whose pages are valid and list every URL once', async () => {
    const whole = locsOf(await contentSitemap(local.stack().services, 'huyena'));
    const index = await contentSitemap(local.stack().services, 'huyena', undefined, { maxUrls: 2 });
    expect(await xmlErrors(index, 'siteindex.xsd')).toEqual([]);
    const pages = locsOf(index);
    expect(pages).toEqual([1, 2].map((n) => `${whole[0]}sitemap.xml?page=${n}`));
    const listed: string[] = [];
    for (const n of [1, 2]) {
      const page = await contentSitemap(local.stack().services, 'huyena', n, { maxUrls: 2 });
      expect(await xmlErrors(page, 'sitemap.xsd')).toEqual([]);
      listed.push(...locsOf(page));
    }
    expect(listed).toEqual(whole);
    await expect(contentSitemap(local.stack().services, 'huyena', 3, { maxUrls: 2 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('is gzip-compressed through the gateway when the client accepts it, and the bytes round-trip', async () => {
    // Raw bytes from the local gateway (fetch would decompress on its own).
    const raw = (acceptEncoding: string) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>(
        (done, fail) => {
          const req = request(
            `${local.stack().gateway.url}/public/portals/huyena/sitemap.xml`,
            { headers: { 'accept-encoding': acceptEncoding } },
            (res) => {
              const chunks: Buffer[] = [];
              res
                .on('data', (c: Buffer) => chunks.push(c))
                .on('end', () => done({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }))
                .on('error', fail);
            },
          );
          req.on('error', fail).end();
        },
      );
    const plain = await raw('identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const zipped = await raw('br;q=1, gzip;q=0.8');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zipped.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(gunzipSync(zipped.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(await xmlErrors(gunzipSync(zipped.bytes).toString('utf8'), 'sitemap.xsd')).toEqual([]);
    // gzip refused outright (q=0) is not sent.
    expect((await raw('gzip;q=0, identity')).headers['content-encoding']).toBeUndefined();
  });

  it('answers problems for an unknown portal or page, and junk pages', async () => {
    const unknown = await call('/public/portals/khongco/sitemap.xml', undefined);
    expect(unknown.status).toBe(404);
    const beyond = await call('/public/portals/huyena/sitemap.xml?page=2', undefined);
    expect(beyond.status).toBe(404);
    expect(beyond.body.errors[0]).toMatchObject({ field: 'query.page', code: 'no_such_page' });
    for (const junk of ['0', 'abc', '1e3', '-1', '99999999']) {
      const res = await call(`/public/portals/huyena/sitemap.xml?page=${junk}`, undefined);
      expect(res.status, junk).toBe(400);
      expect(res.body.errors[0].field).toBe('query.page');
    }
  });
});
