import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  DeadlineCalculator,
  parseIsoDate,
  shippedCalendar,
  toIsoDate,
  type DayNumber,
} from '../../shared/domain/calendar';

/**
 * Invariants of the working-day count that need no oracle, over receipts from 1990 to 2089
 * (every minute of the day, days off and schedule years included). numRuns keeps the file at a
 * few seconds: the cost is building each year's calendar once.
 */
const calendar = shippedCalendar();
const deadlines = new DeadlineCalculator(calendar);
const OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;
const OPENING = 7 * 60 + 30;
const CLOSING = 17 * 60;

const dayOf = (iso: string): DayNumber => parseIsoDate(iso)!;
/** A local wall-clock instant: `minute` minutes after local midnight of `day`. */
const localInstant = (day: DayNumber, minute: number) => new Date(day * MS_PER_DAY + minute * 60_000 - OFFSET_MS);
const nextWorkingDayAfter = (day: DayNumber) => {
  let next = day + 1;
  while (!calendar.isWorkingDay(next)) next += 1;
  return next;
};

const days = fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2089, 12, 1) });
const minutes = fc.integer({ min: 0, max: 24 * 60 - 1 });
const receipts = fc
  .tuple(days, minutes, fc.integer({ min: 0, max: 59_999 }))
  .map(([day, minute, ms]) => new Date(localInstant(day, minute).getTime() + ms));
const amounts = fc.integer({ min: 0, max: 60 });
const params = { numRuns: 250 };

describe('working-day deadlines: properties', () => {
  it('a due instant always ends (24:00 local) a working day', () => {
    fc.assert(
      fc.property(receipts, fc.integer({ min: 1, max: 60 }), (receivedAt, n) => {
        const due = deadlines.addWorkingDays(receivedAt, n);
        const dueDay = dayOf(due.dueDate);
        expect(calendar.isWorkingDay(dueDay)).toBe(true);
        expect(Date.parse(due.dueAt)).toBe((dueDay + 1) * MS_PER_DAY - OFFSET_MS);
        expect(due.countedDays).toHaveLength(n);
        expect(due.countedDays.at(-1)).toBe(due.dueDate);
        expect(due.countedDays.every((d) => calendar.isWorkingDay(dayOf(d)))).toBe(true);
      }),
      params,
    );
  });

  it('adding n working days and then m equals adding n + m from the same receipt', () => {
    fc.assert(
      fc.property(receipts, amounts, amounts, (receivedAt, n, m) => {
        const first = deadlines.addWorkingDays(receivedAt, n);
        // "Then m": counted from the first due date, as a receipt during its working hours.
        const then = deadlines.addWorkingDays(localInstant(dayOf(first.dueDate), 12 * 60), m);
        const whole = deadlines.addWorkingDays(receivedAt, n + m);
        expect(then.dueDate).toBe(whole.dueDate);
        expect([...first.countedDays, ...then.countedDays]).toEqual(whole.countedDays);
      }),
      params,
    );
  });

  it('the due date never moves earlier as n grows: one more working day, a later due date', () => {
    fc.assert(
      fc.property(receipts, amounts, (receivedAt, n) => {
        const due = deadlines.addWorkingDays(receivedAt, n).dueDate;
        const later = deadlines.addWorkingDays(receivedAt, n + 1).dueDate;
        expect(later > due).toBe(true);
        expect(toIsoDate(nextWorkingDayAfter(dayOf(due)))).toBe(later);
      }),
      params,
    );
  });

  it('a receipt outside working hours counts from the next working day (before opening on a working day: that day)', () => {
    const outside = fc.oneof(fc.integer({ min: 0, max: OPENING - 1 }), fc.integer({ min: CLOSING, max: 24 * 60 - 1 }));
    fc.assert(
      fc.property(days, outside, amounts, (day, minute, n) => {
        const due = deadlines.addWorkingDays(localInstant(day, minute), n);
        const receiptDay = minute < OPENING && calendar.isWorkingDay(day) ? day : nextWorkingDayAfter(day);
        expect(due.receiptDay).toBe(toIsoDate(receiptDay));
        expect(due.dueDate).toBe(deadlines.addWorkingDays(localInstant(receiptDay, 12 * 60), n).dueDate);
        expect(due.basis).toContain('Giờ làm việc / working hours');
      }),
      params,
    );
  });

  it('a receipt on a day off counts from the next working day, whatever the hour', () => {
    fc.assert(
      fc.property(days, minutes, amounts, (day, minute, n) => {
        fc.pre(!calendar.isWorkingDay(day));
        const due = deadlines.addWorkingDays(localInstant(day, minute), n);
        expect(due.receiptDay).toBe(toIsoDate(nextWorkingDayAfter(day)));
        expect(due.skippedDays[0]?.date).toBe(toIsoDate(day));
        expect(due.skippedDays[0]?.kind).not.toBe('receipt-day');
      }),
      { numRuns: 50 },
    );
  });
});
