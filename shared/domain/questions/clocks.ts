import type { DeadlineCalculator } from '../calendar';
import type { EffectivePolicy } from '../policies';
import type { PolicyRuleId } from '../policies/rules';

/**
 * The question's clocks from the deployment's preset (BĐ 12.3–12.5, CB 11.4): classification is
 * due 1 working day after receipt; the answer N working days after routing (the longer value for
 * a complex question); a unit that is not competent returns it within its return deadline.
 */
export interface QuestionClocks {
  classificationDue(receivedAt: Date): string;
  answerDue(routedAt: Date, complex: boolean): string;
  returnDue(routedAt: Date): string;
}

export function questionClocks(policy: EffectivePolicy, deadlines: DeadlineCalculator): QuestionClocks {
  const due = (rule: PolicyRuleId, from: Date): string => {
    const { value, unit } = policy.value(rule);
    return (unit === 'workingDays' ? deadlines.addWorkingDays(from, value) : deadlines.addCalendarDays(from, value)).dueAt;
  };
  return {
    classificationDue: (receivedAt) => due('qa.classify', receivedAt),
    answerDue: (routedAt, complex) => due(complex ? 'qa.answerComplex' : 'qa.answer', routedAt),
    returnDue: (routedAt) => due('qa.returnOutOfScope', routedAt),
  };
}
