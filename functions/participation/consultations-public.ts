import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import {
  consultationFeed,
  listPublicConsultations,
  publicConsultation,
  publishedConsultation,
} from '../../shared/application/consultation-reads';
import { consultationRoutes } from './consultations-routes';

/** The public side of consultations (issue 28): open and closed ones, their articles, the RSS of open ones. */
const cache = { 'cache-control': 'public, max-age=60' };

export const handler = lambdaRoot((s) =>
  httpFunction(
    'consultationsPublic',
    consultationRoutes,
    {
      listConsultations: async ({ params, query }) =>
        json(
          200,
          await listPublicConsultations(s, params.portal, query.status, query.limit, query.cursor, new Date()),
          cache,
        ),
      getConsultation: async ({ params }) => {
        const now = new Date();
        const record = await publishedConsultation(s, params.portal, params.id);
        return json(200, await publicConsultation(s, record, now), cache);
      },
      getConsultationFeed: async ({ params }) => ({
        status: 200,
        body: await consultationFeed(s, params.portal, new Date()),
        contentType: 'application/rss+xml; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
