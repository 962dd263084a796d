import { bind, json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { expectedVersion } from '../../shared/http/if-match';
import { createUnit, mergeUnits, renameUnit, splitUnit } from '../../shared/application/units';
import { routes } from '../routes';

export const handler = httpFunction(
  bind(routes.createUnit, async ({ body, principal, requestId }) => {
    const unit = await createUnit({ principal, requestId, now: new Date() }, body);
    return json(201, unit, { location: `/units/${unit.code}`, etag: `"${unit.version}"` });
  }),
  bind(routes.renameUnit, async ({ params, body, headers, principal, requestId }) => {
    const unit = await renameUnit({ principal, requestId, now: new Date() }, params.code, body, expectedVersion(headers));
    return json(200, unit, { etag: `"${unit.version}"` });
  }),
  bind(routes.mergeUnits, async ({ body, principal, requestId }) => json(200, await mergeUnits({ principal, requestId, now: new Date() }, body.sources, body.into))),
  bind(routes.splitUnit, async ({ params, body, principal, requestId }) => {
    const result = await splitUnit(
      { principal, requestId, now: new Date() },
      params.code,
      body.into.map((u) => ({ ...u, parentCode: null })),
      body.workTo,
    );
    return json(200, { created: result.created.map((u) => u.code), movedWork: result.movedWork, movedAccounts: result.movedAccounts });
  }),
);
