import { describe, expect, it } from 'vitest';
import { figuresMonths, figuresOf, localDateOf, median, workingDaysBetween } from '../../shared/domain/questions/figures';
import { DomainError } from '../../shared/domain/errors';
import { shippedCalendar } from '../../shared/domain/calendar';

/** Per-unit figures (issue 9 §9): pure sums of frozen facts, local dates and bounded ranges. */
describe('question figures', () => {
  const calendar = shippedCalendar();
  const at = (local: string) => new Date(`${local}+07:00`);
  const working = (d: number) => calendar.isWorkingDay(d);

  it('counts working days after the day of routing up to the day of the answer, across weekends and Tết', () => {
    expect(workingDaysBetween(working, at('2026-03-03T09:00:00'), at('2026-03-05T09:00:00'))).toBe(2);
    expect(workingDaysBetween(working, at('2026-03-03T09:00:00'), at('2026-03-03T17:00:00'))).toBe(0);
    expect(workingDaysBetween(working, at('2026-03-06T09:00:00'), at('2026-03-09T09:00:00'))).toBe(1); // Fri → Mon
    expect(workingDaysBetween(working, at('2026-02-13T09:00:00'), at('2026-02-24T09:00:00'))).toBe(2); // Tết 14–22/02
    // Local days, not UTC ones: 23:30 on Tue 03/03 is still Tuesday.
    expect(workingDaysBetween(working, at('2026-03-03T23:30:00'), at('2026-03-04T00:30:00'))).toBe(1);
    expect(localDateOf(at('2026-03-03T23:30:00'))).toBe('2026-03-03');
  });

  it('adds up facts: the latest answer per question, on-time flags as frozen, the median of the frozen working days', () => {
    const f = figuresOf(
      [
        { kind: 'received', questionId: 'a', at: '2026-03-01T01:00:00Z' },
        { kind: 'received', questionId: 'b', at: '2026-03-01T02:00:00Z' },
        { kind: 'routed', questionId: 'a', at: '2026-03-02T01:00:00Z', onTime: true, rerouting: false },
        { kind: 'routed', questionId: 'a', at: '2026-03-03T01:00:00Z', onTime: false, rerouting: true },
        { kind: 'returned', questionId: 'a', at: '2026-03-02T05:00:00Z', onTime: true },
        { kind: 'answered', questionId: 'a', at: '2026-03-04T01:00:00Z', onTime: false, workingDays: 9 },
        { kind: 'answered', questionId: 'a', at: '2026-03-06T01:00:00Z', onTime: true, workingDays: 3 },
        { kind: 'answered', questionId: 'b', at: '2026-03-05T01:00:00Z', onTime: false, workingDays: 4 },
      ],
      2,
    );
    expect(f).toEqual({ received: 2, routed: 2, routedWithinOneWorkingDay: 1, rerouted: 1, returned: 1, answered: 2, answeredOnTime: 1, medianWorkingDaysToAnswer: 3.5, overdueNow: 2 });
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });

  it('covers a range with its months, refusing a reversed one or one over 366 days on query.to', () => {
    expect(figuresMonths('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(figuresMonths('2025-12-15', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(figuresMonths('2026-01-01', '2026-12-31')).toHaveLength(12);
    for (const [from, to] of [['2026-03-02', '2026-03-01'], ['2025-01-01', '2026-01-02']] as const) {
      const error = (() => {
        try {
          figuresMonths(from, to);
        } catch (e) {
          return e;
        }
      })() as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.fields[0]!.field).toBe('query.to');
    }
  });
});
