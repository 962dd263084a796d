import type { DependencyStatus } from '../adapters/table-probe';
import { schedules } from '../../events/schedules';

/**
 * What GET /health answers. The table is probed live (every request needs it); the buckets and
 * queues are reported as the dependency-check job last found them, so the public endpoint needs
 * no S3 or SQS client (a smaller, faster function) and an anonymous caller cannot make us call
 * them. A check older than twice the job's period counts as missing: monitoring itself is down.
 */
export const DEPENDENCY_CHECK_JOB = 'dependency-check';

export interface RecordedCheckRun {
  readonly finishedAt: string;
  readonly outcome: 'succeeded' | 'failed';
  readonly summary: Readonly<Record<string, string | number | boolean>>;
}

export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: Record<string, DependencyStatus>;
}

/** `rate(15 minutes)` → 15 min in ms; other expressions (cron) fall back to an hour. */
export function periodMs(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!match) return 3_600_000;
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2] as 'minute' | 'hour' | 'day'];
  return Number(match[1]) * unit;
}

const checkSchedule = schedules.find((s) => s.job === DEPENDENCY_CHECK_JOB);
/** Two periods: one late run is tolerated, two are not. */
export const MAX_CHECK_AGE_MS = 2 * periodMs(checkSchedule?.expression ?? 'rate(1 hour)');

/** Dependencies recorded by the job: its summary's `table`, `bucket:*` and `queue:*` entries. */
const isDependency = (name: string) => name !== 'table' && (name.startsWith('bucket:') || name.startsWith('queue:'));

export function healthReport(
  table: DependencyStatus,
  lastRun: RecordedCheckRun | 'unreadable' | undefined,
  now: Date,
  maxAgeMs = MAX_CHECK_AGE_MS,
): HealthReport {
  const checks: Record<string, DependencyStatus> = { table };
  if (lastRun === 'unreadable')
    return { healthy: false, checks: { table, monitoring: { status: 'error', error: 'LedgerUnreadable' } } };
  const fresh = lastRun !== undefined && now.getTime() - Date.parse(lastRun.finishedAt) <= maxAgeMs;
  if (!fresh) {
    checks.monitoring = {
      status: 'error',
      error: 'NoRecentDependencyCheck',
      ...(lastRun ? { checkedAt: lastRun.finishedAt } : {}),
    };
  } else {
    for (const [name, value] of Object.entries(lastRun.summary)) {
      if (!isDependency(name)) continue;
      checks[name] =
        value === 'ok'
          ? { status: 'ok', checkedAt: lastRun.finishedAt }
          : { status: 'error', error: 'Unavailable', checkedAt: lastRun.finishedAt };
    }
    // A run that failed before it recorded any dependency (e.g. it crashed) is no evidence of health.
    if (lastRun.outcome === 'failed' && !Object.keys(lastRun.summary).some(isDependency)) {
      checks.monitoring = { status: 'error', error: 'DependencyCheckFailed', checkedAt: lastRun.finishedAt };
    }
  }
  return { healthy: Object.values(checks).every((c) => c.status === 'ok'), checks };
}
