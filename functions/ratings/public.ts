import { randomUUID } from 'node:crypto';
import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { requestHeaders } from '../../shared/http/cors';
import { requireAskChallenge } from '../../shared/application/ask-challenge';
import { rateInformation } from '../../shared/application/information-ratings';
import { ratingDayOf } from '../../shared/domain/participation/rating';
import { ratingsRoutes } from './routes';

/**
 * Rating information (no account): its own function, without the principal resolver, so it has no
 * reserved concurrency and a flood of ratings never takes the staff functions' share.
 */
const noStore = { 'cache-control': 'no-store' };

export const handler = lambdaRoot((s) =>
  httpFunction(
    'ratingsPublic',
    ratingsRoutes,
    {
      rateInformation: async ({ body, headers, requestId, clientAddress, userAgent }) => {
        const now = new Date();
        // The honeypot was filled: only bots see the field. They get the answer people get; nothing is kept.
        if (body.website !== undefined && body.website.trim() !== '') {
          return json(
            201,
            {
              id: randomUUID(),
              target: body.target,
              scale: body.score === undefined ? 'useful' : 'score',
              value: body.score ?? (body.useful ? 1 : 0),
              textKept: false,
              localDate: ratingDayOf(now),
            },
            noStore,
          );
        }
        // The same optional challenge hook as asking (shared/application/ask-challenge.ts): none by default.
        await requireAskChallenge(s.askChallenge, headers[requestHeaders.challengeToken], clientAddress);
        const { website: _honeypot, ...input } = body;
        const rated = await rateInformation(s, { requestId, now, clientAddress, userAgent }, input);
        return json(201, rated, noStore);
      },
    },
    { idempotencyStore: () => s.idempotency, corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
