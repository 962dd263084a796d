import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';

/**
 * Issue 8 §3, bulk actions on the intake queue, through HTTP on the local stack: each item is its
 * own audited step with its own result; the request is refused whole, writing nothing, when the
 * caller may not act, the list is too long or malformed, or a text or the assignee is wrong.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};
const BULK = '/units/huyena/content/bulk-transitions';

async function submitted(title: string, unit = 'huyena', who = people.contributor!): Promise<string> {
  const created = await call(`/units/${unit}/content`, who, {
    method: 'POST',
    body: { category: 'news', language: 'vi', title, body: '<p>Nội dung</p>', submit: true },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}
const bulk = (who: Person, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(BULK, who, { method: 'POST', body, headers });

const auditOf = auditLog(call, () => people.auditor);
/** Audit entries (as an auditor reads them) and events (where the commit put them: no interface reads the outbox) of one item of `unit`. */
async function traces(id: string, unit = 'huyena') {
  const items = await local.scanAll();
  return {
    audits: (await auditOf(unit, id)).map((e) => e.action),
    events: items
      .filter((i) => String(i.pk).startsWith('OUTBOX#'))
      .map((i) => JSON.parse(i.payload).data)
      .filter((d) => d.id === id && d.event)
      .map((d) => d.event as string),
  };
}
/** Writes are counted in the table itself: that nothing was written is the point. Items of the table, but the consumers' records of the events they processed: those follow earlier steps asynchronously. */
const ownItems = async () => (await local.scanAll()).filter((i) => !String(i.pk).startsWith('CONSUMED#')).length;
const writesSince = async (before: number) => (await ownItems()) - before;

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.k', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.k', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.k', 'huyena', ['chief-editor']);
  people.writingChief = await person(local.api, 'truongban.viet.k', 'huyena', ['chief-editor', 'reporter']);
  people.editor = await person(local.api, 'btv.k', 'huyena', ['editor']);
  people.otherEditor = await person(local.api, 'btv.khac', 'huyenb', ['editor']);
  people.otherContributor = await person(local.api, 'ctv.khac', 'huyenb', ['contributor']);
  people.auditor = await person(local.api, 'kiemtra.k', 'demo', ['auditor']);
}, 120_000);

describe('bulk actions on the intake queue', () => {
  it('returns several items, each its own step with its own audit entry and event; others fail alone', async () => {
    const [a, b] = [await submitted('Tin một'), await submitted('Tin hai')];
    const foreign = await submitted('Tin huyện B', 'huyenb', people.otherContributor);
    const accepted = await submitted('Tin đã tiếp nhận');
    expect(
      (await call(`/content/${accepted}/transitions`, people.secretary, { method: 'POST', body: { action: 'accept' } }))
        .status,
    ).toBe(200);
    const unknown = randomUUID();

    const res = await bulk(people.secretary!, {
      action: 'return',
      ids: [a, foreign, b, accepted, unknown],
      comment: 'Bổ sung nguồn tin',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ action: 'return', succeeded: 2, failed: 3 });
    expect(res.body.results).toEqual([
      { id: a, ok: true, state: 'returned', version: 3 },
      expect.objectContaining({ id: foreign, ok: false, status: 404, code: 'not_found' }),
      { id: b, ok: true, state: 'returned', version: 3 },
      expect.objectContaining({
        id: accepted,
        ok: false,
        status: 409,
        code: 'conflict',
        errors: [{ field: 'body.ids', code: 'not_in_intake' }],
      }),
      expect.objectContaining({ id: unknown, ok: false, status: 404, code: 'not_found' }),
    ]);
    // Another unit's item is reported as missing, not as someone else's, and left untouched.
    expect(res.body.results[1].detail.en).toBe(`The intake queue of huyena has no item ${foreign}`);
    expect((await call(`/content/${foreign}`, people.otherContributor)).body).toMatchObject({
      state: 'submitted',
      version: 2,
    });
    for (const id of [a, b]) {
      const { audits, events } = await traces(id);
      expect(audits.filter((x) => x === 'content.return')).toHaveLength(1);
      expect(events.filter((x) => x === 'ContentReturned')).toHaveLength(1);
    }
    expect((await traces(foreign, 'huyenb')).audits.sort()).toEqual(['content.create', 'content.submit']);
  });

  it('replays the same answer for a retry with the same Idempotency-Key, writing nothing again', async () => {
    const id = await submitted('Tin gửi lại');
    const key = randomUUID();
    const first = await bulk(
      people.secretary!,
      { action: 'return', ids: [id], comment: 'Thiếu ảnh' },
      { 'idempotency-key': key },
    );
    expect(first.body.succeeded).toBe(1);
    const before = await ownItems();
    const again = await local.api(BULK, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${people.secretary!.token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ action: 'return', ids: [id], comment: 'Thiếu ảnh' }),
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first.body);
    expect(await writesSince(before)).toBe(0);
    expect((await traces(id)).audits.filter((x) => x === 'content.return')).toHaveLength(1);
  });

  it('assigns a board member of the unit and keeps the items in the queue; anyone else is a 400 naming body.assignee', async () => {
    const [a, b] = [await submitted('Tin giao A'), await submitted('Tin giao B')];
    const res = await bulk(people.secretary!, { action: 'assign', ids: [a, b], assignee: people.editor!.id });
    expect(res.body).toMatchObject({ succeeded: 2, failed: 0 });
    const item = (await call(`/content/${a}`, people.secretary)).body;
    expect(item).toMatchObject({ state: 'submitted', version: 3, assignee: { personId: people.editor!.id } });
    expect(item.revisions.at(-1)).toMatchObject({ action: 'assign', summary: { en: 'Changed: assignee' } });
    expect(await traces(a)).toMatchObject({
      audits: expect.arrayContaining(['content.assign']),
      events: expect.arrayContaining(['ContentAssigned']),
    });
    // The assignment survives the next step.
    expect(
      (await call(`/content/${a}/transitions`, people.secretary, { method: 'POST', body: { action: 'accept' } }))
        .status,
    ).toBe(200);
    expect((await call(`/content/${a}`, people.secretary)).body.assignee).toMatchObject({
      personId: people.editor!.id,
    });

    const before = await ownItems();
    for (const assignee of [
      people.otherEditor!.id,
      people.contributor!.id,
      'system:publication-scheduler',
      'khong-co',
    ]) {
      const refused = await bulk(people.secretary!, { action: 'assign', ids: [b], assignee });
      expect(refused.status, assignee).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'body.assignee', code: 'not_board_member' });
    }
    expect((await bulk(people.secretary!, { action: 'assign', ids: [b] })).body.errors[0]).toMatchObject({
      field: 'body.assignee',
      code: 'required',
    });
    // The same step on one item, through the single-item endpoint, checks the same.
    const single = (body: Record<string, unknown>) =>
      call(`/content/${b}/transitions`, people.secretary, { method: 'POST', body: { action: 'assign', ...body } });
    expect((await single({})).body.errors[0]).toMatchObject({ field: 'body.assignee', code: 'required' });
    expect((await single({ assignee: people.otherEditor!.id })).body.errors[0]).toMatchObject({
      field: 'body.assignee',
      code: 'not_board_member',
    });
    expect(await writesSince(before)).toBe(0);
    expect((await single({ assignee: people.editor!.id })).body).toMatchObject({ state: 'submitted', version: 4 });
  });

  it('lets the chief reject from the queue with a reason, never an item the chief submitted', async () => {
    const [other, own] = [
      await submitted('Tin không phù hợp'),
      await submitted('Tin của trưởng ban', 'huyena', people.writingChief),
    ];
    const res = await bulk(people.writingChief!, {
      action: 'reject',
      ids: [other, own],
      reason: 'Không thuộc phạm vi Cổng',
    });
    expect(res.body.results).toEqual([
      { id: other, ok: true, state: 'rejected', version: 3 },
      expect.objectContaining({
        id: own,
        ok: false,
        status: 403,
        code: 'forbidden',
        errors: [{ field: 'actor', code: 'separation_of_duties' }],
      }),
    ]);
    expect(await traces(other)).toMatchObject({
      audits: expect.arrayContaining(['content.reject']),
      events: expect.arrayContaining(['ContentRejected']),
    });
  });

  it('refuses, writing nothing: the wrong role, another unit, 26 ids, junk ids, a missing text', async () => {
    const id = await submitted('Tin thử quyền');
    const expectProblem = async (res: { status: number; body: any }, status: number, field?: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.status).toBe(status);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    // A contributor may not return, a secretary may not reject (the chief decides), an editor may not assign.
    await expectProblem(await bulk(people.contributor!, { action: 'return', ids: [id], comment: 'x y' }), 403);
    await expectProblem(await bulk(people.secretary!, { action: 'reject', ids: [id], reason: 'Không phù hợp' }), 403);
    await expectProblem(await bulk(people.editor!, { action: 'assign', ids: [id], assignee: people.editor!.id }), 403);
    // Another unit's secretary acting on this unit's queue.
    const otherSecretary = await person(local.api, 'thuky.khac', 'huyenb', ['secretary']);
    const afterPerson = await ownItems();
    await expectProblem(await bulk(otherSecretary, { action: 'return', ids: [id], comment: 'Bổ sung' }), 403);
    await expectProblem(
      await call('/units/khongco/content/bulk-transitions', people.secretary, {
        method: 'POST',
        body: { action: 'return', ids: [id], comment: 'Bổ sung' },
      }),
      404,
    );
    const ids = Array.from({ length: 26 }, () => randomUUID());
    await expectProblem(await bulk(people.secretary!, { action: 'return', ids, comment: 'Bổ sung' }), 400, 'body.ids');
    await expectProblem(
      await bulk(people.secretary!, { action: 'return', ids: [], comment: 'Bổ sung' }),
      400,
      'body.ids',
    );
    await expectProblem(
      await bulk(people.secretary!, { action: 'return', ids: [id, id], comment: 'Bổ sung' }),
      400,
      'body.ids',
    );
    for (const junk of ['../../etc', 'CONTENT#x', '', 42, { id }]) {
      await expectProblem(
        await bulk(people.secretary!, { action: 'return', ids: [junk], comment: 'Bổ sung' }),
        400,
        'body.ids.0',
      );
    }
    await expectProblem(
      await bulk(people.secretary!, { action: 'return', ids: 'all', comment: 'Bổ sung' }),
      400,
      'body.ids',
    );
    await expectProblem(await bulk(people.secretary!, { action: 'publish', ids: [id] }), 400, 'body.action');
    await expectProblem(await bulk(people.secretary!, { action: 'return', ids: [id] }), 400, 'body.comment');
    await expectProblem(
      await bulk(people.secretary!, { action: 'return', ids: [id], comment: '   ' }),
      400,
      'body.comment',
    );
    await expectProblem(await bulk(people.chief!, { action: 'reject', ids: [id] }), 400, 'body.reason');
    expect(await writesSince(afterPerson)).toBe(0);
    expect((await call(`/content/${id}`, people.secretary)).body).toMatchObject({ state: 'submitted', version: 2 });
  });
});
