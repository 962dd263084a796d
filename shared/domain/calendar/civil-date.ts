/**
 * Civil (wall-calendar) dates as day numbers: days since 1970-01-01, proleptic Gregorian.
 * Integer arithmetic keeps the calendar fast and free of time-zone surprises.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export const dayNumber = (year: number, month: number, day: number): DayNumber =>
  Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);

export function civil(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: DayNumber): number => ((((day + 3) % 7) + 7) % 7) + 1;

export const toIsoDate = (day: DayNumber): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (no 2026-02-30). */
export function parseIsoDate(value: string): DayNumber | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(y, mo, d);
  const back = civil(n);
  // Stryker disable ConditionalExpression: a month or day that rolls over (13, 30/02) also moves the year or the month, so neither test decides alone
  const same = back.month === mo && back.day === d;
  // Stryker restore ConditionalExpression
  return back.year === y && same ? n : undefined;
}

export const WEEKDAY_NAMES = {
  vi: ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;
