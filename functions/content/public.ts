import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { searchLegalDocuments } from '../../shared/application/legal-search';
import { contentFeed } from '../../shared/application/content-feed';
import { contentSitemap } from '../../shared/application/content-sitemap';
import { DomainError } from '../../shared/domain/errors';
import { contentRoutes } from './routes';

/** The public read side: published renditions only (its role may read nothing else). */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'contentPublic',
    contentRoutes,
    {
      listPublishedContent: async ({ params, query }) =>
        json(
          200,
          await s.publishedContent.list(params.portal, query.language, query.category, query.limit, query.cursor),
          { 'cache-control': 'public, max-age=60' },
        ),
      getPublishedContent: async ({ params }) => {
        const item = await s.publishedContent.get(params.id);
        if (!item || item.portal !== params.portal) {
          throw new DomainError('not_found', {
            vi: `Cổng ${params.portal} không có tin, bài ${params.id}`,
            en: `Portal ${params.portal} has no item ${params.id}`,
          });
        }
        return json(200, item, { 'cache-control': 'public, max-age=60' });
      },
      searchLegalDocuments: async ({ params, query }) => {
        const { limit, cursor, ...search } = query;
        const defined = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined));
        return json(
          200,
          await searchLegalDocuments(s, params.portal, defined, { limit, offset: Number(cursor ?? 0) }),
          { 'cache-control': 'public, max-age=60' },
        );
      },
      getContentFeed: async ({ params, query }) => ({
        status: 200,
        body: await contentFeed(s, params.portal, query.language, query.category, new Date()),
        contentType: 'application/rss+xml; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
      getSitemap: async ({ params, query }) => ({
        status: 200,
        body: await contentSitemap(s, params.portal, query.page),
        contentType: 'application/xml; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=3600' },
        compressible: true,
      }),
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
