import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';
import { quarterOf } from '../../shared/domain/content';

/**
 * Issue 8 §1/§5/§7 through HTTP on the local stack: PATCH /content/{id} edits an item where the
 * workflow table allows it, with If-Match, one revision per edit, the editor barred from approving;
 * contributors and shares frozen at publication.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};

const news = (title: string, extra: Record<string, unknown> = {}) => ({
  category: 'news',
  language: 'vi',
  title,
  body: '<p>Nội dung</p>',
  ...extra,
});
const legal = (title: string) => ({
  category: 'legal-document',
  language: 'vi',
  title,
  body: '<p>Toàn văn</p>',
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol: '15/2026/QĐ-UBND',
    issuingAuthority: 'Ủy ban nhân dân huyện A',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-02-13',
    effectiveFrom: '2026-03-01',
    summary: 'Quy định về quản lý',
  },
});
const edit = (id: string, who: Person, body: Record<string, unknown>, version?: number) =>
  call(`/content/${id}`, who, {
    method: 'PATCH',
    body,
    ...(version !== undefined && { headers: { 'if-match': `"${version}"` } }),
  });
const step = (id: string, who: Person, body: Record<string, unknown>) =>
  call(`/content/${id}/transitions`, who, { method: 'POST', body });
const read = async (id: string) => (await call(`/content/${id}`, people.chief)).body;
const auditOf = auditLog(call, () => people.auditor);

async function created(body: Record<string, unknown>, who = people.contributor!) {
  const res = await call('/units/huyena/content', who, { method: 'POST', body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Submitted by the contributor and taken in by the secretary: the board edits it now. */
async function inEditing(title: string) {
  const id = await created(news(title, { submit: true }));
  expect((await step(id, people.secretary!, { action: 'accept' })).status).toBe(200);
  return id;
}

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.sua', 'huyena', ['contributor']);
  people.otherContributor = await person(local.api, 'ctv.khac', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.sua', 'huyena', ['secretary']);
  people.editor = await person(local.api, 'btv.sua', 'huyena', ['editor']);
  people.chief = await person(local.api, 'truongban.sua', 'huyena', ['chief-editor']);
  people.editingChief = await person(local.api, 'truongban.btv', 'huyena', ['chief-editor', 'editor']);
  people.auditor = await person(local.api, 'kiemtra.sua', 'huyena', ['auditor']);
}, 120_000);

describe('editing an item (PATCH /content/{id})', () => {
  it('lets the author edit a draft: the body is cleaned, a revision says what changed, one audit entry and one event', async () => {
    const id = await created(news('Bản nháp'));
    const res = await edit(
      id,
      people.contributor!,
      {
        title: 'Bản nháp đã sửa',
        body: '<p>Mới <script>alert(1)</script><img src="https://x.vn/a.png" onerror="x()"></p>',
      },
      1,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id,
      state: 'draft',
      version: 2,
      revision: { action: 'edit', actor: people.contributor!.id, summary: { en: 'Changed: body, title' } },
    });
    const item = await read(id);
    expect(item).toMatchObject({ title: 'Bản nháp đã sửa', version: 2, lastEditedBy: people.contributor!.id });
    for (const bad of ['<script', 'alert(1)', 'onerror']) expect(item.body).not.toContain(bad);
    expect(item.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit']);
    expect((await auditOf('huyena', id)).filter((e) => e.action === 'content.edit')).toHaveLength(1);
    // No interface reads the outbox: the event is checked where the commit put it.
    const events = (await local.scanAll()).filter(
      (i) =>
        i.pk?.startsWith('OUTBOX#') && i.detailType === 'ContentItemEdited' && JSON.parse(i.payload).data.id === id,
    );
    expect(events.map((e) => JSON.parse(e.payload).data)).toMatchObject([{ version: 2, fields: ['title', 'body'] }]);
  });

  it('keeps the title and body with each revision that changed them, for a diff between revisions (GET /content/{id}?revisions=1,3)', async () => {
    const id = await created(news('Trước khi sửa'));
    expect((await edit(id, people.contributor!, { summary: 'Tóm tắt' }, 1)).status).toBe(200);
    expect(
      (await edit(id, people.contributor!, { body: '<p>Nội dung đã sửa <script>x()</script></p>' }, 2)).status,
    ).toBe(200);
    // The item's list of revisions says which kept the text, without carrying it.
    const item = await read(id);
    expect(
      item.revisions.map((r: { version: number; textKept?: boolean }) => [r.version, r.textKept ?? false]),
    ).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(JSON.stringify(item.revisions)).not.toContain('Nội dung');
    const texts = async (versions: string) =>
      (await call(`/content/${id}?revisions=${versions}`, people.chief)).body.revisionTexts;
    expect(await texts('1,3')).toEqual([
      { version: 1, title: 'Trước khi sửa', body: '<p>Nội dung</p>' },
      // The title unchanged is kept beside the changed body, cleaned as the item is.
      { version: 3, title: 'Trước khi sửa', body: item.body },
    ]);
    expect(item.body).not.toContain('script');
    // The summary alone changed: no text kept.
    expect(await texts('2')).toEqual([{ version: 2 }]);
    expect(item.revisionTexts).toBeUndefined();
    for (const bad of ['4', '1,2,3', 'x']) {
      const res = await call(`/content/${id}?revisions=${bad}`, people.chief);
      expect(res.status, bad).toBe(400);
      expect(res.body.errors[0].field).toBe('query.revisions');
    }
  });

  it('needs If-Match, refuses a stale one with 412, and a refused edit writes nothing', async () => {
    const id = await created(news('Phiên bản'));
    const bare = await edit(id, people.contributor!, { title: 'Không có If-Match' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0]).toMatchObject({ field: 'header.if-match', code: 'required' });
    const stale = await edit(id, people.contributor!, { title: 'Cũ' }, 7);
    expect(stale.status).toBe(412);
    expect(stale.body.errors[0]).toMatchObject({ field: 'header.if-match' });
    const nothing = await edit(id, people.contributor!, {}, 1);
    expect(nothing.status).toBe(400);
    const empty = await edit(id, people.contributor!, { body: '<script>x()</script>' }, 1);
    expect(empty.body.errors[0]).toMatchObject({ field: 'body.body', code: 'empty' });
    const shares = await edit(
      id,
      people.contributor!,
      {
        contributors: [
          { name: 'An', share: 70 },
          { name: 'Bình', share: 40 },
        ],
      },
      1,
    );
    expect(shares.body.errors[0]).toMatchObject({ field: 'body.contributors', code: 'shares' });
    const notLegal = await edit(id, people.contributor!, { legalDocument: legal('x').legalDocument }, 1);
    expect(notLegal.body.errors[0]).toMatchObject({ field: 'body.legalDocument', code: 'not_allowed' });
    expect(await read(id)).toMatchObject({ title: 'Phiên bản', version: 1 });
    expect((await read(id)).revisions).toHaveLength(1);
  });

  it('allows edits only where the workflow table does: the author while draft or returned, the board while editing', async () => {
    const draft = await created(news('Của người khác'));
    const stranger = await edit(draft, people.otherContributor!, { title: 'Sửa trộm' }, 1);
    expect(stranger.status).toBe(403);
    expect(stranger.body.errors[0]).toMatchObject({ field: 'actor', code: 'not_author' });

    const submitted = await created(news('Đã gửi', { submit: true }));
    const locked = await edit(submitted, people.contributor!, { title: 'Sửa sau khi gửi' }, 2);
    expect(locked.status).toBe(409);
    expect(locked.body.errors[0]).toMatchObject({ field: 'state', code: 'not_editable' });

    const id = await inEditing('Đang biên tập');
    expect((await edit(id, people.contributor!, { title: 'Tác giả sửa' }, 3)).status).toBe(403);
    expect((await edit(id, people.editor!, { summary: 'Tóm tắt của biên tập viên' }, 3)).body).toMatchObject({
      state: 'editing',
      version: 4,
    });
    // Returned to the author: theirs to edit again, then resubmit.
    expect((await step(id, people.secretary!, { action: 'return', comment: 'Bổ sung số liệu' })).status).toBe(200);
    expect((await edit(id, people.editor!, { title: 'Biên tập viên sửa' }, 5)).status).toBe(403);
    expect((await edit(id, people.contributor!, { title: 'Đã bổ sung' }, 5)).body).toMatchObject({
      state: 'returned',
      version: 6,
    });
    expect((await step(id, people.contributor!, { action: 'submit' })).status).toBe(200);
    expect((await read(id)).revisions.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'submit',
      'accept',
      'edit',
      'return',
      'edit',
      'submit',
    ]);
  });

  it('never lets whoever edited the content approve it, even after someone else proposed it', async () => {
    const id = await inEditing('Sửa rồi duyệt');
    expect((await edit(id, people.editingChief!, { body: '<p>Nội dung đã biên tập</p>' }, 3)).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'propose' })).status).toBe(200);
    const refused = await step(id, people.editingChief!, { action: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ field: 'actor', code: 'separation_of_duties' });
    expect(refused.body.i18n.en.detail).toBe(
      'Separation of duties: you edited its content, so someone else must approve',
    );
    expect((await step(id, people.chief!, { action: 'approve' })).status).toBe(200);
  });

  it('of 50 concurrent edits of one version exactly one wins; the others get 412 (or 409 where DynamoDB reports a transaction conflict)', async () => {
    const id = await created(news('Tranh chấp'));
    // A barrier holds every edit's commit until all 50 have read version 1 and passed their checks,
    // so only the conditional write can decide between them.
    const waiting: Array<() => void> = [];
    const barrier = (next: any, context: any) => async (args: any) => {
      if (context.commandName === 'TransactWriteItemsCommand' && JSON.stringify(args.input).includes(`CONTENT#${id}`)) {
        await new Promise<void>((release) => {
          waiting.push(release);
          if (waiting.length === 50) waiting.forEach((r) => r());
          setTimeout(release, 5_000);
        });
      }
      return next(args);
    };
    local.stack().services.dynamo.middlewareStack.add(barrier, { step: 'initialize', name: 'editBarrier' });
    let outcomes: Array<{ status: number; body: any }>;
    try {
      outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => edit(id, people.contributor!, { title: `Phiên bản ${i}` }, 1)),
      );
    } finally {
      local.stack().services.dynamo.middlewareStack.remove('editBarrier');
    }
    expect(waiting).toHaveLength(50);
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // A loser whose condition failed is a 412; one whose transaction ran into the winner's while it was
    // in flight gets DynamoDB's TransactionConflict, a 409 "try again" (as on AWS). Never anything else.
    expect(statuses.filter((s) => s === 412 || s === 409)).toHaveLength(49);
    expect(statuses.filter((s) => s === 412).length).toBeGreaterThan(0);
    expect(outcomes.find((o) => o.status === 412)!.body.errors[0]).toMatchObject({ field: 'header.if-match' });
    const winner = outcomes.findIndex((o) => o.status === 200);
    const item = await read(id);
    expect(item).toMatchObject({ version: 2, title: `Phiên bản ${winner}` });
    expect(item.revisions).toHaveLength(2);
  });
});

describe('attribution frozen at publication (QN 12.2)', () => {
  it('keeps contributors editable until publication, then freezes them, queryable by unit and quarter', async () => {
    const id = await created(news('Nhuận bút', { contributors: [{ name: 'An', share: 100 }] }));
    const shared = [
      { name: 'An', share: 60 },
      { name: 'Bình', share: 40 },
    ];
    expect((await edit(id, people.contributor!, { contributors: shared }, 1)).status).toBe(200);
    expect((await step(id, people.contributor!, { action: 'submit' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'accept' })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'propose' })).status).toBe(200);
    expect((await step(id, people.chief!, { action: 'approve' })).status).toBe(200);
    const published = await step(id, people.secretary!, { action: 'publish' });
    expect(published.body).toMatchObject({ state: 'published', version: 7 });
    const item = await read(id);
    expect(item.attribution).toMatchObject({
      contributors: shared,
      quarter: quarterOf(item.publishedAt),
      frozenAt: item.publishedAt,
    });

    const later = await edit(id, people.secretary!, { contributors: [{ name: 'Chi', share: 100 }] }, 7);
    expect(later.status).toBe(409);
    expect(later.body.errors[0]).toMatchObject({ field: 'body.contributors', code: 'attribution_frozen' });
    // Other fields of a published item are closed by the workflow table, naming the state.
    expect((await edit(id, people.secretary!, { title: 'Sửa sau khi đăng' }, 7)).body.errors[0]).toMatchObject({
      field: 'state',
      code: 'not_editable',
    });

    const tally = await local.stack().services.content.attributionsOf('huyena', quarterOf(item.publishedAt));
    expect(tally.filter((a) => a.itemId === id)).toMatchObject([{ contributors: shared, title: 'Nhuận bút' }]);
  });

  it('freezes at an emergency publication too, and not again at its confirmation', async () => {
    const id = await created({ ...legal('Quyết định khẩn'), submit: true });
    expect((await step(id, people.secretary!, { action: 'accept' })).status).toBe(200);
    expect(
      (await step(id, people.secretary!, { action: 'emergency-publish', reason: 'Có hiệu lực ngay' })).status,
    ).toBe(200);
    const frozen = (await read(id)).attribution;
    expect(frozen.contributors).toEqual([
      { name: people.contributor!.id, accountId: people.contributor!.id, share: 100 },
    ]);
    expect((await step(id, people.chief!, { action: 'confirm' })).status).toBe(200);
    expect((await read(id)).attribution).toEqual(frozen);
  });
});
