import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { commentsForModeration, moderateComment } from '../../shared/application/consultation-comment-moderation';
import { commentServices } from '../../shared/application/consultation-comment-services';
import { lambdaRoot } from '../../shared/composition/lambda';
import { commentsRoutes } from './comments-routes';

/** The board's side of consultation comments: the moderation list and the moderation step. Never the commenter's data. */
export const handler = lambdaRoot((s) => {
  const services = commentServices(s);
  return httpFunction(
    'consultationCommentsModeration',
    commentsRoutes,
    {
      listCommentsForModeration: async ({ params, query, principal, requestId }) =>
        json(200, await commentsForModeration(services, { principal, requestId, now: new Date() }, params.id, query), {
          'cache-control': 'no-store',
        }),
      moderateComment: async ({ params, body, principal, requestId }) =>
        json(200, await moderateComment(services, { principal, requestId, now: new Date() }, params.code, body)),
    },
    httpServices(s),
  );
});
