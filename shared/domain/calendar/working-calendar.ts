import type { LocalizedText } from '../text';
import { civil, isoWeekday, parseIsoDate, WEEKDAY_NAMES, type DayNumber } from './civil-date';
import { lunarToSolar, tet } from './lunar';
import type { HolidayRule } from './holiday-rules';
import type { OfficialSchedule } from './official-schedules';

/**
 * Which days are working days for civil servants (Monday–Friday, less holidays, plus the
 * Saturdays worked in exchange), built per year from an official schedule where there is one
 * and from the holiday rules otherwise.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export type DayOffKind = 'holiday' | 'compensatory' | 'bridge';

export interface DayOff {
  readonly date: DayNumber;
  readonly kind: DayOffKind;
  readonly name: LocalizedText;
  readonly basis: string;
}

export interface WorkingSaturday {
  readonly date: DayNumber;
  readonly replaces: DayNumber;
  readonly basis: string;
}

export interface PendingHoliday {
  readonly id: string;
  readonly date: DayNumber;
  readonly name: LocalizedText;
  readonly basis: string;
}

export interface YearCalendar {
  readonly year: number;
  readonly source:
    | { readonly kind: 'official-schedule'; readonly reference: string }
    | { readonly kind: 'holiday-rules' };
  readonly daysOff: readonly DayOff[];
  readonly workingSaturdays: readonly WorkingSaturday[];
  readonly pending: readonly PendingHoliday[];
}

export interface CalendarData {
  readonly rules: readonly HolidayRule[];
  readonly schedules: readonly OfficialSchedule[];
}

export class CalendarRangeError extends Error {
  constructor(readonly year: number) {
    super(`Year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
}

const appliesIn = (rule: HolidayRule, year: number) =>
  (rule.fromYear === undefined || year >= rule.fromYear) && (rule.toYear === undefined || year <= rule.toYear);

/** The solar days a rule names in solar year `year` (a lunar date may fall in either lunar year). */
function ruleDays(rule: HolidayRule, year: number): DayNumber[] {
  const { date } = rule;
  let days: DayNumber[] = [];
  if (date.calendar === 'solar') {
    const iso = `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    const day = parseIsoDate(iso);
    if (day !== undefined) days = [day];
  } else if (date.calendar === 'lunar') {
    for (const lunarYear of [year - 1, year]) {
      if (lunarYear < FIRST_YEAR) continue;
      const day = lunarToSolar({ day: date.day, month: date.month, year: lunarYear, leap: false });
      // Stryker disable next-line ConditionalExpression: civil(undefined) has a NaN year, so the year test below drops a missing date anyway
      if (day === undefined) continue;
      if (civil(day).year === year) days.push(day);
    }
  } else {
    const first = tet(year);
    for (let d = first - date.daysBefore; d < first + date.daysAfter; d++) days.push(d);
  }
  if (rule.adjacent) {
    const step = rule.adjacent.direction === 'before' ? -1 : 1;
    days = days.flatMap((d) => [d, ...Array.from({ length: rule.adjacent!.days }, (_, i) => d + step * (i + 1))]);
  }
  return days;
}

const isWeekend = (day: DayNumber) => isoWeekday(day) >= 6;

function fromRules(year: number, rules: readonly HolidayRule[]): Pick<YearCalendar, 'daysOff' | 'workingSaturdays'> {
  const holidays = new Map<DayNumber, DayOff>();
  for (const rule of rules) {
    if (rule.status !== 'in-force' || !appliesIn(rule, year)) continue;
    for (const date of ruleDays(rule, year)) {
      if (!holidays.has(date)) holidays.set(date, { date, kind: 'holiday', name: rule.name, basis: rule.basis });
    }
  }
  // A holiday on a weekly rest day is given on the next working day (BLLĐ 2019 Điều 111.3).
  const daysOff = new Map(holidays);
  for (const holiday of [...holidays.values()].sort((a, b) => a.date - b.date)) {
    if (!isWeekend(holiday.date)) continue;
    let day = holiday.date + 1;
    while (isWeekend(day) || daysOff.has(day)) day += 1;
    daysOff.set(day, {
      date: day,
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${holiday.name.vi}`, en: `${holiday.name.en} (in lieu)` },
      basis: `BLLĐ 2019 Điều 111.3; ${holiday.basis}`,
    });
  }
  return { daysOff: [...daysOff.values()].sort((a, b) => a.date - b.date), workingSaturdays: [] };
}

function fromSchedule(schedule: OfficialSchedule): Pick<YearCalendar, 'daysOff' | 'workingSaturdays'> {
  const day = (iso: string) => {
    const d = parseIsoDate(iso);
    if (d === undefined) throw new Error(`Invalid date ${iso} in the ${schedule.year} schedule`);
    return d;
  };
  return {
    daysOff: schedule.daysOff
      .map((o) => ({ date: day(o.date), kind: o.kind, name: o.name, basis: o.basis }))
      .sort((a, b) => a.date - b.date),
    workingSaturdays: schedule.workingSaturdays.map((w) => ({
      date: day(w.date),
      replaces: day(w.replaces),
      basis: w.basis,
    })),
  };
}

export type NonWorkingReason =
  | { readonly kind: 'weekend'; readonly name: LocalizedText }
  | { readonly kind: DayOffKind; readonly name: LocalizedText; readonly basis: string };

export class WorkingCalendar {
  private readonly years = new Map<
    number,
    YearCalendar & { offByDay: Map<DayNumber, DayOff>; saturdays: Set<DayNumber> }
  >();
  private readonly schedules: Map<number, OfficialSchedule>;

  constructor(private readonly data: CalendarData) {
    this.schedules = new Map(data.schedules.map((s) => [s.year, s]));
  }

  year(year: number): YearCalendar {
    return this.built(year);
  }

  private built(year: number) {
    let built = this.years.get(year);
    if (!built) {
      if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new CalendarRangeError(year);
      const schedule = this.schedules.get(year);
      const { daysOff, workingSaturdays } = schedule ? fromSchedule(schedule) : fromRules(year, this.data.rules);
      const pending = this.data.rules
        .filter((r) => r.status === 'pending' && appliesIn(r, year))
        .flatMap((r) => ruleDays(r, year).map((date) => ({ id: r.id, date, name: r.name, basis: r.basis })));
      built = {
        year,
        source: schedule ? { kind: 'official-schedule', reference: schedule.source } : { kind: 'holiday-rules' },
        daysOff,
        workingSaturdays,
        pending,
        offByDay: new Map(daysOff.map((d) => [d.date, d])),
        saturdays: new Set(workingSaturdays.map((w) => w.date)),
      };
      this.years.set(year, built);
    }
    return built;
  }

  /** Why `day` is not a working day, or undefined when it is one. */
  nonWorkingReason(day: DayNumber): NonWorkingReason | undefined {
    const year = this.built(civil(day).year);
    if (year.saturdays.has(day)) return undefined;
    const off = year.offByDay.get(day);
    if (off) return { kind: off.kind, name: off.name, basis: off.basis };
    const weekday = isoWeekday(day);
    if (weekday >= 6)
      return { kind: 'weekend', name: { vi: WEEKDAY_NAMES.vi[weekday]!, en: WEEKDAY_NAMES.en[weekday]! } };
    return undefined;
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.nonWorkingReason(day) === undefined;
  }
}
