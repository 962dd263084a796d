import { proposedHolidays, statutoryHolidays, type HolidayRule } from './holiday-rules';
import { shippedSchedules, type OfficialSchedule } from './official-schedules';
import { WorkingCalendar } from './working-calendar';

export * from './civil-date';
export * from './lunar';
export * from './holiday-rules';
export * from './official-schedules';
export * from './working-calendar';
export * from './deadlines';

/**
 * The calendar data in force: shipped rules and schedules, replaced or extended by what
 * operators configured (a configured rule or year replaces the shipped one with the same id/year).
 */
export function calendarData(
  configured: { rules?: readonly HolidayRule[]; schedules?: readonly OfficialSchedule[] } = {},
) {
  const rules = new Map([...statutoryHolidays, ...proposedHolidays].map((r) => [r.id, r]));
  for (const rule of configured.rules ?? []) rules.set(rule.id, rule);
  const schedules = new Map(shippedSchedules.map((s) => [s.year, s]));
  for (const schedule of configured.schedules ?? []) schedules.set(schedule.year, schedule);
  return { rules: [...rules.values()], schedules: [...schedules.values()] };
}

export const shippedCalendar = () => new WorkingCalendar(calendarData());
export * from './ics';
