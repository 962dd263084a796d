import { lambdaRoot } from '../../shared/composition/lambda';
import { json, readingAhead } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { createContentItem } from '../../shared/application/content-create';
import { editContentItem } from '../../shared/application/content-edit';
import { contentEditingRoutes } from './editing-routes';

/** Creating and editing items: the content routes that clean rich text, so the only bundle with the HTML sanitiser. */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'contentCreate',
    contentEditingRoutes,
    {
      createContentItem: readingAhead(
        (params) => s.units.get(params.code),
        async ({ params, body, principal, requestId }, unit) => {
          const ctx = { principal, requestId, now: new Date() };
          const created = await createContentItem(s, ctx, params.code, body, unit);
          return json(201, created, { location: `/content/${created.id}`, etag: `"${created.version}"` });
        },
      ),
      updateContentItem: async ({ params, body, headers, principal, requestId }) => {
        const edited = await editContentItem(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          body,
          expectedVersion(headers),
        );
        return json(200, edited, { etag: `"${edited.version}"` });
      },
    },
    httpServices(s),
  ),
);
