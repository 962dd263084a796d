import type { DayNumber, WorkingCalendar } from '../calendar';
import type { EffectivePolicy } from '../policies';
import type { QuestionClock } from '../workflow/tables/questions';

/**
 * Escalation of a question's open clocks (issue 9 #5), pure. Each open clock has a due instant
 * (24:00 local of its last day, or of a progress notice's expected day, CB 11.4); around it:
 * - `reminder` from the start of the Nth last working day of the period (`qa.reminderLead`), and
 *   only until the deadline: a reminder after it would tell nobody anything new;
 * - `overdue` once the due instant has passed;
 * - `very-overdue` at the end of the Nth working day after the due day (`qa.veryOverdue`).
 * Levels are counted on the working calendar in force, so Tết and working Saturdays count right.
 */
export const escalationLevels = ['reminder', 'overdue', 'very-overdue'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

/** The escalation ladder, lowest rung first (issue 9 #5). */
export const escalationLadder = ['unit-officer', 'unit-head', 'secretary', 'chief-editor'] as const;
export type RecipientRole = (typeof escalationLadder)[number];

export interface ClockEscalation {
  /** The rung told of the first level; each later level climbs one rung (the top rung stays). */
  readonly firstRung: RecipientRole;
  /** The levels this clock raises. */
  readonly levels: readonly EscalationLevel[];
  readonly reason: string;
}

/**
 * Per clock, as data. The unit's answer clock starts with whoever must answer, then its head
 * (CB 11.5: the head answers or authorises), then the board, which routed it and checks answers
 * (BĐ 12.3–12.4), and its secretary. The board's own classification clock stays within the board:
 * its secretary, then the chief editor. The return clock only reminds: past it the unit keeps
 * the question and answers it on the answer clock, which escalates; nobody is late for not
 * returning (BĐ 12.5; a late return is recorded as such, `returnedOnTime`).
 */
export const clockEscalation: Readonly<Record<QuestionClock, ClockEscalation>> = {
  answer: {
    firstRung: 'unit-officer',
    levels: escalationLevels,
    reason: 'BĐ 12.4, CB 11.4–11.5: the unit answers; its head answers or authorises; the board routed it',
  },
  classify: {
    firstRung: 'secretary',
    levels: escalationLevels,
    reason: 'BĐ 12.3, CB 11.3: the board classifies and routes; the chief editor leads the board',
  },
  return: {
    firstRung: 'unit-officer',
    levels: ['reminder'],
    reason: 'BĐ 12.5: the window to return closes; past it the answer clock runs on',
  },
};

/** Who is told of `level` on `clock`. */
export function recipientOf(clock: QuestionClock, level: EscalationLevel): RecipientRole {
  const first = escalationLadder.indexOf(clockEscalation[clock].firstRung);
  return escalationLadder[Math.min(first + escalationLevels.indexOf(level), escalationLadder.length - 1)]!;
}

export interface EscalationPolicy {
  /** 0: no reminder. */
  readonly reminderLead: number;
  /** At least 1. */
  readonly veryOverdueAfter: number;
}

export const escalationPolicyOf = (policy: EffectivePolicy): EscalationPolicy => ({
  reminderLead: policy.value('qa.reminderLead').value,
  veryOverdueAfter: Math.max(1, policy.value('qa.veryOverdue').value),
});

const MS_PER_DAY = 86_400_000;
const UTC_PLUS_7_MS = 7 * 3_600_000;
/** The local (UTC+7) day of an instant. */
export const localDayNumber = (instant: Date | string): DayNumber =>
  Math.floor((new Date(instant).getTime() + UTC_PLUS_7_MS) / MS_PER_DAY);
const startOf = (day: DayNumber) => new Date(day * MS_PER_DAY - UTC_PLUS_7_MS).toISOString();
const endOf = (day: DayNumber) => startOf(day + 1);

/** The instant each level of a clock due at `dueAt` is reached. */
export function escalationThresholds(
  dueAt: string,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
): Record<EscalationLevel, string | undefined> {
  // The last day of the period: a due instant is 24:00 of it.
  const dueDay = localDayNumber(new Date(Date.parse(dueAt) - 1));
  let reminder: string | undefined;
  if (policy.reminderLead > 0) {
    let day = dueDay;
    let counted = calendar.isWorkingDay(day) ? 1 : 0;
    while (counted < policy.reminderLead) {
      day -= 1;
      if (calendar.isWorkingDay(day)) counted += 1;
    }
    reminder = startOf(day);
  }
  let late = dueDay;
  for (let counted = 0; counted < policy.veryOverdueAfter; ) {
    late += 1;
    if (calendar.isWorkingDay(late)) counted += 1;
  }
  return { reminder, overdue: new Date(dueAt).toISOString(), 'very-overdue': endOf(late) };
}

/** The levels of `clock` reached at `now` (a reminder only before the deadline), lowest first. */
export function levelsReached(
  clock: QuestionClock,
  dueAt: string,
  now: Date,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
): EscalationLevel[] {
  const at = now.toISOString();
  const thresholds = escalationThresholds(dueAt, policy, calendar);
  return clockEscalation[clock].levels.filter((level) => {
    const from = thresholds[level];
    if (from === undefined || at < from) return false;
    return level !== 'reminder' || at < thresholds.overdue!;
  });
}

/**
 * The latest due instant whose reminder may be reached at `now`: the job reads the due index up
 * to it, and nothing later. The end of the Nth working day from today (today counts if working).
 */
export function reminderHorizon(now: Date, policy: EscalationPolicy, calendar: WorkingCalendar): string {
  if (policy.reminderLead === 0) return now.toISOString();
  let day = localDayNumber(now);
  let counted = calendar.isWorkingDay(day) ? 1 : 0;
  while (counted < policy.reminderLead) {
    day += 1;
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  const horizon = endOf(day);
  return horizon > now.toISOString() ? horizon : now.toISOString();
}

/** The job runs on working days only (the schedule fires Mon–Sat; the calendar knows holidays and working Saturdays). */
export const isWorkingDayAt = (now: Date, calendar: WorkingCalendar): boolean =>
  calendar.isWorkingDay(localDayNumber(now));
