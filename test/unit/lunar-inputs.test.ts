import { describe, expect, it } from 'vitest';
import { dayNumber, lunarToSolar, solarToLunar } from '../../shared/domain/calendar';

/** Lunar dates that do not exist: out-of-range fields, day 30 of a short month, a leap month the year lacks. */
const lunar = (day: number, month: number, year = 2026, leap = false) => ({ day, month, year, leap });

describe('lunar dates that do not exist', () => {
  it('refuses days outside 1–30 and months outside 1–12', () => {
    for (const date of [lunar(0, 1), lunar(31, 1), lunar(1, 0), lunar(1, 13), lunar(-1, 5), lunar(15, 14)]) {
      expect(lunarToSolar(date), JSON.stringify(date)).toBeUndefined();
    }
    expect(lunarToSolar(lunar(1, 1))).toBe(dayNumber(2026, 2, 17));
    expect(lunarToSolar(lunar(30, 1))).toBe(dayNumber(2026, 3, 18));
    expect(lunarToSolar(lunar(1, 12))).toBeDefined();
  });

  it('refuses day 30 of a 29-day month', () => {
    expect(lunarToSolar(lunar(29, 2))).toBeDefined();
    expect(lunarToSolar(lunar(30, 2))).toBeUndefined();
    expect(lunarToSolar(lunar(30, 12))).toBeUndefined();
  });

  it('refuses a leap month in a year without one, and any month but the repeated one in a leap year', () => {
    expect(lunarToSolar(lunar(1, 6, 2026, true))).toBeUndefined();
    expect(lunarToSolar(lunar(1, 4, 2028, true))).toBeUndefined();
    const leapFifth = lunarToSolar(lunar(1, 5, 2028, true))!;
    expect(solarToLunar(leapFifth)).toStrictEqual(lunar(1, 5, 2028, true));
    expect(leapFifth - lunarToSolar(lunar(1, 5, 2028))!).toBeGreaterThanOrEqual(29);
  });
});
