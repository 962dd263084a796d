import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { resolveUnit } from '../../shared/application/units';
import { languageDomains } from '../../shared/domain/units/unit';
import { unitsRoutes } from './routes';

/** The public unit directory: what sub-portals exist and where (organisation info is published anyway, BĐ 8). */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'unitsPublic',
    unitsRoutes,
    {
      listUnits: async ({ query }) => {
        const parent = query.parent ?? s.config.PROVINCE_CODE;
        const page = await s.units.children(parent, query.limit, query.cursor);
        return json(200, page);
      },
      getUnit: async ({ params }) => {
        const { requested, current } = await resolveUnit(s, params.code);
        return json(200, { unit: { ...requested, languageDomains: languageDomains(requested) }, current });
      },
      unitHistory: async ({ params }) => {
        await resolveUnit(s, params.code);
        return json(200, { items: await s.units.history(params.code) });
      },
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
