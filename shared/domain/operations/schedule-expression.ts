/**
 * EventBridge Scheduler expressions, evaluated purely: when a schedule fires next after an
 * instant. `rate(N minute|minutes|hour|hours|day|days)` and the 6-field
 * `cron(minutes hours day-of-month month day-of-week year)` in a time zone, with `*`, `?`,
 * ranges `a-b`, lists `a,b`, steps `*\/n` `a-b/n` `a/n`, month names JAN–DEC and day names
 * SUN–SAT (SUN = 1 … SAT = 7, as AWS counts). `L`, `W` and `#` are refused rather than guessed.
 * Written here (not cron-parser) so the API bundle carries ~3 KB instead of cron-parser + luxon, and
 * because EventBridge's dialect (six fields, `?`, SUN = 1, a year field) is not cron-parser's. The one
 * evaluator of the project: GET /jobs and the missed-schedule alarms, the local scheduler
 * (infra/local/scheduler.ts) and the synth-time check of configured schedules
 * (infra/config/schedule-expression.ts) all call it.
 */
export type ScheduleExpression =
  | { readonly kind: 'rate'; readonly everyMs: number }
  | { readonly kind: 'cron'; readonly fields: CronFields; readonly timeZone: string };

export interface CronFields {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  /** undefined: `?` or `*` (any day of the month). */
  readonly daysOfMonth?: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 1 = SUN … 7 = SAT; undefined: `?` or `*`. */
  readonly daysOfWeek?: ReadonlySet<number>;
  readonly years?: ReadonlySet<number>;
}

const RATE_UNIT_MS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
}

// Stryker disable ArrayDeclaration: tokens are upper-cased and free of white space, so they never equal Stryker's lower-case placeholder: any such list matches nothing, as [] does
function parseField(
  raw: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  namesFrom = min,
): Set<number> | undefined {
  // Stryker restore ArrayDeclaration
  if (raw === '*' || raw === '?') return undefined;
  const value = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + namesFrom : /^\d+$/.test(token) ? Number(token) : NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ScheduleExpressionError(`"${token}" is not in ${min}–${max}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const [range, stepRaw, extra] = part.split('/');
    if (extra !== undefined || range === undefined || range === '')
      throw new ScheduleExpressionError(`Invalid cron field "${raw}"`);
    const step = stepRaw === undefined ? 1 : Number(stepRaw);
    if (!Number.isInteger(step) || step < 1 || (stepRaw !== undefined && !/^\d+$/.test(stepRaw)))
      throw new ScheduleExpressionError(`Invalid step in "${raw}"`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined || a === undefined || b === undefined)
        throw new ScheduleExpressionError(`Invalid range "${range}"`);
      [from, to] = [value(a), value(b)];
      if (from > to) throw new ScheduleExpressionError(`Range "${range}" runs backwards`);
    } else [from, to] = [value(range), stepRaw === undefined ? value(range) : max];
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

export function parseScheduleExpression(expression: string, timeZone: string): ScheduleExpression {
  const text = expression.trim();
  const rate = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    if (n < 1) throw new ScheduleExpressionError(`Invalid rate: ${expression} (a rate must be at least 1)`);
    const unit = rate[2]!.replace(/s$/, '');
    if ((n === 1) !== (unit === rate[2]))
      throw new ScheduleExpressionError(
        `Invalid rate: ${expression} (EventBridge wants "${n} ${unit}${n === 1 ? '' : 's'}")`,
      );
    return { kind: 'rate', everyMs: n * RATE_UNIT_MS[rate[2]!]! };
  }
  const cron = /^cron\((.+)\)$/.exec(text);
  if (!cron) throw new ScheduleExpressionError(`Unknown schedule expression: ${expression}`);
  const parts = cron[1]!.trim().split(/\s+/);
  if (parts.length !== 6) throw new ScheduleExpressionError(`EventBridge cron needs 6 fields: ${expression}`);
  if (/[LW#]/i.test(parts[2]! + parts[4]!.replace(/WED/gi, '')))
    throw new ScheduleExpressionError(`L, W and # are not supported: ${expression}`);
  const [min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string];
  // AWS: one of day-of-month and day-of-week must be `?`.
  if ((dom === '?') === (dow === '?'))
    throw new ScheduleExpressionError(`exactly one of day-of-month and day-of-week must be "?": ${expression}`);
  validTimeZone(timeZone);
  const daysOfMonth = parseField(dom, 1, 31);
  const daysOfWeek = parseField(dow, 1, 7, DAYS, 1);
  const years = parseField(year, 1970, 2199);
  return {
    kind: 'cron',
    timeZone,
    fields: {
      minutes: parseField(min, 0, 59) ?? range(0, 59),
      hours: parseField(hour, 0, 23) ?? range(0, 23),
      months: parseField(month, 1, 12, MONTHS, 1) ?? range(1, 12),
      ...(daysOfMonth ? { daysOfMonth } : {}),
      ...(daysOfWeek ? { daysOfWeek } : {}),
      ...(years ? { years } : {}),
    },
  };
}

const range = (from: number, to: number) => new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));

function validTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ScheduleExpressionError(`Unknown time zone ${timeZone}`);
  }
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs ~100 times a format, and a job
 * overview evaluates thousands of instants (GET /jobs spent most of its CPU building them).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  // Stryker disable next-line ConditionalExpression: without the cache every call builds the formatter again: slower, same offsets
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Stryker disable next-line CallExpression: not keeping it only builds it again next time: slower, same offsets
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's offset from UTC at `instant`, in minutes (Asia/Ho_Chi_Minh: +420). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time in the zone (the later offset when a DST change makes it ambiguous). */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  return wall - offsetMinutes(first, timeZone) * 60_000;
}

/** How far ahead the evaluator looks for a cron's next firing before giving up (e.g. `30 FEB`). */
const MAX_DAYS_AHEAD = 366 * 5;

/** The first firing strictly after `after` (for `rate`, the interval after it; undefined if a cron never fires again). */
export function nextFiring(schedule: ScheduleExpression, after: Date): Date | undefined {
  if (schedule.kind === 'rate') return new Date(after.getTime() + schedule.everyMs);
  const { fields, timeZone } = schedule;
  const start = after.getTime();
  const local = new Date(start + offsetMinutes(start, timeZone) * 60_000);
  const hours = [...fields.hours].sort((a, b) => a - b);
  const minutes = [...fields.minutes].sort((a, b) => a - b);
  for (let d = 0; d <= MAX_DAYS_AHEAD; d++) {
    const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + d));
    const [y, m, dom, dow] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), day.getUTCDay() + 1];
    if (fields.years && !fields.years.has(y)) continue;
    if (!fields.months.has(m)) continue;
    if (fields.daysOfMonth && !fields.daysOfMonth.has(dom)) continue;
    if (fields.daysOfWeek && !fields.daysOfWeek.has(dow)) continue;
    for (const h of hours) {
      for (const min of minutes) {
        const at = zonedInstant(y, m, dom, h, min, timeZone);
        if (at > start) return new Date(at);
      }
    }
  }
  return undefined;
}

/**
 * The longest gap between two firings (over the next `samples`, from `from`): how long a healthy
 * schedule may go without running. A `rate` is its interval.
 */
export function longestGapMs(schedule: ScheduleExpression, from: Date, samples = 60): number {
  if (schedule.kind === 'rate') return schedule.everyMs;
  let longest = 0;
  let previous = nextFiring(schedule, from);
  for (let i = 0; previous && i < samples; i++) {
    const next = nextFiring(schedule, previous);
    if (!next) break;
    longest = Math.max(longest, next.getTime() - previous.getTime());
    previous = next;
  }
  return longest;
}
