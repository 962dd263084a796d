import type { DeadlineCalculator } from '../calendar/deadlines';
import type { EffectivePolicy } from '../policies/effective';
import type { PolicyRuleId } from '../policies/rules';

/**
 * When an item must be online (BĐ 11, CB 10.1): the policy's value, in working or calendar days,
 * counted from the event the regulation names — a legal document's issue date, otherwise the
 * moment the item was approved. A date-only issue date counts as received that morning before
 * opening, so the issue day itself is the day not counted (BLDS 2015 Điều 147.2).
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function startOfLocalDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - VIETNAM_OFFSET_MS);
}

export function publicationDue(policyId: PolicyRuleId, from: Date, policy: EffectivePolicy, deadlines: DeadlineCalculator): string {
  const { value, unit } = policy.value(policyId);
  return (unit === 'workingDays' ? deadlines.addWorkingDays(from, value) : deadlines.addCalendarDays(from, value)).dueAt;
}

/** A legal document's due instant, counted from its issue date. */
export const legalDocumentDue = (issuedOn: string, policy: EffectivePolicy, deadlines: DeadlineCalculator): string =>
  publicationDue('publish.legalDocument', startOfLocalDay(issuedOn), policy, deadlines);

/** "Published on time", frozen when the item first goes online. */
export const onTime = (publishedAt: string, dueAt: string | undefined): boolean => dueAt === undefined || publishedAt <= dueAt;
