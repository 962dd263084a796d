import { describe, expect, it } from 'vitest';
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
