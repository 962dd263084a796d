import { describe, expect, it } from 'vitest';
import {
  calendarData,
  CalendarRangeError,
  dayNumber,
  lunarToSolar,
  shippedCalendar,
  toIsoDate,
  WorkingCalendar,
  type HolidayDate,
  type HolidayRule,
  type OfficialSchedule,
} from '../../shared/domain/calendar';
import { assertConsistentSchedule } from '../../shared/domain/calendar/official-schedules';
import { DomainError } from '../../shared/domain/errors';

/** How a year's days off are built from holiday rules or an official schedule (refused when inconsistent), through the public calendar. */
const refusal = (f: () => void): DomainError => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};
const rule = (id: string, date: HolidayDate, extra: Partial<HolidayRule> = {}): HolidayRule => ({
  id,
  name: { vi: `Ngày ${id}`, en: `${id} day` },
  date,
  basis: `Căn cứ ${id}`,
  status: 'in-force',
  ...extra,
});
const solar = (month: number, day: number): HolidayDate => ({ calendar: 'solar', month, day });
const calendarOf = (rules: HolidayRule[], schedules: OfficialSchedule[] = []) =>
  new WorkingCalendar({ rules, schedules });
const daysOff = (calendar: WorkingCalendar, year: number) =>
  calendar.year(year).daysOff.map((d) => `${toIsoDate(d.date)} ${d.kind}`);

describe('days off from holiday rules', () => {
  it('a solar date, with its name and basis', () => {
    const year = calendarOf([rule('a', solar(1, 5))]).year(2027);
    expect(year.source).toStrictEqual({ kind: 'holiday-rules' });
    expect(year.daysOff).toStrictEqual([
      { date: dayNumber(2027, 1, 5), kind: 'holiday', name: { vi: 'Ngày a', en: 'a day' }, basis: 'Căn cứ a' },
    ]);
    expect(year.workingSaturdays).toEqual([]);
  });

  it('a solar date a year lacks (29/2) gives nothing that year', () => {
    const calendar = calendarOf([rule('leap', solar(2, 29))]);
    expect(daysOff(calendar, 2027)).toEqual([]);
    expect(daysOff(calendar, 2028)).toEqual(['2028-02-29 holiday']);
  });

  it('a lunar date falls in the solar year where it lands, from either lunar year', () => {
    const calendar = calendarOf([rule('late', { calendar: 'lunar', month: 12, day: 20 })]);
    expect(daysOff(calendar, 2027)).toEqual([
      `${toIsoDate(lunarToSolar({ day: 20, month: 12, year: 2026, leap: false })!)} holiday`,
    ]);
    expect(daysOff(calendar, 2027)).toEqual(['2027-01-27 holiday']);
    expect(daysOff(calendar, 2028)).toEqual(['2028-01-16 holiday', '2028-01-17 compensatory']); // a Sunday
  });

  it('does not reckon lunar years before 1900, the start of the range', () => {
    expect(daysOff(calendarOf([rule('late', { calendar: 'lunar', month: 12, day: 20 })]), 1900)).toEqual([]);
    expect(daysOff(calendarOf([rule('gio-to', { calendar: 'lunar', month: 3, day: 10 })]), 1900)).toEqual([
      '1900-04-09 holiday',
    ]);
  });

  it('a Tết window: days before mùng 1 and days from it', () => {
    // Tết 2028 is Wednesday 26/1.
    expect(daysOff(calendarOf([rule('tet', { calendar: 'tet', daysBefore: 2, daysAfter: 3 })]), 2028)).toEqual([
      '2028-01-24 holiday',
      '2028-01-25 holiday',
      '2028-01-26 holiday',
      '2028-01-27 holiday',
      '2028-01-28 holiday',
    ]);
    expect(daysOff(calendarOf([rule('tet', { calendar: 'tet', daysBefore: 0, daysAfter: 1 })]), 2028)).toEqual([
      '2028-01-26 holiday',
    ]);
  });

  it('adjacent days after the date, a Saturday among them given on Monday', () => {
    const calendar = calendarOf([rule('qk', solar(9, 2), { adjacent: { direction: 'after', days: 2 } })]);
    expect(daysOff(calendar, 2027)).toEqual([
      '2027-09-02 holiday',
      '2027-09-03 holiday',
      '2027-09-04 holiday',
      '2027-09-06 compensatory',
    ]);
    expect(calendar.year(2027).daysOff[3]).toStrictEqual({
      date: dayNumber(2027, 9, 6),
      kind: 'compensatory',
      name: { vi: 'Nghỉ bù Ngày qk', en: 'qk day (in lieu)' },
      basis: 'BLLĐ 2019 Điều 111.3; Căn cứ qk',
    });
  });

  it('adjacent days before the date', () => {
    const calendar = calendarOf([rule('qk', solar(9, 2), { adjacent: { direction: 'before', days: 2 } })]);
    expect(daysOff(calendar, 2027)).toEqual(['2027-08-31 holiday', '2027-09-01 holiday', '2027-09-02 holiday']);
  });

  it('moves a Saturday and a Sunday holiday to Monday and Tuesday, each under its own name, in date order', () => {
    // 6/3/2027 is a Saturday; rules listed in reverse order.
    const year = calendarOf([rule('sun', solar(3, 7)), rule('sat', solar(3, 6))]).year(2027);
    expect(year.daysOff.map((d) => `${toIsoDate(d.date)} ${d.kind} ${d.name.en}`)).toEqual([
      '2027-03-06 holiday sat day',
      '2027-03-07 holiday sun day',
      '2027-03-08 compensatory sat day (in lieu)',
      '2027-03-09 compensatory sun day (in lieu)',
    ]);
  });

  it('gives a weekend holiday on the first weekday that is not already off', () => {
    const calendar = calendarOf([rule('sat', solar(3, 6)), rule('mon', solar(3, 8))]);
    expect(daysOff(calendar, 2027)).toEqual(['2027-03-06 holiday', '2027-03-08 holiday', '2027-03-09 compensatory']);
    expect(calendar.isWorkingDay(dayNumber(2027, 3, 10))).toBe(true);
  });

  it('keeps the first rule naming a date', () => {
    const year = calendarOf([rule('first', solar(1, 5)), rule('second', solar(1, 5))]).year(2027);
    expect(year.daysOff.map((d) => d.name.en)).toEqual(['first day']);
  });

  it('applies a rule only from its first to its last year, both included', () => {
    const from = calendarOf([rule('from', solar(1, 5), { fromYear: 2028 })]);
    expect(daysOff(from, 2027)).toEqual([]);
    expect(daysOff(from, 2028)).toEqual(['2028-01-05 holiday']);
    const to = calendarOf([rule('to', solar(1, 5), { toYear: 2027 })]);
    expect(daysOff(to, 2027)).toEqual(['2027-01-05 holiday']);
    expect(daysOff(to, 2028)).toEqual([]);
  });

  it('lists a pending rule without counting it, within its years', () => {
    const pending = rule('p', solar(1, 5), { status: 'pending', fromYear: 2028 });
    const calendar = calendarOf([pending]);
    expect(calendar.year(2028).daysOff).toEqual([]);
    expect(calendar.isWorkingDay(dayNumber(2028, 1, 5))).toBe(true);
    expect(calendar.year(2028).pending).toStrictEqual([
      { id: 'p', date: dayNumber(2028, 1, 5), name: pending.name, basis: 'Căn cứ p' },
    ]);
    expect(calendar.year(2027).pending).toEqual([]);
  });

  it('builds a year once', () => {
    const calendar = calendarOf([rule('a', solar(1, 5))]);
    expect(calendar.year(2027)).toBe(calendar.year(2027));
  });
});

describe('days off from an official schedule', () => {
  const schedule: OfficialSchedule = {
    year: 2027,
    source: 'Quyết định (kiểm thử)',
    daysOff: [
      { date: '2027-01-04', kind: 'bridge', name: { vi: 'Hoán đổi', en: 'Bridge' }, basis: 'BLLĐ 2019 Điều 112.3' },
      {
        date: '2027-01-01',
        kind: 'holiday',
        name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
        basis: 'BLLĐ 2019 Điều 112.1a',
      },
    ],
    workingSaturdays: [{ date: '2027-01-09', replaces: '2027-01-04', basis: 'BLLĐ 2019 Điều 112.3' }],
  };

  it('replaces the rules for its year only, days sorted, working Saturdays kept', () => {
    const calendar = calendarOf([rule('a', solar(1, 5))], [schedule]);
    const year = calendar.year(2027);
    expect(year.source).toStrictEqual({ kind: 'official-schedule', reference: 'Quyết định (kiểm thử)' });
    expect(year.daysOff).toStrictEqual([
      {
        date: dayNumber(2027, 1, 1),
        kind: 'holiday',
        name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
        basis: 'BLLĐ 2019 Điều 112.1a',
      },
      {
        date: dayNumber(2027, 1, 4),
        kind: 'bridge',
        name: { vi: 'Hoán đổi', en: 'Bridge' },
        basis: 'BLLĐ 2019 Điều 112.3',
      },
    ]);
    expect(year.workingSaturdays).toStrictEqual([
      { date: dayNumber(2027, 1, 9), replaces: dayNumber(2027, 1, 4), basis: 'BLLĐ 2019 Điều 112.3' },
    ]);
    expect(calendar.isWorkingDay(dayNumber(2027, 1, 5))).toBe(true);
    expect(calendar.isWorkingDay(dayNumber(2028, 1, 5))).toBe(false);
    expect(calendar.isWorkingDay(dayNumber(2027, 1, 9))).toBe(true);
    expect(calendar.isWorkingDay(dayNumber(2027, 1, 16))).toBe(false);
  });

  it('names an impossible date in a schedule', () => {
    const bad = { ...schedule, daysOff: [{ ...schedule.daysOff[0]!, date: '2027-02-30' }] };
    expect(() => calendarOf([], [bad]).year(2027)).toThrow('Invalid date 2027-02-30 in the 2027 schedule');
    const badSaturday = { ...schedule, workingSaturdays: [{ date: '2027-01-09', replaces: '2027-13-01', basis: 'x' }] };
    expect(() => calendarOf([], [badSaturday]).year(2027)).toThrow('Invalid date 2027-13-01 in the 2027 schedule');
  });

  it('lets configured schedules and rules replace the shipped ones by year and id', () => {
    const data = calendarData({ schedules: [{ year: 2026, source: 'x', daysOff: [], workingSaturdays: [] }] });
    const calendar = new WorkingCalendar(data);
    expect(calendar.isWorkingDay(dayNumber(2026, 1, 2))).toBe(true);
    expect(calendar.isWorkingDay(dayNumber(2025, 5, 2))).toBe(false);
    expect(data.rules.map((r) => r.id)).toContain('new-year');
    expect(calendarData().rules.map((r) => r.id)).toEqual([
      'new-year',
      'tet',
      'victory-day',
      'labour-day',
      'national-day',
      'hung-kings',
      'vietnamese-culture-day',
    ]);
    expect(calendarData().schedules.map((s) => s.year)).toEqual([2025, 2026]);
  });
});

describe('an official schedule is refused when inconsistent, naming the day', () => {
  const day = (date: string) => ({ date });

  it('refuses a day off listed twice, naming its second place', () => {
    const error = refusal(() =>
      assertConsistentSchedule({
        daysOff: [day('2026-09-02'), day('2026-09-01'), day('2026-09-02')] as never,
        workingSaturdays: [],
      }),
    );
    expect(error.fields).toEqual([
      {
        field: 'daysOff.2.date',
        code: 'duplicate',
        message: { vi: 'Ngày nghỉ 2026-09-02 bị liệt kê hai lần', en: 'Day off 2026-09-02 is listed twice' },
      },
    ]);
  });

  it('refuses a working Saturday that is no Saturday, that is a day off, or that is listed twice', () => {
    const wednesday = refusal(() =>
      assertConsistentSchedule({ daysOff: [], workingSaturdays: [day('2026-08-19')] as never }),
    );
    expect(wednesday.fields).toEqual([
      {
        field: 'workingSaturdays.0.date',
        code: 'not_saturday',
        message: { vi: '2026-08-19 không phải thứ Bảy', en: '2026-08-19 is not a Saturday' },
      },
    ]);
    const both = refusal(() =>
      assertConsistentSchedule({
        daysOff: [day('2026-08-22')] as never,
        workingSaturdays: [day('2026-08-22')] as never,
      }),
    );
    expect(both.fields[0]).toMatchObject({
      field: 'workingSaturdays.0.date',
      code: 'day_off',
      message: { en: '2026-08-22 is both a day off and a working Saturday' },
    });
    const twice = refusal(() =>
      assertConsistentSchedule({
        daysOff: [],
        workingSaturdays: [day('2026-08-22'), day('2026-08-29'), day('2026-08-22')] as never,
      }),
    );
    expect(twice.fields[0]).toMatchObject({
      field: 'workingSaturdays.2.date',
      code: 'duplicate',
      message: { vi: 'Ngày làm bù 2026-08-22 bị liệt kê hai lần' },
    });
  });

  it('takes a consistent schedule', () => {
    expect(() =>
      assertConsistentSchedule({
        daysOff: [day('2026-09-01'), day('2026-09-02')] as never,
        workingSaturdays: [day('2026-08-22')] as never,
      }),
    ).not.toThrow();
  });
});

describe('why a day is not a working day', () => {
  const calendar = shippedCalendar();

  it('names weekends, holidays and days in lieu, and nothing for a working day or working Saturday', () => {
    expect(calendar.nonWorkingReason(dayNumber(2026, 3, 7))).toStrictEqual({
      kind: 'weekend',
      name: { vi: 'Thứ Bảy', en: 'Saturday' },
    });
    expect(calendar.nonWorkingReason(dayNumber(2026, 3, 8))).toStrictEqual({
      kind: 'weekend',
      name: { vi: 'Chủ nhật', en: 'Sunday' },
    });
    expect(calendar.nonWorkingReason(dayNumber(2026, 3, 6))).toBeUndefined();
    expect(calendar.nonWorkingReason(dayNumber(2026, 8, 22))).toBeUndefined();
    expect(calendar.nonWorkingReason(dayNumber(2026, 4, 27))).toStrictEqual({
      kind: 'compensatory',
      name: { vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', en: "Hùng Kings' Day in lieu (26/4 is a Sunday)" },
      basis: 'BLLĐ 2019 Điều 111.3, 112.1e',
    });
    expect(calendar.isWorkingDay(dayNumber(2026, 3, 6))).toBe(true);
    expect(calendar.isWorkingDay(dayNumber(2026, 3, 7))).toBe(false);
  });
});

describe('the 1900–2100 range', () => {
  const calendar = shippedCalendar();

  it('builds its first and last years', () => {
    expect(calendar.year(1900).year).toBe(1900);
    expect(calendar.year(2100).year).toBe(2100);
    expect(calendar.isWorkingDay(dayNumber(1900, 1, 1))).toBe(false);
    expect(calendar.isWorkingDay(dayNumber(2100, 12, 31))).toBe(true);
  });

  it('refuses the years around it, and years that are not whole', () => {
    for (const year of [1899, 2101, 2000.5]) {
      expect(() => calendar.year(year)).toThrow(CalendarRangeError);
    }
    const error = (() => {
      try {
        calendar.year(1899);
      } catch (e) {
        return e as CalendarRangeError;
      }
    })();
    expect(error?.year).toBe(1899);
    expect(error?.message).toBe('Year 1899 is outside 1900–2100');
    expect(() => calendar.nonWorkingReason(dayNumber(2101, 1, 1))).toThrow(CalendarRangeError);
  });
});
