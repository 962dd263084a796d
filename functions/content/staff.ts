import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { dynamoServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { createContentItem, readContentItem } from '../../shared/application/content';
import { listUnitContent, transitionContentItem } from '../../shared/application/content-transitions';
import { contentRoutes } from './routes';

/** Staff side of content: create, read, list and move items through the editorial workflow. */
export const handler = httpFunction('content', contentRoutes, {
  createContentItem: async ({ params, body, principal, requestId }) => {
    const created = await createContentItem({ principal, requestId, now: new Date() }, params.code, body);
    return json(201, created, { location: `/content/${created.id}`, etag: `"${created.version}"` });
  },
  listUnitContent: async ({ params, query, principal, requestId }) =>
    json(
      200,
      await listUnitContent({ principal, requestId, now: new Date() }, params.code, {
        limit: query.limit,
        state: query.state,
        category: query.category,
        overdue: query.overdue === 'true',
        cursor: query.cursor,
      }),
    ),
  getContentItem: async ({ params, principal, requestId }) => {
    const item = await readContentItem({ principal, requestId, now: new Date() }, params.id);
    return json(200, item, { etag: `"${item.version}"` });
  },
  transitionContentItem: async ({ params, body, headers, principal, requestId }) => {
    const done = await transitionContentItem({ principal, requestId, now: new Date() }, params.id, body, expectedVersion(headers));
    return json(200, done, { etag: `"${done.version}"` });
  },
}, dynamoServices);
