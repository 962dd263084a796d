import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { dynamoServices } from '../../shared/http/services';
import { createContentItem } from '../../shared/application/content-create';
import { contentRoutes } from './routes';

/** Creating items: the one content route that cleans rich text, so the only bundle with the HTML sanitiser. */
export const handler = httpFunction('contentCreate', contentRoutes, {
  createContentItem: async ({ params, body, principal, requestId }) => {
    const created = await createContentItem({ principal, requestId, now: new Date() }, params.code, body);
    return json(201, created, { location: `/content/${created.id}`, etag: `"${created.version}"` });
  },
}, dynamoServices);
