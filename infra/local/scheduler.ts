import type { ScheduleDefinition } from '../../events/schedules';
import {
  nextFiring,
  parseScheduleExpression,
  type ScheduleExpression,
} from '../../shared/domain/operations/schedule-expression';

/**
 * Fires the schedules of events/schedules.ts as EventBridge Scheduler would: `rate(...)` from
 * start, `cron(...)` in the schedule's time zone, at the instants the domain's evaluator
 * (shared/domain/operations/schedule-expression.ts) gives, the same that GET /jobs shows. A cron
 * that never fires again (a past year) is not armed.
 */
export interface LocalScheduler {
  stop(): void;
}

export function startScheduler(
  schedules: readonly ScheduleDefinition[],
  fire: (schedule: ScheduleDefinition) => Promise<void>,
  now: () => Date = () => new Date(),
): LocalScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const arm = (schedule: ScheduleDefinition, expression: ScheduleExpression, from: Date) => {
    if (stopped) return;
    const at = nextFiring(expression, from);
    if (!at) return;
    // setTimeout holds at most ~24.8 days; re-arm in steps for longer waits.
    const delay = Math.min(at.getTime() - now().getTime(), 2 ** 31 - 1);
    timers.set(
      schedule.job,
      setTimeout(
        () => {
          if (now() < at) return arm(schedule, expression, from);
          void fire(schedule).finally(() => arm(schedule, expression, at));
        },
        Math.max(0, delay),
      ),
    );
  };
  for (const schedule of schedules) {
    arm(schedule, parseScheduleExpression(schedule.expression, schedule.timeZone), now());
  }
  return {
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
