import { calendarData, CalendarRangeError, DeadlineCalculator, WorkingCalendar } from '../domain/calendar';
import { invalidField } from '../domain/errors';
import { CalendarConfigRepository } from '../adapters/dynamo/calendar-config';
import { documentClient } from '../adapters/aws-clients';
import { env } from '../config/env';

/**
 * The calendar in force: shipped data plus what operators configured. The stored configuration
 * is read on every call (one small query); the built calendar is reused while it is unchanged.
 */
let repository: CalendarConfigRepository | undefined;
let cached: { fingerprint: string; calendar: WorkingCalendar } | undefined;

export const calendarRepository = () => (repository ??= new CalendarConfigRepository(documentClient(), env().TABLE_NAME));

export async function currentCalendar(): Promise<WorkingCalendar> {
  const stored = await calendarRepository().load();
  if (!cached || cached.fingerprint !== stored.fingerprint) {
    cached = { fingerprint: stored.fingerprint, calendar: new WorkingCalendar(calendarData(stored)) };
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
