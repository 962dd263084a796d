import type { LocalizedText } from '../text';
import { isoWeekday, toIsoDate, WEEKDAY_NAMES, type DayNumber } from './civil-date';
import type { WorkingCalendar, NonWorkingReason } from './working-calendar';

/**
 * Deadlines counted as the Civil Code counts them (Bộ luật Dân sự 2015):
 * - the day of the event is not counted; counting starts the next day (Điều 147.2);
 * - a period ends at the end (24:00) of its last day (Điều 148.1, 148.6);
 * - a period in calendar days that ends on a day off ends with the next working day (Điều 148.5).
 * A receipt outside working hours or on a day off counts as received on the next working day
 * (before opening on a working day: that same day).
 */
export interface WorkingHours {
  /** Minutes after local midnight. */
  readonly start: number;
  readonly end: number;
}

export interface CalendarSettings {
  readonly workingHours: WorkingHours;
  /** Vietnam has kept UTC+7 without daylight saving since 1975. */
  readonly utcOffsetMinutes: number;
}

export const defaultCalendarSettings: CalendarSettings = {
  workingHours: { start: 7 * 60 + 30, end: 17 * 60 },
  utcOffsetMinutes: 7 * 60,
};

export type SkipReason = 'receipt-day' | 'outside-hours' | 'weekend' | 'holiday' | 'compensatory' | 'bridge';

export interface SkippedDay {
  readonly date: string;
  readonly weekday: LocalizedText;
  readonly kind: SkipReason;
  readonly reason: LocalizedText;
  readonly basis?: string;
}

export interface Deadline {
  readonly receivedAt: string;
  readonly receivedLocal: string;
  /** The day deemed the day of receipt (not itself counted). */
  readonly receiptDay: string;
  readonly unit: 'workingDays' | 'calendarDays';
  readonly amount: number;
  readonly dueDate: string;
  /** The instant the period ends: 24:00 local of the due date. */
  readonly dueAt: string;
  /**
   * The same instant in local time, RFC 3339: 24:00 of the due date is written as 00:00 of the
   * next day (`T24:00:00` is ISO 8601 but no RFC 3339 parser reads it).
   */
  readonly dueAtLocal: string;
  /** For people: "24:00 ngày 24/02/2026" / "24:00 on 24 Feb 2026 (end of day)". */
  readonly dueLocalText: LocalizedText;
  readonly countedDays: readonly string[];
  readonly skippedDays: readonly SkippedDay[];
  readonly basis: readonly string[];
}

const MS_PER_DAY = 86_400_000;

const weekdayOf = (day: DayNumber): LocalizedText => {
  const w = isoWeekday(day);
  return { vi: WEEKDAY_NAMES.vi[w]!, en: WEEKDAY_NAMES.en[w]! };
};

function skipped(day: DayNumber, reason: NonWorkingReason): SkippedDay {
  if (reason.kind === 'weekend') {
    return {
      date: toIsoDate(day),
      weekday: weekdayOf(day),
      kind: 'weekend',
      reason: { vi: 'Ngày nghỉ hằng tuần', en: 'Weekly rest day' },
      basis: 'BLLĐ 2019 Điều 111',
    };
  }
  return { date: toIsoDate(day), weekday: weekdayOf(day), kind: reason.kind, reason: reason.name, basis: reason.basis };
}

const pad = (n: number) => String(n).padStart(2, '0');

export class DeadlineCalculator {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly settings: CalendarSettings = defaultCalendarSettings,
  ) {}

  private localParts(instant: Date): { day: DayNumber; minutes: number } {
    const local = instant.getTime() + this.settings.utcOffsetMinutes * 60_000;
    const day = Math.floor(local / MS_PER_DAY);
    return { day, minutes: Math.floor((local - day * MS_PER_DAY) / 60_000) };
  }

  private localIso(instant: Date): string {
    const offset = this.settings.utcOffsetMinutes;
    const shifted = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset >= 0 ? '+' : '-';
    return `${shifted}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }

  /** The end (24:00 local) of `day`, as an instant. */
  endOf(day: DayNumber): Date {
    return new Date((day + 1) * MS_PER_DAY - this.settings.utcOffsetMinutes * 60_000);
  }

  private result(
    receivedAt: Date,
    receiptDay: DayNumber,
    unit: Deadline['unit'],
    amount: number,
    due: DayNumber,
    counted: DayNumber[],
    skips: SkippedDay[],
    basis: string[],
  ): Deadline {
    const end = this.endOf(due);
    const [y, m, d] = toIsoDate(due).split('-');
    const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
    return {
      receivedAt: receivedAt.toISOString(),
      receivedLocal: this.localIso(receivedAt),
      receiptDay: toIsoDate(receiptDay),
      unit,
      amount,
      dueDate: toIsoDate(due),
      dueAt: end.toISOString(),
      dueAtLocal: this.localIso(end),
      dueLocalText: { vi: `24:00 ngày ${d}/${m}/${y}`, en: `24:00 on ${Number(d)} ${month} ${y} (end of day)` },
      countedDays: counted.map(toIsoDate),
      skippedDays: skips,
      basis,
    };
  }

  /** `workingDays` working days from a receipt at `receivedAt`. */
  addWorkingDays(receivedAt: Date, workingDays: number): Deadline {
    const { day: localDay, minutes } = this.localParts(receivedAt);
    const { start, end } = this.settings.workingHours;
    const skips: SkippedDay[] = [];
    const basis = ['BLDS 2015 Điều 147.2', 'BLDS 2015 Điều 148.1', 'BLDS 2015 Điều 148.6'];

    let receiptDay = localDay;
    const reason = this.calendar.nonWorkingReason(localDay);
    if (reason || minutes >= end) {
      if (reason) skips.push(skipped(localDay, reason));
      else {
        skips.push({
          date: toIsoDate(localDay),
          weekday: weekdayOf(localDay),
          kind: 'outside-hours',
          reason: {
            vi: 'Tiếp nhận sau giờ làm việc: tính là nhận vào ngày làm việc tiếp theo',
            en: 'Received after working hours: counts as received on the next working day',
          },
        });
      }
      receiptDay = this.nextWorkingDay(localDay, skips);
      basis.push('Giờ làm việc / working hours');
    } else if (minutes < start) {
      basis.push('Giờ làm việc / working hours');
    }
    skips.push({
      date: toIsoDate(receiptDay),
      weekday: weekdayOf(receiptDay),
      kind: 'receipt-day',
      reason: { vi: 'Ngày tiếp nhận không tính vào thời hạn', en: 'The day of receipt is not counted' },
      basis: 'BLDS 2015 Điều 147.2',
    });

    const counted: DayNumber[] = [];
    let day = receiptDay;
    while (counted.length < workingDays) {
      day += 1;
      const why = this.calendar.nonWorkingReason(day);
      if (why) skips.push(skipped(day, why));
      else counted.push(day);
    }
    return this.result(receivedAt, receiptDay, 'workingDays', workingDays, day, counted, skips, basis);
  }

  /**
   * `workingDays` working days after an event on a date (an issue date, an announcement, an
   * approval): the event's day is not counted and counting starts the next day, whatever day the
   * event fell on (BLDS 2015 Điều 147.2) — unlike a receipt, a Saturday issue date is not moved to
   * Monday first. Zero days end with the event's day, or the next working day if it is a day off.
   */
  addWorkingDaysAfter(eventDay: DayNumber, workingDays: number): Deadline {
    const skips: SkippedDay[] = [
      {
        date: toIsoDate(eventDay),
        weekday: weekdayOf(eventDay),
        kind: 'receipt-day',
        reason: { vi: 'Ngày xảy ra sự kiện không tính vào thời hạn', en: 'The day of the event is not counted' },
        basis: 'BLDS 2015 Điều 147.2',
      },
    ];
    const basis = ['BLDS 2015 Điều 147.2', 'BLDS 2015 Điều 148.1', 'BLDS 2015 Điều 148.6'];
    const counted: DayNumber[] = [];
    let day = eventDay;
    if (workingDays === 0 && !this.calendar.isWorkingDay(day)) {
      day = this.nextWorkingDay(day, skips, true);
      basis.push('BLDS 2015 Điều 148.5');
    }
    while (counted.length < workingDays) {
      day += 1;
      const why = this.calendar.nonWorkingReason(day);
      if (why) skips.push(skipped(day, why));
      else counted.push(day);
    }
    const start = new Date(eventDay * MS_PER_DAY - this.settings.utcOffsetMinutes * 60_000);
    return this.result(start, eventDay, 'workingDays', workingDays, day, counted, skips, basis);
  }

  /** `days` calendar days from an event at `at`; a last day that is a day off moves to the next working day. */
  addCalendarDays(at: Date, days: number): Deadline {
    const { day: eventDay } = this.localParts(at);
    const skips: SkippedDay[] = [
      {
        date: toIsoDate(eventDay),
        weekday: weekdayOf(eventDay),
        kind: 'receipt-day',
        reason: { vi: 'Ngày xảy ra sự kiện không tính vào thời hạn', en: 'The day of the event is not counted' },
        basis: 'BLDS 2015 Điều 147.2',
      },
    ];
    const counted = Array.from({ length: days }, (_, i) => eventDay + i + 1);
    let due = eventDay + days;
    const basis = ['BLDS 2015 Điều 147.2', 'BLDS 2015 Điều 148.1', 'BLDS 2015 Điều 148.6'];
    if (days > 0 && !this.calendar.isWorkingDay(due)) {
      due = this.nextWorkingDay(due, skips, true);
      basis.push('BLDS 2015 Điều 148.5');
    }
    return this.result(at, eventDay, 'calendarDays', days, due, counted, skips, basis);
  }

  /** The first working day after `day`; every day passed over (and `day` itself when asked) is recorded. */
  private nextWorkingDay(day: DayNumber, skips: SkippedDay[], includeFirst = false): DayNumber {
    if (includeFirst) {
      const first = this.calendar.nonWorkingReason(day);
      // Stryker disable next-line ConditionalExpression: only asked for a day known to be off, which always has a reason
      if (first) skips.push(skipped(day, first));
    }
    let next = day + 1;
    for (let why = this.calendar.nonWorkingReason(next); why; why = this.calendar.nonWorkingReason(next)) {
      skips.push(skipped(next, why));
      next += 1;
    }
    return next;
  }
}
