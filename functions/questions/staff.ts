import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { listQuestions, readQuestion, transitionQuestion } from '../../shared/application/question-transitions';
import { questionFigures } from '../../shared/application/question-figures';
import { eraseAskerDataOnDemand } from '../../shared/application/question-asker';
import { kmsAskerKeys } from '../../shared/adapters/kms/asker-keys';
import {
  grantAnswerAuthorisation,
  listAnswerAuthorisations,
  revokeAnswerAuthorisation,
} from '../../shared/application/answer-authorisations';
import { questionsRoutes } from './routes';

/** The staff side of Q&A: read, list, and the board's intake and the unit's return. */
export const handler = lambdaRoot(
  (s) =>
    httpFunction(
      'questions',
      questionsRoutes,
      {
        grantAnswerAuthorisation: async ({ body, principal, requestId }) =>
          json(201, await grantAnswerAuthorisation(s, { principal, requestId, now: new Date() }, body)),
        revokeAnswerAuthorisation: async ({ params, principal, requestId }) =>
          json(
            200,
            await revokeAnswerAuthorisation(
              s,
              { principal, requestId, now: new Date() },
              params.id,
              params.authorisationId,
            ),
          ),
        unitAnswerAuthorisations: async ({ params, query, principal, requestId }) =>
          json(
            200,
            await listAnswerAuthorisations(
              s,
              { principal, requestId, now: new Date() },
              params.code,
              query.limit,
              query.cursor,
            ),
          ),
        getQuestion: async ({ params, principal, requestId }) => {
          const question = await readQuestion(s, { principal, requestId, now: new Date() }, params.id);
          return json(200, question, { etag: `"${question.version}"`, 'cache-control': 'no-store' });
        },
        listQuestions: async ({ params, query, principal, requestId }) =>
          json(
            200,
            await listQuestions(s, { principal, requestId, now: new Date() }, params.code, {
              limit: query.limit,
              view: query.view,
              stage: query.stage,
              overdue: query.overdue === 'true',
              cursor: query.cursor,
            }),
            { 'cache-control': 'no-store' },
          ),
        transitionQuestion: async ({ params, body, headers, principal, requestId }) => {
          const done = await transitionQuestion(
            s,
            { principal, requestId, now: new Date() },
            params.id,
            body,
            expectedVersion(headers),
          );
          return json(200, done, { etag: `"${done.version}"` });
        },
        getQuestionFigures: async ({ params, query, principal, requestId }) =>
          json(
            200,
            await questionFigures(s, { principal, requestId, now: new Date() }, params.code, query.from, query.to),
            { 'cache-control': 'no-store' },
          ),
        eraseAskerDataOnDemand: async ({ params, body, principal, requestId }) =>
          json(
            200,
            await eraseAskerDataOnDemand(s, { principal, requestId, now: new Date() }, params.id, body.demandReference),
            { 'cache-control': 'no-store' },
          ),
      },
      httpServices(s),
    ),
  // Staff open the asker's data under KMS (Decrypt only: this function never seals).
  () => ({ askerKeys: kmsAskerKeys }),
);
