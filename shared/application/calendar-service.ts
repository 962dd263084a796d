import { calendarData, CalendarRangeError, DeadlineCalculator, WorkingCalendar } from '../domain/calendar';
import { invalidField } from '../domain/errors';
import { CalendarConfigRepository } from '../adapters/dynamo/calendar-config';
import { documentClient } from '../adapters/aws-clients';
import { env } from '../config/env';

/**
 * The calendar in force: shipped data plus what operators configured. The stored configuration
 * is kept in the function for CONFIG_TTL_MS (a change reaches every function within that time,
 * and at once in the function that made it); the built calendar is reused while it is unchanged.
 */
export const CONFIG_TTL_MS = 30_000;

let repository: CalendarConfigRepository | undefined;
let cached: { fingerprint: string; calendar: WorkingCalendar; loadedAt: number } | undefined;

export const calendarRepository = () => (repository ??= new CalendarConfigRepository(documentClient(), env().TABLE_NAME));

/** Forgets the cached configuration (after this function changed it). */
export function invalidateCalendar(): void {
  if (cached) cached = { ...cached, loadedAt: -Infinity };
}

export async function currentCalendar(nowMs = Date.now()): Promise<WorkingCalendar> {
  if (cached && nowMs - cached.loadedAt < CONFIG_TTL_MS) return cached.calendar;
  const stored = await calendarRepository().load();
  if (!cached || cached.fingerprint !== stored.fingerprint) {
    cached = { fingerprint: stored.fingerprint, calendar: new WorkingCalendar(calendarData(stored)), loadedAt: nowMs };
  } else {
    cached = { ...cached, loadedAt: nowMs };
  }
  return cached.calendar;
}

export async function currentDeadlines(): Promise<DeadlineCalculator> {
  return new DeadlineCalculator(await currentCalendar(), {
    workingHours: env().WORKING_HOURS,
    utcOffsetMinutes: 7 * 60,
  });
}

/** Runs `compute`, turning a year outside the calendar's range into a 400 on `field`. */
export function withinCalendarRange<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw invalidField(
        field,
        { vi: `Năm ${error.year} nằm ngoài phạm vi lịch 1900–2100`, en: `Year ${error.year} is outside the calendar's range 1900–2100` },
        'out_of_range',
      );
    }
    throw error;
  }
}
