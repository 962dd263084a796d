import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { setNow } from '../support/travel';
import { caller, person, type Person } from '../support/directory';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';
import { followSyndicatedSource } from '../../shared/application/content-syndication';

/**
 * Issue 20 §7, the low findings, through HTTP on the local stack (Bình Định): the Q&A duplicate
 * guard sees through a reformatted phone and punctuation; invisible and bidi characters are refused
 * in text fields and stripped from bodies; an archived item leaves the public API; a reopened
 * question leaves the public list; the syndication consumer re-reads the source of a withdrawal.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

let addresses = 0;
const askRaw = (body: unknown) =>
  httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    from: `127.0.4.${(addresses += 1)}`,
  });
const question = (phone: string, text: string, publication = false) => ({
  asker: {
    kind: 'individual',
    fullName: 'Đỗ Thị Lan',
    nationality: 'Việt Nam',
    address: 'Quy Nhơn',
    phone,
    email: 'lan.do@example.vn',
  },
  field: 'land-environment',
  title: 'Hỏi về thủ tục đất đai',
  text,
  consent: { processing: true, publication },
});
const step = async (path: string, who: Person, body: Record<string, unknown>) => {
  const res = await call(path, who, { method: 'POST', body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(local.stack().services, [
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'binhdinh', slug: 'soa' },
    {
      code: 'huyena',
      name: { vi: 'Huyện A', en: 'District A' },
      kind: 'district',
      parentCode: 'binhdinh',
      slug: 'huyena',
    },
  ]);
  [
    people.secretary,
    people.chief,
    people.editor,
    people.contributor,
    people.headA,
    people.districtContributor,
    people.districtSecretary,
    people.districtChief,
  ] = await Promise.all([
    person(local.api, 'thuky.lf', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.lf', 'binhdinh', ['chief-editor']),
    person(local.api, 'btv.lf', 'binhdinh', ['editor']),
    person(local.api, 'ctv.lf', 'binhdinh', ['contributor']),
    person(local.api, 'giamdoc.soa.lf', 'soa', ['unit-head']),
    person(local.api, 'ctv.huyena.lf', 'huyena', ['contributor']),
    person(local.api, 'thuky.huyena.lf', 'huyena', ['secretary']),
    person(local.api, 'truongban.huyena.lf', 'huyena', ['chief-editor']),
  ]);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('the Q&A duplicate guard', () => {
  it('sees the same asker through a reformatted phone (E.164) and the same text through punctuation and invisible characters', async () => {
    const text = 'Xin hỏi thủ tục tách thửa đất ở nông thôn gồm những giấy tờ gì?';
    expect((await askRaw(question('0912 345 678', text))).status).toBe(201);
    for (const [phone, again] of [
      ['0912.345.678', text],
      ['+84 912 345 678', text],
      ['0084912345678', text],
      ['0912 345 678', `${text}!`],
      ['0912 345 678', `Xin hỏi: thủ tục tách thửa đất ở nông thôn, gồm những giấy tờ gì??`],
      ['0912 345 678', text.replace('tách', 'tá\u200Bch')],
    ] as const) {
      const res = await askRaw(question(phone, again));
      expect([400, 409], `${phone} / ${again}: ${res.text}`).toContain(res.status);
    }
  });
});

describe('invisible and bidi characters', () => {
  it.each(
    ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u061C', '\uFFFE', '\uFFFF', '\u00AD'].map(
      (c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c],
    ),
  )('refuses U+%s in a title (400 naming body.title)', async (_code, char) => {
    const res = await call('/units/binhdinh/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: `Tin${char} mới`, body: '<p>Nội dung</p>' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body.title' });
  });

  it('strips bidi overrides and zero-width characters from a body, raw or as entities', async () => {
    const res = await call('/units/binhdinh/content', people.contributor, {
      method: 'POST',
      body: {
        category: 'news',
        language: 'vi',
        title: 'Tin có ký tự ẩn',
        body: '<p>Giá \u202E000.01\u202C đồng, mã\u200B số&#8203; &#x202E;ẩn</p>',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = await call(`/content/${res.body.id}`, people.contributor);
    expect(item.body.body).toBe('<p>Giá 000.01 đồng, mã số ẩn</p>');
  });
});

describe('an archived item', () => {
  it('leaves the public item, list and feed', async () => {
    const created = await call('/units/binhdinh/content', people.contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin sẽ lưu trữ', body: '<p>Nội dung</p>', submit: true },
    });
    const id = created.body.id as string;
    await step(`/content/${id}/transitions`, people.secretary!, { action: 'accept' });
    await step(`/content/${id}/transitions`, people.editor!, { action: 'propose' });
    await step(`/content/${id}/transitions`, people.chief!, { action: 'approve' });
    await step(`/content/${id}/transitions`, people.secretary!, { action: 'publish' });
    expect((await call(`/public/portals/binhdinh/content/${id}`, undefined)).status).toBe(200);
    await step(`/content/${id}/transitions`, people.secretary!, { action: 'archive' });
    expect((await call(`/public/portals/binhdinh/content/${id}`, undefined)).status).toBe(404);
    const list = await call('/public/portals/binhdinh/content', undefined);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const feed = await local.api('/public/portals/binhdinh/feed.rss');
    expect(await feed.text()).not.toContain(id);
  });
});

describe('a reopened question', () => {
  const listed = async () =>
    ((await call('/public/portals/binhdinh/questions', undefined)).body.items as { id: string }[]).map((q) => q.id);
  /** Asked with consent to publication, and taken to `published`. */
  async function published(phone: string, text: string) {
    const asked = await askRaw(question(phone, text, true));
    expect(asked.status, asked.text).toBe(201);
    const { trackingCode: id, secret } = asked.json as { trackingCode: string; secret: string };
    await step(`/questions/${id}/transitions`, people.secretary!, { action: 'classify', complexity: 'simple' });
    await step(`/questions/${id}/transitions`, people.secretary!, { action: 'route', unit: 'soa' });
    await step(`/questions/${id}/transitions`, people.headA!, {
      action: 'answer',
      answer: { text: 'Lệ phí cấp đổi do Hội đồng nhân dân tỉnh quy định theo từng khu vực.', citations: [] },
    });
    await step(`/questions/${id}/transitions`, people.chief!, { action: 'approve-answer' });
    await step(`/questions/${id}/transitions`, people.secretary!, { action: 'send' });
    await step(`/questions/${id}/transitions`, people.secretary!, { action: 'publish' });
    expect(await listed()).toContain(id);
    return { id, secret };
  }

  it('leaves the public list when the board reopens it', async () => {
    const { id } = await published(
      '0905 666 777',
      'Xin hỏi thời hạn cấp đổi giấy chứng nhận quyền sử dụng đất là bao lâu?',
    );
    await step(`/questions/${id}/transitions`, people.secretary!, {
      action: 'reopen',
      reason: 'Câu trả lời chưa nêu thời hạn',
    });
    expect(await listed()).not.toContain(id);
  });

  it('leaves the public list when the asker rates it not answered, until it is published again', async () => {
    const { id, secret } = await published(
      '0905 777 888',
      'Xin hỏi lệ phí cấp đổi giấy chứng nhận quyền sử dụng đất là bao nhiêu?',
    );
    const rated = await httpFrom(local.stack().gateway.url, `/public/questions/${id}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-question-secret': secret },
      body: JSON.stringify({ rating: 'not-answered' }),
      from: '127.0.4.250',
    });
    expect(rated.status, rated.text).toBe(201);
    expect(await listed()).not.toContain(id);
  });
});

describe('the syndication consumer', () => {
  it('re-reads the source of a withdrawal: an event for a source that is still online changes no copy', async () => {
    const created = await call('/units/huyena/content', people.districtContributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: 'Tin của huyện', body: '<p>Nội dung</p>', submit: true },
    });
    const id = created.body.id as string;
    await step(`/content/${id}/transitions`, people.districtSecretary!, { action: 'accept' });
    await step(`/content/${id}/transitions`, people.districtSecretary!, { action: 'propose' });
    await step(`/content/${id}/transitions`, people.districtChief!, { action: 'approve' });
    await step(`/content/${id}/transitions`, people.districtSecretary!, { action: 'publish' });
    const proposed = await call(`/content/${id}/syndication`, people.districtSecretary, { method: 'POST', body: {} });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const forged = {
      key: `ContentItem#${id}#99`,
      event: 'ContentWithdrawn',
      type: 'ContentItem',
      id,
      action: 'withdraw',
      from: 'published',
      to: 'withdrawn',
      version: 99,
      unitCode: 'huyena',
      assignedTo: null,
      actor: { id: 'ai-do', kind: 'user' },
      at: new Date().toISOString(),
      publicNote: 'Gỡ giả',
    };
    const work = await followSyndicatedSource(local.stack().services, forged as never, 'req-forged');
    // Nothing to do: nothing to write, not even the consumer's record of the event (issue 22).
    expect(work).toBeNull();
  });
});
