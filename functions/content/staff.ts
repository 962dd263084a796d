import { lambdaRoot } from '../../shared/composition/lambda';
import { json, readingAhead } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { readContentItem, readRevisionText, workflowItemOf } from '../../shared/application/content';
import { availableSteps } from '../../shared/domain/workflow/available';
import { contentWorkflow } from '../../shared/domain/workflow/tables/content';
import { listUnitContent, transitionContentItem } from '../../shared/application/content-transitions';
import { proposeSyndication } from '../../shared/application/content-syndication';
import { bulkTransitionContent } from '../../shared/application/content-bulk';
import { requestField } from '../../shared/http/request-fields';
import { problemKinds } from '../../shared/http/error-table';
import { contentRoutes } from './routes';

/** Staff side of content: read, list and move items through the editorial workflow (creation: create.ts). */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'content',
    contentRoutes,
    {
      listUnitContent: async ({ params, query, principal, requestId }) =>
        json(
          200,
          await listUnitContent(s, { principal, requestId, now: new Date() }, params.code, {
            limit: query.limit,
            state: query.state,
            category: query.category,
            overdue: query.overdue === 'true',
            cursor: query.cursor,
          }),
        ),
      getContentItem: async ({ params, query, principal, requestId }) => {
        const now = new Date();
        const ctx = { principal, requestId, now };
        const item = await readContentItem(s, ctx, params.id);
        // What this caller may do next, for a console's buttons (the transition still decides).
        const steps = availableSteps(contentWorkflow, workflowItemOf(item), principal, now, ['publish-scheduled']);
        // The texts of the revisions a console compares (kept with creation and edits of the text).
        const versions = query.revisions?.split(',').map(Number);
        const revisionTexts =
          versions && (await Promise.all(versions.map((v) => readRevisionText(s, ctx, params.id, v))));
        return json(200, { ...item, steps, ...(revisionTexts && { revisionTexts }) }, { etag: `"${item.version}"` });
      },
      transitionContentItem: readingAhead(
        (params) => s.content.get(params.id),
        async ({ params, body, headers, principal, requestId }, item) => {
          const ctx = { principal, requestId, now: new Date() };
          const done = await transitionContentItem(s, ctx, params.id, body, expectedVersion(headers), item);
          return json(200, done, { etag: `"${done.version}"` });
        },
      ),
      bulkTransitionContent: async ({ params, body, principal, requestId }) => {
        const done = await bulkTransitionContent(s, { principal, requestId, now: new Date() }, params.code, body);
        // Each failed item carries the status it would have had alone.
        // and names its fields where the request holds them, as a problem does.
        const failedItem = (r: Extract<(typeof done.results)[number], { ok: false }>) => ({
          ...r,
          status: problemKinds[r.code].status,
          ...(r.errors !== undefined && {
            errors: r.errors.map((e) => ({ ...e, field: requestField(e.field, contentRoutes.bulkTransitionContent) })),
          }),
        });
        return json(200, { ...done, results: done.results.map((r) => (r.ok ? r : failedItem(r))) });
      },
      proposeSyndication: async ({ params, body, principal, requestId }) => {
        const copy = await proposeSyndication(s, { principal, requestId, now: new Date() }, params.id, body.note);
        return json(201, copy, { location: `/content/${copy.id}`, etag: `"${copy.version}"` });
      },
    },
    httpServices(s),
  ),
);
