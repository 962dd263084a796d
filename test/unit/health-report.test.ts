import { describe, expect, it } from 'vitest';
import {
  healthReport,
  MAX_CHECK_AGE_MS,
  periodMs,
  type RecordedCheckRun,
} from '../../shared/application/health-report';

const now = new Date('2026-11-23T00:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const table = { status: 'ok', latencyMs: 3 } as const;
const run = (over: Partial<RecordedCheckRun> = {}): RecordedCheckRun => ({
  finishedAt: ago(60_000),
  outcome: 'succeeded',
  summary: { table: 'ok', 'bucket:media': 'ok', 'queue:jobRuns': 'ok', 'dlq:jobRuns': 0 },
  ...over,
});

describe('health report', () => {
  it('allows two periods of the 15-minute dependency check, not more', () => {
    expect(periodMs('rate(15 minutes)')).toBe(900_000);
    expect(periodMs('rate(1 hour)')).toBe(3_600_000);
    expect(periodMs('rate(2 days)')).toBe(172_800_000);
    expect(periodMs('cron(0 2 ? * SUN *)')).toBe(3_600_000);
    expect(MAX_CHECK_AGE_MS).toBe(1_800_000);
    expect(healthReport(table, run({ finishedAt: ago(MAX_CHECK_AGE_MS) }), now).healthy).toBe(true);
    const stale = healthReport(table, run({ finishedAt: ago(MAX_CHECK_AGE_MS + 1) }), now);
    expect(stale.healthy).toBe(false);
    expect(stale.checks.monitoring).toEqual({
      status: 'error',
      error: 'NoRecentDependencyCheck',
      checkedAt: ago(MAX_CHECK_AGE_MS + 1),
    });
    expect(stale.checks['bucket:media']).toBeUndefined();
  });

  it('reports recorded dependencies with when they were checked; the live table wins over the recorded one; DLQ depths are not dependencies', () => {
    const report = healthReport({ status: 'error', error: 'TimeoutError', latencyMs: 2000 }, run(), now);
    expect(report.healthy).toBe(false);
    expect(report.checks).toEqual({
      table: { status: 'error', error: 'TimeoutError', latencyMs: 2000 },
      'bucket:media': { status: 'ok', checkedAt: ago(60_000) },
      'queue:jobRuns': { status: 'ok', checkedAt: ago(60_000) },
    });
  });

  it('names the dependency a failed run found down', () => {
    const report = healthReport(
      table,
      run({ outcome: 'failed', summary: { 'bucket:media': 'error', 'queue:jobRuns': 'ok', error: 'JobFailure' } }),
      now,
    );
    expect(report.healthy).toBe(false);
    expect(report.checks['bucket:media']).toEqual({ status: 'error', error: 'Unavailable', checkedAt: ago(60_000) });
    expect(report.checks.monitoring).toBeUndefined();
  });

  it('counts a run that failed before checking anything as no evidence', () => {
    const report = healthReport(table, run({ outcome: 'failed', summary: { error: 'Error' } }), now);
    expect(report.healthy).toBe(false);
    expect(report.checks.monitoring).toEqual({
      status: 'error',
      error: 'DependencyCheckFailed',
      checkedAt: ago(60_000),
    });
  });

  it('is healthy with a fresh successful run and a live table', () => {
    expect(healthReport(table, run(), now)).toEqual({
      healthy: true,
      checks: {
        table,
        'bucket:media': { status: 'ok', checkedAt: ago(60_000) },
        'queue:jobRuns': { status: 'ok', checkedAt: ago(60_000) },
      },
    });
    expect(healthReport(table, undefined, now).checks.monitoring).toEqual({
      status: 'error',
      error: 'NoRecentDependencyCheck',
    });
    expect(healthReport(table, 'unreadable', now)).toEqual({
      healthy: false,
      checks: { table, monitoring: { status: 'error', error: 'LedgerUnreadable' } },
    });
  });
});
