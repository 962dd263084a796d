import { describe, expect, it } from 'vitest';
import { longestGapMs, nextFiring, parseScheduleExpression } from '../../shared/domain/operations/schedule-expression';
import { schedules } from '../../events/schedules';
import { jobTiming, missedAfterMs } from '../../shared/domain/operations/job-calendar';

const HCM = 'Asia/Ho_Chi_Minh';
const next = (expression: string, after: string, timeZone = HCM) => nextFiring(parseScheduleExpression(expression, timeZone), new Date(after))?.toISOString();
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
    expect(series('cron(0 8 * * ? *)', '2026-12-30T02:00:00Z', 3)).toEqual(['2026-12-31T01:00:00.000Z', '2027-01-01T01:00:00.000Z', '2027-01-02T01:00:00.000Z']);
  });

  it('ranges, lists and steps', () => {
    // Weekdays 07:30 local.
    expect(series('cron(30 7 ? * MON-FRI *)', '2026-11-27T01:00:00Z', 2)).toEqual(['2026-11-30T00:30:00.000Z', '2026-12-01T00:30:00.000Z']);
    // Every 20 minutes from :05 during 8–9 local.
    expect(series('cron(5/20 8-9 * * ? *)', '2026-11-23T00:00:00Z', 7)).toEqual([
      '2026-11-23T01:05:00.000Z', '2026-11-23T01:25:00.000Z', '2026-11-23T01:45:00.000Z',
      '2026-11-23T02:05:00.000Z', '2026-11-23T02:25:00.000Z', '2026-11-23T02:45:00.000Z', '2026-11-24T01:05:00.000Z',
    ]);
    // A list of days of the month and months by name; `*/6` hours.
    expect(series('cron(0 */6 1,15 JAN,JUL ? *)', '2026-12-31T17:00:00Z', 5).map((s) => s.slice(0, 16))).toEqual([
      '2026-12-31T23:00', '2027-01-01T05:00', '2027-01-01T11:00', '2027-01-14T17:00', '2027-01-14T23:00',
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
    const gaps = Object.fromEntries(schedules.map((s) => [s.job, longestGapMs(parseScheduleExpression(s.expression, s.timeZone), new Date('2026-11-23T00:00:00Z')) / 3_600_000]));
    expect(gaps).toMatchObject({ 'dependency-check': 0.25, 'publish-scheduled': 5 / 60, 'weekly-backup': 168, 'restore-drill': 168 });
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
    expect(jobTiming(weekly, { startedAt: null, succeededAt: null }, now)).toEqual({ nextRunAt: '2026-11-28T19:00:00.000Z', missedAfterHours: 184.8, missed: true });
    const edge = new Date(now.getTime() - 184.8 * 3_600_000).toISOString();
    expect(jobTiming(weekly, { startedAt: edge, succeededAt: edge }, now).missed).toBe(false);
    const past = new Date(now.getTime() - 184.8 * 3_600_000 - 1).toISOString();
    expect(jobTiming(weekly, { startedAt: past, succeededAt: past }, now).missed).toBe(true);
    expect(jobTiming({ expression: 'cron(0 0 1 1 ? 2020)', timeZone: HCM }, { startedAt: null, succeededAt: null }, now).nextRunAt).toBeNull();
  });

  it('a rate: whole intervals from the last start, none before the first run', () => {
    const now = new Date('2026-11-23T05:00:00Z');
    const every15 = { expression: 'rate(15 minutes)', timeZone: HCM };
    expect(jobTiming(every15, { startedAt: null, succeededAt: null }, now)).toEqual({ nextRunAt: null, missedAfterHours: 0.75, missed: true });
    expect(jobTiming(every15, { startedAt: '2026-11-23T04:50:00.000Z', succeededAt: '2026-11-23T04:50:01.000Z' }, now)).toEqual({ nextRunAt: '2026-11-23T05:05:00.000Z', missedAfterHours: 0.75, missed: false });
    // Exactly one interval later it is due now: the next one is an interval on.
    expect(jobTiming(every15, { startedAt: '2026-11-23T04:45:00.000Z', succeededAt: null }, now).nextRunAt).toBe('2026-11-23T05:15:00.000Z');
    // Runs missed: the phase is kept, the next firing still after now.
    expect(jobTiming(every15, { startedAt: '2026-11-23T02:07:00.000Z', succeededAt: '2026-11-23T02:07:00.000Z' }, now)).toEqual({ nextRunAt: '2026-11-23T05:07:00.000Z', missedAfterHours: 0.75, missed: true });
  });
});
