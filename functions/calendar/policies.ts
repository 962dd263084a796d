import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { clockEvents, effectivePolicy, issuerScopes, presets, type EffectiveValue } from '../../shared/domain/policies';
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
      params.id === 'current'
        ? effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES)
        : effectivePolicy(params.id);
    const { preset, name, act, values } = policy;
    return json(200, { preset, name, act, values: values.map(served) }, { 'cache-control': 'public, max-age=300' });
  },
});

/** A value as served: the event it counts from by name, and an issuer scope with what other issuers get. */
function served({ outsideIssuer, issuer, ...value }: EffectiveValue) {
  return {
    ...value,
    countsFromName: clockEvents[value.countsFrom].name,
    ...(issuer !== undefined &&
      outsideIssuer !== undefined && {
        issuer: {
          id: issuer,
          name: issuerScopes[issuer].name,
          otherIssuers: { value: outsideIssuer.value, basis: outsideIssuer.basis },
        },
      }),
  };
}
