import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { HttpProblem } from '../../shared/http/problem';
import { text } from '../../shared/domain/text';
import { SECRET_PATTERN } from '../../shared/domain/questions';
import { askQuestion, questionStatus } from '../../shared/application/questions';
import { documentClient } from '../../shared/adapters/aws-clients';
import { DynamoIdempotencyStore } from '../../shared/adapters/dynamo/idempotency-store';
import { env } from '../../shared/config/env';
import { questionsRoutes } from './routes';

/**
 * The asker's side of Q&A: ask, follow. Its own function, without the principal resolver (no
 * signed-in route here) and without the content area, so the bundle stays small.
 */
let store: DynamoIdempotencyStore | undefined;

export const handler = httpFunction(
  'questionsPublic',
  questionsRoutes,
  {
    askQuestion: async ({ params, body, requestId, clientAddress }) => {
      const asked = await askQuestion({ requestId, now: new Date(), clientAddress }, params.portal, body);
      return json(201, asked, { location: `/public/questions/${asked.trackingCode}`, 'cache-control': 'no-store' });
    },
    getQuestionStatus: async ({ params, headers }) => {
      const secret = headers['x-question-secret'];
      if (secret === undefined || !SECRET_PATTERN.test(secret)) {
        const message = text('Cần gửi mã bí mật đã nhận khi hỏi trong tiêu đề X-Question-Secret', 'Send the secret you received when asking in the X-Question-Secret header');
        throw new HttpProblem('unauthenticated', message, [{ field: 'headers.X-Question-Secret', code: 'required', message }]);
      }
      return json(200, await questionStatus(params.trackingCode, secret), { 'cache-control': 'no-store' });
    },
  },
  { idempotencyStore: () => (store ??= new DynamoIdempotencyStore(documentClient(), env().TABLE_NAME, env().IDEMPOTENCY_TTL_SECONDS)) },
);
