import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { announcePlannedOutage, listPlannedOutages, plannedOutageFeed } from '../../shared/application/planned-outages';
import { outagesRoutes } from './routes';

/** Planned outage notices: the operators announce (signed in), everyone reads (public, and as RSS). */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'outages',
    outagesRoutes,
    {
      listPlannedOutages: async ({ params }) =>
        json(200, await listPlannedOutages(s, params.portal, new Date()), { 'cache-control': 'public, max-age=60' }),
      getPlannedOutageFeed: async ({ params }) => ({
        status: 200,
        body: await plannedOutageFeed(s, params.portal, new Date()),
        contentType: 'application/rss+xml; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
      announcePlannedOutage: async ({ body, principal, requestId }) => {
        const outage = await announcePlannedOutage(s, { principal, requestId, now: new Date() }, body);
        return json(201, outage, { 'cache-control': 'no-store' });
      },
    },
    httpServices(s),
  ),
);
