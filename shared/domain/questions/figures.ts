import { DomainError, type FieldIssue } from '../errors';
import type { DayNumber } from '../calendar/civil-date';

/**
 * Per-unit Q&A figures (issue 9 §9) from facts frozen when each step happened: whether the board
 * routed within its working day, whether the unit answered within its clock, and how many working
 * days the answer took, counted on the calendar in force at that moment. Nothing here reads
 * today's calendar, so a holiday added later moves no figure.
 */
export type QuestionFactKind =
  | 'received'
  | 'routed'
  | 'returned'
  | 'answered'
  | 'progress-notice'
  | 'escalated'
  | 'rated';

export interface QuestionFact {
  readonly kind: QuestionFactKind;
  readonly questionId: string;
  readonly at: string;
  /** routed: within the classification clock; answered: within the answer clock. */
  readonly onTime?: boolean;
  /** routed: a routing after the question came back (re-routing). */
  readonly rerouting?: boolean;
  /** answered: working days from routing to answer, frozen at answer time. */
  readonly workingDays?: number;
  /** escalated: the clock and the level raised (issue 27: escalations per unit). */
  readonly clock?: string;
  readonly level?: string;
  /** rated: the asker's rating of the unit's answer (issue 27: ratings per unit). */
  readonly rating?: string;
}

export interface QuestionFigures {
  readonly received: number;
  readonly routed: number;
  readonly routedWithinOneWorkingDay: number;
  readonly rerouted: number;
  readonly returned: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly medianWorkingDaysToAnswer: number | null;
  readonly overdueNow: number;
}

const UTC_PLUS_7_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;
/** The local (UTC+7) date of an instant, YYYY-MM-DD. */
export const localDateOf = (instant: Date): string =>
  new Date(instant.getTime() + UTC_PLUS_7_MS).toISOString().slice(0, 10);
const localDayNumber = (instant: Date): DayNumber => Math.floor((instant.getTime() + UTC_PLUS_7_MS) / MS_PER_DAY);

/**
 * Working days from `from` to `to`: the local days after `from`'s day up to and including `to`'s
 * day that are working days (the day of receipt is not counted, as for deadlines). 0 the same day.
 */
export function workingDaysBetween(isWorkingDay: (day: DayNumber) => boolean, from: Date, to: Date): number {
  let count = 0;
  for (let day = localDayNumber(from) + 1; day <= localDayNumber(to); day += 1) if (isWorkingDay(day)) count += 1;
  return count;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The latest fact per question: an answer the board returned and the unit answered again counts once, as answered last. */
function latestPerQuestion(facts: readonly QuestionFact[]): QuestionFact[] {
  const latest = new Map<string, QuestionFact>();
  for (const f of facts) if ((latest.get(f.questionId)?.at ?? '') < f.at) latest.set(f.questionId, f);
  return [...latest.values()];
}

export function figuresOf(facts: readonly QuestionFact[], overdueNow: number): QuestionFigures {
  const of = (kind: QuestionFactKind) => facts.filter((f) => f.kind === kind);
  const routed = of('routed');
  const answered = latestPerQuestion(of('answered'));
  return {
    received: latestPerQuestion(of('received')).length,
    routed: routed.length,
    routedWithinOneWorkingDay: routed.filter((f) => f.onTime === true).length,
    rerouted: routed.filter((f) => f.rerouting === true).length,
    returned: of('returned').length,
    answered: answered.length,
    answeredOnTime: answered.filter((f) => f.onTime === true).length,
    medianWorkingDaysToAnswer: median(answered.flatMap((f) => (f.workingDays === undefined ? [] : [f.workingDays]))),
    overdueNow,
  };
}

/** At most a year (and a day) per request: at most 13 monthly partitions are read. */
export const MAX_FIGURES_DAYS = 366;

/** The local months (YYYY-MM) a valid range covers; refuses a reversed or too long range, naming the field. */
export function figuresMonths(from: string, to: string): string[] {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY;
  const issue = (field: string, vi: string, en: string): FieldIssue => ({
    field,
    code: 'invalid_range',
    message: { vi, en },
  });
  if (days < 0) {
    const i = issue('to', '`to` phải không trước `from`', '`to` must not be before `from`');
    throw new DomainError('validation', i.message, [i]);
  }
  if (days >= MAX_FIGURES_DAYS) {
    const i = issue('to', `Khoảng thời gian tối đa ${MAX_FIGURES_DAYS} ngày`, `At most ${MAX_FIGURES_DAYS} days`);
    throw new DomainError('validation', i.message, [i]);
  }
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    months.push(m);
    if (m >= to.slice(0, 7)) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
