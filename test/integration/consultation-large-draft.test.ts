import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { consultationScene, vn } from '../support/consultation-scene';
import { person, seedTree } from '../support/directory';
import { httpFrom } from '../support/http-from';
import { itemBytes, MAX_ITEM_BYTES } from '../../shared/adapters/dynamo/item-size';

/**
 * A consultation on a draft as long as the content workflow takes (300 KB of cleaned body) and as
 * many articles as a draft may number (9999), through the public API on the local stack: scheduled
 * (with an Idempotency-Key, whose record keeps the answer), opened, read back whole by the public
 * and the board, commented on its last article, taken in as a new version. DynamoDB Local refuses an
 * item over 400 KB as DynamoDB does (checked first), so any item of these steps over the limit would
 * be a 500 here: none is, and every item of the table stays within the limit.
 */
const { local, call, people, travel, content, runJob } = consultationScene();

/** A draft of `count` articles, each one line; `&` is stored as `&amp;`, so the cleaned body is longer than the request. */
const draftBody = (count: number, text: (n: number) => string) =>
  [
    '<p>QUYẾT ĐỊNH</p><p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>',
    ...Array.from({ length: count }, (_, i) => `<p>Điều ${i + 1}. ${text(i + 1)}</p>`),
  ].join('');
// 3000 one-line articles of 3-byte letters and `&`s: ~290 KB once cleaned, from a request within 256 KB.
const LONG = { count: 3000, text: (_n: number) => `${'ữ'.repeat(17)} &&&&&` };
const MANY = { count: 9999, text: (n: number) => (n === 9999 ? 'Hiệu lực thi hành' : 'a') };

const statuses: number[] = [];
const track = async <T extends { status: number }>(answer: Promise<T>): Promise<T> => {
  const res = await answer;
  statuses.push(res.status);
  return res;
};
const step = (id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  track(call(`/consultations/${id}/transitions`, people.secretary, { method: 'POST', body: payload, headers }));
const publicGet = (id: string) => track(call(`/public/portals/huyena/consultations/${id}`, undefined));
const schedule = (id: string, headers: Record<string, string> = {}) =>
  step(
    id,
    {
      action: 'schedule',
      documentType: 'provincial-legal-document',
      opensAt: vn('2026-12-01T09:00:00'),
      closesAt: vn('2027-01-01T00:00:00'),
    },
    headers,
  );
const partitionOf = async (id: string) =>
  (await local.scanAll()).filter((i) => i.pk === `CONSULT#${id}`) as Array<Record<string, unknown>>;

const ids = { long: '', many: '' };

beforeAll(async () => {
  await seedTree();
  [people.author, people.secretary, people.chief] = await Promise.all([
    person(local.api, 'ctv.dai', 'huyena', ['contributor']),
    person(local.api, 'thuky.dai', 'huyena', ['secretary']),
    person(local.api, 'truongban.dai', 'huyena', ['chief-editor']),
  ]);
  await travel('2026-12-01T08:00:00');
  const publish = (title: string, body: string) =>
    content.itemIn('published', title, { category: 'draft-for-comment', body });
  ids.long = await publish('Dự thảo dài 300 KB', draftBody(LONG.count, LONG.text));
  ids.many = await publish('Dự thảo 9999 điều', draftBody(MANY.count, MANY.text));
}, 300_000);

describe('a consultation on the longest draft content takes', { shuffle: false }, () => {
  it('runs on a DynamoDB Local that refuses an item over 400 KB, as DynamoDB does', async () => {
    const { db, table } = local.stack().services;
    const put = (bytes: number) =>
      db.send(
        new PutCommand({ TableName: table, Item: { pk: 'SIZE#probe', sk: String(bytes), blob: 'x'.repeat(bytes) } }),
      );
    await expect(put(MAX_ITEM_BYTES)).rejects.toThrow(/size/i);
    await expect(put(MAX_ITEM_BYTES - 1024)).resolves.toBeDefined();
  });

  it('schedules one on a ~290 KB draft of 3000 articles (with an Idempotency-Key: a retry is answered alike) and one of 9999', async () => {
    const published = await call(`/content/${ids.long}`, people.secretary);
    expect(Buffer.byteLength(published.body.body as string)).toBeGreaterThan(280_000);
    const key = { 'idempotency-key': 'schedule-long-draft' };
    const scheduled = await schedule(ids.long, key);
    expect(scheduled.status, JSON.stringify(scheduled.body).slice(0, 500)).toBe(201);
    expect(scheduled.body.articles).toHaveLength(LONG.count);
    const retry = await schedule(ids.long, key);
    expect(retry.status).toBe(201);
    // Only one consultation and one first version: the retry took no second step.
    expect((await partitionOf(ids.long)).filter((i) => i.sk === 'CONSULTATION')).toHaveLength(1);
    const many = await schedule(ids.many);
    expect(many.status, JSON.stringify(many.body).slice(0, 500)).toBe(201);
    expect(many.body.articles).toHaveLength(MANY.count);
  });

  it('opens them on schedule; the public and the board read every article back; a comment lands on the last', async () => {
    await travel('2026-12-01T09:00:30');
    expect(await runJob()).toMatchObject({ opened: 2 });
    const open = await publicGet(ids.long);
    expect(open.status).toBe(200);
    expect(open.body.articles).toHaveLength(LONG.count);
    expect(open.body.preamble).toContain('Căn cứ Luật Tổ chức chính quyền địa phương;');
    expect(open.body.articles.at(-1)).toMatchObject({ number: LONG.count, title: LONG.text(LONG.count) });
    const staff = await track(call(`/consultations/${ids.long}`, people.secretary));
    expect(staff.status).toBe(200);
    expect(staff.body.articles.map((a: { digest: string }) => a.digest)).toEqual(
      open.body.articles.map((a: { digest: string }) => a.digest),
    );
    const list = await track(call('/public/portals/huyena/consultations?status=open', undefined));
    expect(list.body.items.find((i: { id: string }) => i.id === ids.long)).toMatchObject({ articleCount: LONG.count });
    const commented = await httpFrom(
      local.stack().gateway.url,
      `/public/portals/huyena/consultations/${ids.long}/comments`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          commenter: {
            kind: 'individual',
            fullName: 'Nguyễn Văn Góp Ý',
            nationality: 'Việt Nam',
            address: '1 Đường Dài, thị trấn A',
            phone: '0912 000 111',
          },
          article: LONG.count,
          text: 'Đề nghị gộp các điều có cùng nội dung.',
          consent: { processing: true, publication: true },
        }),
        from: '127.0.9.1',
      },
    );
    statuses.push(commented.status);
    expect(commented.status, commented.text).toBe(201);
  });

  it('takes 9999 articles (about 1 MB as stored) in parts within the limit, and a new version of them', async () => {
    const next = await content.itemIn('published', 'Dự thảo 9999 điều (lần 2)', {
      category: 'draft-for-comment',
      body: draftBody(MANY.count, (n) => (n === 1 ? 'Phạm vi điều chỉnh' : MANY.text(n))),
    });
    const taken = await step(ids.many, { action: 'newVersion', contentId: next }, { 'idempotency-key': 'v2-many' });
    expect(taken.status, JSON.stringify(taken.body).slice(0, 500)).toBe(200);
    const read = await publicGet(ids.many);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ draftVersion: 2 });
    expect(read.body.articles).toHaveLength(MANY.count);
    expect(read.body.articles[0]).toMatchObject({ number: 1, title: 'Phạm vi điều chỉnh' });
    expect(read.body.articles.at(-1)).toMatchObject({ number: 9999, title: 'Hiệu lực thi hành' });
    const items = await partitionOf(ids.many);
    expect(items.filter((i) => String(i.sk).startsWith('DRAFT#0002#PART#')).length).toBeGreaterThan(1);
  });

  it('kept every item of the table within 400 KB, the consultations small, and answered nothing with a 5xx', async () => {
    const items = await local.scanAll();
    const largest = Math.max(...items.map((i) => itemBytes(i)));
    expect(largest).toBeLessThan(MAX_ITEM_BYTES);
    for (const id of [ids.long, ids.many]) {
      const consultation = items.find((i) => i.pk === `CONSULT#${id}` && i.sk === 'CONSULTATION')!;
      expect(itemBytes(consultation)).toBeLessThan(4 * 1024);
    }
    expect(statuses.length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
