import { beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from 'aws-cdk-lib/core';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, nestedStacksOf, wholeTemplate } from '../support/portal-app';
import { allRoutes } from '../../functions/routes';
import { functionDefinitions } from '../../functions/manifest';

/**
 * CloudFormation refuses a stack of more than 500 resources. The API's functions and routes live in
 * nested stacks by area (infra/stacks/api-areas.ts), each its own template with its own limit: every
 * stack, top-level or nested, keeps a wide margin, and the routes stacks leave room for many more routes.
 */
const BUDGET = 400;
/** Routes still to come (participation's ~15, and more) that must fit without touching the layout. */
const MORE_ROUTES = 40;

describe('resource budget', () => {
  let stacks: Stack[];
  let api: Stack;
  beforeAll(() => {
    const portal = defaultPortal().stacks;
    api = portal.api;
    stacks = [portal.data, portal.auth, portal.async, portal.api, portal.jobs, portal.edgeFirewall, portal.edge];
  });

  const count = (template: Template, type?: string) =>
    Object.values(template.toJSON().Resources as Record<string, { Type: string }>).filter(
      (r) => !type || r.Type === type,
    ).length;
  const nameOf = (stack: Stack) => (stack.nested ? stack.node.id : stack.stackName);

  it(`keeps every stack, nested or not, under ${BUDGET} resources, and the busiest routes stack ${MORE_ROUTES} routes from it`, () => {
    const figures = stacks
      .flatMap((stack) => [stack, ...nestedStacksOf(stack)])
      .map((stack) => ({ stack, name: nameOf(stack), resources: count(Template.fromStack(stack)) }));
    const whole = wholeTemplate(api);
    // HEAD methods belong to the cached public reads (shared/http/edge-cache.ts), a fixed set that
    // staff routes do not grow: counted with the fixed resources, not per route.
    const headMethods = Object.values(whole.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod === 'HEAD',
    ).length;
    const perRoute = {
      methods: count(whole, 'AWS::ApiGateway::Method') - headMethods,
      resources: count(whole, 'AWS::ApiGateway::Resource'),
      routes: allRoutes.length,
    };
    const routeCost = (perRoute.methods + perRoute.resources) / perRoute.routes;
    console.log(`resources per stack: ${figures.map((f) => `${f.name}=${f.resources}`).join(', ')}`);
    console.log(
      `API: ${perRoute.routes} routes, ${perRoute.methods} methods (incl. OPTIONS), ${perRoute.resources} path resources → ${routeCost.toFixed(2)} resources per route in the routes stacks`,
    );
    for (const f of figures) expect(f.resources, f.name).toBeLessThanOrEqual(BUDGET);
    const routesStacks = figures.filter((f) => f.stack.nested && f.name.endsWith('Routes'));
    expect(routesStacks.length).toBeGreaterThan(1);
    // Headroom: the new routes all in the busiest routes stack, at today's cost per route, still fit.
    const busiest = Math.max(...routesStacks.map((f) => f.resources));
    expect(busiest + routeCost * MORE_ROUTES).toBeLessThanOrEqual(BUDGET);
    // The parent holds the API itself, one resource per area stack and the stage: it does not grow with routes.
    expect(figures.find((f) => f.stack === api)!.resources).toBeLessThan(BUDGET / 4);
  });

  it('grants API Gateway one invoke permission per function, scoped to this API', () => {
    const whole = wholeTemplate(api);
    const httpFunctions = new Set(allRoutes.map((r) => r.function));
    expect(
      Object.keys(functionDefinitions).filter(
        (k) => functionDefinitions[k as keyof typeof functionDefinitions].kind === 'http',
      ).length,
    ).toBeGreaterThanOrEqual(httpFunctions.size);
    const permissions = Object.values(whole.findResources('AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(httpFunctions.size);
    for (const permission of permissions) {
      expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
      // execute-api:…:<this API's id>/*/*/* (the id reaches each area stack as a parameter from the parent's RestApi).
      expect(JSON.stringify(permission.Properties.SourceArn)).toMatch(
        /:execute-api:.*\{"Ref":"referenceto\w*Api\w*Ref"\},"\/\*\/\*\/\*"/,
      );
    }
  });

  it('answers CORS preflight only on paths that carry a route', () => {
    const methods = Object.values(wholeTemplate(api).findResources('AWS::ApiGateway::Method')) as Array<{
      Properties: { HttpMethod: string };
    }>;
    const options = methods.filter((m) => m.Properties.HttpMethod === 'OPTIONS').length;
    expect(options).toBe(new Set(allRoutes.map((r) => r.path)).size);
  });
});
