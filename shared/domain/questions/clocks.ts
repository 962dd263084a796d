import type { DeadlineCalculator } from '../calendar';
import type { EffectivePolicy } from '../policies';
import type { PolicyRuleId } from '../policies/rules';
import { workingDaysBetween } from './figures';

/**
 * The question's clocks from the deployment's preset (BĐ 12.3–12.5, CB 11.4): classification is
 * due 1 working day after receipt; the answer N working days after the event the preset names —
 * routing (BĐ 12.4: the unit "được giao nhiệm vụ") or the portal's receipt (CB 11.4: "kể từ khi
 * tiếp nhận câu hỏi"), the longer value for a complex question; a unit that is not competent
 * returns it within its return deadline. An answer clock that counts from the receipt is the
 * asker's: a re-routing does not restart it.
 */
export interface QuestionClocks {
  classificationDue(receivedAt: Date): string;
  answerDue(routedAt: Date, complex: boolean): string;
  returnDue(routedAt: Date): string;
}

export function questionClocks(policy: EffectivePolicy, deadlines: DeadlineCalculator): QuestionClocks {
  const due = (rule: PolicyRuleId, from: Date): string => {
    const { value, unit } = policy.value(rule);
    return (unit === 'workingDays' ? deadlines.addWorkingDays(from, value) : deadlines.addCalendarDays(from, value))
      .dueAt;
  };
  return {
    classificationDue: (receivedAt) => due('qa.classify', receivedAt),
    answerDue: (routedAt, complex) => due(complex ? 'qa.answerComplex' : 'qa.answer', routedAt),
    returnDue: (routedAt) => due('qa.returnOutOfScope', routedAt),
  };
}

/** The events a question's answer clock may count from. */
export interface AnswerClockEvents {
  /** The portal's receipt: the question's own, or its reopening on the asker's rating (a new receipt). */
  readonly receivedAt: Date;
  readonly routedAt: Date;
}

/** Whether the preset counts the answer from the portal's receipt rather than from routing. */
export const answerCountsFromReceipt = (policy: EffectivePolicy, complex: boolean): boolean =>
  policy.value(complex ? 'qa.answerComplex' : 'qa.answer').countsFrom === 'receipt';

/** The answer's due instant, from the event the preset names. */
export function answerDueFrom(
  policy: EffectivePolicy,
  deadlines: DeadlineCalculator,
  events: AnswerClockEvents,
  complex: boolean,
): string {
  const from = answerCountsFromReceipt(policy, complex) ? events.receivedAt : events.routedAt;
  return questionClocks(policy, deadlines).answerDue(from, complex);
}

/**
 * The unit's share of an asker's clock that counts from receipt (CB 11.4): the working days left
 * to it from its routing (the routing day not counted) to the asker's due date, shown beside it.
 */
export const unitShareDays = (isWorkingDay: (day: number) => boolean, routedAt: Date, askerDueAt: string): number =>
  workingDaysBetween(isWorkingDay, routedAt, new Date(Date.parse(askerDueAt) - 1));
