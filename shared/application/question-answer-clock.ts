import { answerCountsFromReceipt, answerDueFrom, isComplex, unitShareDays } from '../domain/questions';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import type { Services } from '../composition/services';
import { deploymentPolicy } from './deployment-policy';

/** An answer clock counted from the portal's receipt (CB 11.4), and the unit's share of it from this routing. */
export interface AskerAnswerClock {
  readonly dueAt: string;
  readonly unitWorkingDays: number;
}

/**
 * Where the preset counts the answer from the portal's receipt (CB 11.4), the asker's due instant:
 * from the question's receipt (or its reopening, a new receipt), the same at every re-routing; and
 * the working days left to the unit routed now.
 */
export async function askerAnswerClock(
  s: Pick<Services, 'config' | 'calendar'>,
  record: QuestionRecord,
  now: Date,
): Promise<AskerAnswerClock | undefined> {
  const policy = deploymentPolicy(s.config);
  const complex = isComplex(record.complexity, record.scope);
  if (!answerCountsFromReceipt(policy, complex)) return undefined;
  const receivedAt = new Date((record as { reopenedAt?: string }).reopenedAt ?? record.receivedAt);
  const dueAt = answerDueFrom(policy, await s.calendar.deadlines(), { receivedAt, routedAt: now }, complex);
  const calendar = await s.calendar.current(now.getTime());
  return { dueAt, unitWorkingDays: unitShareDays((day) => calendar.isWorkingDay(day), now, dueAt) };
}
