import { randomUUID } from 'node:crypto';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import {
  answererRefusal,
  MAX_ANSWER_AUTHORISATION_DAYS,
  needsAuthorisation,
  type AnswerAuthorisation,
} from '../domain/questions/answerers';
import type { QuestionField } from '../domain/questions/classification';
import { effectivePolicy } from '../domain/policies';
import { readInUnit } from './unit-scope';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * CB 11.5: the unit head authorises officers to answer questions for the unit, for some fields (or
 * all) and a window of time; audited, revoked never deleted. The transition of `answer` consults
 * them (shared/application/question-transitions.ts) where the preset requires it.
 */

export interface AnswerAuthorisationGrant {
  readonly officerId: string;
  readonly fields?: readonly QuestionField[] | undefined;
  readonly validFrom: string;
  readonly validTo: string;
}

export async function grantAnswerAuthorisation(
  s: Services,
  ctx: UseCaseContext,
  input: AnswerAuthorisationGrant,
): Promise<AnswerAuthorisation> {
  const { principal, requestId, now } = ctx;
  requireAccess(principal, 'qa.authorise-answerer', [principal.unitCode], now);
  const officer = await s.accounts.get(input.officerId);
  if (
    !officer ||
    officer.status !== 'active' ||
    officer.unitCode !== principal.unitCode ||
    !officer.roles.includes('unit-officer')
  ) {
    throw invalidField(
      'officerId',
      {
        vi: 'Người được ủy quyền trả lời phải là cán bộ đang hoạt động của cùng đơn vị',
        en: 'The officer must be an active unit officer of the same unit',
      },
      'invalid_officer',
    );
  }
  const from = Date.parse(input.validFrom);
  const to = Date.parse(input.validTo);
  if (!(to > from))
    throw invalidField(
      'validTo',
      { vi: 'validTo phải sau validFrom', en: 'validTo must be after validFrom' },
      'not_after',
    );
  if ((to - from) / 86_400_000 > MAX_ANSWER_AUTHORISATION_DAYS) {
    throw invalidField(
      'validTo',
      { vi: 'Ủy quyền trả lời tối đa 1 năm', en: 'An answer authorisation lasts at most one year' },
      'too_long',
    );
  }
  const authorisation: AnswerAuthorisation = {
    id: randomUUID(),
    officerId: officer.id,
    unitCode: principal.unitCode,
    fields: [...new Set(input.fields ?? [])],
    validFrom: new Date(from).toISOString(),
    validTo: new Date(to).toISOString(),
    grantedBy: principal.id,
    grantedAt: now.toISOString(),
  };
  await s.uow.commit(
    {
      actions: [s.answerAuthorisations.put(authorisation, true)],
      audits: [
        auditEntry(
          {
            scope: principal.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: 'qa.answerer.grant',
            target: { type: 'AnswerAuthorisation', id: authorisation.id },
            before: null,
            after: authorisation,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return authorisation;
}

export async function revokeAnswerAuthorisation(
  s: Services,
  ctx: UseCaseContext,
  officerId: string,
  id: string,
): Promise<AnswerAuthorisation> {
  const { principal, requestId, now } = ctx;
  const authorisation = await s.answerAuthorisations.get(officerId, id);
  if (!authorisation)
    throw new DomainError('not_found', { vi: 'Không có ủy quyền trả lời này', en: 'No such answer authorisation' });
  requireAccess(principal, 'qa.authorise-answerer', [authorisation.unitCode], now);
  if (authorisation.revokedAt) return authorisation;
  const revoked = { ...authorisation, revokedAt: now.toISOString() };
  await s.uow.commit(
    {
      actions: [s.answerAuthorisations.put(revoked, false)],
      audits: [
        auditEntry(
          {
            scope: authorisation.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: 'qa.answerer.revoke',
            target: { type: 'AnswerAuthorisation', id },
            before: authorisation,
            after: revoked,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return revoked;
}

export const listAnswerAuthorisations = (
  s: Services,
  ctx: UseCaseContext,
  unitCode: string,
  limit: number,
  cursor?: string,
) =>
  readInUnit(
    s,
    ctx.principal,
    'qa.read-routed',
    unitCode,
    () => s.answerAuthorisations.ofUnit(unitCode, limit, cursor),
    ctx.now,
  );

/** The refusal of an answer by someone the deployment's rule (CB 11.5) does not let answer, if any. */
export async function answerNotAuthorised(
  s: Services,
  ctx: UseCaseContext,
  unitCode: string,
  field: QuestionField,
): Promise<DomainError | undefined> {
  const rule = effectivePolicy(s.config.POLICY_PRESET, s.config.POLICY_OVERRIDES).answering;
  if (!needsAuthorisation(rule, ctx.principal)) return undefined;
  return answererRefusal(
    rule,
    ctx.principal,
    unitCode,
    field,
    await s.answerAuthorisations.ofOfficer(ctx.principal.id),
    ctx.now,
  );
}
