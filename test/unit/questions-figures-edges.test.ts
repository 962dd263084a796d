// Pins the Q&A timeliness figures' edges (issue 9 §9): local dates near midnight UTC, which fact counts per question,
// on-time counts that must not count the late ones, and the range refusals' exact words: published accountability figures.
import { describe, expect, it } from 'vitest';
import { figuresMonths, figuresOf, localDateOf, type QuestionFact } from '../../shared/domain/questions/figures';
import { DomainError } from '../../shared/domain/errors';

const refusal = (from: string, to: string): DomainError => {
  try {
    figuresMonths(from, to);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`accepted ${from}..${to}`);
};

describe('localDateOf: the Việt Nam (UTC+7) date', () => {
  it('is the next day from 17:00 UTC, and the same day before', () => {
    expect(localDateOf(new Date('2026-03-03T19:00:00Z'))).toBe('2026-03-04');
    expect(localDateOf(new Date('2026-03-03T16:59:59.999Z'))).toBe('2026-03-03');
    expect(localDateOf(new Date('2026-03-03T17:00:00Z'))).toBe('2026-03-04');
    expect(localDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-03-04T02:00:00Z'))).toBe('2026-03-04');
  });
});

describe('figuresOf', () => {
  it('keeps the latest fact per question whatever order the facts are read in', () => {
    const facts: QuestionFact[] = [
      { kind: 'answered', questionId: 'a', at: '2026-03-06T01:00:00Z', onTime: true, workingDays: 3 },
      { kind: 'answered', questionId: 'a', at: '2026-03-04T01:00:00Z', onTime: false, workingDays: 9 },
      { kind: 'received', questionId: 'a', at: '2026-03-02T01:00:00Z' },
      { kind: 'received', questionId: 'a', at: '2026-03-01T01:00:00Z' },
    ];
    expect(figuresOf(facts, 0)).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, medianWorkingDaysToAnswer: 3 });
    expect(figuresOf([...facts].reverse(), 0)).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, medianWorkingDaysToAnswer: 3 });
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
    expect(f).toEqual({ received: 0, routed: 5, routedWithinOneWorkingDay: 3, rerouted: 3, returned: 0, answered: 5, answeredOnTime: 3, medianWorkingDaysToAnswer: 2.5, overdueNow: 1 });
  });

  it('answers without frozen working days are left out of the median, none at all giving null', () => {
    expect(figuresOf([{ kind: 'answered', questionId: 'a', at: '2026-03-05T01:00:00Z', onTime: true }], 0).medianWorkingDaysToAnswer).toBeNull();
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

describe('figuresMonths', () => {
  it('a one-day range is its month; a range over a year end steps from December to January', () => {
    expect(figuresMonths('2026-03-05', '2026-03-05')).toEqual(['2026-03']);
    expect(figuresMonths('2025-11-01', '2026-01-31')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(figuresMonths('2025-01-01', '2026-01-01')).toHaveLength(13);
  });

  it('refuses a reversed range on query.to, in both languages', () => {
    const message = { vi: '`to` phải không trước `from`', en: '`to` must not be before `from`' };
    const error = refusal('2026-03-02', '2026-03-01');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation');
    expect(error.messages).toEqual(message);
    expect(error.message).toBe(message.en);
    expect(error.fields).toEqual([{ field: 'query.to', code: 'invalid_range', message }]);
  });

  it('refuses 366 days or more on query.to, naming the limit in both languages', () => {
    const message = { vi: 'Khoảng thời gian tối đa 366 ngày', en: 'At most 366 days' };
    const error = refusal('2025-01-01', '2026-01-02');
    expect(error.code).toBe('validation');
    expect(error.messages).toEqual(message);
    expect(error.fields).toEqual([{ field: 'query.to', code: 'invalid_range', message }]);
  });
});
