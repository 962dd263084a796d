/**
 * The Vietnamese lunisolar calendar, computed astronomically for UTC+7.
 *
 * Month starts are the days (local time) of the new moons; the month containing the winter
 * solstice is month 11; a year with 13 months repeats the first month that contains no major
 * solar term. The algorithm is Hồ Ngọc Đức's (2004), built on Jean Meeus, "Astronomical
 * Algorithms" (1998). Vietnam has reckoned the lunar calendar in UTC+7 since the reform of
 * 1967 (first applied to Tết Mậu Thân 1968); before that, like China, in UTC+8. The meridian moves
 * Tết in some years (1985, 2007, 2030 …), so Chinese libraries will not do.
 */
import { civil, dayNumber, type DayNumber } from './civil-date';

export const VIETNAM_TIME_ZONE_HOURS = 7;
/** Lunar years before this one were reckoned in UTC+8. */
export const FIRST_UTC7_LUNAR_YEAR = 1968;
const zoneOfLunarYear = (year: number) => (year < FIRST_UTC7_LUNAR_YEAR ? 8 : VIETNAM_TIME_ZONE_HOURS);
const SYNODIC_MONTH = 29.530588853;
const JDN_OFFSET = 2440588; // Julian day number of 1970-01-01
const { floor, sin, PI } = Math;

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

const toJdn = (day: DayNumber) => day + JDN_OFFSET;
const fromJdn = (jdn: number): DayNumber => jdn - JDN_OFFSET;

/** Julian day (fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
  c1 -= 0.0004 * sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun (radians, 0..2π) at Julian day `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  const omega = 125.04 - 1934.136 * T;
  let lambda = (L0 + DL - 0.00569 - 0.00478 * sin(omega * dr)) * dr;
  lambda -= PI * 2 * floor(lambda / (PI * 2));
  return lambda;
}

/** Major solar term (0..11) in force at local midnight starting day `jdn`. */
const sunSegment = (jdn: number, tz: number) => floor((sunLongitude(jdn - 0.5 - tz / 24) / PI) * 6);

/** Julian day number of the local day on which the k-th new moon falls. */
const newMoonDay = (k: number, tz: number) => floor(newMoon(k) + 0.5 + tz / 24);

/**
 * Start (JDN) of lunar month 11, the month of the winter solstice of solar year `year`. Every
 * conversion asks for two or three of these, so each (year, zone) is computed once.
 */
const month11Starts = new Map<string, number>(); // ≤ 2 zones × the 1899–2101 years the calendar asks for
function month11(year: number, tz: number): number {
  const key = `${year}:${tz}`;
  let start = month11Starts.get(key);
  // Stryker disable next-line ConditionalExpression: computing again gives the same start, only slower
  if (start === undefined) {
    start = computeMonth11(year, tz);
    // Stryker disable next-line CallExpression: without the cache every call computes the start again: slower, same result
    month11Starts.set(key, start);
  }
  return start;
}

function computeMonth11(year: number, tz: number): number {
  const off = toJdn(dayNumber(year, 12, 31)) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunSegment(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Months after month 11 (starting at a11) until the first month without a major term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSegment(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSegment(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Offset 1 repeats month 11, 2 repeats month 12, 3 repeats month 1 … */
const repeatedMonth = (leapOff: number) => ((leapOff + 10 - 1) % 12) + 1;

export function solarToLunar(day: DayNumber): LunarDate {
  const first = solarToLunarIn(day, VIETNAM_TIME_ZONE_HOURS);
  // Dates of lunar years before the reform follow UTC+8.
  return first.year < FIRST_UTC7_LUNAR_YEAR ? solarToLunarIn(day, 8) : first;
}

function solarToLunarIn(day: DayNumber, tz: number): LunarDate {
  const jdn = toJdn(day);
  const { year } = civil(day);
  let k = floor((jdn - 2415021.076998695) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, tz);
  // The estimate of k can be one month late near a month boundary.
  while (monthStart > jdn) monthStart = newMoonDay(--k, tz);
  let a11 = month11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = month11(year + 1, tz);
  }
  const lunarDay = jdn - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month, year: lunarYear, leap };
}

/** The solar day of a lunar date, or undefined when no such date exists (e.g. a leap month that year lacks). */
export function lunarToSolar(date: LunarDate): DayNumber | undefined {
  const { day, month, year, leap } = date;
  if (day < 1 || day > 30 || month < 1 || month > 12) return undefined;
  const tz = zoneOfLunarYear(year);
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = month11(year - 1, tz);
    b11 = month11(year, tz);
  } else {
    a11 = month11(year, tz);
    b11 = month11(year + 1, tz);
  }
  const k = floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    if (leap && month !== repeatedMonth(leapOff)) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const monthStart = newMoonDay(k + off, tz);
  const result = fromJdn(monthStart + day - 1);
  // Day 30 of a 29-day month does not exist.
  const back = solarToLunar(result);
  return back.month === month && back.leap === leap && back.day === day ? result : undefined;
}

/** Tết Nguyên đán (day 1 of month 1) of lunar year `year`. */
export const tet = (year: number): DayNumber => lunarToSolar({ day: 1, month: 1, year, leap: false })!;

/** The leap month of lunar year `year`, or 0 when the year has 12 months. */
export function leapMonthOf(year: number): number {
  const tz = zoneOfLunarYear(year);
  // Months 1–10 of `year` lie in the window that starts at month 11 of the previous solar year,
  // months 11–12 in the window that starts in `year` itself.
  const windows: Array<[number, readonly number[]]> = [
    [year - 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    [year, [11, 12]],
  ];
  for (const [from, months] of windows) {
    const a11 = month11(from, tz);
    if (month11(from + 1, tz) - a11 <= 365) continue;
    const month = repeatedMonth(leapMonthOffset(a11, tz));
    if (months.includes(month)) return month;
  }
  return 0;
}
