import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';

/**
 * Issue 20 §1–§2 through HTTP on the local stack: authorship steps (submit, recall, editing a draft
 * or a returned item) are the author's, or the unit's secretary's acting for the board (recorded as
 * such); and nobody who took part in an item — its creator, any submitter, editor, proposer,
 * co-author with an account, emergency publisher — approves, rejects or confirms it, whatever roles
 * they hold and however often it went back and forth.
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
const step = (id: string, who: Person, body: Record<string, unknown>) =>
  call(`/content/${id}/transitions`, who, { method: 'POST', body });
const edit = (id: string, who: Person, body: Record<string, unknown>, version: number) =>
  call(`/content/${id}`, who, { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } });
const read = async (id: string) => (await call(`/content/${id}`, people.chief!)).body;
const auditOf = auditLog(call, () => people.auditor);
const ok = async (res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

async function created(body: Record<string, unknown>, who: Person) {
  const res = await call('/units/huyena/content', who, { method: 'POST', body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Submitted by `author`, taken in by the secretary, proposed by `proposer`: awaiting the chief. */
async function proposed(title: string, author: Person, proposer: Person, extra: Record<string, unknown> = {}) {
  const id = await created(news(title, { submit: true, ...extra }), author);
  await ok(step(id, people.secretary!, { action: 'accept' }));
  await ok(step(id, proposer, { action: 'propose' }));
  return id;
}

const refusedAs = (res: { status: number; body: any }, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.errors[0]).toMatchObject({ field: 'actor', code });
};

beforeAll(async () => {
  await seedTree();
  [
    people.a,
    people.b,
    people.secretary,
    people.editor,
    people.chief,
    people.chief2,
    people.chiefSecretary,
    people.editingChief,
    people.auditor,
  ] = await Promise.all([
    person(local.api, 'ctv.a.sod', 'huyena', ['contributor']),
    person(local.api, 'ctv.b.sod', 'huyena', ['contributor']),
    person(local.api, 'thuky.sod', 'huyena', ['secretary']),
    person(local.api, 'btv.sod', 'huyena', ['editor']),
    person(local.api, 'truongban.sod', 'huyena', ['chief-editor']),
    person(local.api, 'truongban2.sod', 'huyena', ['chief-editor']),
    person(local.api, 'truongban.thuky.sod', 'huyena', ['chief-editor', 'secretary']),
    person(local.api, 'truongban.btv.sod', 'huyena', ['chief-editor', 'editor']),
    person(local.api, 'kiemtra.sod', 'huyena', ['auditor']),
  ]);
}, 120_000);

describe('a colleague cannot take a draft over', () => {
  it("refuses B submitting A's draft, re-submitting A's returned item, or rewriting its contributors; A keeps recall and edit", async () => {
    const id = await created(news('Bản nháp của A'), people.a!);
    refusedAs(await step(id, people.b!, { action: 'submit' }), 'not_author');
    await ok(step(id, people.a!, { action: 'submit' }));
    await ok(step(id, people.secretary!, { action: 'return', comment: 'Bổ sung nguồn' }));
    refusedAs(await step(id, people.b!, { action: 'submit' }), 'not_author');
    const item = await read(id);
    refusedAs(
      await edit(
        id,
        people.b!,
        { contributors: [{ name: 'Cộng tác viên B', accountId: people.b!.id, share: 100 }] },
        item.version,
      ),
      'not_author',
    );
    refusedAs(await step(id, people.b!, { action: 'recall' }), 'not_author');
    const after = await read(id);
    expect(after).toMatchObject({
      version: item.version,
      submittedBy: people.a!.id,
      contributors: [{ accountId: people.a!.id, share: 100 }],
    });
    await ok(edit(id, people.a!, { title: 'Bản nháp của A, đã sửa' }, after.version));
    await ok(step(id, people.a!, { action: 'recall' }));
  });

  it('lets the secretary submit and edit for the board, recorded as acting for the author, who keeps the item', async () => {
    const id = await created(news('Tin gửi qua Thư ký'), people.a!);
    await ok(edit(id, people.secretary!, { title: 'Tin gửi qua Thư ký (đã sửa)' }, 1));
    await ok(step(id, people.secretary!, { action: 'submit' }));
    const audits = (await auditOf('huyena', id)).map((e) => [e.action, e.after?.onBehalfOf]);
    expect(audits).toEqual(
      expect.arrayContaining([
        ['content.edit', people.a!.id],
        ['content.submit', people.a!.id],
      ]),
    );
    // No interface reads the outbox: the event is checked where the commit put it.
    const events = (await local.scanAll()).filter(
      (i) =>
        i.pk?.startsWith('OUTBOX#') &&
        JSON.parse(i.payload ?? '{}').data?.id === id &&
        JSON.parse(i.payload).data.action === 'submit',
    );
    expect(events.map((e) => JSON.parse(e.payload).data)).toMatchObject([
      { onBehalfOf: people.a!.id, actor: { id: people.secretary!.id } },
    ]);
    await ok(step(id, people.a!, { action: 'recall' }));
  });
});

describe('nobody who took part decides', () => {
  it('bars the creator once someone else submitted it (chief who is also secretary creates, the secretary submits for the board)', async () => {
    const id = await created(news('Tin do Trưởng ban soạn'), people.chiefSecretary!);
    await ok(step(id, people.secretary!, { action: 'submit' }));
    await ok(step(id, people.secretary!, { action: 'accept' }));
    await ok(step(id, people.editor!, { action: 'propose' }));
    const res = await step(id, people.chiefSecretary!, { action: 'approve' });
    refusedAs(res, 'separation_of_duties');
    expect(res.body.i18n.en.detail).toMatch(/^Separation of duties: you created it\b/);
    await ok(step(id, people.chief!, { action: 'approve' }));
  });

  it('bars a chief named as co-author in contributors from approving or rejecting', async () => {
    const contributors = [
      { name: 'Cộng tác viên A', accountId: people.a!.id, share: 50 },
      { name: 'Trưởng ban', accountId: people.chief!.id, share: 50 },
    ];
    const id = await proposed('Tin có đồng tác giả', people.a!, people.editor!, { contributors });
    refusedAs(await step(id, people.chief!, { action: 'approve' }), 'separation_of_duties');
    refusedAs(await step(id, people.chief!, { action: 'reject', reason: 'Không phù hợp' }), 'separation_of_duties');
    await ok(step(id, people.chief2!, { action: 'approve' }));
  });

  it("keeps the proposer's bar after a send-back and a re-proposal by someone else", async () => {
    const id = await proposed('Tin trình hai lần', people.a!, people.editingChief!);
    await ok(step(id, people.chief!, { action: 'send-back', comment: 'Sửa tít' }));
    await ok(step(id, people.editor!, { action: 'propose' }));
    refusedAs(await step(id, people.editingChief!, { action: 'approve' }), 'separation_of_duties');
    const item = await read(id);
    expect(item.participants).toEqual(
      expect.arrayContaining([
        { id: people.a!.id, role: 'creator' },
        { id: people.a!.id, role: 'submitter' },
        { id: people.editingChief!.id, role: 'proposer' },
        { id: people.editor!.id, role: 'proposer' },
      ]),
    );
    await ok(step(id, people.chief!, { action: 'approve' }));
  });
});
