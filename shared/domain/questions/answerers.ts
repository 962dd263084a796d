import { DomainError } from '../errors';
import type { Principal } from '../access/authorize';
import type { AnsweringRule } from '../policies/presets';
import type { QuestionField } from './classification';

/**
 * Who may answer a question for the unit it was routed to (CB 11.5 under Cao Bằng's preset): the
 * unit's head, or an officer holding the head's authorisation — for the question's field (none
 * listed: every field), within its validity, not revoked. Presets without the rule let any of the
 * unit's staff holding `qa.answer` answer. Pure: the caller reads the officer's authorisations.
 */
export interface AnswerAuthorisation {
  readonly id: string;
  readonly officerId: string;
  readonly unitCode: string;
  /** The fields the officer answers in; empty: every field. */
  readonly fields: readonly QuestionField[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revokedAt?: string;
}

/** An authorisation lasts at most a year, as a delegation (CB 17.3b) does. */
export const MAX_ANSWER_AUTHORISATION_DAYS = 366;

export const liveAuthorisation = (
  authorisations: readonly AnswerAuthorisation[],
  unitCode: string,
  field: QuestionField,
  now: Date,
): AnswerAuthorisation | undefined => {
  const at = now.toISOString();
  return authorisations.find(
    (a) =>
      !a.revokedAt &&
      a.unitCode === unitCode &&
      (a.fields.length === 0 || a.fields.includes(field)) &&
      a.validFrom <= at &&
      at < a.validTo,
  );
};

/** Whether the rule asks for an authorisation of this person at all (the head never needs one). */
export const needsAuthorisation = (rule: AnsweringRule, principal: Principal): boolean =>
  rule.answerers === 'head-or-authorised' && !principal.roles.includes('unit-head');

export function answererRefusal(
  rule: AnsweringRule,
  principal: Principal,
  unitCode: string,
  field: QuestionField,
  authorisations: readonly AnswerAuthorisation[],
  now: Date,
): DomainError | undefined {
  if (!needsAuthorisation(rule, principal) || liveAuthorisation(authorisations, unitCode, field, now)) return undefined;
  const message = {
    vi: `Chỉ Thủ trưởng đơn vị ${unitCode} hoặc người được Thủ trưởng ủy quyền (lĩnh vực "${field}", còn hiệu lực) mới được trả lời: ${rule.basis}`,
    en: `Only the head of unit ${unitCode}, or an officer the head authorised (field "${field}", still valid), may answer: ${rule.basis}`,
  };
  return new DomainError('forbidden', message, [{ field: 'actor', code: 'answer_not_authorised', message }]);
}
