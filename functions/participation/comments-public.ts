import { randomInt } from 'node:crypto';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { HttpProblem } from '../../shared/http/problem';
import { requestHeaders } from '../../shared/http/cors';
import { text } from '../../shared/domain/text';
import { localDayOf, newSecret, SECRET_PATTERN } from '../../shared/domain/questions';
import { commentCode } from '../../shared/domain/participation/comment';
import { requireAskChallenge } from '../../shared/application/ask-challenge';
import {
  commentOnConsultation,
  commentStatus,
  eraseCommenterData,
} from '../../shared/application/consultation-comments';
import { commentServices } from '../../shared/application/consultation-comment-services';
import { kmsAskerKeys } from '../../shared/adapters/kms/asker-keys';
import { lambdaRoot } from '../../shared/composition/lambda';
import { logger } from '../../shared/logger';
import { commentsRoutes } from './comments-routes';

/** The secret the commenter was given, from X-Comment-Secret: missing or malformed is a 401. */
function commenterSecret(headers: Record<string, string | undefined>): string {
  const secret = headers[requestHeaders.commentSecret];
  if (secret === undefined || !SECRET_PATTERN.test(secret)) {
    const message = text(
      'Cần gửi mã bí mật đã nhận khi góp ý trong tiêu đề X-Comment-Secret',
      'Send the secret you received when commenting in the X-Comment-Secret header',
    );
    throw new HttpProblem('unauthenticated', message, [
      { field: 'headers.X-Comment-Secret', code: 'required', message },
    ]);
  }
  return secret;
}

/**
 * The commenter's side of a consultation: comment, follow. Without the principal resolver (no
 * signed-in route here). Asking's challenge hook applies as it does to asking; a filled honeypot
 * (`website`) is answered as if received, with a code that follows nothing, and nothing is written.
 */
export const handler = lambdaRoot(
  (s) => {
    const services = commentServices(s);
    return httpFunction(
      'consultationCommentsPublic',
      commentsRoutes,
      {
        commentOnConsultation: async ({ params, body, headers, requestId, clientAddress }) => {
          await requireAskChallenge(s.askChallenge, headers[requestHeaders.challengeToken], clientAddress);
          const now = new Date();
          const { website, ...comment } = body;
          if (website !== undefined && website.trim() !== '') {
            logger.info('comment honeypot filled', { consultationId: params.id });
            const decoy = commentCode(localDayOf(now), randomInt(900_000, 999_999));
            return json(
              201,
              { code: decoy, secret: newSecret(), receivedAt: now.toISOString(), state: 'pending' },
              { 'cache-control': 'no-store' },
            );
          }
          const received = await commentOnConsultation(
            services,
            { requestId, now, clientAddress },
            params.portal,
            params.id,
            comment,
          );
          return json(201, received, {
            location: `/public/consultation-comments/${received.code}`,
            'cache-control': 'no-store',
          });
        },
        eraseCommenterData: async ({ params, headers, requestId }) =>
          json(
            200,
            await eraseCommenterData(services, { requestId, now: new Date() }, params.code, commenterSecret(headers)),
            { 'cache-control': 'no-store' },
          ),
        getCommentStatus: async ({ params, headers }) =>
          json(200, await commentStatus(services, params.code, commenterSecret(headers)), {
            'cache-control': 'no-store',
          }),
      },
      { idempotencyStore: () => s.idempotency, corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
    );
  },
  // Commenting seals the commenter's data under a KMS data key (GenerateDataKey only: this function never decrypts).
  () => ({ askerKeys: kmsAskerKeys }),
);
