import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';

/**
 * The incident register through HTTP on the local stack (issue 10 §4): report, the operators told
 * at once (the local operators' topic is a folder of JSON files), timeline and status moves with
 * If-Match, the time to restore against the 24-hour rule, and what an attacker cannot do.
 */
const local = useLocalStack();
const call = caller(local.api);

let editorA: Person;
let editorB: Person;
let operator: Person;
let chiefA: Person;

const report = (who: Person, body: unknown, headers: Record<string, string> = {}) =>
  call('/incidents', who, { method: 'POST', body, headers });
const timeline = (who: Person, id: string, body: unknown, version?: number) =>
  call(`/incidents/${id}/timeline`, who, {
    method: 'POST',
    body,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
/** The audit entries about an incident, as the province's operator reads them, whichever log (reporter's or operator's unit) holds them. */
const auditOf = auditLog(call, () => operator);
const auditAbout = async (id: string) => [...(await auditOf('soa', id)), ...(await auditOf('demo', id))];
/** Incident records are counted in the table itself: that nothing was written is the point. */
const incidentItems = async () => (await local.scanAll()).filter((i) => i.pk?.startsWith('INCIDENT#'));
const operatorFiles = () => (existsSync(local.stack().operatorsDir) ? readdirSync(local.stack().operatorsDir) : []);

const outage = {
  title: 'Cổng không truy cập được',
  description: 'Trang chủ trả lỗi 502 từ 08:10.',
  severity: 'critical',
  affectedServices: ['portal', 'content'],
};

beforeAll(async () => {
  await seedTree();
  // Independent accounts: created and signed in at once.
  [editorA, editorB, chiefA, operator] = await Promise.all([
    person(local.api, 'bientap.soa', 'soa', ['editor']),
    person(local.api, 'bientap.sob', 'sob', ['editor']),
    person(local.api, 'truongban.soa', 'soa', ['chief-editor']),
    person(local.api, 'admin', 'demo', ['operator']),
  ]);
}, 60_000);

describe('reporting an incident', () => {
  it('any staff member reports; the operators are notified at once through the outbox and the operators’ topic', async () => {
    const detectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const res = await report(editorA, { ...outage, detectedAt });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const incident = res.body;
    expect(incident).toMatchObject({
      status: 'reported',
      severity: 'critical',
      unitCode: 'soa',
      reportedBy: editorA.id,
      detectedAt,
      restoredAt: null,
      version: 1,
      severityMeaning: { en: expect.stringContaining('down') },
      restore: { limitHours: 24, basis: expect.stringContaining('16.3'), from: detectedAt, withinRestoreLimit: true },
    });
    expect(incident.restore.hours).toBeGreaterThanOrEqual(2);
    expect(incident.restore.deadline).toBe(new Date(Date.parse(detectedAt) + 24 * 3_600_000).toISOString());

    // The audit entry and the event committed with the record.
    expect((await auditOf('soa', incident.id)).find((e) => e.action === 'incident.report')).toMatchObject({
      action: 'incident.report',
      actor: { id: editorA.id },
    });
    // The operators' topic (locally a folder) receives IncidentReported (this incident's: other tests report too).
    const read = (f: string) => JSON.parse(readFileSync(join(local.stack().operatorsDir, f), 'utf8'));
    const file = await eventually(async () =>
      operatorFiles().find((f) => f.includes('IncidentReported') && read(f).detail?.data?.id === incident.id),
    );
    const delivered = read(file);
    expect(delivered).toMatchObject({
      'detail-type': 'IncidentReported',
      source: 'portal.operations',
      detail: {
        data: {
          id: incident.id,
          severity: 'critical',
          title: outage.title,
          restoreDeadline: incident.restore.deadline,
        },
      },
    });
  });

  it('is idempotent with Idempotency-Key: a retry returns the first incident and writes nothing', async () => {
    const before = (await incidentItems()).length;
    const key = 'incident-retry-1';
    const first = await report(editorB, { ...outage, title: 'Lỗi đăng nhập' }, { 'idempotency-key': key });
    const again = await report(editorB, { ...outage, title: 'Lỗi đăng nhập' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await incidentItems()).length).toBe(before + 1);
  });

  it('refuses junk with a 4xx naming the field, and writes nothing', async () => {
    const before = (await local.scanAll()).length;
    const cases: Array<[unknown, string]> = [
      [{ ...outage, severity: 'apocalyptic' }, 'body.severity'],
      [{ ...outage, affectedServices: [] }, 'body.affectedServices'],
      [{ ...outage, affectedServices: ['mainframe'] }, 'body.affectedServices.0'],
      [{ ...outage, title: '\u202E!!!' }, 'body.title'],
      [{ ...outage, detectedAt: 'yesterday' }, 'body.detectedAt'],
      [{ ...outage, detectedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'body.detectedAt'],
      [{ ...outage, status: 'resolved' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await report(editorA, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
    expect((await call('/incidents', undefined, { method: 'POST', body: outage })).status).toBe(401);
    expect((await local.scanAll()).length).toBe(before);
  });
});

describe('the timeline, the status and the time to restore', () => {
  it('moves reported → investigating → mitigated → resolved, measures the time to restore, and closes', async () => {
    const detectedAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
    const { body: created } = await report(editorA, { ...outage, detectedAt });
    const step1 = await timeline(operator, created.id, { note: 'Đang kiểm tra máy chủ', status: 'investigating' }, 1);
    expect(step1.status, JSON.stringify(step1.body)).toBe(200);
    expect(step1.body).toMatchObject({ status: 'investigating', version: 2 });
    // Not a move the table allows.
    const jump = await timeline(operator, created.id, { note: 'Quay lại', status: 'reported' }, 2);
    expect(jump.status).toBe(400);
    expect(jump.body.errors[0].field).toBe('body.status');
    const restoredAt = new Date(Date.now() - 3_600_000).toISOString();
    const step2 = await timeline(
      chiefA,
      created.id,
      { note: 'Đã chuyển sang máy dự phòng', status: 'mitigated', restoredAt },
      2,
    );
    expect(step2.body).toMatchObject({ status: 'mitigated', restoredAt, version: 3 });
    const done = await timeline(operator, created.id, { note: 'Đã khắc phục', status: 'resolved' }, 3);
    expect(done.body).toMatchObject({
      status: 'resolved',
      restoredAt,
      version: 4,
      restore: { hours: 29, withinRestoreLimit: false, limitHours: 24 },
    });
    expect(done.body.timeline.map((e: { status?: string }) => e.status ?? null)).toEqual([
      'reported',
      'investigating',
      'mitigated',
      'resolved',
    ]);
    // Resolved is final.
    expect((await timeline(operator, created.id, { note: 'Thêm ghi chú' }, 4)).status).toBe(409);
    const read = await call(`/incidents/${created.id}`, operator);
    expect(read.body).toMatchObject({ status: 'resolved', version: 4 });
    expect((await auditAbout(created.id)).map((e) => e.action).sort()).toEqual([
      'incident.investigating',
      'incident.mitigated',
      'incident.report',
      'incident.resolved',
    ]);
  });

  it('within the limit when restored in time, restoredAt defaulting to the resolution', async () => {
    const { body: created } = await report(editorA, { ...outage, severity: 'low', affectedServices: ['search'] });
    const done = await timeline(operator, created.id, { note: 'Xong', status: 'resolved' }, 1);
    expect(done.body.restore).toMatchObject({ from: created.reportedAt, withinRestoreLimit: true });
    expect(done.body.restoredAt).toBe(done.body.timeline.at(-1).at);
  });

  it('of 50 concurrent updates with one If-Match, exactly one wins; the others get 412', async () => {
    const { body: created } = await report(editorA, outage);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => timeline(operator, created.id, { note: `Cập nhật ${i}` }, 1)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(
      statuses.filter((s) => s !== 200).every((s) => s === 412 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const read = await call(`/incidents/${created.id}`, operator);
    expect(read.body.version).toBe(2);
    expect(read.body.timeline).toHaveLength(2);
  });
});

describe('who may read and edit', () => {
  it("a reporter cannot read or edit another's incident; they add notes to their own but cannot move its status", async () => {
    const { body: ofA } = await report(editorA, outage);
    const before = (await incidentItems()).find((i) => i.id === ofA.id);
    expect((await call(`/incidents/${ofA.id}`, editorB)).status).toBe(404);
    expect((await timeline(editorB, ofA.id, { note: 'Tôi sửa', status: 'resolved' }, 1)).status).toBe(404);
    expect((await timeline(editorB, ofA.id, { note: 'Ghi chú lạ' })).status).toBe(404);
    // The reporter: a note yes, a status no.
    expect((await timeline(editorA, ofA.id, { note: 'Đã chụp màn hình lỗi', status: 'resolved' }, 1)).status).toBe(403);
    expect((await incidentItems()).find((i) => i.id === ofA.id)).toEqual(before);
    const note = await timeline(editorA, ofA.id, { note: 'Đã chụp màn hình lỗi' }, 1);
    expect(note.status).toBe(200);
    // Operators and the chief of its unit may; the chief of another unit may not.
    expect((await call(`/incidents/${ofA.id}`, chiefA)).status).toBe(200);
    const { body: ofB } = await report(editorB, outage);
    expect((await call(`/incidents/${ofB.id}`, chiefA)).status).toBe(404);
    expect((await call(`/incidents/${ofB.id}`, operator)).status).toBe(200);
  });

  it('only the province’s operators and chief list the register, newest first, with a cursor', async () => {
    expect((await call('/incidents', editorA)).status).toBe(403);
    expect((await call('/incidents', chiefA)).status).toBe(403);
    // Three of its own, so there is a second page whatever else the register holds.
    for (const title of ['Sự cố 1', 'Sự cố 2', 'Sự cố 3'])
      expect((await report(editorA, { ...outage, title })).status).toBe(201);
    const first = await call('/incidents?limit=2', operator);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].reportedAt >= first.body.items[1].reportedAt).toBe(true);
    const second = await call(`/incidents?limit=2&cursor=${first.body.nextCursor}`, operator);
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await call('/incidents?cursor=bm9wZQ', operator)).status).toBe(400);
    expect((await call('/incidents/not-an-id', operator)).status).toBe(400);
    expect((await call('/incidents/00000000-0000-0000-0000-000000000000', operator)).status).toBe(404);
  });
});
