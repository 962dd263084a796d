import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Parser from 'rss-parser';
import { useLocalStack } from '../support/local-stack';
import { caller, commitWork, person, seedTree, type Person } from '../support/directory';
import { contentFlow } from '../support/content-flow';
import { auditLog } from '../support/audit-log';
import { ScheduledPublicationRepository } from '../../shared/adapters/dynamo/scheduled-publication';

/**
 * Issue 8 §3, scheduled publication, on the local stack: an item scheduled over HTTP is published
 * by the `publish-scheduled` job once its time has come (not before), as the system identity, once
 * only however many runs there are; an item taken out of `scheduled` meanwhile is not published.
 */
const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};
const JOB = 'publish-scheduled';

const content = contentFlow(call, {
  unit: 'huyena',
  cast: () => ({ author: people.contributor, secretary: people.secretary, chief: people.chief }),
});
const step = content.step;
const approvedItem = (title: string, extra: Record<string, unknown> = {}) => content.itemIn('approved', title, extra);

/** `ms` from now, written in Vietnam's offset as a console would send it. */
const inVietnam = (ms: number) => new Date(Date.now() + ms + 7 * 3600_000).toISOString().replace('Z', '+07:00');
/**
 * The clock moves on as usual, and jumps to a publication time instead of waiting for it: the
 * handlers and the job run in this process, on the same (fake) Date. The job itself still refuses
 * an `at` later than that clock.
 */
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
afterAll(() => {
  vi.useRealTimers();
});
const sleepUntil = async (iso: string) => {
  const target = Date.parse(iso) + 50;
  if (target > Date.now()) vi.setSystemTime(target);
};
const runJob = (at?: string) =>
  local.stack().runJob(JOB, at === undefined ? {} : { at }) as Promise<Record<string, number | boolean | string>>;

const auditOf = auditLog(call, () => people.auditor);
/**
 * What a scheduled publication left: its audit entries (as an auditor reads them), its event and its schedule marker
 * (read where the commit put them: no interface reads the outbox or the job's due index).
 */
async function traces(id: string) {
  const items = await local.scanAll();
  return {
    audits: (await auditOf('huyena', id)).filter((e) => e.action === 'content.publish-scheduled'),
    published: items
      .filter((i) => String(i.pk).startsWith('OUTBOX#'))
      .map((i) => JSON.parse(i.payload).data)
      .filter((d) => d.id === id && d.event === 'ContentPublished'),
    marker: items.find((i) => i.pk === `CONTENT#${id}` && i.sk === 'SCHEDULE'),
  };
}

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.h', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.h', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.h', 'huyena', ['chief-editor']);
  people.auditor = await person(local.api, 'kiemtra.h', 'huyena', ['auditor']);
}, 120_000);

describe('scheduled publication', () => {
  it('publishes a scheduled item once its time has come, as the system, visible in the public list and feed', async () => {
    const id = await approvedItem('Tin hẹn giờ đăng');
    const publishAt = inVietnam(3000);
    const scheduled = await step(id, people.secretary!, { action: 'schedule', publishAt });
    expect(scheduled.body).toMatchObject({ state: 'scheduled' });
    expect((await traces(id)).marker).toMatchObject({
      publishAt: new Date(publishAt).toISOString(),
      duePk: expect.stringMatching(/^PUBLISHAT#\d$/),
    });

    // A run before its time (the clock set back with `at`) finds nothing due.
    expect(await runJob(new Date().toISOString())).toMatchObject({ outcome: 'succeeded', due: 0, published: 0 });
    expect((await call(`/content/${id}`, people.secretary)).body.state).toBe('scheduled');
    // The clock may look back, never ahead.
    await expect(runJob(new Date(Date.now() + 3600_000).toISOString())).rejects.toThrow(/not later than now/);

    await sleepUntil(publishAt);
    expect(await runJob()).toMatchObject({ outcome: 'succeeded', due: 1, published: 1 });
    const staff = (await call(`/content/${id}`, people.secretary)).body;
    expect(staff).toMatchObject({ state: 'published', publishedOnTime: true });
    expect(staff.revisions.at(-1)).toMatchObject({
      action: 'publish-scheduled',
      actor: 'system:publication-scheduler',
    });

    const list = await call('/public/portals/huyena/content', undefined);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const feed = await local.api('/public/portals/huyena/feed.rss');
    const parsed = await new Parser().parseString(await feed.text());
    expect(parsed.items.map((i) => i.guid)).toContain(`content:${id}`);

    // Again: nothing left to do, and still one publication.
    expect(await runJob()).toMatchObject({ due: 0, published: 0 });
    const { audits, published, marker } = await traces(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor: { id: 'system:publication-scheduler', kind: 'system' },
      before: { state: 'scheduled' },
      after: { state: 'published' },
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      action: 'publish-scheduled',
      actor: { id: 'system:publication-scheduler', kind: 'system' },
    });
    expect(marker).toBeUndefined();
  });

  it('publishes once when two runs go at the same time, and catches every item due, however late', async () => {
    const ids = [await approvedItem('Tin hẹn A'), await approvedItem('Tin hẹn B'), await approvedItem('Tin hẹn C')];
    // Far enough ahead for three steps on a busy machine (a time already past is refused).
    const publishAt = inVietnam(4000);
    for (const id of ids)
      expect((await step(id, people.secretary!, { action: 'schedule', publishAt })).status).toBe(200);
    await sleepUntil(publishAt);
    const runs = await Promise.all([runJob(), runJob()]);
    expect(runs.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(runs.reduce((n, r) => n + Number(r.published), 0)).toBe(3);
    for (const id of ids) {
      const { audits, published, marker } = await traces(id);
      expect([audits.length, published.length, marker]).toEqual([1, 1, undefined]);
      expect((await call(`/content/${id}`, people.secretary)).body).toMatchObject({ state: 'published', version: 7 });
    }
  });

  it('does not publish an item taken out of the schedule meanwhile, and clears a marker left behind', async () => {
    const id = await approvedItem('Tin hủy hẹn');
    const publishAt = inVietnam(3000);
    expect((await step(id, people.secretary!, { action: 'schedule', publishAt })).status).toBe(200);
    expect((await step(id, people.secretary!, { action: 'unschedule' })).body).toMatchObject({ state: 'approved' });
    expect((await traces(id)).marker).toBeUndefined();

    // A marker no step removed (as if written by an older version): the run finds the item not
    // scheduled, publishes nothing and removes the marker.
    const stray = await approvedItem('Tin có dấu hẹn lạc');
    const repository = new ScheduledPublicationRepository(local.stack().services.db, local.stack().resources.tableName);
    await commitWork({ actions: [repository.mark(stray, new Date(Date.now() - 60_000).toISOString())] });

    await sleepUntil(publishAt);
    expect(await runJob()).toMatchObject({ outcome: 'succeeded', published: 0, stale: 1 });
    for (const item of [id, stray]) {
      expect((await call(`/content/${item}`, people.secretary)).body.state).toBe('approved');
      expect((await traces(item)).marker).toBeUndefined();
    }
    expect((await call(`/public/portals/huyena/content/${id}`, undefined)).status).toBe(404);
  });

  it('keeps an item whose file is not checked clean scheduled, and tries again next run', async () => {
    const upload = await call('/uploads', people.contributor, {
      method: 'POST',
      body: { fileName: 'thong-bao.pdf', contentType: 'application/pdf', size: 1000 },
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const id = await approvedItem('Tin có tệp chưa kiểm tra', { attachments: [upload.body.uploadId] });
    const publishAt = inVietnam(3000);
    expect((await step(id, people.secretary!, { action: 'schedule', publishAt })).status).toBe(200);
    try {
      await sleepUntil(publishAt);
      expect(await runJob()).toMatchObject({ published: 0, held: 1 });
      expect((await call(`/content/${id}`, people.secretary)).body.state).toBe('scheduled');
      expect((await traces(id)).marker).toBeDefined();
    } finally {
      // Out of the schedule again, so the other tests' runs count only their own items.
      expect((await step(id, people.secretary!, { action: 'unschedule' })).status).toBe(200);
    }
  });

  it('is the system’s step only: nobody can take it over HTTP', async () => {
    const id = await approvedItem('Tin không thể tự đăng theo lịch');
    expect((await step(id, people.secretary!, { action: 'schedule', publishAt: inVietnam(3600_000) })).status).toBe(
      200,
    );
    const refused = await step(id, people.secretary!, { action: 'publish-scheduled' });
    // Out of the schedule again (the other tests move the clock on), so their runs count only their own items.
    expect((await step(id, people.secretary!, { action: 'unschedule' })).status).toBe(200);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('body.action');
    // Nor can anyone be given the system's role: it is no account role.
    const operator = await person(local.api, 'vanhanh.h', 'demo', ['operator']);
    const account = {
      username: 'gia.he.thong',
      fullName: 'Giả hệ thống',
      email: 'gia@example.gov.vn',
      unitCode: 'huyena',
      roles: ['publication-scheduler'],
    };
    const created = await call('/accounts', operator, { method: 'POST', body: account });
    expect(created.status).toBe(400);
    expect(created.body.errors[0].field).toBe('body.roles.0');
    const roles = await call(`/accounts/${people.secretary!.id}/roles`, operator, {
      method: 'PUT',
      body: { roles: ['secretary', 'publication-scheduler'] },
    });
    expect(roles.status).toBe(400);
    expect(roles.body.errors[0].field).toBe('body.roles.1');
  });
});
