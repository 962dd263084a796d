import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { monthOfWeek, retentionFor } from '../../shared/domain/backups/retention';
import { isoWeekId } from '../../shared/domain/backups/manifest';

/** Which backups are kept as monthly ones: the first of each month, decided from the monthly ones that exist. */
describe('the retention decision', () => {
  it('gives each ISO week the month of its Thursday', () => {
    expect(monthOfWeek('2026-W48')).toBe('2026-11'); // 23–29 Nov
    expect(monthOfWeek('2026-W49')).toBe('2026-12'); // 30 Nov – 6 Dec, Thursday 3 Dec
    expect(monthOfWeek('2026-W53')).toBe('2026-12'); // 28 Dec 2026 – 3 Jan 2027, Thursday 31 Dec
    expect(monthOfWeek('2027-W01')).toBe('2027-01');
    expect(monthOfWeek('2020-W01')).toBe('2020-01'); // 30 Dec 2019 – 5 Jan 2020
    expect(monthOfWeek('2021-W01')).toBe('2021-01'); // 4–10 Jan 2021 (2020 had a week 53)
    expect(() => monthOfWeek('2026-48')).toThrow(/ISO week/);
    // The whole id must be a week: anything before or after it (a key's prefix or suffix) is refused.
    for (const id of ['x2026-W48', '2026-W48x', '2026-W480', '12026-W48', 'backups/weekly/2026-W48/'])
      expect(() => monthOfWeek(id)).toThrow(/ISO week/);
  });

  it('agrees with the week of every day: the Thursday of a week is in the month named', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (day) => {
        const thursday = new Date(
          Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 4 - (day.getUTCDay() || 7)),
        );
        const week = isoWeekId(thursday, 0);
        expect(monthOfWeek(week)).toBe(thursday.toISOString().slice(0, 7));
      }),
    );
  });

  it('makes the first backup of a month monthly and the others weekly', () => {
    expect(retentionFor('2026-W49', [])).toBe('monthly');
    expect(retentionFor('2026-W50', ['2026-W49'])).toBe('weekly');
    expect(retentionFor('2026-W53', ['2026-W49'])).toBe('weekly');
    // November's monthly backup says nothing about December.
    expect(retentionFor('2026-W49', ['2026-W45'])).toBe('monthly');
    // The month's first week was missed: the next backup of the month is its monthly one.
    expect(retentionFor('2026-W50', ['2026-W45'])).toBe('monthly');
  });

  it('answers the same when a week is taken again after a failed run', () => {
    expect(retentionFor('2026-W49', ['2026-W49'])).toBe('monthly');
    expect(retentionFor('2026-W50', ['2026-W49', '2026-W50'])).toBe('weekly');
  });

  it('over a year of weekly runs keeps exactly one monthly backup per month', () => {
    const monthly: string[] = [];
    const start = Date.UTC(2026, 0, 5); // a Monday
    for (let w = 0; w < 104; w++) {
      const week = isoWeekId(new Date(start + w * 7 * 86_400_000));
      if (retentionFor(week, monthly) === 'monthly') monthly.push(week);
    }
    expect(new Set(monthly.map(monthOfWeek)).size).toBe(monthly.length);
    expect(monthly.length).toBe(24);
  });
});

/**
 * How long each class lives (issue 10: 8 weekly and 12 monthly backups). S3 ages objects out, it cannot count them,
 * so the expiry must keep that many alive between two runs, even when one run is missed, and not many more.
 */
describe('the lifetimes of the retention classes', () => {
  const DAY = 86_400_000;
  /** Backups alive just before each run at `runs` (created earlier, younger than the class's lifetime). */
  const aliveBeforeEachRun = (runs: readonly number[], created: readonly number[], expireAfterDays: number) =>
    runs.map((t) => created.filter((c) => c < t && t - c < expireAfterDays * DAY).length);

  it('keep 8 weekly backups until the next run, even a run six days late, and a ninth only as the new one lands', async () => {
    // The lifetimes are module data: read again inside this test so that mutation testing judges them by it.
    vi.resetModules();
    const { RETENTION } = await import('../../shared/domain/backups/retention');
    const { keep, expireAfterDays } = RETENTION.weekly;
    expect(keep).toBe(8);
    const runs = Array.from({ length: 40 }, (_, w) => Date.UTC(2026, 0, 5) + w * 7 * DAY);
    const settled = runs.slice(12);
    expect(aliveBeforeEachRun(settled, runs, expireAfterDays)).toEqual(settled.map(() => keep));
    // The run due at t comes six days late: the backups before t are still the eight.
    const beforeLateRun = settled.map(
      (t) => runs.filter((c) => c < t && t + 6 * DAY - c < expireAfterDays * DAY).length,
    );
    expect(beforeLateRun).toEqual(settled.map(() => keep));
    // Just after a run: the new backup and the eight before it.
    const justAfter = settled.map((t) => t + 1);
    expect(aliveBeforeEachRun(justAfter, runs, expireAfterDays)).toEqual(settled.map(() => keep + 1));
  });

  it('keep 12 monthly backups between two monthly runs, whatever the year, and at most one more', async () => {
    vi.resetModules();
    const { RETENTION } = await import('../../shared/domain/backups/retention');
    expect(RETENTION.monthly.keep).toBe(12);
    const start = Date.UTC(2024, 0, 1); // a Monday
    const runs = Array.from({ length: 52 * 6 }, (_, w) => start + w * 7 * DAY);
    const monthlyWeeks: string[] = [];
    const monthly: number[] = [];
    for (const run of runs) {
      const week = isoWeekId(new Date(run));
      if (retentionFor(week, monthlyWeeks) === 'monthly') {
        monthlyWeeks.push(week);
        monthly.push(run);
      }
    }
    const alive = aliveBeforeEachRun(runs.slice(60), monthly, RETENTION.monthly.expireAfterDays);
    expect(Math.min(...alive)).toBe(RETENTION.monthly.keep);
    expect(Math.max(...alive)).toBeLessThanOrEqual(RETENTION.monthly.keep + 1);
  });

  it('are the two classes a backup is looked up under', async () => {
    vi.resetModules();
    const { RETENTION, RETENTION_CLASSES } = await import('../../shared/domain/backups/retention');
    expect([...RETENTION_CLASSES].sort()).toEqual(['monthly', 'weekly']);
    expect(Object.keys(RETENTION).sort()).toEqual(['monthly', 'weekly']);
  });
});
