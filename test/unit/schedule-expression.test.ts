import { describe, expect, it, vi } from 'vitest';
import {
  longestGapMs,
  nextFiring,
  parseScheduleExpression,
  ScheduleExpressionError,
} from '../../shared/domain/operations/schedule-expression';
import { schedules } from '../../events/schedules';
import { jobTiming, missedAfterMs } from '../../shared/domain/operations/job-calendar';

// The cron()/rate() evaluator: parsed fields, refusals and their messages, DST and negative-offset zones, the look-ahead
// horizon and longestGapMs, then our own schedules and job timing. A mis-parse means a weekly backup or compliance
// escalation that silently never runs.

const HCM = 'Asia/Ho_Chi_Minh';
const next = (expression: string, after: string, timeZone = HCM) =>
  nextFiring(parseScheduleExpression(expression, timeZone), new Date(after))?.toISOString();
const series = (expression: string, after: string, n: number, timeZone = HCM) => {
  const schedule = parseScheduleExpression(expression, timeZone);
  const out: string[] = [];
  let at = new Date(after);
  for (let i = 0; i < n; i++) {
    at = nextFiring(schedule, at)!;
    out.push(at.toISOString());
  }
  return out;
};

const refusal = (expression: string, timeZone = HCM): Error => {
  try {
    parseScheduleExpression(expression, timeZone);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`accepted: ${expression}`);
};
const fieldsOf = (expression: string) => {
  const parsed = parseScheduleExpression(expression, 'UTC');
  if (parsed.kind !== 'cron') throw new Error('not a cron');
  return parsed.fields;
};
const sorted = (set: ReadonlySet<number> | undefined) => (set ? [...set].sort((a, b) => a - b) : undefined);
const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('cron(): each field parsed to its exact set of values', () => {
  it('`*` and `?` leave day-of-month, day-of-week and year unrestricted (absent), the rest full ranges', () => {
    const fields = fieldsOf('cron(* * * * ? *)');
    expect(Object.keys(fields).sort()).toEqual(['hours', 'minutes', 'months']);
    expect(sorted(fields.minutes)).toEqual(span(0, 59));
    expect(sorted(fields.hours)).toEqual(span(0, 23));
    expect(sorted(fields.months)).toEqual(span(1, 12));
    expect(Object.keys(fieldsOf('cron(0 2 ? * * *)')).sort()).toEqual(['hours', 'minutes', 'months']);
    expect(parseScheduleExpression('cron(0 2 * * ? *)', HCM)).toEqual({
      kind: 'cron',
      timeZone: HCM,
      fields: { minutes: new Set([0]), hours: new Set([2]), months: new Set(span(1, 12)) },
    });
  });

  it('a year `*` keeps firing past 2199 (no built-in end)', () => {
    expect(next('cron(0 0 1 1 ? *)', '2199-06-01T00:00:00Z', 'UTC')).toBe('2200-01-01T00:00:00.000Z');
  });

  it('ranges, steps and names as sets', () => {
    expect(sorted(fieldsOf('cron(0 5-5 * * ? *)').hours)).toEqual([5]);
    expect(sorted(fieldsOf('cron(10/15 0 * * ? *)').minutes)).toEqual([10, 25, 40, 55]);
    expect(sorted(fieldsOf('cron(0 1-10/3 * * ? *)').hours)).toEqual([1, 4, 7, 10]);
    expect(sorted(fieldsOf('cron(0 0 ? jan-mar,Dec mon-wed,Sat *)').months)).toEqual([1, 2, 3, 12]);
    expect(sorted(fieldsOf('cron(0 0 ? jan-mar,Dec mon-wed,Sat *)').daysOfWeek)).toEqual([2, 3, 4, 7]);
    expect(sorted(fieldsOf('cron(0 0 31 * ? 1970,2199)').years)).toEqual([1970, 2199]);
    expect(sorted(fieldsOf('cron(0 0 1-31 * ? *)').daysOfMonth)).toEqual(span(1, 31));
  });

  it('WED is a day name, not the W (nearest weekday) AWS allows and we refuse', () => {
    expect(sorted(fieldsOf('cron(0 2 ? * WED *)').daysOfWeek)).toEqual([4]);
    expect(sorted(fieldsOf('cron(0 2 ? * MON-WED *)').daysOfWeek)).toEqual([2, 3, 4]);
    expect(next('cron(0 2 ? * WED *)', '2026-11-23T00:00:00Z')).toBe('2026-11-24T19:00:00.000Z');
    expect(refusal('cron(0 2 ? * 4W *)').message).toMatch(/L, W and # are not supported/);
    expect(refusal('cron(0 2 15W * ? *)').message).toMatch(/L, W and # are not supported/);
  });

  it('surrounding and repeated white space is accepted, as AWS does', () => {
    expect(next('  rate(5 minutes)  ', '2026-11-23T00:00:00Z')).toBe('2026-11-23T00:05:00.000Z');
    expect(next('\tcron(0 2 ? * SUN *) ', '2026-11-23T05:00:00Z')).toBe('2026-11-28T19:00:00.000Z');
    expect(next('cron(0  2\t? *   SUN *)', '2026-11-23T05:00:00Z')).toBe('2026-11-28T19:00:00.000Z');
    expect(next('rate(5   minutes)', '2026-11-23T00:00:00Z')).toBe('2026-11-23T00:05:00.000Z');
  });
});

describe('rate(): singular for 1, plural otherwise, each unit its length, nothing around it', () => {
  it('singular units for 1, plural otherwise, each unit its length', () => {
    expect(parseScheduleExpression('rate(1 minute)', HCM)).toEqual({ kind: 'rate', everyMs: 60_000 });
    expect(parseScheduleExpression('rate(1 hour)', HCM)).toEqual({ kind: 'rate', everyMs: 3_600_000 });
    expect(parseScheduleExpression('rate(1 day)', HCM)).toEqual({ kind: 'rate', everyMs: 86_400_000 });
    expect(parseScheduleExpression('rate(3 hours)', HCM)).toEqual({ kind: 'rate', everyMs: 3 * 3_600_000 });
    expect(refusal('rate(2 day)').message).toMatch(/Invalid rate/);
  });

  it('nothing before or after the expression', () => {
    for (const bad of [
      'xrate(5 minutes)',
      'rate(5 minutes)x',
      'xcron(0 2 ? * SUN *)',
      'cron(0 2 ? * SUN *)x',
      'rate(5minutes)',
    ]) {
      const error = refusal(bad);
      expect(error.message, bad).toBe(`Unknown schedule expression: ${bad}`);
    }
  });
});

describe('the evaluator’s own tables: month and day names, rate units, the look-ahead', () => {
  // Read again inside the test: the tables are built once at import, and mutation testing judges
  // module-level data only by tests that import it themselves.
  it('JAN–DEC are months 1–12, SUN–SAT days 1–7, each rate unit its length, and a yearly cron is found', async () => {
    vi.resetModules();
    const fresh = await import('../../shared/domain/operations/schedule-expression');
    const fields = (expression: string) => {
      const parsed = fresh.parseScheduleExpression(expression, 'UTC');
      if (parsed.kind !== 'cron') throw new Error('not a cron');
      return parsed.fields;
    };
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    months.forEach((name, i) => expect([...fields(`cron(0 0 1 ${name} ? *)`).months]).toEqual([i + 1]));
    const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
    days.forEach((name, i) => expect([...fields(`cron(0 0 ? * ${name} *)`).daysOfWeek!]).toEqual([i + 1]));
    expect([...fields('cron(0 0 * * ? *)').months]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [expression, ms] of [
      ['rate(1 minute)', 60_000],
      ['rate(2 minutes)', 120_000],
      ['rate(1 hour)', 3_600_000],
      ['rate(3 hours)', 10_800_000],
      ['rate(1 day)', 86_400_000],
      ['rate(7 days)', 604_800_000],
    ] as const) {
      expect(fresh.parseScheduleExpression(expression, 'UTC')).toEqual({ kind: 'rate', everyMs: ms });
    }
    // Once a year, on 1 January: from February the next firing is eleven months ahead.
    const yearly = fresh.parseScheduleExpression('cron(0 0 1 JAN ? *)', 'UTC');
    expect(fresh.nextFiring(yearly, new Date('2026-02-01T00:00:00Z'))?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('refusals: what, and in which words', () => {
  it('are ScheduleExpressionErrors by name and class', () => {
    const error = refusal('every day');
    expect(error).toBeInstanceOf(ScheduleExpressionError);
    expect(error.name).toBe('ScheduleExpressionError');
  });

  it("values below a field's minimum", () => {
    expect(refusal('cron(0 2 0 * ? *)').message).toBe('"0" is not in 1–31');
    expect(refusal('cron(0 2 1 0 ? *)').message).toBe('"0" is not in 1–12');
    expect(refusal('cron(0 2 ? * 0 *)').message).toBe('"0" is not in 1–7');
    expect(refusal('cron(0 2 1 * ? 1969)').message).toBe('"1969" is not in 1970–2199');
    expect(refusal('cron(0 2 1 * ? 2200)').message).toBe('"2200" is not in 1970–2199');
  });

  it('numbers only in decimal digits (no 1e1, 0x10, +5), in values and steps', () => {
    expect(refusal('cron(1e1 2 * * ? *)').message).toBe('"1e1" is not in 0–59');
    expect(refusal('cron(0x10 2 * * ? *)').message).toBe('"0x10" is not in 0–59');
    expect(refusal('cron(+5 2 * * ? *)').message).toBe('"+5" is not in 0–59');
    expect(refusal('cron(*/1e1 2 * * ? *)').message).toBe('Invalid step in "*/1e1"');
    expect(refusal('cron(*/0x10 2 * * ? *)').message).toBe('Invalid step in "*/0x10"');
    expect(refusal('cron(*/+5 2 * * ? *)').message).toBe('Invalid step in "*/+5"');
  });

  it('empty list items, a missing range and double steps', () => {
    expect(refusal('cron(0 2 1, * ? *)').message).toBe('Invalid cron field "1,"');
    expect(refusal('cron(0 2 ,1 * ? *)').message).toBe('Invalid cron field ",1"');
    expect(refusal('cron(/5 2 * * ? *)').message).toBe('Invalid cron field "/5"');
    expect(refusal('cron(*/5/2 2 * * ? *)').message).toBe('Invalid cron field "*/5/2"');
  });

  it('ranges with more than two ends', () => {
    expect(refusal('cron(0 1-2-3 * * ? *)').message).toBe('Invalid range "1-2-3"');
    expect(refusal('cron(0 2 ? * MON-WED-FRI *)').message).toBe('Invalid range "MON-WED-FRI"');
  });
});

describe('nextFiring across zones (DST and negative offsets) and the look-ahead horizon', () => {
  it('a zone behind UTC: the local day, not the UTC one (New York 22:00 on the 22nd is 03:00Z on the 23rd)', () => {
    expect(next('cron(0 23 * * ? *)', '2026-11-23T03:00:00Z', 'America/New_York')).toBe('2026-11-23T04:00:00.000Z');
    expect(next('cron(30 22 * * ? *)', '2026-11-23T03:00:00Z', 'America/New_York')).toBe('2026-11-23T03:30:00.000Z');
  });

  it('just before a summer-time change: 01:30 Paris on the night clocks go forward is still +01:00', () => {
    expect(next('cron(30 1 ? * SUN *)', '2026-03-28T12:00:00Z', 'Europe/Paris')).toBe('2026-03-29T00:30:00.000Z');
    expect(next('cron(30 3 ? * SUN *)', '2026-03-28T12:00:00Z', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('when clocks go back, 01:30 is summer time and the twice-lived 02:30 takes the later offset', () => {
    expect(next('cron(30 1 ? * SUN *)', '2026-10-24T12:00:00Z', 'Europe/Paris')).toBe('2026-10-24T23:30:00.000Z');
    expect(next('cron(30 2 ? * SUN *)', '2026-10-24T12:00:00Z', 'Europe/Paris')).toBe('2026-10-25T01:30:00.000Z');
    expect(next('cron(30 3 ? * SUN *)', '2026-10-24T12:00:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('the earliest time of a day however the lists are ordered', () => {
    expect(next('cron(50,10,30 20,3,9 * * ? *)', '2026-11-23T00:00:00Z', 'UTC')).toBe('2026-11-23T03:10:00.000Z');
    expect(next('cron(50,10,30 20,3,9 * * ? *)', '2026-11-23T03:10:00Z', 'UTC')).toBe('2026-11-23T03:30:00.000Z');
    expect(next('cron(50,10,30 20,3,9 * * ? *)', '2026-11-23T03:50:00Z', 'UTC')).toBe('2026-11-23T09:10:00.000Z');
    expect(next('cron(59,0 23,0 * * ? *)', '2026-11-23T00:30:00Z', 'UTC')).toBe('2026-11-23T00:59:00.000Z');
  });

  it('looks ahead 5 × 366 days from the local day: a firing on the last of them is found, one day later is not', () => {
    // From Monday 23/11/2026 (UTC), the 1830th day after is 27/11/2031.
    expect(next('cron(0 12 27 11 ? 2031)', '2026-11-23T00:00:00Z', 'UTC')).toBe('2031-11-27T12:00:00.000Z');
    expect(next('cron(0 12 28 11 ? 2031)', '2026-11-23T00:00:00Z', 'UTC')).toBeUndefined();
  });
});

describe('longestGapMs: the longest wait between two firings', () => {
  const from = new Date('2026-11-23T00:00:00Z');

  it('a rate is its interval, even when no samples are asked for', () => {
    expect(longestGapMs(parseScheduleExpression('rate(15 minutes)', HCM), from, 0)).toBe(15 * 60_000);
    expect(longestGapMs(parseScheduleExpression('rate(2 hours)', HCM), from, 1)).toBe(2 * 3_600_000);
  });

  it('looks at exactly `samples` gaps', () => {
    const twiceADay = parseScheduleExpression('cron(0 8,9 * * ? *)', 'UTC');
    expect(longestGapMs(twiceADay, from, 1)).toBe(3_600_000);
    expect(longestGapMs(twiceADay, from, 2)).toBe(23 * 3_600_000);
    expect(longestGapMs(twiceADay, from, 0)).toBe(0);
  });

  it('a schedule that fires once more, then never: no gap, and no crash', () => {
    expect(longestGapMs(parseScheduleExpression('cron(0 0 1 1 ? 2027)', 'UTC'), from)).toBe(0);
    expect(longestGapMs(parseScheduleExpression('cron(0 0 1 1 ? 2027,2028)', 'UTC'), from)).toBe(365 * 86_400_000);
    expect(longestGapMs(parseScheduleExpression('cron(0 0 1 1 ? 2020)', 'UTC'), from)).toBe(0);
  });
});

describe('the cron evaluator on our own schedules (6-field AWS syntax, Asia/Ho_Chi_Minh)', () => {
  it('weekly backup: Sunday 02:00 in Việt Nam is Saturday 19:00 UTC', () => {
    // Monday 23/11/2026 05:00 UTC → Sunday 29/11 02:00 +07:00.
    expect(next('cron(0 2 ? * SUN *)', '2026-11-23T05:00:00Z')).toBe('2026-11-28T19:00:00.000Z');
    // Exactly at a firing: the next one, a week later (strictly after).
    expect(next('cron(0 2 ? * SUN *)', '2026-11-28T19:00:00Z')).toBe('2026-12-05T19:00:00.000Z');
    // A minute before: this one.
    expect(next('cron(0 2 ? * SUN *)', '2026-11-28T18:59:00Z')).toBe('2026-11-28T19:00:00.000Z');
  });

  it('restore drill two hours after the backup, SUN as 1 too', () => {
    expect(next('cron(0 4 ? * SUN *)', '2026-11-23T05:00:00Z')).toBe('2026-11-28T21:00:00.000Z');
    expect(next('cron(0 4 ? * 1 *)', '2026-11-23T05:00:00Z')).toBe('2026-11-28T21:00:00.000Z');
  });

  it('daily with `*` day-of-month and `?` day-of-week, across a month and a year end', () => {
    expect(series('cron(0 8 * * ? *)', '2026-12-30T02:00:00Z', 3)).toEqual([
      '2026-12-31T01:00:00.000Z',
      '2027-01-01T01:00:00.000Z',
      '2027-01-02T01:00:00.000Z',
    ]);
  });

  it('ranges, lists and steps', () => {
    // Weekdays 07:30 local.
    expect(series('cron(30 7 ? * MON-FRI *)', '2026-11-27T01:00:00Z', 2)).toEqual([
      '2026-11-30T00:30:00.000Z',
      '2026-12-01T00:30:00.000Z',
    ]);
    // Every 20 minutes from :05 during 8–9 local.
    expect(series('cron(5/20 8-9 * * ? *)', '2026-11-23T00:00:00Z', 7)).toEqual([
      '2026-11-23T01:05:00.000Z',
      '2026-11-23T01:25:00.000Z',
      '2026-11-23T01:45:00.000Z',
      '2026-11-23T02:05:00.000Z',
      '2026-11-23T02:25:00.000Z',
      '2026-11-23T02:45:00.000Z',
      '2026-11-24T01:05:00.000Z',
    ]);
    // A list of days of the month and months by name; `*/6` hours.
    expect(series('cron(0 */6 1,15 JAN,JUL ? *)', '2026-12-31T17:00:00Z', 5).map((s) => s.slice(0, 16))).toEqual([
      '2026-12-31T23:00',
      '2027-01-01T05:00',
      '2027-01-01T11:00',
      '2027-01-14T17:00',
      '2027-01-14T23:00',
    ]);
    // Day-of-week lists, and a year.
    expect(next('cron(0 0 ? * SAT,SUN 2027 )', '2026-11-23T00:00:00Z')).toBe('2027-01-01T17:00:00.000Z');
  });

  it('honours the time zone (UTC vs +07:00)', () => {
    expect(next('cron(0 2 ? * SUN *)', '2026-11-23T05:00:00Z', 'UTC')).toBe('2026-11-29T02:00:00.000Z');
    // A zone with summer time: 02:00 in Paris is 01:00 UTC in winter, 00:00 UTC in summer.
    expect(next('cron(0 2 ? * SUN *)', '2026-11-23T00:00:00Z', 'Europe/Paris')).toBe('2026-11-29T01:00:00.000Z');
    expect(next('cron(0 2 ? * SUN *)', '2026-06-01T00:00:00Z', 'Europe/Paris')).toBe('2026-06-07T00:00:00.000Z');
  });

  it('rate(): the interval after the instant', () => {
    expect(next('rate(15 minutes)', '2026-11-23T00:00:00Z')).toBe('2026-11-23T00:15:00.000Z');
    expect(next('rate(1 hour)', '2026-11-23T00:00:00Z')).toBe('2026-11-23T01:00:00.000Z');
    expect(next('rate(2 days)', '2026-11-23T00:00:00Z')).toBe('2026-11-25T00:00:00.000Z');
  });

  it('a cron that can never fire again answers undefined', () => {
    expect(next('cron(0 0 30 FEB ? *)', '2026-11-23T00:00:00Z')).toBeUndefined();
    expect(next('cron(0 0 1 1 ? 2020)', '2026-11-23T00:00:00Z')).toBeUndefined();
  });

  it('refuses what it cannot honour, naming it', () => {
    expect(() => parseScheduleExpression('cron(0 2 L * ? *)', HCM)).toThrow(/not supported/);
    expect(() => parseScheduleExpression('cron(0 2 ? * 2#1 *)', HCM)).toThrow(/not supported/);
    expect(() => parseScheduleExpression('cron(0 2 * *)', HCM)).toThrow(/6 fields/);
    expect(() => parseScheduleExpression('cron(0 2 * * * *)', HCM)).toThrow(/"\?"/);
    expect(() => parseScheduleExpression('cron(0 2 ? * ? *)', HCM)).toThrow(/"\?"/);
    expect(() => parseScheduleExpression('cron(60 2 * * ? *)', HCM)).toThrow(/0–59/);
    expect(() => parseScheduleExpression('cron(0 5-2 * * ? *)', HCM)).toThrow(/backwards/);
    expect(() => parseScheduleExpression('cron(0 */0 * * ? *)', HCM)).toThrow(/step/);
    expect(() => parseScheduleExpression('cron(0 2 ? * FUN *)', HCM)).toThrow(/FUN/);
    expect(() => parseScheduleExpression('rate(1 minutes)', HCM)).toThrow(/Invalid rate/);
    expect(() => parseScheduleExpression('rate(0 minutes)', HCM)).toThrow(/Invalid rate/);
    expect(() => parseScheduleExpression('every day', HCM)).toThrow(/Unknown/);
    expect(() => parseScheduleExpression('cron(0 2 * * ? *)', 'Mars/Base')).toThrow(/time zone/);
  });

  it('the longest gap of each shipped schedule: what the missed-schedule alarms allow', () => {
    const gaps = Object.fromEntries(
      schedules.map((s) => [
        s.job,
        longestGapMs(parseScheduleExpression(s.expression, s.timeZone), new Date('2026-11-23T00:00:00Z')) / 3_600_000,
      ]),
    );
    expect(gaps).toMatchObject({
      'dependency-check': 0.25,
      'publish-scheduled': 5 / 60,
      'weekly-backup': 168,
      'restore-drill': 168,
    });
  });
});

describe('job timing (GET /jobs and the missed-schedule alarms)', () => {
  it('missedAfter: the longest gap plus 10%, at least 30 minutes', () => {
    expect(missedAfterMs('rate(15 minutes)', HCM)).toBe(45 * 60_000);
    expect(missedAfterMs('rate(5 hours)', HCM)).toBe(5.5 * 3_600_000);
    expect(missedAfterMs('cron(0 2 ? * SUN *)', HCM)).toBe(184.8 * 3_600_000);
    expect(missedAfterMs('cron(0 8 * * ? *)', HCM)).toBe(26.4 * 3_600_000);
  });

  it('a cron: the next firing after now, missed once the last success is older than missedAfter', () => {
    const now = new Date('2026-11-23T05:00:00Z');
    const weekly = { expression: 'cron(0 2 ? * SUN *)', timeZone: HCM };
    expect(jobTiming(weekly, { startedAt: null, succeededAt: null }, now)).toEqual({
      nextRunAt: '2026-11-28T19:00:00.000Z',
      missedAfterHours: 184.8,
      missed: true,
    });
    const edge = new Date(now.getTime() - 184.8 * 3_600_000).toISOString();
    expect(jobTiming(weekly, { startedAt: edge, succeededAt: edge }, now).missed).toBe(false);
    const past = new Date(now.getTime() - 184.8 * 3_600_000 - 1).toISOString();
    expect(jobTiming(weekly, { startedAt: past, succeededAt: past }, now).missed).toBe(true);
    expect(
      jobTiming({ expression: 'cron(0 0 1 1 ? 2020)', timeZone: HCM }, { startedAt: null, succeededAt: null }, now)
        .nextRunAt,
    ).toBeNull();
  });

  it('a rate: whole intervals from the last start, none before the first run', () => {
    const now = new Date('2026-11-23T05:00:00Z');
    const every15 = { expression: 'rate(15 minutes)', timeZone: HCM };
    expect(jobTiming(every15, { startedAt: null, succeededAt: null }, now)).toEqual({
      nextRunAt: null,
      missedAfterHours: 0.75,
      missed: true,
    });
    expect(
      jobTiming(every15, { startedAt: '2026-11-23T04:50:00.000Z', succeededAt: '2026-11-23T04:50:01.000Z' }, now),
    ).toEqual({ nextRunAt: '2026-11-23T05:05:00.000Z', missedAfterHours: 0.75, missed: false });
    // Exactly one interval later it is due now: the next one is an interval on.
    expect(jobTiming(every15, { startedAt: '2026-11-23T04:45:00.000Z', succeededAt: null }, now).nextRunAt).toBe(
      '2026-11-23T05:15:00.000Z',
    );
    // Runs missed: the phase is kept, the next firing still after now.
    expect(
      jobTiming(every15, { startedAt: '2026-11-23T02:07:00.000Z', succeededAt: '2026-11-23T02:07:00.000Z' }, now),
    ).toEqual({ nextRunAt: '2026-11-23T05:07:00.000Z', missedAfterHours: 0.75, missed: true });
  });
});
