import {
  checkEventDate,
  dueFromInstant,
  dueFromItemDate,
  itemClock,
  type ItemClock,
  type ItemClockFacts,
} from '../domain/content/deadline';
import { withinCalendarRange } from './calendar-service';
import { policy } from './content';
import type { Services } from '../composition/services';

/** What counting an item's clock needs: the deployment's policy and the calendar in force. */
export type ClockServices = Pick<Services, 'config' | 'calendar'>;

/**
 * An item's publication clock at creation or edit (shared/domain/content/deadline.ts): which clock,
 * checked event date, and the due instant where it is known before the board approves — counted
 * from the date the item carries, from the portal's receipt when it is submitted (CB 10.1đ), or from
 * its source version's publication (BĐ 11.5, CB 10.1g). Otherwise the clock opens at approval.
 */
export interface ItemClockMoment {
  readonly now: Date;
  /** The item is received by the portal now (created and submitted at once, or the submit step). */
  readonly submitting: boolean;
  /** The source version's first publication, for a translation. */
  readonly sourcePublishedAt?: string | undefined;
}

export async function itemClockAndDue(
  s: ClockServices,
  facts: ItemClockFacts,
  moment: ItemClockMoment,
): Promise<{ clock: ItemClock; dueAt?: string }> {
  const clock = itemClock(facts, policy(s));
  checkEventDate(clock, facts, moment.now);
  const dueAt = await dueOf(s, clock, facts, moment);
  return { clock, ...(dueAt !== undefined && { dueAt }) };
}

async function dueOf(
  s: ClockServices,
  clock: ItemClock,
  facts: ItemClockFacts,
  moment: ItemClockMoment,
): Promise<string | undefined> {
  if (clock.dateField !== undefined) {
    const deadlines = await s.calendar.deadlines();
    return withinCalendarRange(clock.dateField, () => dueFromItemDate(clock, facts, deadlines));
  }
  const from =
    clock.value.countsFrom === 'receipt' && moment.submitting
      ? moment.now
      : clock.value.countsFrom === 'source-change' && moment.sourcePublishedAt !== undefined
        ? new Date(moment.sourcePublishedAt)
        : undefined;
  if (from === undefined) return undefined;
  const deadlines = await s.calendar.deadlines();
  return dueFromInstant(clock.value, from, deadlines);
}

/** The submit step is the portal's receipt: a clock that counts from it (CB 10.1đ) starts now, once. */
export async function receiptDueAt(
  s: ClockServices,
  facts: ItemClockFacts,
  alreadyDue: string | undefined,
  now: Date,
): Promise<string | undefined> {
  if (alreadyDue !== undefined) return undefined;
  const clock = itemClock(facts, policy(s));
  if (clock.value.countsFrom !== 'receipt') return undefined;
  return dueFromInstant(clock.value, now, await s.calendar.deadlines());
}
