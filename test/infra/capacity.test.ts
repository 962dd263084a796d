import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { deploymentConfigSchema, loadDeploymentConfig } from '../../infra/config/deployment';
import {
  MIN_UNRESERVED_CONCURRENCY,
  reservedConcurrency,
  signInFunctions,
  staffFunctions,
} from '../../infra/config/capacity-plan';
import { allRoutes } from '../../functions/routes';

/** Issue 19 #6 from the templates: separate API limits for public and staff methods, reserved concurrency for sign-in and staff. */
const config = loadDeploymentConfig();
const { publicApi, staffApi, reserved, accountConcurrency } = config.capacity;

type Setting = {
  ResourcePath: string;
  HttpMethod: string;
  ThrottlingRateLimit?: number;
  ThrottlingBurstLimit?: number;
};
type Fn = {
  Properties: { Environment?: { Variables?: Record<string, unknown> }; ReservedConcurrentExecutions?: number };
};

describe('throttles and reserved concurrency', () => {
  let settings: Setting[];
  let functions: Fn[];
  beforeAll(() => {
    const { api, auth, async, jobs } = defaultPortal().stacks;
    const apiTemplate = wholeTemplate(api);
    const stage = Object.values(apiTemplate.findResources('AWS::ApiGateway::Stage'))[0]!;
    settings = stage.Properties.MethodSettings as Setting[];
    functions = [api, auth, async, jobs].flatMap(
      (s) => Object.values(wholeTemplate(s).findResources('AWS::Lambda::Function')) as Fn[],
    );
  });

  /** The throttle API Gateway applies to a route: its own method setting, else the stage's default (`/*`, `*`). */
  const throttleOf = (path: string, method: string) => {
    // CloudFormation's MethodSetting spells `/units/{code}` as `/~1units~1{code}`.
    const encoded = `/~1${path.slice(1).split('/').join('~1')}`;
    const own = settings.find((s) => s.ResourcePath === encoded && s.HttpMethod === method);
    const fallback = settings.find((s) => s.ResourcePath === '/*' && s.HttpMethod === '*');
    const chosen = own ?? fallback!;
    return { rateLimit: chosen.ThrottlingRateLimit, burstLimit: chosen.ThrottlingBurstLimit };
  };

  it('limits every public method with the public throttle and every signed-in method with its own staff throttle', () => {
    expect(settings.find((s) => s.ResourcePath === '/*' && s.HttpMethod === '*')).toMatchObject({
      ThrottlingRateLimit: publicApi.rateLimit,
      ThrottlingBurstLimit: publicApi.burstLimit,
    });
    for (const route of allRoutes) {
      expect(throttleOf(route.path, route.method), `${route.method} ${route.path}`).toEqual(
        route.auth === 'public' ? publicApi : staffApi,
      );
    }
  });

  it('reserves concurrency for the sign-in trigger and every staff function, and none for public ones', () => {
    const byKey = new Map(
      functions.map((f) => [
        f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string,
        f.Properties.ReservedConcurrentExecutions,
      ]),
    );
    expect(signInFunctions()).toEqual(['cognitoPasswordChanges']);
    expect(byKey.get('cognitoPasswordChanges')).toBe(reserved.signIn);
    expect(staffFunctions().length).toBeGreaterThan(5);
    for (const key of staffFunctions()) expect(byKey.get(key), key).toBe(reserved.staffFunction);
    for (const key of new Set(allRoutes.filter((r) => r.auth === 'public').map((r) => r.function)))
      expect(byKey.get(key), key).toBeUndefined();
    const total = functions.reduce((sum, f) => sum + (f.Properties.ReservedConcurrentExecutions ?? 0), 0);
    expect(accountConcurrency - total).toBeGreaterThanOrEqual(MIN_UNRESERVED_CONCURRENCY);
  });

  it('refuses a plan that leaves fewer than 100 unreserved executions, naming what to change', () => {
    const small = deploymentConfigSchema.parse({
      ...config,
      capacity: { accountConcurrency: 150, reserved: { signIn: 10, staffFunction: 5 } },
    });
    expect(() => reservedConcurrency(small.capacity)).toThrow(
      /leaves \d+ unreserved; Lambda needs at least 100\. Lower capacity\.reserved/,
    );
    const fits = deploymentConfigSchema.parse({
      ...config,
      capacity: { accountConcurrency: 150, reserved: { signIn: 2, staffFunction: 2 } },
    });
    expect([...reservedConcurrency(fits.capacity).values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(50);
    expect(
      deploymentConfigSchema.safeParse({ ...config, capacity: { reserved: { signIn: 0, staffFunction: 5 } } }).success,
    ).toBe(false);
    expect(deploymentConfigSchema.safeParse({ ...config, capacity: { accountConcurrency: 50 } }).success).toBe(false);
  });
});
