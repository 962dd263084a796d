import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { pageOf, pageQuery, recordId, unitCodeParam } from '../../shared/api/common-schemas';
import { questionFields } from '../../shared/domain/questions/classification';

/**
 * Answer authorisations (CB 11.5): the unit head names the officers who answer questions for the
 * unit, for some fields (none: all) and a window of time. Part of the Q&A staff function.
 */
export const answerAuthorisationBody = z.object({
  officerId: recordId,
  fields: z.optional(z.array(z.enum(questionFields)).check(z.maxLength(questionFields.length))),
  validFrom: z.iso.datetime({ offset: true }),
  validTo: z.iso.datetime({ offset: true }),
});
export const answerAuthorisationParams = z.object({ id: recordId, authorisationId: z.uuid() });
export const answerAuthorisationSchema = z.object({
  id: z.string(),
  officerId: z.string(),
  unitCode: z.string(),
  fields: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  revokedAt: z.optional(z.string()),
});

export const answerAuthorisationRoutes = {
  grantAnswerAuthorisation: defineRoute({
    id: 'grantAnswerAuthorisation',
    method: 'POST',
    path: '/answer-authorisations',
    function: 'questions',
    auth: 'signed-in',
    action: 'qa.authorise-answerer',
    summary:
      'The unit head authorises an officer of the unit to answer questions, for some fields (or all) and a time window (CB 11.5)',
    description:
      'Under a preset that requires it (Cao Bằng: CB 11.5), only the head and the officers holding a live authorisation for the question’s field answer. Audited; at most one year.',
    tags: ['questions'],
    body: answerAuthorisationBody,
    responses: { 201: { description: 'Granted', schema: answerAuthorisationSchema } },
  }),
  revokeAnswerAuthorisation: defineRoute({
    id: 'revokeAnswerAuthorisation',
    method: 'POST',
    path: '/accounts/{id}/answer-authorisations/{authorisationId}/revoke',
    function: 'questions',
    auth: 'signed-in',
    action: 'qa.authorise-answerer',
    summary: 'Revoke an answer authorisation (CB 11.5)',
    tags: ['questions'],
    params: answerAuthorisationParams,
    responses: {
      200: { description: 'Revoked', schema: answerAuthorisationSchema },
      404: { description: 'No such answer authorisation of this account' },
    },
  }),
  unitAnswerAuthorisations: defineRoute({
    id: 'listUnitAnswerAuthorisations',
    method: 'GET',
    path: '/units/{code}/answer-authorisations',
    function: 'questions',
    auth: 'signed-in',
    action: 'qa.read-routed',
    summary: 'Answer authorisations granted in a unit (CB 11.5), newest first',
    tags: ['questions'],
    params: unitCodeParam,
    query: pageQuery,
    responses: {
      200: { description: 'A page of answer authorisations', schema: pageOf(answerAuthorisationSchema) },
      404: { description: 'No such unit' },
    },
  }),
};
