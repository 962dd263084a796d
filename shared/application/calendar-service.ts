import { calendarData, CalendarRangeError, DeadlineCalculator, WorkingCalendar } from '../domain/calendar';
import { invalidField } from '../domain/errors';
import type { CalendarConfigRepository } from '../adapters/dynamo/calendar-config';
import type { Env } from '../config/env';

/**
 * The calendar in force: shipped data plus what operators configured. The stored configuration
 * is kept in the function for CONFIG_TTL_MS (a change reaches every function within that time,
 * and at once in the function that made it); the built calendar is reused while it is unchanged.
 */
export const CONFIG_TTL_MS = 30_000;

export interface CalendarService {
  readonly repository: CalendarConfigRepository;
  /** The calendar in force, rebuilt only when the stored configuration changed. */
  current(nowMs?: number): Promise<WorkingCalendar>;
  /** Deadlines in working days and hours over the calendar in force. */
  deadlines(): Promise<DeadlineCalculator>;
  /** Forgets the cached configuration (after this runtime changed it). */
  invalidate(): void;
}

/** One runtime's calendar, built by its composition root: the cache lives as long as the root's services. */
export function createCalendarService(
  repository: CalendarConfigRepository,
  workingHours: Env['WORKING_HOURS'],
): CalendarService {
  const cache: { entry?: { fingerprint: string; calendar: WorkingCalendar; loadedAt: number } } = {};
  const current = async (nowMs = Date.now()) => {
    const cached = cache.entry;
    if (cached && nowMs - cached.loadedAt < CONFIG_TTL_MS) return cached.calendar;
    const stored = await repository.load();
    cache.entry =
      !cached || cached.fingerprint !== stored.fingerprint
        ? { fingerprint: stored.fingerprint, calendar: new WorkingCalendar(calendarData(stored)), loadedAt: nowMs }
        : { ...cached, loadedAt: nowMs };
    return cache.entry.calendar;
  };
  return {
    repository,
    current,
    deadlines: async () => new DeadlineCalculator(await current(), { workingHours, utcOffsetMinutes: 7 * 60 }),
    invalidate: () => {
      if (cache.entry) cache.entry = { ...cache.entry, loadedAt: -Infinity };
    },
  };
}

/** Runs `compute`, turning a year outside the calendar's range into a 400 on `field`. */
export function withinCalendarRange<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw invalidField(
        field,
        {
          vi: `Năm ${error.year} nằm ngoài phạm vi lịch 1900–2100`,
          en: `Year ${error.year} is outside the calendar's range 1900–2100`,
        },
        'out_of_range',
      );
    }
    throw error;
  }
}
