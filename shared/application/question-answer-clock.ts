import { effectivePolicy } from '../domain/policies';
import { answerCountsFromReceipt, answerDueFrom, isComplex, unitShareDays } from '../domain/questions';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import { env } from '../config/env';
import { currentCalendar, currentDeadlines } from './calendar-service';

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
export async function askerAnswerClock(record: QuestionRecord, now: Date): Promise<AskerAnswerClock | undefined> {
  const policy = effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES);
  const complex = isComplex(record.complexity, record.scope);
  if (!answerCountsFromReceipt(policy, complex)) return undefined;
  const receivedAt = new Date((record as { reopenedAt?: string }).reopenedAt ?? record.receivedAt);
  const dueAt = answerDueFrom(policy, await currentDeadlines(), { receivedAt, routedAt: now }, complex);
  const calendar = await currentCalendar(now.getTime());
  return { dueAt, unitWorkingDays: unitShareDays((day) => calendar.isWorkingDay(day), now, dueAt) };
}
