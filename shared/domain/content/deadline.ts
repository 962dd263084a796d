import { parseIsoDate } from '../calendar/civil-date';
import type { DeadlineCalculator } from '../calendar/deadlines';
import { invalidField } from '../errors';
import { carriesDate, clockEvents } from '../policies/clock-events';
import type { EffectivePolicy, EffectiveValue } from '../policies/effective';
import type { PolicyRuleId } from '../policies/rules';
import { categoryOf, type ContentCategoryId } from './categories';

/**
 * When an item must be online (BĐ 11, CB 10.1): the policy's value, in working or calendar days,
 * counted from the event the preset names for that clock (shared/domain/policies/clock-events.ts).
 * An event the item carries as a date (a legal document's issue date, a procedure's announcement,
 * a plan's approval, the head's decision to publish) counts from the day after it (BLDS 2015
 * Điều 147.2); an instant the system records (the portal's receipt, the board's approval, the
 * source version's publication) counts as a receipt, outside working hours from the next working day.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function startOfLocalDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - VIETNAM_OFFSET_MS);
}

/** The local (UTC+7) date of an instant, YYYY-MM-DD. */
export const localDateOf = (at: Date): string => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Due instant of a value counted from a receipt-like instant. */
export function publicationDue(
  policyId: PolicyRuleId,
  from: Date,
  policy: EffectivePolicy,
  deadlines: DeadlineCalculator,
): string {
  return dueFromInstant(policy.value(policyId), from, deadlines);
}

export const dueFromInstant = (
  { value, unit }: Pick<EffectiveValue, 'value' | 'unit'>,
  from: Date,
  deadlines: DeadlineCalculator,
): string =>
  (unit === 'workingDays' ? deadlines.addWorkingDays(from, value) : deadlines.addCalendarDays(from, value)).dueAt;

/** Due instant of a value counted from the day after an event's date. */
export const dueFromDate = (
  { value, unit }: Pick<EffectiveValue, 'value' | 'unit'>,
  isoDate: string,
  deadlines: DeadlineCalculator,
): string =>
  (unit === 'workingDays'
    ? deadlines.addWorkingDaysAfter(parseIsoDate(isoDate)!, value)
    : deadlines.addCalendarDays(startOfLocalDay(isoDate), value)
  ).dueAt;

/** A legal document's due instant, counted from its issue date (the national rule; presets may scope it by issuer). */
export const legalDocumentDue = (
  issuedOn: string,
  policy: EffectivePolicy,
  deadlines: DeadlineCalculator,
  issuingAuthority?: string,
): string => dueFromDate(policy.valueFor('publish.legalDocument', { issuingAuthority }), issuedOn, deadlines);

/** What decides an item's clock. */
export interface ItemClockFacts {
  readonly category: ContentCategoryId;
  readonly legalDocument?: { readonly issuedOn: string; readonly issuingAuthority: string } | undefined;
  /** The date of the event the clock counts from, where the item does not carry it otherwise. */
  readonly eventDate?: string | undefined;
  /** A language version of another item. */
  readonly translation?: boolean;
}

export interface ItemClock {
  readonly rule: PolicyRuleId;
  readonly value: EffectiveValue;
  /** The request field holding the event's date, for events the item carries as a date. */
  readonly dateField?: 'legalDocument.issuedOn' | 'eventDate';
}

/**
 * The clock of one item: its category's, or the translation clock where the preset sets one
 * (BĐ 11.5, CB 10.1g; a preset silent on it leaves translations under their category's clock),
 * with the value for the item's issuer (CB 10.1c).
 */
export function itemClock(facts: ItemClockFacts, policy: EffectivePolicy): ItemClock {
  const translationRule = facts.translation === true && policy.value('publish.translation').source !== 'national';
  const rule: PolicyRuleId = translationRule ? 'publish.translation' : categoryOf(facts.category).publishPolicy;
  const value = policy.valueFor(rule, { issuingAuthority: facts.legalDocument?.issuingAuthority });
  if (!carriesDate(value.countsFrom)) return { rule, value };
  return {
    rule,
    value,
    dateField:
      facts.legalDocument !== undefined && value.countsFrom === 'issue' ? 'legalDocument.issuedOn' : 'eventDate',
  };
}

/** The event's date for a clock that counts from a date. */
export const eventDateOf = (clock: ItemClock, facts: ItemClockFacts): string | undefined =>
  clock.dateField === 'legalDocument.issuedOn'
    ? facts.legalDocument?.issuedOn
    : clock.dateField === 'eventDate'
      ? facts.eventDate
      : undefined;

/**
 * The event's date is given where the clock needs it and only there, is not in the future (local
 * date of `now`), and not before the document's own issue date; each refusal names its field.
 */
export function checkEventDate(clock: ItemClock, facts: ItemClockFacts, now: Date): void {
  const event = clockEvents[clock.value.countsFrom].name;
  if (facts.eventDate !== undefined && clock.dateField !== 'eventDate') {
    throw invalidField(
      'eventDate',
      {
        vi: `Thời hạn của mục này tính từ: ${event.vi}; không nhận ngày sự kiện`,
        en: `This item’s clock counts from: ${event.en}; it takes no event date`,
      },
      'not_allowed',
    );
  }
  if (clock.dateField === undefined) return;
  const date = eventDateOf(clock, facts);
  if (date === undefined) {
    throw invalidField(
      clock.dateField,
      {
        vi: `Cần nêu ngày mà thời hạn đăng tính từ: ${event.vi} (${clock.value.basis})`,
        en: `Give the date the publication clock counts from: ${event.en} (${clock.value.basis})`,
      },
      'required',
    );
  }
  if (date > localDateOf(now)) {
    throw invalidField(
      clock.dateField,
      {
        vi: `Ngày ${date} chưa đến: ${event.vi} không thể ở tương lai`,
        en: `${date} is in the future: ${event.en} cannot be`,
      },
      'in_future',
    );
  }
  const issuedOn = facts.legalDocument?.issuedOn;
  if (clock.dateField === 'eventDate' && issuedOn !== undefined && date < issuedOn) {
    throw invalidField(
      'eventDate',
      {
        vi: `Ngày sự kiện ${date} trước ngày ban hành ${issuedOn}`,
        en: `The event date ${date} precedes the issue date ${issuedOn}`,
      },
      'before_issue',
    );
  }
}

/** The due instant an item carries from its creation: for clocks counting from a date it holds. */
export function dueFromItemDate(
  clock: ItemClock,
  facts: ItemClockFacts,
  deadlines: DeadlineCalculator,
): string | undefined {
  const date = eventDateOf(clock, facts);
  return date === undefined ? undefined : dueFromDate(clock.value, date, deadlines);
}

/** "Published on time", frozen when the item first goes online. */
export const onTime = (publishedAt: string, dueAt: string | undefined): boolean =>
  dueAt === undefined || publishedAt <= dueAt;
