import { longestGapMs, nextFiring, parseScheduleExpression } from './schedule-expression';

/**
 * When a scheduled job runs next, and when its silence means it missed its schedule: the longest
 * gap between two firings plus a margin (10% of it, at least 30 minutes, for a slow run or a retry).
 * The missed-schedule alarms (infra/stacks/jobs-stack.ts) use the same figure.
 */
export const MIN_MARGIN_MS = 30 * 60_000;

export function missedAfterMs(
  expression: string,
  timeZone: string,
  reference = new Date('2026-01-05T00:00:00Z'),
): number {
  const gap = longestGapMs(parseScheduleExpression(expression, timeZone), reference);
  return gap + Math.max(MIN_MARGIN_MS, Math.round(gap / 10));
}

export interface JobTiming {
  /** The next firing; for a `rate`, counted in whole intervals from the last run's start (the scheduler keeps its phase). */
  readonly nextRunAt: string | null;
  readonly missedAfterHours: number;
  /** No successful run within its longest gap plus the margin (or none ever recorded). */
  readonly missed: boolean;
}

export function jobTiming(
  schedule: { expression: string; timeZone: string },
  last: { startedAt: string | null; succeededAt: string | null },
  now: Date,
): JobTiming {
  const parsed = parseScheduleExpression(schedule.expression, schedule.timeZone);
  let next: Date | undefined;
  if (parsed.kind === 'cron') next = nextFiring(parsed, now);
  else if (last.startedAt !== null) {
    const start = Date.parse(last.startedAt);
    const steps = Math.max(1, Math.floor((now.getTime() - start) / parsed.everyMs) + 1);
    next = new Date(start + steps * parsed.everyMs);
  }
  const missedAfter = missedAfterMs(schedule.expression, schedule.timeZone);
  return {
    nextRunAt: next ? next.toISOString() : null,
    missedAfterHours: Math.round((missedAfter / 3_600_000) * 100) / 100,
    missed: last.succeededAt === null || now.getTime() - Date.parse(last.succeededAt) > missedAfter,
  };
}
