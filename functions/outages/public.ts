import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { listPlannedOutages, plannedOutageFeed } from '../../shared/application/planned-outages';
import { outagesRoutes } from './routes';

/** Planned outage notices as the public reads them: JSON and RSS, no principal resolver. */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'outagesPublic',
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
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
