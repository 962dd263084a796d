import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../infra/local/scheduler';
import { scheduleExpressionProblem } from '../../infra/config/schedule-expression';
import { schedules, type ScheduleDefinition } from '../../events/schedules';
import { nextFiring, parseScheduleExpression } from '../../shared/domain/operations/schedule-expression';
import { jobTiming } from '../../shared/domain/operations/job-calendar';

const HCM = 'Asia/Ho_Chi_Minh';
const definition = (expression: string, timeZone = HCM): ScheduleDefinition => ({
  job: 'probe',
  function: 'dependencyCheck',
  expression,
  timeZone,
  basis: '',
  description: '',
});

/** The instants the local scheduler fires `expression` at, from `from`, the first `n` (fake timers). */
async function firings(expression: string, from: string, n: number, timeZone = HCM): Promise<string[]> {
  vi.useFakeTimers({ now: new Date(from) });
  const fired: string[] = [];
  const scheduler = startScheduler([definition(expression, timeZone)], async () => {
    fired.push(new Date().toISOString());
  });
  for (let day = 0; day < 400 && fired.length < n; day++) await vi.advanceTimersByTimeAsync(86_400_000);
  scheduler.stop();
  vi.useRealTimers();
  return fired.slice(0, n);
}

/** The domain's evaluator: the first `n` firings after `from`. */
function evaluated(expression: string, from: string, n: number, timeZone = HCM): string[] {
  const parsed = parseScheduleExpression(expression, timeZone);
  const out: string[] = [];
  for (let at: Date | undefined = new Date(from); out.length < n && (at = nextFiring(parsed, at)); )
    out.push(at.toISOString());
  return out;
}

describe('one schedule evaluator for GET /jobs, the local scheduler and synth (issue 21 #4)', () => {
  const FROM = '2026-11-22T00:00:00.000Z';
  const crons = [
    ...schedules.map((s) => [s.expression, s.timeZone] as const).filter(([e]) => e.startsWith('cron')),
    ['cron(0 2 ? * 1 *)', HCM], // SUN = 1, as AWS counts (cron-parser counted SUN = 0)
    ['cron(30 7 ? * MON-FRI *)', HCM],
    ['cron(0 8-17 ? * MON-SAT *)', HCM],
    ['cron(15 23 1 * ? *)', 'UTC'], // monthly
    ['cron(0 0 ? * SUN 2026)', HCM], // a year field: five Sundays more, then never
  ] as const;

  it.each(crons)(
    '%s (%s): the local scheduler fires when GET /jobs says it runs next, and at every firing after',
    async (expression, timeZone) => {
      const expected = evaluated(expression, FROM, 6, timeZone);
      expect(await firings(expression, FROM, 6, timeZone)).toEqual(expected);
      expect(
        jobTiming({ expression, timeZone }, { startedAt: null, succeededAt: null }, new Date(FROM)).nextRunAt,
      ).toBe(expected[0] ?? null);
    },
  );

  it("fires a rate from the scheduler's start, at the interval the evaluator gives", async () => {
    expect(await firings('rate(15 minutes)', FROM, 3)).toEqual(evaluated('rate(15 minutes)', FROM, 3));
  });

  it.each([
    'cron(0 2 ? * SUN *)',
    'cron(0 2 1 * ? *)',
    'rate(1 day)',
    'rate(12 hours)', // accepted
    'cron(0 2 L * ? *)',
    'cron(0 2 ? * 2#1 *)',
    'cron(0 2 * *)',
    'cron(0 2 * * SUN *)',
    'cron(61 2 ? * SUN *)',
    'rate(1 days)',
    'rate(0 minutes)',
    'every day',
  ])(
    'synth refuses %j exactly when the evaluator does, and the local scheduler will not start it either',
    (expression) => {
      let refused: string | undefined;
      try {
        parseScheduleExpression(expression, HCM);
      } catch (error) {
        refused = (error as Error).message;
      }
      expect(scheduleExpressionProblem(expression)).toBe(
        refused === undefined ? undefined : `${expression}: ${refused}`,
      );
      if (refused === undefined) startScheduler([definition(expression)], async () => {}).stop();
      else expect(() => startScheduler([definition(expression)], async () => {})).toThrow(refused);
    },
  );
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
        {
          job: 'every-15',
          function: 'dependencyCheck',
          expression: 'rate(15 minutes)',
          timeZone: 'UTC',
          basis: '',
          description: '',
        },
        {
          job: 'daily-7h',
          function: 'dependencyCheck',
          expression: 'cron(0 7 * * ? *)',
          timeZone: 'Asia/Ho_Chi_Minh',
          basis: '',
          description: '',
        },
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
