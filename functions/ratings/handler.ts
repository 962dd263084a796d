import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { ratingFiguresOf } from '../../shared/application/information-ratings';
import { ratingsRoutes } from './routes';

/** The owning unit's side of the ratings of information: figures and the raters' (scrubbed) texts, signed in. */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'ratings',
    ratingsRoutes,
    {
      getRatingFigures: async ({ query, principal }) =>
        json(200, await ratingFiguresOf(s, { principal, now: new Date() }, query), {
          'cache-control': 'private, no-store',
        }),
    },
    httpServices(s),
  ),
);
