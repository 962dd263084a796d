import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';

/**
 * The security-check calendar (TG 16.2) on the local stack: the reminder job (run `--at` chosen
 * instants) reminds the operators once per due date, recording a check restarts the clock.
 */
const local = useLocalStack();
const call = caller(local.api);

let operator: Person;
let auditor: Person;
let editor: Person;

const remind = (at?: string) =>
  local.stack().runJob('security-check-reminder', at ? { at } : {}) as Promise<Record<string, unknown>>;
const reminderFiles = () =>
  existsSync(local.stack().operatorsDir)
    ? readdirSync(local.stack().operatorsDir).filter((f) => f.includes('SecurityCheckDue'))
    : [];
const outboxReminders = async () =>
  (await local.scanAll())
    .filter((i) => i.pk?.startsWith('OUTBOX#') && i.detailType === 'SecurityCheckDue')
    .map((i) => JSON.parse(i.payload).data);

const check = (performedAt: string) => ({
  performedAt,
  performedBy: 'Trung tâm Giám sát an toàn không gian mạng',
  scope: 'Cổng TTĐT tỉnh: máy chủ, ứng dụng, tài khoản quản trị',
  findings: [
    { title: 'Phiên bản TLS cũ trên trang phụ', severity: 'medium', remediation: 'Tắt TLS 1.0/1.1' },
    { title: 'Không có lỗ hổng nghiêm trọng', severity: 'info' },
  ],
});

beforeAll(async () => {
  await seedTree();
  operator = await person(local.api, 'admin', 'demo', ['operator']);
  auditor = await person(local.api, 'kiemtoan', 'demo', ['auditor']);
  editor = await person(local.api, 'bientap.soa', 'soa', ['editor']);
}, 60_000);

// One story in steps: the province has one calendar, never checked, then checked, then listed.
describe('the security-check calendar', { shuffle: false }, () => {
  it('with no check recorded, the job reminds the operators once, however often it runs', async () => {
    const first = await remind();
    expect(first).toMatchObject({ reminded: true, reminderKey: 'never-checked', outcome: 'succeeded' });
    expect(await remind()).toMatchObject({ reminded: false, reason: 'already-reminded' });
    expect(await outboxReminders()).toEqual([
      expect.objectContaining({ reminderKey: 'never-checked', lastCheckAt: null, overdue: true, periodMonths: 6 }),
    ]);
    await eventually(async () => (reminderFiles().length === 1 ? true : undefined));
  });

  it('recording a check (operators only) restarts the clock; the reminder comes within the lead of the new due date, once', async () => {
    const performedAt = new Date(Date.now() - 200 * 86_400_000).toISOString();
    expect((await call('/security-checks', editor, { method: 'POST', body: check(performedAt) })).status).toBe(403);
    expect((await call('/security-checks', auditor, { method: 'POST', body: check(performedAt) })).status).toBe(403);
    const recorded = await call('/security-checks', operator, { method: 'POST', body: check(performedAt) });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const dueAt = new Date(performedAt);
    dueAt.setUTCMonth(dueAt.getUTCMonth() + 6);
    expect(recorded.body.calendar).toMatchObject({
      lastCheckAt: performedAt,
      dueAt: dueAt.toISOString(),
      periodMonths: 6,
      basis: expect.stringContaining('16.2'),
      reminderKey: dueAt.toISOString().slice(0, 10),
    });

    // Run as of an instant before the reminder lead: nothing. Within the lead: one reminder, then none.
    const remindFrom = Date.parse(recorded.body.calendar.remindFrom);
    expect(remindFrom).toBeLessThan(Date.now());
    expect(await remind(new Date(remindFrom - 60_000).toISOString())).toMatchObject({
      reminded: false,
      reason: 'not-due',
    });
    expect(await remind(new Date(remindFrom).toISOString())).toMatchObject({
      reminded: true,
      reminderKey: dueAt.toISOString().slice(0, 10),
    });
    expect(await remind()).toMatchObject({ reminded: false, reason: 'already-reminded' });
    expect((await outboxReminders()).map((r) => r.reminderKey).sort()).toEqual([
      dueAt.toISOString().slice(0, 10),
      'never-checked',
    ]);

    // A newer check moves the due date beyond the lead: nothing to remind.
    const fresh = await call('/security-checks', operator, {
      method: 'POST',
      body: check(new Date(Date.now() - 86_400_000).toISOString()),
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.calendar.reminderDue).toBe(false);
    expect(await remind()).toMatchObject({ reminded: false, reason: 'not-due' });
  });

  it('lists checks newest first for operators and auditors, with the calendar', async () => {
    const listed = await call('/security-checks', auditor);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0].performedAt > listed.body.items[1].performedAt).toBe(true);
    expect(listed.body.items[0].findings).toHaveLength(2);
    expect(listed.body.calendar.overdue).toBe(false);
    expect((await call('/security-checks', editor)).status).toBe(403);
    expect((await call('/security-checks?limit=0', operator)).status).toBe(400);
  });
});

describe('the security-check calendar refuses bad input', () => {
  it('refuses junk, naming the field, and writes nothing', async () => {
    // What a request could write (job runs of earlier tests land asynchronously, so not the whole table).
    const writable = async () =>
      (await local.scanAll()).filter((i) => /^(SECCHECK|AUDIT#|OUTBOX#|IDEM#)/.test(i.pk)).length;
    const before = await writable();
    const cases: Array<[unknown, string]> = [
      [
        { ...check(new Date().toISOString()), performedAt: new Date(Date.now() + 86_400_000).toISOString() },
        'body.performedAt',
      ],
      [
        { ...check(new Date().toISOString()), findings: [{ title: 'x', severity: 'catastrophic' }] },
        'body.findings.0.severity',
      ],
      [{ ...check(new Date().toISOString()), scope: '' }, 'body.scope'],
      [{ ...check(new Date().toISOString()), performedAt: '2026-13-01' }, 'body.performedAt'],
    ];
    for (const [body, field] of cases) {
      const res = await call('/security-checks', operator, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await writable()).toBe(before);
  });
});
