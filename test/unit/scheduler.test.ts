import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScheduleExpression, startScheduler } from '../../infra/local/scheduler';
import { schedules } from '../../events/schedules';

describe('local schedule expressions (EventBridge Scheduler syntax)', () => {
  it('fires rate() schedules at the interval', () => {
    const next = parseScheduleExpression('rate(15 minutes)', 'UTC').next(new Date('2026-01-01T00:00:00Z'));
    expect(next.toISOString()).toBe('2026-01-01T00:15:00.000Z');
  });

  it('reads cron() day-of-week as SUN=1 and honours the time zone', () => {
    // Sunday 22/11/2026 07:00 in Hà Nội → next Sunday 02:00 local = Saturday 19:00 UTC.
    const weekly = parseScheduleExpression('cron(0 2 ? * 1 *)', 'Asia/Ho_Chi_Minh');
    expect(weekly.next(new Date('2026-11-22T00:00:00Z')).toISOString()).toBe('2026-11-28T19:00:00.000Z');
    const weekdays = parseScheduleExpression('cron(30 7 ? * MON-FRI *)', 'Asia/Ho_Chi_Minh');
    expect(weekdays.next(new Date('2026-11-20T01:00:00Z')).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });

  it('rejects what it cannot honour instead of firing at the wrong time', () => {
    expect(() => parseScheduleExpression('cron(0 2 L * ? *)', 'UTC')).toThrow(/not supported/);
    expect(() => parseScheduleExpression('cron(0 2 * *)', 'UTC')).toThrow(/6 fields/);
    expect(() => parseScheduleExpression('every day', 'UTC')).toThrow(/Unknown/);
  });

  it('parses every shipped schedule', () => {
    for (const s of schedules) expect(() => parseScheduleExpression(s.expression, s.timeZone)).not.toThrow();
  });
});

describe('local scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires each schedule when it is due, and again at the next occurrence, until stopped', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T00:00:00Z') });
    const fired: string[] = [];
    const scheduler = startScheduler(
      [
        { job: 'every-15', function: 'dependencyCheck', expression: 'rate(15 minutes)', timeZone: 'UTC', basis: '', description: '' },
        { job: 'daily-7h', function: 'dependencyCheck', expression: 'cron(0 7 * * ? *)', timeZone: 'Asia/Ho_Chi_Minh', basis: '', description: '' },
      ],
      async (s) => {
        fired.push(`${s.job}@${new Date().toISOString()}`);
      },
    );
    await vi.advanceTimersByTimeAsync(31 * 60_000);
    expect(fired).toEqual(['every-15@2026-11-23T00:15:00.000Z', 'every-15@2026-11-23T00:30:00.000Z']);
    fired.length = 0;
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(fired.filter((f) => f.startsWith('daily-7h'))).toEqual(['daily-7h@2026-11-24T00:00:00.000Z']);
    scheduler.stop();
    fired.length = 0;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fired).toEqual([]);
  });
});
