import { describe, expect, it } from 'vitest';
import {
  applyTimelineUpdate,
  incidentTransitions,
  newIncident,
  restoreMeasure,
  type Incident,
} from '../../shared/domain/operations/incidents';
import { operationsPolicies, operationsPolicy } from '../../shared/domain/operations/policy';
import { addMonths, securityCheckStatus } from '../../shared/domain/operations/security-checks';
import { presetIds } from '../../shared/domain/policies';
import { DomainError } from '../../shared/domain/errors';

const TG = operationsPolicy('tien-giang-2024');
const now = new Date('2026-11-23T05:00:00Z');
const report = {
  title: 'Sự cố',
  description: 'Mô tả',
  severity: 'high' as const,
  affectedServices: ['portal', 'portal', 'api'] as const,
};
const fresh = (detectedAt?: string) =>
  newIncident(
    { ...report, affectedServices: [...report.affectedServices], ...(detectedAt ? { detectedAt } : {}) },
    { id: 'u1', unitCode: 'soa' },
    'i1',
    now,
  );
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof DomainError)) return error;
    // Every refusal speaks both languages, and names its field in both when it has one.
    expect(error.messages.vi.length * error.messages.en.length, JSON.stringify(error.messages)).toBeGreaterThan(0);
    expect(error.messages.vi).not.toBe(error.messages.en);
    for (const f of error.fields) expect(f.message.vi.length * f.message.en.length).toBeGreaterThan(0);
    return { code: error.code, field: error.fields[0]?.field };
  }
  return undefined;
};

describe('incidents (pure)', () => {
  it('a report starts the timeline, de-duplicates services and refuses a detection in the future', () => {
    const incident = fresh('2026-11-23T03:00:00+07:00');
    expect(incident).toMatchObject({
      status: 'reported',
      version: 1,
      detectedAt: '2026-11-22T20:00:00.000Z',
      affectedServices: ['portal', 'api'],
      restoredAt: null,
    });
    expect(incident.timeline).toEqual([
      { at: now.toISOString(), by: 'u1', note: expect.any(String), status: 'reported' },
    ]);
    expect(refusal(() => fresh('2026-11-23T05:00:01Z'))).toEqual({ code: 'validation', field: 'detectedAt' });
    expect(refusal(() => fresh(now.toISOString()))).toBeUndefined();
    expect(fresh().detectedAt).toBeNull();
    expect(incident.timeline[0]!.note).toMatch(/Incident reported/);
  });

  it('the transition table: forward moves, back to investigating from mitigated, nothing out of resolved', () => {
    expect(incidentTransitions).toEqual({
      reported: ['investigating', 'mitigated', 'resolved'],
      investigating: ['mitigated', 'resolved'],
      mitigated: ['investigating', 'resolved'],
      resolved: [],
    });
    const incident = fresh();
    for (const [from, allowed] of Object.entries(incidentTransitions)) {
      const at = { ...incident, status: from } as Incident;
      for (const to of ['reported', 'investigating', 'mitigated', 'resolved'] as const) {
        const outcome = refusal(() => applyTimelineUpdate(at, { note: 'n', status: to }, 'op', now));
        if (from === 'resolved') expect(outcome).toEqual({ code: 'conflict', field: undefined });
        else if (to === from || allowed.includes(to)) expect(outcome, `${from}→${to}`).toBeUndefined();
        else expect(outcome, `${from}→${to}`).toEqual({ code: 'validation', field: 'status' });
      }
    }
  });

  it('restoredAt: only with mitigated or resolved, not in the future, not before detection; cleared when back to investigating; now on resolve', () => {
    const incident = fresh('2026-11-23T00:00:00Z');
    expect(
      refusal(() => applyTimelineUpdate(incident, { note: 'n', restoredAt: '2026-11-23T01:00:00Z' }, 'op', now)),
    ).toEqual({ code: 'validation', field: 'restoredAt' });
    expect(
      refusal(() =>
        applyTimelineUpdate(
          incident,
          { note: 'n', status: 'mitigated', restoredAt: '2026-11-23T06:00:00Z' },
          'op',
          now,
        ),
      ),
    ).toEqual({ code: 'validation', field: 'restoredAt' });
    expect(
      refusal(() =>
        applyTimelineUpdate(
          incident,
          { note: 'n', status: 'mitigated', restoredAt: '2026-11-22T23:59:59Z' },
          'op',
          now,
        ),
      ),
    ).toEqual({ code: 'validation', field: 'restoredAt' });
    const mitigated = applyTimelineUpdate(
      incident,
      { note: 'n', status: 'mitigated', restoredAt: '2026-11-23T02:00:00Z' },
      'op',
      now,
    );
    expect(mitigated).toMatchObject({ status: 'mitigated', restoredAt: '2026-11-23T02:00:00.000Z', version: 2 });
    expect(applyTimelineUpdate(mitigated, { note: 'again', status: 'investigating' }, 'op', now)).toMatchObject({
      status: 'investigating',
      restoredAt: null,
      version: 3,
    });
    expect(applyTimelineUpdate(mitigated, { note: 'done', status: 'resolved' }, 'op', now).restoredAt).toBe(
      '2026-11-23T02:00:00.000Z',
    );
    expect(applyTimelineUpdate(incident, { note: 'done', status: 'resolved' }, 'op', now).restoredAt).toBe(
      now.toISOString(),
    );
    // A note alone keeps the status and records no status on the entry.
    // restoredAt with a resolution is fine, and may be now exactly.
    expect(
      applyTimelineUpdate(incident, { note: 'n', status: 'resolved', restoredAt: now.toISOString() }, 'op', now)
        .restoredAt,
    ).toBe(now.toISOString());
    expect(
      refusal(() =>
        applyTimelineUpdate(
          incident,
          { note: 'n', status: 'investigating', restoredAt: '2026-11-23T01:00:00Z' },
          'op',
          now,
        ),
      ),
    ).toEqual({ code: 'validation', field: 'restoredAt' });
    try {
      applyTimelineUpdate(incident, { note: 'n', status: 'reported' as const }, 'op', now);
      applyTimelineUpdate({ ...incident, status: 'investigating' }, { note: 'n', status: 'reported' }, 'op', now);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).fields[0]).toMatchObject({
        code: 'invalid_transition',
        message: { en: 'Cannot move from "investigating" to "reported" (allowed: mitigated, resolved)' },
      });
    }
    const noted = applyTimelineUpdate(incident, { note: 'just a note' }, 'op', now);
    expect(noted.status).toBe('reported');
    expect(noted.timeline.at(-1)).toEqual({ at: now.toISOString(), by: 'op', note: 'just a note' });
  });

  it('caps the timeline', () => {
    const full = {
      ...fresh(),
      timeline: Array.from({ length: 100 }, () => ({ at: now.toISOString(), by: 'x', note: 'n' })),
    };
    expect(refusal(() => applyTimelineUpdate(full, { note: 'one more' }, 'op', now))).toEqual({
      code: 'conflict',
      field: undefined,
    });
    expect(
      refusal(() =>
        applyTimelineUpdate({ ...full, timeline: full.timeline.slice(1) }, { note: 'one more' }, 'op', now),
      ),
    ).toBeUndefined();
  });

  it('time to restore: from detection (or the report) against the 24-hour rule, exactly at the limit is within', () => {
    const base = { detectedAt: '2026-11-22T05:00:00.000Z', reportedAt: '2026-11-22T06:00:00.000Z' };
    expect(restoreMeasure({ ...base, restoredAt: '2026-11-23T05:00:00.000Z' }, TG, now)).toEqual({
      limitHours: 24,
      basis: 'TG 16.3 (khôi phục hoạt động trong vòng 24 giờ)',
      from: base.detectedAt,
      deadline: '2026-11-23T05:00:00.000Z',
      restoredAt: '2026-11-23T05:00:00.000Z',
      hours: 24,
      withinRestoreLimit: true,
    });
    expect(restoreMeasure({ ...base, restoredAt: '2026-11-23T05:00:01.000Z' }, TG, now)).toMatchObject({
      hours: 24,
      withinRestoreLimit: false,
    });
    expect(restoreMeasure({ ...base, detectedAt: null, restoredAt: null }, TG, now)).toMatchObject({
      from: base.reportedAt,
      hours: 23,
      withinRestoreLimit: true,
      restoredAt: null,
    });
    expect(restoreMeasure({ ...base, restoredAt: '2026-11-22T06:30:00.000Z' }, TG, now).hours).toBe(1.5);
  });
});

describe('operations policy and the security-check calendar (pure)', () => {
  it('every preset has a restore limit and a check period, each cited', () => {
    expect(Object.keys(operationsPolicies).sort()).toEqual([...presetIds].sort());
    for (const id of presetIds) {
      const p = operationsPolicy(id);
      expect(p.restoreLimitHours).toBe(24);
      expect(p.restoreBasis).toMatch(/TG 16\.3/);
      expect(p.securityCheckBasis).toMatch(/TG 16\.2|BĐ 20\.2/);
    }
    expect(operationsPolicy('tien-giang-2024').securityCheckMonths).toBe(6);
    expect(operationsPolicy('binh-dinh-2020').securityCheckMonths).toBe(3);
    expect(() => operationsPolicy('atlantis')).toThrow(/atlantis/);
  });

  it('never checked: due now, keyed never-checked', () => {
    expect(securityCheckStatus(null, TG, now)).toMatchObject({
      reminderDue: true,
      overdue: true,
      dueAt: null,
      reminderKey: 'never-checked',
      periodMonths: 6,
    });
  });

  it('reminds from the lead before the due date, and keys the reminder by the due date', () => {
    const last = '2026-05-10T03:00:00.000Z';
    expect(addMonths(last, 6)).toBe('2026-11-10T03:00:00.000Z');
    const before = securityCheckStatus(last, TG, new Date('2026-10-27T02:59:59Z'));
    expect(before).toMatchObject({
      dueAt: '2026-11-10T03:00:00.000Z',
      remindFrom: '2026-10-27T03:00:00.000Z',
      reminderDue: false,
      overdue: false,
      reminderKey: '2026-11-10',
    });
    expect(securityCheckStatus(last, TG, new Date('2026-10-27T03:00:00Z'))).toMatchObject({
      reminderDue: true,
      overdue: false,
    });
    expect(securityCheckStatus(last, TG, new Date('2026-11-10T03:00:00Z'))).toMatchObject({
      reminderDue: true,
      overdue: true,
    });
  });
});
