import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from 'node:http';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { contentFlow } from '../support/content-flow';
import { cacheClasses } from '../../shared/http/edge-cache';

/**
 * Issue 26 on the local stack (the origin behind the distribution): cache headers, ETag and 304,
 * HEAD, compression of large public answers, and published attachments served only while published.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};

const content = contentFlow(call, {
  unit: 'huyena',
  cast: () => ({ author: people.contributor, secretary: people.secretary, chief: people.chief }),
});
const step = content.step;

const published = (title: string, extra: Record<string, unknown> = {}) => content.itemIn('published', title, extra);

/** A raw request (no transparent decompression), to see the bytes the origin sends. */
function raw(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, local.stack().gateway.url);
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const invalidations = (): Array<{ paths: string[] }> => {
  const file = process.env.LOCAL_INVALIDATIONS_FILE!;
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
};

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.edge', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.edge', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.edge', 'huyena', ['chief-editor']);
}, 120_000);

describe('the origin of the edge, locally', () => {
  it('answers public reads with their Cache-Control and an ETag, and 304 without a body to If-None-Match', async () => {
    const id = await published('Tin có ETag');
    const list = await raw('/public/portals/huyena/content', {});
    expect(list.status).toBe(200);
    // The route's own browser lifetime, with the class's for shared caches.
    expect(list.headers['cache-control']).toBe(`public, max-age=60, s-maxage=${cacheClasses.list.sharedSeconds}`);
    const etag = list.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await raw('/public/portals/huyena/content', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const item = await raw(`/public/portals/huyena/content/${id}`, {});
    expect(item.headers['cache-control']).toBe(`public, max-age=60, s-maxage=${cacheClasses.item.sharedSeconds}`);
    // Another item's ETag, or a stale one, gets the full answer.
    expect((await raw(`/public/portals/huyena/content/${id}`, { 'if-none-match': etag })).status).toBe(200);
    expect(
      (await raw(`/public/portals/huyena/content/${id}`, { 'if-none-match': `"x", ${item.headers.etag}` })).status,
    ).toBe(304);

    // Staff reads are never cacheable and carry no computed ETag.
    const staff = await raw('/units/huyena/content', { authorization: `Bearer ${people.secretary!.token}` });
    expect(staff.status).toBe(200);
    expect(String(staff.headers['cache-control'] ?? '')).not.toContain('public');
  });

  it('answers HEAD on a cached public read as GET without the body, and nowhere else', async () => {
    const id = await published('Tin cho HEAD');
    const get = await raw(`/public/portals/huyena/content/${id}`, {});
    const head = await raw(`/public/portals/huyena/content/${id}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    // No HEAD method for staff routes on AWS, none here.
    expect(
      (await raw('/units/huyena/content', { authorization: `Bearer ${people.secretary!.token}` }, 'HEAD')).status,
    ).toBe(404);
  });

  it('compresses a large public answer for a client that accepts gzip, and nothing for one that does not', async () => {
    const long = `<p>${'Nội dung dài của bản tin, lặp lại để vượt quá một kibibyte. '.repeat(80)}</p>`;
    const id = await published('Tin dài', { body: long });
    const gz = await raw(`/public/portals/huyena/content/${id}`, { 'accept-encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers.vary)).toMatch(/Accept-Encoding/i);
    const { gunzipSync } = await import('node:zlib');
    const plain = await raw(`/public/portals/huyena/content/${id}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length / 2);
    // A small answer stays as it is.
    const small = await raw('/public/portals/khong-co/content/00000000-0000-4000-8000-000000000000', {
      'accept-encoding': 'gzip',
    });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('serves a published attachment while its item is published, and not after withdrawal; each step invalidates its paths', async () => {
    const png = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads/python.png')));
    const declared = await call('/uploads', people.contributor, {
      method: 'POST',
      body: { fileName: 'anh.png', contentType: 'image/png', size: png.length },
    });
    expect(declared.status).toBe(201);
    const form = declared.body as { uploadId: string; url: string; fields: Record<string, string> };
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append('file', new Blob([png], { type: 'image/png' }), 'anh.png');
    expect((await fetch(form.url, { method: 'POST', body: data })).status).toBe(204);
    await eventually(
      async () =>
        (await call(`/uploads/${form.uploadId}`, people.contributor)).body?.status === 'clean' ? true : undefined,
      15_000,
    );

    const before = invalidations().length;
    const id = await published('Tin có tệp', { attachments: [form.uploadId] });
    const path = `/published/huyena/${id}/${form.uploadId}`;
    const served = await eventually(async () => {
      const res = await raw(path, {});
      return res.status === 200 ? res : undefined;
    }, 15_000);
    expect(served.headers['content-type']).toBe('image/png');
    expect(new Uint8Array(served.body)).toEqual(png);
    // A first publication invalidates nothing (the path held at most a briefly cached 404).
    expect(
      invalidations()
        .slice(before)
        .flatMap((i) => i.paths)
        .filter((p) => p.includes(id)),
    ).toEqual([]);

    const withdrawn = await step(id, people.chief!, { action: 'withdraw', publicNote: 'Gỡ tệp đính kèm' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    await eventually(async () => ((await raw(path, {})).status === 404 ? true : undefined), 15_000);
    await eventually(
      async () =>
        invalidations()
          .flatMap((i) => i.paths)
          .includes(`/published/huyena/${id}/*`)
          ? true
          : undefined,
      15_000,
    );
    expect(invalidations().find((i) => i.paths.includes(`/published/huyena/${id}/*`))!.paths).toEqual([
      `/published/huyena/${id}/*`,
      `/v1/public/portals/huyena/content/${id}*`,
    ]);
    // Nothing but published/ is ever served there.
    expect((await raw(`/published/../clean/${form.uploadId}`, {})).status).toBe(404);
    expect((await raw(`/clean/${form.uploadId}`, {})).status).toBe(404);
  });
});
