import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { createUnit, mergeUnits, renameUnit, splitUnit } from '../../shared/application/units';
import { unitsRoutes } from './routes';

export const handler = lambdaRoot((s) =>
  httpFunction(
    'units',
    unitsRoutes,
    {
      createUnit: async ({ body, principal, requestId }) => {
        const unit = await createUnit(s, { principal, requestId, now: new Date() }, body);
        return json(201, unit, { location: `/units/${unit.code}`, etag: `"${unit.version}"` });
      },
      renameUnit: async ({ params, body, headers, principal, requestId }) => {
        const unit = await renameUnit(
          s,
          { principal, requestId, now: new Date() },
          params.code,
          body,
          expectedVersion(headers),
        );
        return json(200, unit, { etag: `"${unit.version}"` });
      },
      mergeUnits: async ({ body, principal, requestId }) =>
        json(200, await mergeUnits(s, { principal, requestId, now: new Date() }, body.sources, body.into)),
      splitUnit: async ({ params, body, principal, requestId }) => {
        const result = await splitUnit(
          s,
          { principal, requestId, now: new Date() },
          params.code,
          body.into.map((u) => ({ ...u, parentCode: null })),
          body.workTo,
        );
        return json(200, {
          created: result.created.map((u) => u.code),
          movedWork: result.movedWork,
          movedAccounts: result.movedAccounts,
        });
      },
    },
    httpServices(s),
  ),
);
