import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { effectivePolicy, presets } from '../../shared/domain/policies';
import { env } from '../../shared/config/env';
import { calendarRoutes } from './routes';

export const handler = httpFunction('policies', calendarRoutes, {
  policies: async () =>
    json(200, {
      current: env().POLICY_PRESET,
      presets: presets.map((p) => ({ id: p.id, name: p.name, act: p.act })),
    }),
  policy: async ({ params }) => {
    const policy =
      params.id === 'current' ? effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES) : effectivePolicy(params.id);
    const { preset, name, act, values } = policy;
    return json(200, { preset, name, act, values }, { 'cache-control': 'public, max-age=300' });
  },
});
