import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';

/**
 * Issue 8 through HTTP on the local stack: an item goes from a contributor through the secretary
 * and the chief to the public API; separation of duties, races, sanitising, withdrawal notes,
 * the emergency path, idempotent creation and other units' staff.
 */
const local = useLocalStack();
const call = caller(local.api);
const auditOf = auditLog(call, () => people.auditor);
const people: Record<string, Person> = {};

const news = (title: string, extra: Record<string, unknown> = {}) => ({
  category: 'news',
  language: 'vi',
  title,
  body: '<p>Nội dung <strong>chính</strong></p>',
  ...extra,
});
const legal = (title: string) => ({
  category: 'legal-document',
  language: 'vi',
  title,
  body: '<p>Toàn văn quyết định</p>',
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol: '12/2026/QĐ-UBND',
    issuingAuthority: 'Ủy ban nhân dân huyện A',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-02-13',
    effectiveFrom: '2026-03-01',
    summary: 'Quy định về quản lý Cổng thông tin điện tử',
  },
});

const step = (id: string, who: Person, body: Record<string, unknown>, version?: number) =>
  call(`/content/${id}/transitions`, who, {
    method: 'POST',
    body,
    ...(version !== undefined && { headers: { 'if-match': `"${version}"` } }),
  });

/** Creates an item as `who`, submitted, and takes it as far as `until` through the board. */
async function itemIn(
  until: 'submitted' | 'editing' | 'pending-decision' | 'approved' | 'published',
  who = people.contributor!,
  body: Record<string, unknown> = news('Tin thử'),
) {
  const created = await call('/units/huyena/content', who, { method: 'POST', body: { ...body, submit: true } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  const path: Array<[Person, Record<string, unknown>, string]> = [
    [people.secretary!, { action: 'accept' }, 'editing'],
    [people.secretary!, { action: 'propose' }, 'pending-decision'],
    [people.chief!, { action: 'approve' }, 'approved'],
    [people.secretary!, { action: 'publish' }, 'published'],
  ];
  for (const [actor, action, reached] of path) {
    if (created.body.state === until) break;
    const res = await step(id, actor, action);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (reached === until) break;
  }
  return id;
}

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.a', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.a', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.a', 'huyena', ['chief-editor']);
  people.chief2 = await person(local.api, 'truongban2.a', 'huyena', ['chief-editor']);
  people.writingChief = await person(local.api, 'truongban.viet', 'huyena', ['chief-editor', 'reporter']);
  people.editingChief = await person(local.api, 'truongban.bientap', 'huyena', ['chief-editor', 'secretary']);
  people.otherSecretary = await person(local.api, 'thuky.b', 'huyenb', ['secretary']);
  people.auditor = await person(local.api, 'kiemtra.a', 'huyena', ['auditor']);
}, 120_000);

describe('content, end to end', () => {
  it('goes from a contributor through the secretary and the chief to the public API', async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Khai trương Cổng', { submit: true }),
    });
    expect(created).toMatchObject({ status: 201, body: { state: 'submitted', version: 2 } });
    const id = created.body.id as string;
    const queue = await call('/units/huyena/content?state=submitted', people.secretary);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await step(id, people.secretary!, { action: 'accept' }, 2)).body).toMatchObject({
      state: 'editing',
      version: 3,
    });
    expect((await step(id, people.secretary!, { action: 'propose' }, 3)).body).toMatchObject({
      state: 'pending-decision',
      version: 4,
    });
    // The contributor holds no rule for approving at all.
    expect((await step(id, people.contributor!, { action: 'approve' })).status).toBe(403);
    const approved = await step(id, people.chief!, { action: 'approve' }, 4);
    expect(approved.body).toMatchObject({ state: 'approved', version: 5 });
    expect(approved.body.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await step(id, people.secretary!, { action: 'publish' }, 5)).body).toMatchObject({
      state: 'published',
      version: 6,
    });

    const staff = await call(`/content/${id}`, people.chief);
    expect(staff.body).toMatchObject({ state: 'published', version: 6, publishedOnTime: true });
    expect(staff.body.revisions.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'submit',
      'accept',
      'propose',
      'approve',
      'publish',
    ]);
    expect(staff.body.revisions[3].summary.en).toBe('Changed: state: editing → pending-decision');

    const list = await call('/public/portals/huyena/content?category=news', undefined);
    expect(list.status).toBe(200);
    const listed = list.body.items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ title: 'Khai trương Cổng', status: 'published' });
    const one = await call(`/public/portals/huyena/content/${id}`, undefined);
    expect(one.body).toMatchObject({ status: 'published', body: '<p>Nội dung <strong>chính</strong></p>' });
    expect(one.body.citation).toMatch(/^Theo Cổng thông tin điện tử Huyện A \(/);
    // Another portal does not serve it.
    expect((await call(`/public/portals/huyenb/content/${id}`, undefined)).status).toBe(404);
    // Every step left one audit entry (as an auditor reads the log) and one event in the outbox (read where the
    // commit put it: no interface reads the outbox), relayed to the bus.
    const audits = (await auditOf('huyena', id)).map((e) => e.action).sort();
    const items = await local.scanAll();
    expect(audits).toEqual([
      'content.accept',
      'content.approve',
      'content.create',
      'content.propose',
      'content.publish',
      'content.submit',
    ]);
    const events = items
      .filter((i) => i.pk?.startsWith('OUTBOX#'))
      .map((i) => JSON.parse(i.payload).data)
      .filter((d) => d.id === id)
      .map((d) => d.event ?? 'ContentItemCreated')
      .sort();
    expect(events).toEqual([
      'ContentAccepted',
      'ContentApproved',
      'ContentItemCreated',
      'ContentProposed',
      'ContentPublished',
      'ContentSubmitted',
    ]);
  });

  it('never lets the submitter, or the last editor, approve (403 naming the rule)', async () => {
    const own = await itemIn('pending-decision', people.writingChief);
    const refused = await step(own, people.writingChief!, { action: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ field: 'actor', code: 'separation_of_duties' });
    expect(refused.body.i18n.en.detail).toBe(
      'Separation of duties: you created it, are one of its co-authors, submitted this, so someone else must approve',
    );

    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Biên tập bởi trưởng ban', { submit: true }),
    });
    const id = created.body.id as string;
    expect((await step(id, people.editingChief!, { action: 'accept' })).status).toBe(200);
    expect((await step(id, people.editingChief!, { action: 'propose' })).status).toBe(200);
    const edited = await step(id, people.editingChief!, { action: 'approve' });
    expect(edited.status).toBe(403);
    expect(edited.body.i18n.en.detail).toBe(
      'Separation of duties: you proposed it for decision, so someone else must approve',
    );
    expect((await call(`/content/${id}`, people.chief)).body).toMatchObject({ state: 'pending-decision', version: 4 });
    expect((await step(id, people.chief!, { action: 'approve' })).status).toBe(200);
  });

  it('of two concurrent decisions on one item, exactly one wins; the other gets 412 or 409', async () => {
    const id = await itemIn('pending-decision');
    const outcomes = await Promise.all([
      step(id, people.chief!, { action: 'approve' }, 4),
      step(id, people.chief2!, { action: 'reject', reason: 'Trùng lặp' }, 4),
    ]);
    const statuses = outcomes.map((o) => o.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect([409, 412]).toContain(statuses.find((s) => s !== 200));
    const revisions = (await call(`/content/${id}`, people.chief)).body.revisions;
    expect(revisions).toHaveLength(5);
  });

  it('never lets a <script>, an event handler or a javascript: URL reach the public API', async () => {
    const body =
      '<p>Tin <script>alert(1)</script><img src="https://x.vn/a.png" onerror="alert(1)"><a href="javascript:alert(1)" onclick="x()">liên kết</a><svg onload="alert(1)"></svg></p>';
    const id = await itemIn('published', people.contributor, news('Tin có mã độc', { body }));
    const one = await call(`/public/portals/huyena/content/${id}`, undefined);
    const text = JSON.stringify(one.body);
    for (const bad of ['<script', 'alert(1)', 'onerror', 'onclick', 'onload', 'javascript:', '<svg'])
      expect(text, bad).not.toContain(bad);
    expect(one.body.body).toContain('<img src="https://x.vn/a.png" />');
    // A body that is nothing but code is refused, naming the field.
    const empty = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Trống', { body: '<script>alert(1)</script>' }),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'body.body', code: 'empty' });
  });

  it('needs a public note to withdraw, and the public API then shows the note, not the content', async () => {
    const id = await itemIn('published');
    const bare = await step(id, people.chief!, { action: 'withdraw' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0]).toMatchObject({ field: 'body.publicNote', code: 'required' });
    expect(
      (await step(id, people.chief!, { action: 'withdraw', publicNote: 'Gỡ để đính chính số liệu' })).body,
    ).toMatchObject({ state: 'withdrawn' });
    const one = await call(`/public/portals/huyena/content/${id}`, undefined);
    expect(one.body).toMatchObject({ status: 'withdrawn', publicNote: 'Gỡ để đính chính số liệu' });
    expect(one.body).not.toHaveProperty('body');
  });

  it('keeps an emergency publication flagged until another person confirms it', async () => {
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: { ...legal('Quyết định khẩn'), submit: true },
    });
    const id = created.body.id as string;
    expect((await step(id, people.editingChief!, { action: 'accept' })).status).toBe(200);
    const noReason = await step(id, people.editingChief!, { action: 'emergency-publish' });
    expect(noReason.body.errors[0]).toMatchObject({ field: 'body.reason' });
    expect(
      (await step(id, people.editingChief!, { action: 'emergency-publish', reason: 'Văn bản có hiệu lực ngay' })).body,
    ).toMatchObject({ state: 'emergency-published' });
    expect((await call(`/public/portals/huyena/content/${id}`, undefined)).body.status).toBe('published');
    const flagged = await call('/units/huyena/content?state=emergency-published', people.chief);
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toContain(id);
    // Whoever published it cannot confirm it; the secretary holds no rule to.
    const self = await step(id, people.editingChief!, { action: 'confirm' });
    expect(self.status).toBe(403);
    expect(self.body.i18n.en.detail).toBe(
      'Separation of duties: you published it in an emergency, so someone else must confirm the emergency publication',
    );
    expect((await step(id, people.secretary!, { action: 'confirm' })).status).toBe(403);
    expect((await call(`/content/${id}`, people.chief)).body).toMatchObject({
      state: 'emergency-published',
      emergency: { reason: 'Văn bản có hiệu lực ngay' },
    });
    expect((await step(id, people.chief!, { action: 'confirm' })).body).toMatchObject({ state: 'published' });
    expect((await call(`/content/${id}`, people.chief)).body.emergency).toMatchObject({
      confirmedBy: people.chief!.id,
    });
    // Only legal documents take the emergency path.
    const newsId = await itemIn('editing');
    const refused = await step(newsId, people.secretary!, { action: 'emergency-publish', reason: 'Gấp' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.action', code: 'emergency_not_allowed' });
  });

  it('keeps an item whose files are not checked clean off the portal, and publishes it once they are', async () => {
    const png = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads/python.png')));
    const declared = await call('/uploads', people.contributor, {
      method: 'POST',
      body: { fileName: 'anh-khai-truong.png', contentType: 'image/png', size: png.length },
    });
    expect(declared.status).toBe(201);
    const form = declared.body as { uploadId: string; url: string; fields: Record<string, string> };
    const unknown = 'a1b2c3d4-0000-4000-8000-000000000001';
    const blocked = await itemIn(
      'approved',
      people.contributor,
      news('Có tệp lạ', { attachments: [form.uploadId, unknown] }),
    );
    const refused = await step(blocked, people.secretary!, { action: 'publish' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toMatchObject([
      { field: 'attachments.0', code: 'attachment_pending' },
      { field: 'attachments.1', code: 'attachment_missing' },
    ]);
    expect((await call(`/public/portals/huyena/content/${blocked}`, undefined)).status).toBe(404);

    // The file goes up through its form; once the checker has found it clean, the item can be published.
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append('file', new Blob([png], { type: 'image/png' }), 'anh-khai-truong.png');
    expect((await fetch(form.url, { method: 'POST', body: data })).status).toBe(204);
    await eventually(
      async () =>
        (await call(`/uploads/${form.uploadId}`, people.contributor)).body?.status === 'clean' ? true : undefined,
      15_000,
    );
    const ready = await itemIn('approved', people.contributor, news('Có ảnh', { attachments: [form.uploadId] }));
    expect((await step(ready, people.secretary!, { action: 'publish' })).body).toMatchObject({ state: 'published' });
    expect((await call(`/public/portals/huyena/content/${ready}`, undefined)).status).toBe(200);
  });

  it('creates once for retries with one Idempotency-Key', async () => {
    const body = news('Một lần thôi');
    const headers = { 'idempotency-key': 'tao-tin-1' };
    const first = await call('/units/huyena/content', people.contributor, { method: 'POST', body, headers });
    const again = await local.api('/units/huyena/content', {
      method: 'POST',
      headers: { authorization: `Bearer ${people.contributor!.token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(first.body.id);
    const items = await local.scanAll();
    expect(items.filter((i) => i.type === 'ContentItem' && i.title === 'Một lần thôi')).toHaveLength(1);
  });

  it('links language versions, each with its own state', async () => {
    const id = await itemIn('published');
    const en = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Portal opens', { language: 'en', translationOf: id }),
    });
    expect(en.status, JSON.stringify(en.body)).toBe(201);
    expect(en.body.state).toBe('draft');
    const source = await call(`/content/${id}`, people.chief);
    expect(source.body).toMatchObject({
      state: 'published',
      version: 6,
      translations: [{ language: 'en', id: en.body.id }],
    });
    expect((await call(`/content/${en.body.id}`, people.chief)).body).toMatchObject({
      translationOf: id,
      state: 'draft',
    });
    const again = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Twice', { language: 'en', translationOf: id }),
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ field: 'body.translationOf', code: 'language_taken' });
    const elsewhere = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news('Nowhere', { language: 'en', translationOf: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'body.translationOf', code: 'not_found' });
  });

  it("refuses another unit's staff", async () => {
    const id = await itemIn('submitted');
    const other = people.otherSecretary!;
    // An item the caller may not see is answered as missing (issue 20: no existence oracle).
    expect((await call(`/content/${id}`, other)).status).toBe(404);
    expect((await step(id, other, { action: 'accept' })).status).toBe(404);
    expect((await call('/units/huyena/content', other)).status).toBe(403);
    expect((await call('/units/huyena/content', other, { method: 'POST', body: news('Lấn sân') })).status).toBe(403);
    expect((await call(`/content/${id}`, people.secretary)).body.state).toBe('submitted');
  });
});
