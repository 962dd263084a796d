import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { clockEvents, effectivePolicy, issuerScopes, presets, type EffectiveValue } from '../../shared/domain/policies';
import { configRoot } from '../../shared/composition/config-root';
import { deploymentPolicy } from '../../shared/application/deployment-policy';
import { calendarRoutes } from './routes';

export const handler = configRoot((s) =>
  httpFunction(
    'policies',
    calendarRoutes,
    {
      policies: async () =>
        json(200, {
          current: s.config.POLICY_PRESET,
          presets: presets.map((p) => ({ id: p.id, name: p.name, act: p.act })),
        }),
      policy: async ({ params }) => {
        const policy = params.id === 'current' ? deploymentPolicy(s.config) : effectivePolicy(params.id);
        const { preset, name, act, values } = policy;
        return json(200, { preset, name, act, values: values.map(served) }, { 'cache-control': 'public, max-age=300' });
      },
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);

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
