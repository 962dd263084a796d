import { CronExpressionParser } from 'cron-parser';
import type { ScheduleDefinition } from '../../events/schedules';

/**
 * Fires the schedules of events/schedules.ts as EventBridge Scheduler would: `rate(...)` from
 * start, `cron(...)` in the schedule's time zone. EventBridge's cron has six fields
 * (minutes hours day-of-month month day-of-week year), `?` and day-of-week 1–7 = SUN–SAT.
 */
export interface NextFire {
  next(after: Date): Date;
}

const UNIT_MS = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

export function parseScheduleExpression(expression: string, timeZone: string): NextFire {
  const rate = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/.exec(expression.trim());
  if (rate) {
    const every = Number(rate[1]) * UNIT_MS[rate[2] as keyof typeof UNIT_MS];
    if (every <= 0) throw new Error(`Invalid rate: ${expression}`);
    return { next: (after) => new Date(after.getTime() + every) };
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron) throw new Error(`Unknown schedule expression: ${expression}`);
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`EventBridge cron needs 6 fields: ${expression}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if (year !== '*') throw new Error(`Only year '*' is supported locally: ${expression}`);
  if (/[LW#]/.test(dayOfMonth + dayOfWeek)) throw new Error(`L, W and # are not supported locally: ${expression}`);
  // EventBridge counts SUN=1…SAT=7; cron-parser counts SUN=0…SAT=6.
  const dow = dayOfWeek === '?' ? '*' : dayOfWeek.replace(/\d/g, (d) => String(Number(d) - 1));
  const standard = [minute, hour, dayOfMonth === '?' ? '*' : dayOfMonth, month, dow].join(' ');
  return {
    next: (after) =>
      CronExpressionParser.parse(standard, { currentDate: after, tz: timeZone }).next().toDate(),
  };
}

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
  const arm = (schedule: ScheduleDefinition, next: NextFire, from: Date) => {
    if (stopped) return;
    const at = next.next(from);
    // setTimeout holds at most ~24.8 days; re-arm in steps for longer waits.
    const delay = Math.min(at.getTime() - now().getTime(), 2 **31 - 1);
    timers.set(
      schedule.job,
      setTimeout(() => {
        if (now() < at) return arm(schedule, next, from);
        void fire(schedule).finally(() => arm(schedule, next, at));
      }, Math.max(0, delay)),
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
