import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { announcePlannedOutage } from '../../shared/application/planned-outages';
import { outagesRoutes } from './routes';

/** The operators announce planned suspensions (signed in; NĐ 224/2026 Điều 13.1a). */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'outages',
    outagesRoutes,
    {
      announcePlannedOutage: async ({ body, principal, requestId }) =>
        json(201, await announcePlannedOutage(s, { principal, requestId, now: new Date() }, body), {
          'cache-control': 'no-store',
        }),
    },
    httpServices(s),
  ),
);
