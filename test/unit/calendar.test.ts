import { describe, expect, it } from 'vitest';
import {
  calendarData,
  dayNumber,
  leapMonthOf,
  lunarToSolar,
  shippedCalendar,
  solarToLunar,
  tet,
  toIsoDate,
  WorkingCalendar,
  CalendarRangeError,
} from '../../shared/domain/calendar';
import tetTable from '../fixtures/tet-1900-2100.json';

const iso = toIsoDate;

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('finds Tết 2025 and 2026', () => {
    expect(iso(tet(2025))).toBe('2025-01-29');
    expect(iso(tet(2026))).toBe('2026-02-17');
  });

  it('differs from the Chinese (UTC+8) calendar where the meridian matters', () => {
    expect(iso(tet(1985))).toBe('1985-01-21'); // China: 1985-02-20
    expect(iso(tet(2007))).toBe('2007-02-17'); // China: 2007-02-18
    expect(iso(tet(2030))).toBe('2030-02-02'); // China: 2030-02-03
  });

  it('knows the leap sixth month of 2025', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(solarToLunar(dayNumber(2025, 7, 25))).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar(dayNumber(2025, 6, 25))).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(solarToLunar(dayNumber(2025, 8, 23))).toEqual({ day: 1, month: 7, year: 2025, leap: false });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe(dayNumber(2025, 7, 25));
    expect(lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toBeUndefined();
  });

  it('puts Giỗ Tổ (10/3 lunar) on 2025-04-07 and 2026-04-26', () => {
    expect(iso(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })!)).toBe('2025-04-07');
    expect(iso(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })!)).toBe('2026-04-26');
  });

  it('agrees with an independent table of Tết dates and leap months for 1900–2100', () => {
    // The table records the calendar as used; before the 1967 reform Vietnam reckoned in UTC+8
    // and in these two years the new moon fell within minutes of midnight (solar eclipses of
    // 1916-02-03 and 1925-01-24), where the historical calendar and the lunar theory part ways.
    const knownHistoricalDifferences = [1916, 1925];
    const tetDiffs: number[] = [];
    const leapDiffs: number[] = [];
    for (const row of tetTable.years) {
      const ours = tet(row.year);
      if (iso(ours) !== row.tet) {
        tetDiffs.push(row.year);
        expect(Math.abs(ours - dayNumber(...(row.tet.split('-').map(Number) as [number, number, number])))).toBe(1);
      }
      if (leapMonthOf(row.year) !== row.leapMonth) leapDiffs.push(row.year);
    }
    expect(tetTable.years).toHaveLength(201);
    expect(tetDiffs).toEqual(knownHistoricalDifferences);
    expect(leapDiffs).toEqual([]);
  });

  it('round-trips every day from 1900 to 2100 through the lunar calendar', () => {
    let checked = 0;
    for (let d = dayNumber(1900, 2, 1); d <= dayNumber(2100, 12, 31); d += 1) {
      const lunar = solarToLunar(d);
      if (lunarToSolar(lunar) !== d) throw new Error(`round trip fails at ${iso(d)}: ${JSON.stringify(lunar)}`);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(73_000);
  });
});

describe('working calendar', () => {
  const calendar = shippedCalendar();
  const off = (y: number, m: number, d: number) => !calendar.isWorkingDay(dayNumber(y, m, d));

  it('applies the official 2026 schedule, working Saturdays included', () => {
    expect(off(2026, 1, 1)).toBe(true);
    expect(off(2026, 1, 2)).toBe(true);
    expect(off(2026, 1, 10)).toBe(false); // Saturday worked
    expect(off(2026, 8, 22)).toBe(false); // Saturday worked
    expect(off(2026, 8, 31)).toBe(true);
    for (let d = 14; d <= 22; d++) expect(off(2026, 2, d)).toBe(true);
    expect(off(2026, 2, 23)).toBe(false);
    expect(off(2026, 4, 27)).toBe(true); // Giỗ Tổ on Sunday 26/4, given on Monday
  });

  it('applies the official 2025 schedule', () => {
    for (let d = 25; d <= 31; d++) expect(off(2025, 1, d)).toBe(true);
    expect(off(2025, 2, 3)).toBe(false);
    expect(off(2025, 4, 7)).toBe(true);
    expect(off(2025, 4, 26)).toBe(false);
    expect(off(2025, 5, 2)).toBe(true);
  });

  it('computes a year without a schedule from the Labour Code, moving weekend holidays (Điều 111.3)', () => {
    const year = calendar.year(2027);
    expect(year.source.kind).toBe('holiday-rules');
    const days = year.daysOff.map((d) => `${iso(d.date)} ${d.kind}`);
    // 1/5/2027 is a Saturday: given on Monday 3/5.
    expect(days).toContain('2027-05-01 holiday');
    expect(days).toContain('2027-05-03 compensatory');
    // Tết 2027 (mùng 1 = 6/2): the last day of the old year and mùng 1–4.
    expect(iso(tet(2027))).toBe('2027-02-06');
    expect(off(2027, 2, 5)).toBe(true);
    expect(off(2027, 2, 9)).toBe(true);
    // mùng 1 (Sat) and mùng 2 (Sun) are given on the next working days after the window.
    expect(off(2027, 2, 10)).toBe(true);
    expect(off(2027, 2, 11)).toBe(true);
    expect(off(2027, 2, 12)).toBe(false);
  });

  it('lists pending holidays without counting them, and counts them once in force', () => {
    expect(calendar.year(2027).pending.map((p) => iso(p.date))).toEqual(['2027-11-24']);
    expect(off(2027, 11, 24)).toBe(false);
    const inForce = new WorkingCalendar(
      calendarData({
        rules: [
          {
            id: 'vietnamese-culture-day',
            name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
            date: { calendar: 'solar', month: 11, day: 24 },
            basis: 'Nghị quyết (giả định trong kiểm thử)',
            status: 'in-force',
          },
        ],
      }),
    );
    expect(inForce.isWorkingDay(dayNumber(2027, 11, 24))).toBe(false);
  });

  it('refuses years outside 1900–2100', () => {
    expect(() => calendar.year(1899)).toThrow(CalendarRangeError);
    expect(() => calendar.year(2101)).toThrow(CalendarRangeError);
  });
});
