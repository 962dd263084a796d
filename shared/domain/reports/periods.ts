import { DomainError, type FieldIssue } from '../errors';

/**
 * Reporting periods (issue 27 §1), in Việt Nam time (UTC+7, no daylight saving). A period is a run
 * of whole local days, `from`..`to` inclusive; as instants it is [startsAt, endsAt), where `endsAt`
 * (the start of the day after `to`) is the cut-off: no fact at or after it is counted. Consecutive
 * periods of one rule share their boundary, so every day belongs to exactly one period.
 *
 * NA 15.7 names 10/12 at both ends ("từ ngày 10 tháng 12 năm trước đến ngày 10 tháng 12 của kỳ báo
 * cáo"). Read as `(10/12 of the previous year, 10/12]`: open at the left (that day was the last day of
 * the previous period), closed at the right ("đến ngày" includes the day), so period 2026 is the
 * local days 11/12/2025 … 10/12/2026 and its cut-off is 11/12/2026 00:00 (10/12/2026 17:00 UTC).
 */
export type LocalDate = string; // YYYY-MM-DD, a day in Việt Nam time

export type PeriodRule =
  | { readonly kind: 'month' }
  | { readonly kind: 'quarter' }
  | { readonly kind: 'half-year' }
  | { readonly kind: 'year' }
  /** Twelve months ending with the local day `month`/`day` (inclusive), named by the year it ends in. */
  | { readonly kind: 'year-to'; readonly month: number; readonly day: number };

/** When the report is due: the end of a fixed local day of the period's last year, or N days after its last day. */
export type DueRule =
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  | { readonly kind: 'after-end'; readonly days: number };

export interface Period {
  /** `2026-11`, `2026-Q4`, `2026-H2`, `2026`, or `2026-03-01..2026-03-31` for an ad hoc range. */
  readonly id: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly startsAt: string;
  /** The cut-off: the first instant after the period. */
  readonly endsAt: string;
}

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateOf = (y: number, m: number, d: number): LocalDate => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};
const partsOf = (date: LocalDate) => date.split('-').map(Number) as [number, number, number];
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const [y, m, d] = partsOf(date);
  return dateOf(y, m, d + days);
};
/** The first instant (UTC, ISO) of a local day. */
export const startOfLocalDay = (date: LocalDate): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
/** The local day of an instant. */
export const localDateOf = (instant: Date | string): LocalDate =>
  new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 10);

const period = (id: string, from: LocalDate, to: LocalDate): Period => ({
  id,
  from,
  to,
  startsAt: startOfLocalDay(from),
  endsAt: startOfLocalDay(addDays(to, 1)),
});

/** The period of `rule` that contains the local day `date`. */
export function periodContaining(rule: PeriodRule, date: LocalDate): Period {
  const [y, m, d] = partsOf(date);
  switch (rule.kind) {
    case 'month':
      return period(`${y}-${pad(m)}`, dateOf(y, m, 1), dateOf(y, m + 1, 0));
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return period(`${y}-Q${q + 1}`, dateOf(y, q * 3 + 1, 1), dateOf(y, q * 3 + 4, 0));
    }
    case 'half-year': {
      const h = m <= 6 ? 0 : 1;
      return period(`${y}-H${h + 1}`, dateOf(y, h * 6 + 1, 1), dateOf(y, h * 6 + 7, 0));
    }
    case 'year':
      return period(`${y}`, dateOf(y, 1, 1), dateOf(y, 12, 31));
    case 'year-to': {
      const endYear = m < rule.month || (m === rule.month && d <= rule.day) ? y : y + 1;
      return period(
        `${endYear}`,
        addDays(dateOf(endYear - 1, rule.month, rule.day), 1),
        dateOf(endYear, rule.month, rule.day),
      );
    }
  }
}

/** The last period of `rule` whose cut-off has passed at `now`: what a scheduled run reports on. */
export const lastClosedPeriod = (rule: PeriodRule, now: Date): Period =>
  periodContaining(rule, addDays(periodContaining(rule, localDateOf(now)).from, -1));

const PERIOD_ID = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/;
const RANGE_ID = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
/** At most a year and a day per report: at most 13 monthly partitions per unit are read. */
export const MAX_PERIOD_DAYS = 366;

const invalid = (field: string, vi: string, en: string) => {
  const issue: FieldIssue = { field, code: 'invalid_period', message: { vi, en } };
  return new DomainError('validation', issue.message, [issue]);
};

/** A period named by its id, checked against the kind's rule; `adHoc` also accepts `from..to`. */
export function periodOf(rule: PeriodRule, id: string, adHoc: boolean, field = 'period'): Period {
  const range = RANGE_ID.exec(id);
  if (range && adHoc) return adHocPeriod(range[1]!, range[2]!, field);
  const match = PERIOD_ID.exec(id);
  const shapes: Record<PeriodRule['kind'], string> = {
    month: 'YYYY-MM',
    quarter: 'YYYY-Qn',
    'half-year': 'YYYY-Hn',
    year: 'YYYY',
    'year-to': 'YYYY',
  };
  const wrong = () =>
    invalid(
      field,
      `Kỳ báo cáo phải có dạng ${shapes[rule.kind]}${adHoc ? ' hoặc YYYY-MM-DD..YYYY-MM-DD' : ''}`,
      `The period must look like ${shapes[rule.kind]}${adHoc ? ' or YYYY-MM-DD..YYYY-MM-DD' : ''}`,
    );
  if (!match) throw wrong();
  const [, year, month, quarter, half] = match;
  const y = Number(year);
  switch (rule.kind) {
    case 'month':
      if (!month || Number(month) < 1 || Number(month) > 12) throw wrong();
      return periodContaining(rule, dateOf(y, Number(month), 1));
    case 'quarter':
      if (!quarter) throw wrong();
      return periodContaining(rule, dateOf(y, Number(quarter) * 3, 1));
    case 'half-year':
      if (!half) throw wrong();
      return periodContaining(rule, dateOf(y, Number(half) * 6, 1));
    case 'year':
    case 'year-to':
      if (month || quarter || half) throw wrong();
      return periodContaining(rule, rule.kind === 'year' ? dateOf(y, 6, 1) : dateOf(y, rule.month, rule.day));
  }
}

/** Any range of whole local days (ad hoc reports, TG 22.7 "đột xuất"), at most MAX_PERIOD_DAYS long. */
export function adHocPeriod(from: LocalDate, to: LocalDate, field = 'period'): Period {
  const valid = (d: string) => dateOf(...partsOf(d)) === d;
  if (!valid(from) || !valid(to)) throw invalid(field, 'Ngày không hợp lệ', 'Not a valid date');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1)
    throw invalid(field, 'Ngày cuối không được trước ngày đầu', 'The last day must not be before the first');
  if (days > MAX_PERIOD_DAYS) throw invalid(field, `Tối đa ${MAX_PERIOD_DAYS} ngày`, `At most ${MAX_PERIOD_DAYS} days`);
  return period(`${from}..${to}`, from, to);
}

/** The due instant: the end of the due local day (the first instant of the day after it). */
export function dueAtOf(rule: DueRule, p: Period): string {
  if (rule.kind === 'after-end') return startOfLocalDay(addDays(p.to, rule.days + 1));
  const [year] = partsOf(p.to);
  return startOfLocalDay(addDays(dateOf(year, rule.month, rule.day), 1));
}

/** The local months (YYYY-MM) a period covers, for the monthly fact partitions. */
export function monthsOf(p: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = [];
  // Stryker disable next-line MethodExpression: a month `YYYY-MM` sorts before every day of it, so comparing with the whole `to` is the same
  for (let [y, m] = partsOf(p.from); `${y}-${pad(m)}` <= p.to.slice(0, 7); m === 12 ? ([y, m] = [y + 1, 1]) : (m += 1))
    months.push(`${y}-${pad(m)}`);
  return months;
}

/** The quarters (`2026-Q4`) a period covers, for the attribution partitions. */
export function quartersOf(p: Pick<Period, 'from' | 'to'>): string[] {
  return [...new Set(monthsOf(p).map((m) => `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5)) - 1) / 3) + 1}`))];
}
