// Pins the cron()/rate() evaluator's edges (parsed fields, refusals and their messages, DST and negative-offset zones,
// look-ahead horizon, longestGapMs): a mis-parse means a weekly backup or compliance escalation that silently never runs.
import { describe, expect, it } from 'vitest';
import { longestGapMs, nextFiring, parseScheduleExpression, ScheduleExpressionError } from '../../shared/domain/operations/schedule-expression';

const HCM = 'Asia/Ho_Chi_Minh';
const next = (expression: string, after: string, timeZone = HCM) => nextFiring(parseScheduleExpression(expression, timeZone), new Date(after))?.toISOString();
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

describe('parsed fields', () => {
  it('`*` and `?` leave day-of-month, day-of-week and year unrestricted (absent), the rest full ranges', () => {
    const fields = fieldsOf('cron(* * * * ? *)');
    expect(Object.keys(fields).sort()).toEqual(['hours', 'minutes', 'months']);
    expect(sorted(fields.minutes)).toEqual(span(0, 59));
    expect(sorted(fields.hours)).toEqual(span(0, 23));
    expect(sorted(fields.months)).toEqual(span(1, 12));
    expect(Object.keys(fieldsOf('cron(0 2 ? * * *)')).sort()).toEqual(['hours', 'minutes', 'months']);
    expect(parseScheduleExpression('cron(0 2 * * ? *)', HCM)).toEqual({ kind: 'cron', timeZone: HCM, fields: { minutes: new Set([0]), hours: new Set([2]), months: new Set(span(1, 12)) } });
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

describe('rate()', () => {
  it('singular units for 1, plural otherwise, each unit its length', () => {
    expect(parseScheduleExpression('rate(1 minute)', HCM)).toEqual({ kind: 'rate', everyMs: 60_000 });
    expect(parseScheduleExpression('rate(1 hour)', HCM)).toEqual({ kind: 'rate', everyMs: 3_600_000 });
    expect(parseScheduleExpression('rate(1 day)', HCM)).toEqual({ kind: 'rate', everyMs: 86_400_000 });
    expect(parseScheduleExpression('rate(3 hours)', HCM)).toEqual({ kind: 'rate', everyMs: 3 * 3_600_000 });
    expect(refusal('rate(2 day)').message).toMatch(/Invalid rate/);
  });

  it('nothing before or after the expression', () => {
    for (const bad of ['xrate(5 minutes)', 'rate(5 minutes)x', 'xcron(0 2 ? * SUN *)', 'cron(0 2 ? * SUN *)x', 'rate(5minutes)']) {
      const error = refusal(bad);
      expect(error.message, bad).toBe(`Unknown schedule expression: ${bad}`);
    }
  });
});

describe('refusals: what, and in which words', () => {
  it('are ScheduleExpressionErrors by name and class', () => {
    const error = refusal('every day');
    expect(error).toBeInstanceOf(ScheduleExpressionError);
    expect(error.name).toBe('ScheduleExpressionError');
  });

  it('values below a field\'s minimum', () => {
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

describe('nextFiring across zones', () => {
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

describe('longestGapMs', () => {
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
