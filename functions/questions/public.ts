import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { HttpProblem } from '../../shared/http/problem';
import { requestHeaders } from '../../shared/http/cors';
import { text } from '../../shared/domain/text';
import { SECRET_PATTERN } from '../../shared/domain/questions';
import { askQuestion, questionStatus } from '../../shared/application/questions';
import { requireAskChallenge } from '../../shared/application/ask-challenge';
import { eraseAskerData, rateAnswer } from '../../shared/application/question-asker';
import { kmsAskerKeys } from '../../shared/adapters/kms/asker-keys';
import { lambdaRoot } from '../../shared/composition/lambda';
import { questionsRoutes } from './routes';

/**
 * The asker's side of Q&A: ask, follow, rate the answer, have their data erased. Its own function, without the principal resolver (no
 * signed-in route here) and without the content area, so the bundle stays small.
 */
/** The secret the asker was given, from X-Question-Secret: missing or malformed is a 401. */
function askerSecret(headers: Record<string, string | undefined>): string {
  const secret = headers[requestHeaders.questionSecret];
  if (secret === undefined || !SECRET_PATTERN.test(secret)) {
    const message = text(
      'Cần gửi mã bí mật đã nhận khi hỏi trong tiêu đề X-Question-Secret',
      'Send the secret you received when asking in the X-Question-Secret header',
    );
    throw new HttpProblem('unauthenticated', message, [
      { field: 'headers.X-Question-Secret', code: 'required', message },
    ]);
  }
  return secret;
}

export const handler = lambdaRoot(
  (s) =>
    httpFunction(
      'questionsPublic',
      questionsRoutes,
      {
        askQuestion: async ({ params, body, headers, requestId, clientAddress }) => {
          // The optional challenge hook (shared/application/ask-challenge.ts): none is wired by default.
          await requireAskChallenge(s.askChallenge, headers[requestHeaders.challengeToken], clientAddress);
          const asked = await askQuestion(s, { requestId, now: new Date(), clientAddress }, params.portal, body);
          return json(201, asked, { location: `/public/questions/${asked.trackingCode}`, 'cache-control': 'no-store' });
        },
        getQuestionStatus: async ({ params, headers }) =>
          json(200, await questionStatus(s, params.trackingCode, askerSecret(headers)), {
            'cache-control': 'no-store',
          }),
        rateAnswer: async ({ params, headers, body, requestId }) =>
          json(
            201,
            await rateAnswer(s, { requestId, now: new Date() }, params.trackingCode, askerSecret(headers), body),
            {
              'cache-control': 'no-store',
            },
          ),
        eraseAskerData: async ({ params, headers, requestId }) =>
          json(
            200,
            await eraseAskerData(s, { requestId, now: new Date() }, params.trackingCode, askerSecret(headers)),
            {
              'cache-control': 'no-store',
            },
          ),
      },
      { idempotencyStore: () => s.idempotency, corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
    ),
  // Asking seals the asker's data under a KMS data key (GenerateDataKey only: this function never decrypts).
  () => ({ askerKeys: kmsAskerKeys }),
);
