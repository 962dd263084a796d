import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { listPublishedQuestions } from '../../shared/application/published-questions';
import { questionsRoutes } from './routes';

/**
 * The public list of published questions (issue 9 §8): its own lean function, whose role may read
 * the redacted copies and nothing else (not the questions, not the askers' data).
 */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'questionsPublished',
    questionsRoutes,
    {
      listPublishedQuestions: async ({ params, query }) =>
        json(
          200,
          await listPublishedQuestions(s, params.portal, {
            q: query.q,
            field: query.field,
            limit: query.limit,
            cursor: query.cursor,
          }),
          { 'cache-control': 'public, max-age=60' },
        ),
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
