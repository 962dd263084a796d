import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  dayNumber,
  DeadlineCalculator,
  parseIsoDate,
  shippedCalendar,
  type SkippedDay,
} from '../../shared/domain/calendar';

/**
 * Deadlines (BLDS 2015 Điều 147–148): worked examples, then the rules at their edges: working hours to the minute,
 * the first and last instant of a day, weekend holidays, working Saturdays, the ends of the 1900–2100 range, and
 * the exact explanation (reason and legal basis) of every day the count passes over.
 */
const at = (local: string) => new Date(`${local}+07:00`);
const deadlines = new DeadlineCalculator(shippedCalendar());

const CIVIL_CODE = ['BLDS 2015 Điều 147.2', 'BLDS 2015 Điều 148.1', 'BLDS 2015 Điều 148.6'];
const WORKING_HOURS = 'Giờ làm việc / working hours';

const weekdays = {
  Mon: { vi: 'Thứ Hai', en: 'Monday' },
  Tue: { vi: 'Thứ Ba', en: 'Tuesday' },
  Wed: { vi: 'Thứ Tư', en: 'Wednesday' },
  Thu: { vi: 'Thứ Năm', en: 'Thursday' },
  Fri: { vi: 'Thứ Sáu', en: 'Friday' },
  Sat: { vi: 'Thứ Bảy', en: 'Saturday' },
  Sun: { vi: 'Chủ nhật', en: 'Sunday' },
} as const;
type Weekday = keyof typeof weekdays;

const receiptDay = (date: string, weekday: Weekday): SkippedDay => ({
  date,
  weekday: weekdays[weekday],
  kind: 'receipt-day',
  reason: { vi: 'Ngày tiếp nhận không tính vào thời hạn', en: 'The day of receipt is not counted' },
  basis: 'BLDS 2015 Điều 147.2',
});
const eventDay = (date: string, weekday: Weekday): SkippedDay => ({
  date,
  weekday: weekdays[weekday],
  kind: 'receipt-day',
  reason: { vi: 'Ngày xảy ra sự kiện không tính vào thời hạn', en: 'The day of the event is not counted' },
  basis: 'BLDS 2015 Điều 147.2',
});
const weekend = (date: string, weekday: 'Sat' | 'Sun'): SkippedDay => ({
  date,
  weekday: weekdays[weekday],
  kind: 'weekend',
  reason: { vi: 'Ngày nghỉ hằng tuần', en: 'Weekly rest day' },
  basis: 'BLLĐ 2019 Điều 111',
});
const afterHours = (date: string, weekday: Weekday): SkippedDay => ({
  date,
  weekday: weekdays[weekday],
  kind: 'outside-hours',
  reason: {
    vi: 'Tiếp nhận sau giờ làm việc: tính là nhận vào ngày làm việc tiếp theo',
    en: 'Received after working hours: counts as received on the next working day',
  },
});
const dayOff = (
  date: string,
  weekday: Weekday,
  kind: SkippedDay['kind'],
  vi: string,
  en: string,
  basis: string,
): SkippedDay => ({
  date,
  weekday: weekdays[weekday],
  kind,
  reason: { vi, en },
  basis,
});

describe('deadlines (BLDS 2015 Điều 147–148), worked examples', () => {
  it('Thu 12/02/2026 10:00 + 3 working days → end of Tue 24/02/2026', () => {
    const due = deadlines.addWorkingDays(at('2026-02-12T10:00:00'), 3);
    expect(due.dueDate).toBe('2026-02-24');
    expect(due.dueAt).toBe('2026-02-24T17:00:00.000Z');
    expect(due.countedDays).toEqual(['2026-02-13', '2026-02-23', '2026-02-24']);
    const skipped = due.skippedDays.map((s) => `${s.date} ${s.kind}`);
    expect(skipped).toContain('2026-02-12 receipt-day');
    expect(skipped).toContain('2026-02-14 weekend');
    expect(skipped).toContain('2026-02-17 holiday');
    expect(due.skippedDays.find((s) => s.date === '2026-02-17')!.reason.vi).toBe('Tết Âm lịch');
  });

  it('Sat 14/02/2026 + 1 → end of Tue 24/02/2026 (received on a day off counts from the next working day)', () => {
    const due = deadlines.addWorkingDays(at('2026-02-14T09:00:00'), 1);
    expect(due.receiptDay).toBe('2026-02-23');
    expect(due.dueDate).toBe('2026-02-24');
  });

  it('Fri 24/04/2026 09:00 + 1 → end of Tue 28/04/2026 (Giỗ Tổ given on Monday)', () => {
    const due = deadlines.addWorkingDays(at('2026-04-24T09:00:00'), 1);
    expect(due.dueDate).toBe('2026-04-28');
    expect(due.skippedDays.find((s) => s.date === '2026-04-27')!.kind).toBe('compensatory');
  });

  it('Fri 21/08/2026 09:00 + 1 → end of Sat 22/08/2026 (a working Saturday)', () => {
    expect(deadlines.addWorkingDays(at('2026-08-21T09:00:00'), 1).dueDate).toBe('2026-08-22');
  });

  it('counts a receipt after 17:00 from the next working day, and one before 07:30 from that day', () => {
    expect(deadlines.addWorkingDays(at('2026-03-05T17:30:00'), 1).dueDate).toBe('2026-03-09');
    expect(deadlines.addWorkingDays(at('2026-03-05T06:00:00'), 1).dueDate).toBe('2026-03-06');
    expect(deadlines.addWorkingDays(at('2026-03-05T16:59:00'), 1).dueDate).toBe('2026-03-06');
  });

  it('ends a calendar-day period on a day off with the next working day (Điều 148.5)', () => {
    const due = deadlines.addCalendarDays(at('2026-04-23T10:00:00'), 3); // → Sun 26/4 → Mon off → Tue 28/4
    expect(due.dueDate).toBe('2026-04-28');
    expect(due.basis).toContain('BLDS 2015 Điều 148.5');
  });

  it('reads instants in Vietnam time whatever the offset given', () => {
    // 2026-02-12T20:00Z is 03:00 on Fri 13/02 in Hà Nội: before opening, so Friday is the receipt day.
    expect(deadlines.addWorkingDays(new Date('2026-02-12T20:00:00Z'), 1).dueDate).toBe('2026-02-23');
  });
});

describe('a working-day deadline, field by field', () => {
  it('Thu 05/03/2026 10:00 + 2 working days → end of Mon 09/03/2026, the weekend explained', () => {
    expect(deadlines.addWorkingDays(at('2026-03-05T10:00:00'), 2)).toStrictEqual({
      receivedAt: '2026-03-05T03:00:00.000Z',
      receivedLocal: '2026-03-05T10:00:00+07:00',
      receiptDay: '2026-03-05',
      unit: 'workingDays',
      amount: 2,
      dueDate: '2026-03-09',
      dueAt: '2026-03-09T17:00:00.000Z',
      dueAtLocal: '2026-03-10T00:00:00+07:00',
      dueLocalText: { vi: '24:00 ngày 09/03/2026', en: '24:00 on 9 Mar 2026 (end of day)' },
      countedDays: ['2026-03-06', '2026-03-09'],
      skippedDays: [receiptDay('2026-03-05', 'Thu'), weekend('2026-03-07', 'Sat'), weekend('2026-03-08', 'Sun')],
      basis: CIVIL_CODE,
    });
  });

  it('0 working days ends with the day of receipt', () => {
    const due = deadlines.addWorkingDays(at('2026-03-05T10:00:00'), 0);
    expect(due.dueDate).toBe('2026-03-05');
    expect(due.countedDays).toEqual([]);
    expect(due.skippedDays).toStrictEqual([receiptDay('2026-03-05', 'Thu')]);
  });

  it('gives the end of a day as 24:00 local', () => {
    expect(deadlines.endOf(dayNumber(2026, 3, 9)).toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(deadlines.endOf(dayNumber(1900, 1, 1)).toISOString()).toBe('1900-01-01T17:00:00.000Z');
  });
});

describe('working hours 07:30–17:00, to the millisecond', () => {
  it('counts a receipt at 16:59:59.999 on that day', () => {
    const due = deadlines.addWorkingDays(at('2026-03-05T16:59:59.999'), 1);
    expect(due.receiptDay).toBe('2026-03-05');
    expect(due.dueDate).toBe('2026-03-06');
    expect(due.basis).toStrictEqual(CIVIL_CODE);
    expect(due.skippedDays).toStrictEqual([receiptDay('2026-03-05', 'Thu')]);
  });

  it('counts a receipt at exactly 17:00 from the next working day, and says why', () => {
    const due = deadlines.addWorkingDays(at('2026-03-05T17:00:00'), 1);
    expect(due.receivedLocal).toBe('2026-03-05T17:00:00+07:00');
    expect(due.receiptDay).toBe('2026-03-06');
    expect(due.dueDate).toBe('2026-03-09');
    expect(due.basis).toStrictEqual([...CIVIL_CODE, WORKING_HOURS]);
    expect(due.skippedDays).toStrictEqual([
      afterHours('2026-03-05', 'Thu'),
      receiptDay('2026-03-06', 'Fri'),
      weekend('2026-03-07', 'Sat'),
      weekend('2026-03-08', 'Sun'),
    ]);
  });

  it('treats the last instant of a day (23:59:59.999) as after hours', () => {
    const due = deadlines.addWorkingDays(at('2026-03-05T23:59:59.999'), 1);
    expect(due.receiptDay).toBe('2026-03-06');
    expect(due.skippedDays[0]).toStrictEqual(afterHours('2026-03-05', 'Thu'));
  });

  it('treats the first instant of a working day (00:00) as before opening: that day is the day of receipt', () => {
    const due = deadlines.addWorkingDays(at('2026-03-06T00:00:00'), 1);
    expect(due.receiptDay).toBe('2026-03-06');
    expect(due.dueDate).toBe('2026-03-09');
    expect(due.basis).toStrictEqual([...CIVIL_CODE, WORKING_HOURS]);
    expect(due.skippedDays[0]).toStrictEqual(receiptDay('2026-03-06', 'Fri'));
  });

  it('cites the working hours for a receipt at 07:29:59 but not at 07:30:00', () => {
    const early = deadlines.addWorkingDays(at('2026-03-05T07:29:59'), 1);
    expect(early.receiptDay).toBe('2026-03-05');
    expect(early.basis).toStrictEqual([...CIVIL_CODE, WORKING_HOURS]);
    const opening = deadlines.addWorkingDays(at('2026-03-05T07:30:00'), 1);
    expect(opening.receiptDay).toBe('2026-03-05');
    expect(opening.basis).toStrictEqual(CIVIL_CODE);
  });

  it('reads the working hours and offset from the settings', () => {
    const custom = new DeadlineCalculator(shippedCalendar(), {
      workingHours: { start: 8 * 60, end: 16 * 60 + 30 },
      utcOffsetMinutes: 0,
    });
    const inHours = custom.addWorkingDays(new Date('2026-03-05T16:29:00Z'), 1);
    expect(inHours.receivedLocal).toBe('2026-03-05T16:29:00+00:00');
    expect(inHours.dueAt).toBe('2026-03-07T00:00:00.000Z');
    expect(inHours.dueAtLocal).toBe('2026-03-07T00:00:00+00:00');
    expect(custom.addWorkingDays(new Date('2026-03-05T16:30:00Z'), 1).receiptDay).toBe('2026-03-06');
    expect(custom.addWorkingDays(new Date('2026-03-05T07:59:00Z'), 1).basis).toContain(WORKING_HOURS);
    expect(custom.addWorkingDays(new Date('2026-03-05T08:00:00Z'), 1).basis).toStrictEqual(CIVIL_CODE);
  });

  it('writes negative and half-hour offsets in local times', () => {
    const west = new DeadlineCalculator(shippedCalendar(), {
      workingHours: { start: 0, end: 24 * 60 },
      utcOffsetMinutes: -90,
    });
    const due = west.addWorkingDays(new Date('2026-03-05T12:00:00Z'), 1);
    expect(due.receivedLocal).toBe('2026-03-05T10:30:00-01:30');
    expect(due.dueAtLocal).toBe('2026-03-07T00:00:00-01:30');
    expect(due.dueAt).toBe('2026-03-07T01:30:00.000Z');
    const india = new DeadlineCalculator(shippedCalendar(), {
      workingHours: { start: 0, end: 24 * 60 },
      utcOffsetMinutes: 330,
    });
    expect(india.addWorkingDays(new Date('2026-03-05T04:30:00Z'), 1).receivedLocal).toBe('2026-03-05T10:00:00+05:30');
    expect(india.addWorkingDays(new Date('2026-03-05T04:30:00Z'), 1).dueAtLocal).toBe('2026-03-07T00:00:00+05:30');
  });
});

describe('days off passed over, each with its reason and legal basis', () => {
  it('a receipt on a weekend counts from Monday, the weekend explained', () => {
    const due = deadlines.addWorkingDays(at('2026-03-07T10:00:00'), 1);
    expect(due.receiptDay).toBe('2026-03-09');
    expect(due.basis).toStrictEqual([...CIVIL_CODE, WORKING_HOURS]);
    expect(due.skippedDays).toStrictEqual([
      weekend('2026-03-07', 'Sat'),
      weekend('2026-03-08', 'Sun'),
      receiptDay('2026-03-09', 'Mon'),
    ]);
    expect(due.countedDays).toEqual(['2026-03-10']);
  });

  it('a holiday on a weekend is given on the next working day (BLLĐ 2019 Điều 111.3), from the rules of 2027', () => {
    // 1/5/2027 is a Saturday; 30/4 a Friday.
    const due = deadlines.addWorkingDays(at('2027-04-29T10:00:00'), 1);
    expect(due.dueDate).toBe('2027-05-04');
    expect(due.skippedDays).toStrictEqual([
      receiptDay('2027-04-29', 'Thu'),
      dayOff('2027-04-30', 'Fri', 'holiday', 'Ngày Chiến thắng 30/4', 'Reunification Day', 'BLLĐ 2019 Điều 112.1c'),
      dayOff(
        '2027-05-01',
        'Sat',
        'holiday',
        'Ngày Quốc tế lao động',
        'International Labour Day',
        'BLLĐ 2019 Điều 112.1d',
      ),
      weekend('2027-05-02', 'Sun'),
      dayOff(
        '2027-05-03',
        'Mon',
        'compensatory',
        'Nghỉ bù Ngày Quốc tế lao động',
        'International Labour Day (in lieu)',
        'BLLĐ 2019 Điều 111.3; BLLĐ 2019 Điều 112.1d',
      ),
    ]);
  });

  it('a working Saturday counts, and a receipt on it is received that day', () => {
    expect(deadlines.addWorkingDays(at('2026-08-21T09:00:00'), 1).countedDays).toEqual(['2026-08-22']);
    const onSaturday = deadlines.addWorkingDays(at('2026-08-22T10:00:00'), 1);
    expect(onSaturday.receiptDay).toBe('2026-08-22');
    expect(onSaturday.skippedDays).toStrictEqual([receiptDay('2026-08-22', 'Sat'), weekend('2026-08-23', 'Sun')]);
    expect(onSaturday.dueDate).toBe('2026-08-24');
  });

  it('the bridge day and National Day of 2026, from the official schedule', () => {
    const due = deadlines.addWorkingDays(at('2026-08-28T10:00:00'), 1);
    expect(due.dueDate).toBe('2026-09-03');
    expect(due.skippedDays.slice(1)).toStrictEqual([
      weekend('2026-08-29', 'Sat'),
      weekend('2026-08-30', 'Sun'),
      dayOff(
        '2026-08-31',
        'Mon',
        'bridge',
        'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)',
        'Bridge day (worked on Sat 22/8)',
        'BLLĐ 2019 Điều 112.3',
      ),
      dayOff(
        '2026-09-01',
        'Tue',
        'holiday',
        'Quốc khánh (ngày liền kề)',
        'National Day (adjacent day)',
        'BLLĐ 2019 Điều 112.1đ',
      ),
      dayOff('2026-09-02', 'Wed', 'holiday', 'Quốc khánh', 'National Day', 'BLLĐ 2019 Điều 112.1đ'),
    ]);
  });

  it('a receipt after hours before a holiday skips both, explaining each', () => {
    const due = deadlines.addWorkingDays(at('2026-04-29T18:00:00'), 1); // Wed; 30/4 and 1/5 off
    expect(due.receiptDay).toBe('2026-05-04');
    expect(due.skippedDays.map((s) => `${s.date} ${s.kind}`)).toEqual([
      '2026-04-29 outside-hours',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-05-02 weekend',
      '2026-05-03 weekend',
      '2026-05-04 receipt-day',
    ]);
  });
});

describe('calendar-day periods (BLDS 2015 Điều 148.5)', () => {
  it('Thu 23/04/2026 + 3 calendar days ends on Sunday 26/4, a holiday: moved past the day in lieu to Tue 28/4', () => {
    expect(deadlines.addCalendarDays(at('2026-04-23T10:00:00'), 3)).toStrictEqual({
      receivedAt: '2026-04-23T03:00:00.000Z',
      receivedLocal: '2026-04-23T10:00:00+07:00',
      receiptDay: '2026-04-23',
      unit: 'calendarDays',
      amount: 3,
      dueDate: '2026-04-28',
      dueAt: '2026-04-28T17:00:00.000Z',
      dueAtLocal: '2026-04-29T00:00:00+07:00',
      dueLocalText: { vi: '24:00 ngày 28/04/2026', en: '24:00 on 28 Apr 2026 (end of day)' },
      countedDays: ['2026-04-24', '2026-04-25', '2026-04-26'],
      skippedDays: [
        eventDay('2026-04-23', 'Thu'),
        dayOff(
          '2026-04-26',
          'Sun',
          'holiday',
          'Giỗ Tổ Hùng Vương (Chủ nhật)',
          "Hùng Kings' Commemoration (Sunday)",
          'BLLĐ 2019 Điều 112.1e',
        ),
        dayOff(
          '2026-04-27',
          'Mon',
          'compensatory',
          'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)',
          "Hùng Kings' Day in lieu (26/4 is a Sunday)",
          'BLLĐ 2019 Điều 111.3, 112.1e',
        ),
      ],
      basis: [...CIVIL_CODE, 'BLDS 2015 Điều 148.5'],
    });
  });

  it('a period ending on a Saturday records the Saturday and the Sunday', () => {
    const due = deadlines.addCalendarDays(at('2026-03-05T10:00:00'), 2);
    expect(due.dueDate).toBe('2026-03-09');
    expect(due.skippedDays.slice(1)).toStrictEqual([weekend('2026-03-07', 'Sat'), weekend('2026-03-08', 'Sun')]);
  });

  it('a period ending on a working day is not moved, whatever the hour of the event', () => {
    const due = deadlines.addCalendarDays(at('2026-03-05T23:00:00'), 1);
    expect(due.dueDate).toBe('2026-03-06');
    expect(due.basis).toStrictEqual(CIVIL_CODE);
    expect(due.skippedDays).toStrictEqual([eventDay('2026-03-05', 'Thu')]);
  });

  it('0 calendar days ends with the day of the event, even a day off', () => {
    const due = deadlines.addCalendarDays(at('2026-03-08T10:00:00'), 0);
    expect(due.dueDate).toBe('2026-03-08');
    expect(due.countedDays).toEqual([]);
    expect(due.basis).toStrictEqual(CIVIL_CODE);
  });

  it('takes the event day in Vietnam time', () => {
    expect(deadlines.addCalendarDays(new Date('2026-03-04T20:00:00Z'), 1).receiptDay).toBe('2026-03-05');
  });
});

describe('the ends of the 1900–2100 range', () => {
  it('counts from the first days of 1900 (New Year’s Day by the Labour Code rules)', () => {
    const due = deadlines.addWorkingDays(at('1900-01-01T10:00:00'), 1);
    expect(due.receivedLocal).toBe('1900-01-01T10:00:00+07:00');
    expect(due.receiptDay).toBe('1900-01-02');
    expect(due.dueDate).toBe('1900-01-03');
    expect(due.dueAt).toBe('1900-01-03T17:00:00.000Z');
    expect(due.skippedDays[0]).toStrictEqual(
      dayOff('1900-01-01', 'Mon', 'holiday', 'Tết Dương lịch', "New Year's Day", 'BLLĐ 2019 Điều 112.1a'),
    );
    expect(deadlines.addWorkingDays(at('1900-01-01T00:00:00'), 0).receiptDay).toBe('1900-01-02');
  });

  it('counts up to the last working day of 2100 and refuses to run past it', () => {
    expect(deadlines.addWorkingDays(at('2100-12-30T10:00:00'), 1).dueDate).toBe('2100-12-31');
    expect(deadlines.addCalendarDays(at('2100-12-30T10:00:00'), 1).dueDate).toBe('2100-12-31');
    expect(() => deadlines.addWorkingDays(at('2100-12-31T10:00:00'), 1)).toThrow(CalendarRangeError);
    expect(() => deadlines.addWorkingDays(at('2100-12-31T18:00:00'), 0)).toThrow(CalendarRangeError);
    expect(() => deadlines.addWorkingDays(at('1899-12-31T10:00:00'), 1)).toThrow(CalendarRangeError);
  });
});

describe('working days after a date an item carries (BLDS 2015 Điều 147.2, 148.5)', () => {
  const countedAfter = (date: string, days: number) => deadlines.addWorkingDaysAfter(parseIsoDate(date)!, days);

  it('a document issued Sat 07/03/2026 + 2 working days: Mon and Tue counted, due at the end of Tue 10/03', () => {
    expect(countedAfter('2026-03-07', 2)).toStrictEqual({
      receivedAt: '2026-03-06T17:00:00.000Z',
      receivedLocal: '2026-03-07T00:00:00+07:00',
      receiptDay: '2026-03-07',
      unit: 'workingDays',
      amount: 2,
      dueDate: '2026-03-10',
      dueAt: '2026-03-10T17:00:00.000Z',
      dueAtLocal: '2026-03-11T00:00:00+07:00',
      dueLocalText: { vi: '24:00 ngày 10/03/2026', en: '24:00 on 10 Mar 2026 (end of day)' },
      countedDays: ['2026-03-09', '2026-03-10'],
      // The event's own day is not counted and not moved first, unlike a receipt on a Saturday.
      skippedDays: [eventDay('2026-03-07', 'Sat'), weekend('2026-03-08', 'Sun')],
      basis: CIVIL_CODE,
    });
  });

  it('0 working days end with the event’s day, or the next working day when it is a day off (148.5)', () => {
    expect(countedAfter('2026-03-09', 0)).toMatchObject({ dueDate: '2026-03-09', countedDays: [], basis: CIVIL_CODE });
    const sunday = countedAfter('2026-03-08', 0);
    expect(sunday.dueDate).toBe('2026-03-09');
    expect(sunday.basis).toStrictEqual([...CIVIL_CODE, 'BLDS 2015 Điều 148.5']);
    expect(sunday.skippedDays).toStrictEqual([eventDay('2026-03-08', 'Sun'), weekend('2026-03-08', 'Sun')]);
  });
});
