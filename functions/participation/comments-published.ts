import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { publishedComments } from '../../shared/application/consultation-comments';
import { commentServices } from '../../shared/application/consultation-comment-services';
import { lambdaRoot } from '../../shared/composition/lambda';
import { commentsRoutes } from './comments-routes';

/** The public list of a consultation's published comments: redacted copies only. */
export const handler = lambdaRoot((s) => {
  const services = commentServices(s);
  return httpFunction(
    'consultationCommentsPublished',
    commentsRoutes,
    {
      listConsultationComments: async ({ params, query }) =>
        json(200, await publishedComments(services, params.portal, params.id, query), { 'cache-control': 'no-store' }),
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  );
});
