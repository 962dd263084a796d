import { describe, expect, it } from 'vitest';
import {
  adHocPeriod,
  dueAtOf,
  MAX_PERIOD_DAYS,
  lastClosedPeriod,
  monthsOf,
  periodContaining,
  periodOf,
  quartersOf,
} from '../../shared/domain/reports/periods';
import { reportKindOf } from '../../shared/domain/reports/kinds';
import { DomainError, type FieldIssue } from '../../shared/domain/errors';

/** The field issue of a refusal (undefined when accepted or when the refusal is not a DomainError). */
const issueOf = (fn: () => unknown): FieldIssue | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation') return e.fields[0];
  }
  return undefined;
};

/** Reporting periods and due dates (issue 27 §1) in Việt Nam time, across month and year ends. */
describe('report periods', () => {
  it('reads NA 15.7 as (10/12 of the previous year, 10/12]: 11/12 … 10/12, cut-off at 11/12 00:00 ICT', () => {
    const na = reportKindOf('nghe-an-2025', 'na-yearly');
    const p = periodOf(na.period, '2026', false);
    expect(p).toEqual({
      id: '2026',
      from: '2025-12-11',
      to: '2026-12-10',
      startsAt: '2025-12-10T17:00:00.000Z',
      endsAt: '2026-12-10T17:00:00.000Z',
    });
    // 10/12 belongs to the period it ends, 11/12 to the next one: no day is counted twice.
    expect(periodContaining(na.period, '2026-12-10').id).toBe('2026');
    expect(periodContaining(na.period, '2026-12-11').id).toBe('2027');
    expect(periodContaining(na.period, '2026-01-01').id).toBe('2026');
    // "chậm nhất trước ngày 11/12": due by the end of 10/12, the same instant as the cut-off.
    expect(dueAtOf(na.due, p)).toBe('2026-12-10T17:00:00.000Z');
  });

  it('takes QN 23.3’s twelve months up to 14/11, due at the end of 15/11', () => {
    const qn = reportKindOf('quang-ninh-2023', 'qn-yearly');
    const p = periodOf(qn.period, '2026', false);
    expect([p.from, p.to]).toEqual(['2025-11-15', '2026-11-14']);
    expect(dueAtOf(qn.due, p)).toBe('2026-11-15T17:00:00.000Z');
  });

  it('cuts months, quarters, half-years and years at local midnight, across the year end', () => {
    expect(periodContaining({ kind: 'month' }, '2026-12-31')).toEqual({
      id: '2026-12',
      from: '2026-12-01',
      to: '2026-12-31',
      startsAt: '2026-11-30T17:00:00.000Z',
      endsAt: '2026-12-31T17:00:00.000Z',
    });
    expect(periodContaining({ kind: 'month' }, '2028-02-10').to).toBe('2028-02-29');
    expect(periodContaining({ kind: 'quarter' }, '2026-11-05')).toMatchObject({
      id: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodContaining({ kind: 'half-year' }, '2026-07-01')).toMatchObject({
      id: '2026-H2',
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(periodContaining({ kind: 'year' }, '2027-01-01')).toMatchObject({
      id: '2027',
      from: '2027-01-01',
      to: '2027-12-31',
    });
    // A monthly report of December is due on 5 January of the next year (end of day, ICT).
    const cb = reportKindOf('cao-bang-2015', 'cb-monthly');
    expect(dueAtOf(cb.due, periodOf(cb.period, '2026-12', false))).toBe('2027-01-05T17:00:00.000Z');
    const q = reportKindOf('cao-bang-2015', 'cb-quarterly');
    expect(dueAtOf(q.due, periodOf(q.period, '2026-Q4', false))).toBe('2027-01-15T17:00:00.000Z');
  });

  it('reports on the last period whose cut-off passed, in local time', () => {
    // 31/12 23:30 ICT is still December: the last closed month is November.
    expect(lastClosedPeriod({ kind: 'month' }, new Date('2026-12-31T16:30:00Z')).id).toBe('2026-11');
    // 1/1 00:30 ICT (31/12 17:30 UTC): December has closed.
    expect(lastClosedPeriod({ kind: 'month' }, new Date('2026-12-31T17:30:00Z')).id).toBe('2026-12');
    expect(lastClosedPeriod({ kind: 'year-to', month: 12, day: 10 }, new Date('2026-12-10T17:05:00Z')).id).toBe('2026');
    expect(lastClosedPeriod({ kind: 'year-to', month: 12, day: 10 }, new Date('2026-12-10T16:55:00Z')).id).toBe('2025');
  });

  it('lists the month and quarter partitions a period covers', () => {
    const p = periodOf({ kind: 'year-to', month: 12, day: 10 }, '2026', false);
    expect(monthsOf(p)).toHaveLength(13);
    expect(monthsOf(p)[0]).toBe('2025-12');
    expect(quartersOf(p)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('refuses malformed, reversed and too long ranges, naming the field', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof DomainError ? [e.code, e.fields[0]?.field] : e;
      }
      return 'accepted';
    };
    expect(refusal(() => periodOf({ kind: 'month' }, '2026-13', false))).toEqual(['validation', 'period']);
    expect(refusal(() => periodOf({ kind: 'quarter' }, '2026-11', false))).toEqual(['validation', 'period']);
    expect(refusal(() => periodOf({ kind: 'month' }, '2026-01-01..2026-01-31', false))).toEqual([
      'validation',
      'period',
    ]);
    expect(periodOf({ kind: 'month' }, '2026-01-01..2026-01-31', true)).toMatchObject({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(refusal(() => adHocPeriod('2026-02-01', '2026-01-31'))).toEqual(['validation', 'period']);
    expect(refusal(() => adHocPeriod('2026-02-30', '2026-03-01'))).toEqual(['validation', 'period']);
    expect(refusal(() => adHocPeriod('2025-01-01', '2026-01-02'))).toEqual(['validation', 'period']);
    expect(adHocPeriod('2025-01-01', '2026-01-01').endsAt).toBe('2026-01-01T17:00:00.000Z');
  });

  it('splits the year into halves at the end of June, and names a half-year report YYYY-H1 or YYYY-H2', () => {
    const half = { kind: 'half-year' } as const;
    expect(periodContaining(half, '2026-06-30')).toMatchObject({ id: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(periodContaining(half, '2026-01-01').id).toBe('2026-H1');
    expect(periodOf(half, '2026-H1', false)).toEqual(periodContaining(half, '2026-03-15'));
    expect(periodOf(half, '2026-H2', false)).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
    expect(issueOf(() => periodOf(half, '2026-Q1', false))?.message.en).toBe('The period must look like YYYY-Hn');
  });

  it('names a year report by its year alone, for calendar years and years ending on a fixed day', () => {
    expect(periodOf({ kind: 'year' }, '2026', false)).toEqual(periodContaining({ kind: 'year' }, '2026-01-01'));
    for (const id of ['2026-11', '2026-Q4', '2026-H2'])
      expect(issueOf(() => periodOf({ kind: 'year' }, id, false))?.message.en, id).toBe(
        'The period must look like YYYY',
      );
    // A year ending before mid-year (a fiscal year to 31/3) is named by the year it ends in, like NA's and QN's.
    const toMarch = { kind: 'year-to', month: 3, day: 31 } as const;
    expect(periodOf(toMarch, '2026', false)).toMatchObject({ id: '2026', from: '2025-04-01', to: '2026-03-31' });
    // QN's year ends on 14/11: a day of December, after the end day of the month, belongs to the next year's period.
    const qn = reportKindOf('quang-ninh-2023', 'qn-yearly').period;
    expect(periodContaining(qn, '2026-12-05')).toMatchObject({ id: '2027', from: '2026-11-15', to: '2027-11-14' });
    expect(periodContaining(qn, '2026-11-14').id).toBe('2026');
  });

  it('accepts the twelve months of a monthly kind and nothing else', () => {
    const month = { kind: 'month' } as const;
    expect(periodOf(month, '2026-01', false)).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(periodOf(month, '2026-12', false)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    for (const id of ['2026-00', '2026-13', '2026', '2026-Q1'])
      expect(
        issueOf(() => periodOf(month, id, false)),
        id,
      ).toEqual({
        field: 'period',
        code: 'invalid_period',
        message: { vi: 'Kỳ báo cáo phải có dạng YYYY-MM', en: 'The period must look like YYYY-MM' },
      });
  });

  it('tells which shapes a period may have: the kind’s own, and a range of days where ad hoc reports are allowed', () => {
    const shapes = { month: 'YYYY-MM', quarter: 'YYYY-Qn', 'half-year': 'YYYY-Hn', year: 'YYYY' } as const;
    for (const [kind, shape] of Object.entries(shapes)) {
      const rule = { kind } as { kind: keyof typeof shapes };
      expect(issueOf(() => periodOf(rule, 'soon', false))?.message, kind).toEqual({
        vi: `Kỳ báo cáo phải có dạng ${shape}`,
        en: `The period must look like ${shape}`,
      });
      expect(issueOf(() => periodOf(rule, 'soon', true))?.message, kind).toEqual({
        vi: `Kỳ báo cáo phải có dạng ${shape} hoặc YYYY-MM-DD..YYYY-MM-DD`,
        en: `The period must look like ${shape} or YYYY-MM-DD..YYYY-MM-DD`,
      });
    }
    expect(issueOf(() => periodOf({ kind: 'year-to', month: 12, day: 10 }, '2026-12', false))?.message.en).toBe(
      'The period must look like YYYY',
    );
    expect(issueOf(() => periodOf({ kind: 'month' }, '2026-13', false, 'body.period'))?.field).toBe('body.period');
  });

  it('takes an ad hoc range of one day up to 366, naming it from..to, and says why it refuses another', () => {
    expect(adHocPeriod('2026-03-01', '2026-03-01')).toEqual({
      id: '2026-03-01..2026-03-01',
      from: '2026-03-01',
      to: '2026-03-01',
      startsAt: '2026-02-28T17:00:00.000Z',
      endsAt: '2026-03-01T17:00:00.000Z',
    });
    const notADate = { vi: 'Ngày không hợp lệ', en: 'Not a valid date' };
    expect(issueOf(() => adHocPeriod('2026-02-01', '2026-02-30'))?.message).toEqual(notADate);
    expect(issueOf(() => adHocPeriod('2026-02-29', '2026-03-31'))?.message).toEqual(notADate);
    expect(issueOf(() => adHocPeriod('2026-3-1', '2026-03-31'))?.message).toEqual(notADate);
    expect(issueOf(() => adHocPeriod('2026-03-02', '2026-03-01'))?.message).toEqual({
      vi: 'Ngày cuối không được trước ngày đầu',
      en: 'The last day must not be before the first',
    });
    expect(issueOf(() => adHocPeriod('2025-01-01', '2026-01-02', 'body.period'))).toEqual({
      field: 'body.period',
      code: 'invalid_period',
      message: { vi: `Tối đa ${MAX_PERIOD_DAYS} ngày`, en: `At most ${MAX_PERIOD_DAYS} days` },
    });
  });
});
