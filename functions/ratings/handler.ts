import { randomUUID } from 'node:crypto';
import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { requestHeaders } from '../../shared/http/cors';
import { requireAskChallenge } from '../../shared/application/ask-challenge';
import { rateInformation, ratingFiguresOf } from '../../shared/application/information-ratings';
import { ratingDayOf } from '../../shared/domain/participation/rating';
import { ratingsRoutes } from './routes';

/** Ratings of information: anyone rates (public), the owning unit reads the figures and texts (signed in). */
const noStore = { 'cache-control': 'no-store' };

export const handler = lambdaRoot((s) =>
  httpFunction(
    'ratings',
    ratingsRoutes,
    {
      rateInformation: async ({ body, headers, requestId, clientAddress }) => {
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
        await requireAskChallenge(headers[requestHeaders.challengeToken], clientAddress);
        const { website: _honeypot, ...input } = body;
        const rated = await rateInformation(
          s,
          { requestId, now, clientAddress, userAgent: headers['user-agent'] ?? '' },
          input,
        );
        return json(201, rated, noStore);
      },
      getRatingFigures: async ({ query, principal }) =>
        json(200, await ratingFiguresOf(s, { principal, now: new Date() }, query), {
          'cache-control': 'private, no-store',
        }),
    },
    httpServices(s),
  ),
);
