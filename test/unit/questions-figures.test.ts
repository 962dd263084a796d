import { describe, expect, it } from 'vitest';
import {
  figuresMonths,
  figuresOf,
  localDateOf,
  median,
  workingDaysBetween,
  type QuestionFact,
} from '../../shared/domain/questions/figures';
import { DomainError } from '../../shared/domain/errors';
import { shippedCalendar } from '../../shared/domain/calendar';

/**
 * Per-unit figures (issue 9 §9), published accountability figures: pure sums of frozen facts, local dates near
 * midnight UTC, which fact counts per question, on-time counts that must not count the late ones, and bounded ranges
 * refused in exact words.
 */
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
    expect(f).toEqual({
      received: 2,
      routed: 2,
      routedWithinOneWorkingDay: 1,
      rerouted: 1,
      returned: 1,
      answered: 2,
      answeredOnTime: 1,
      medianWorkingDaysToAnswer: 3.5,
      overdueNow: 2,
    });
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });

  it('covers a range with its months, refusing a reversed one or one over 366 days on query.to', () => {
    expect(figuresMonths('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(figuresMonths('2025-12-15', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(figuresMonths('2026-01-01', '2026-12-31')).toHaveLength(12);
    for (const [from, to] of [
      ['2026-03-02', '2026-03-01'],
      ['2025-01-01', '2026-01-02'],
    ] as const) {
      const error = (() => {
        try {
          figuresMonths(from, to);
        } catch (e) {
          return e;
        }
      })() as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.fields[0]!.field).toBe('to');
    }
  });
});

const rangeRefusal = (from: string, to: string): DomainError => {
  try {
    figuresMonths(from, to);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`accepted ${from}..${to}`);
};

describe('question figures: localDateOf is the Việt Nam (UTC+7) date', () => {
  it('is the next day from 17:00 UTC, and the same day before', () => {
    expect(localDateOf(new Date('2026-03-03T19:00:00Z'))).toBe('2026-03-04');
    expect(localDateOf(new Date('2026-03-03T16:59:59.999Z'))).toBe('2026-03-03');
    expect(localDateOf(new Date('2026-03-03T17:00:00Z'))).toBe('2026-03-04');
    expect(localDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-03-04T02:00:00Z'))).toBe('2026-03-04');
  });
});

describe('question figures: figuresOf counts the latest fact per question, once', () => {
  it('keeps the latest fact per question whatever order the facts are read in', () => {
    const facts: QuestionFact[] = [
      { kind: 'answered', questionId: 'a', at: '2026-03-06T01:00:00Z', onTime: true, workingDays: 3 },
      { kind: 'answered', questionId: 'a', at: '2026-03-04T01:00:00Z', onTime: false, workingDays: 9 },
      { kind: 'received', questionId: 'a', at: '2026-03-02T01:00:00Z' },
      { kind: 'received', questionId: 'a', at: '2026-03-01T01:00:00Z' },
    ];
    expect(figuresOf(facts, 0)).toMatchObject({
      received: 1,
      answered: 1,
      answeredOnTime: 1,
      medianWorkingDaysToAnswer: 3,
    });
    expect(figuresOf([...facts].reverse(), 0)).toMatchObject({
      received: 1,
      answered: 1,
      answeredOnTime: 1,
      medianWorkingDaysToAnswer: 3,
    });
  });

  it('two facts of a question at the same instant (a retried write) count once, the first recorded kept', () => {
    const f = figuresOf(
      [
        { kind: 'answered', questionId: 'a', at: '2026-03-06T01:00:00Z', onTime: true, workingDays: 2 },
        { kind: 'answered', questionId: 'a', at: '2026-03-06T01:00:00Z', onTime: false, workingDays: 8 },
      ],
      0,
    );
    expect(f).toMatchObject({ answered: 1, answeredOnTime: 1, medianWorkingDaysToAnswer: 2 });
  });

  it('on-time and re-routing counts count only facts flagged true (not false, not unflagged)', () => {
    const f = figuresOf(
      [
        { kind: 'routed', questionId: 'a', at: '2026-03-02T01:00:00Z', onTime: true, rerouting: true },
        { kind: 'routed', questionId: 'b', at: '2026-03-02T02:00:00Z', onTime: true, rerouting: true },
        { kind: 'routed', questionId: 'c', at: '2026-03-02T03:00:00Z', onTime: false, rerouting: false },
        { kind: 'routed', questionId: 'd', at: '2026-03-02T04:00:00Z' },
        { kind: 'routed', questionId: 'e', at: '2026-03-02T05:00:00Z', onTime: true, rerouting: true },
        { kind: 'answered', questionId: 'a', at: '2026-03-05T01:00:00Z', onTime: true, workingDays: 1 },
        { kind: 'answered', questionId: 'b', at: '2026-03-05T02:00:00Z', onTime: true, workingDays: 2 },
        { kind: 'answered', questionId: 'c', at: '2026-03-05T03:00:00Z', onTime: false, workingDays: 12 },
        { kind: 'answered', questionId: 'd', at: '2026-03-05T04:00:00Z' },
        { kind: 'answered', questionId: 'e', at: '2026-03-05T05:00:00Z', onTime: true, workingDays: 3 },
      ],
      1,
    );
    expect(f).toEqual({
      received: 0,
      routed: 5,
      routedWithinOneWorkingDay: 3,
      rerouted: 3,
      returned: 0,
      answered: 5,
      answeredOnTime: 3,
      medianWorkingDaysToAnswer: 2.5,
      overdueNow: 1,
    });
  });

  it('answers without frozen working days are left out of the median, none at all giving null', () => {
    expect(
      figuresOf([{ kind: 'answered', questionId: 'a', at: '2026-03-05T01:00:00Z', onTime: true }], 0)
        .medianWorkingDaysToAnswer,
    ).toBeNull();
    const f = figuresOf(
      [
        { kind: 'answered', questionId: 'a', at: '2026-03-05T01:00:00Z', onTime: true },
        { kind: 'answered', questionId: 'b', at: '2026-03-05T02:00:00Z', onTime: true, workingDays: 4 },
        { kind: 'answered', questionId: 'c', at: '2026-03-05T03:00:00Z', onTime: true, workingDays: 2 },
      ],
      0,
    );
    expect(f.medianWorkingDaysToAnswer).toBe(3);
  });
});

describe('question figures: figuresMonths steps by month and refuses reversed or overlong ranges', () => {
  it('a one-day range is its month; a range over a year end steps from December to January', () => {
    expect(figuresMonths('2026-03-05', '2026-03-05')).toEqual(['2026-03']);
    expect(figuresMonths('2025-11-01', '2026-01-31')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(figuresMonths('2025-01-01', '2026-01-01')).toHaveLength(13);
  });

  it('refuses a reversed range on query.to, in both languages', () => {
    const message = { vi: '`to` phải không trước `from`', en: '`to` must not be before `from`' };
    const error = rangeRefusal('2026-03-02', '2026-03-01');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation');
    expect(error.messages).toEqual(message);
    expect(error.message).toBe(message.en);
    expect(error.fields).toEqual([{ field: 'to', code: 'invalid_range', message }]);
  });

  it('refuses 366 days or more on query.to, naming the limit in both languages', () => {
    const message = { vi: 'Khoảng thời gian tối đa 366 ngày', en: 'At most 366 days' };
    const error = rangeRefusal('2025-01-01', '2026-01-02');
    expect(error.code).toBe('validation');
    expect(error.messages).toEqual(message);
    expect(error.fields).toEqual([{ field: 'to', code: 'invalid_range', message }]);
  });
});
