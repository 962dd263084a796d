import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { directory } from '../../shared/application/directory';
import { resolveUnit } from '../../shared/application/units';
import { env } from '../../shared/config/env';
import { languageDomains } from '../../shared/domain/units/unit';
import { unitsRoutes } from './routes';

/** The public unit directory: what sub-portals exist and where (organisation info is published anyway, BĐ 8). */
export const handler = httpFunction('unitsPublic', unitsRoutes, {
  listUnits: async ({ query }) => {
    const parent = query.parent ?? env().PROVINCE_CODE;
    const page = await directory().units.children(parent, query.limit, query.cursor);
    return json(200, page);
  },
  getUnit: async ({ params }) => {
    const { requested, current } = await resolveUnit(params.code);
    return json(200, { unit: { ...requested, languageDomains: languageDomains(requested) }, current });
  },
  unitHistory: async ({ params }) => {
    await resolveUnit(params.code);
    return json(200, { items: await directory().units.history(params.code) });
  },
});
