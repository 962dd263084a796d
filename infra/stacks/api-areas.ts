import { NestedStack, Validations, type Duration } from 'aws-cdk-lib/core';
import {
  AuthorizationType,
  AwsIntegration,
  RestApi,
  type IAuthorizer,
  type IResource,
  type Method,
} from 'aws-cdk-lib/aws-apigateway';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import type { RouteDefinition } from '../../shared/http/contract';
import { isPublicPath } from '../../shared/http/cors';
import { acceptedScopes } from '../../shared/http/contract';
import { cacheClassOf } from '../../shared/http/edge-cache';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';

/**
 * The API's functions and routes live in nested stacks by area, so no stack comes near
 * CloudFormation's 500 resources as areas add routes (test/infra/resource-budget.test.ts):
 * - `<Area>Functions`: the HTTP functions whose entry is under `functions/<area>/`, with their
 *   roles, policies, log groups and the one invoke permission each, scoped to this API;
 * - `<Area>Routes`: the path resources and methods of every top-level path segment the area owns
 *   (the area of the first route on that segment, in the order of functions/routes.ts), since a
 *   path resource exists once per API.
 * Routes reference functions (their ARNs), never the reverse, and both reference only the RestApi
 * of the parent: no cycle between stacks.
 */

/** The area of an HTTP function: the folder of its entry (`functions/questions/staff.ts` → `questions`). */
export const areaOfFunction = (key: FunctionKey) => functionDefinitions[key].entry.split('/')[1]!;

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());
const topSegment = (path: string) => path.split('/')[1]!;

/** The routes each area's routes stack carries, by the owner of their top-level path segment. */
export function routesByArea(routes: readonly RouteDefinition[]): Map<string, RouteDefinition[]> {
  const owner = new Map<string, string>();
  for (const route of routes) {
    const segment = topSegment(route.path);
    if (!owner.has(segment)) owner.set(segment, areaOfFunction(route.function));
  }
  const byArea = new Map<string, RouteDefinition[]>();
  for (const route of routes) {
    const area = owner.get(topSegment(route.path))!;
    byArea.set(area, [...(byArea.get(area) ?? []), route]);
  }
  return byArea;
}

/** An area's HTTP functions, each allowed to be invoked by this API (any stage, method and path). */
export class ApiFunctionsStack extends NestedStack {
  readonly functions = new Map<FunctionKey, IFunction>();

  constructor(
    scope: Construct,
    area: string,
    props: { keys: FunctionKey[]; resources: PortalResources; api: RestApi; reserved: Map<string, number> },
  ) {
    super(scope, `${pascal(area)}Functions`, { description: `The API's ${area} functions` });
    for (const key of props.keys) {
      const fn = new PortalFunction(this, `${key[0]!.toUpperCase()}${key.slice(1)}Function`, key, props.resources);
      const reservation = props.reserved.get(key);
      if (reservation !== undefined) (fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = reservation;
      // One permission per function (not one per method): the stacks stay small as routes grow.
      fn.addPermission('ApiInvoke', {
        principal: new ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: props.api.arnForExecuteApi(),
      });
      this.functions.set(key, fn);
    }
  }
}

export interface Preflight {
  allowOrigins: string[];
  allowHeaders: string[];
  allowMethods: string[];
  maxAge: Duration;
  allowCredentials?: boolean;
}

/** An area's path resources and methods on the parent's RestApi. */
export class ApiRoutesStack extends NestedStack {
  readonly methods: Method[] = [];

  constructor(
    scope: Construct,
    area: string,
    props: {
      routes: RouteDefinition[];
      allRoutes: readonly RouteDefinition[];
      api: RestApi;
      authorizer: IAuthorizer;
      functionOf: (key: FunctionKey) => IFunction;
      preflight: { staff: Preflight; public: Preflight };
    },
  ) {
    super(scope, `${pascal(area)}Routes`, { description: `The API's routes under the ${area} area's paths` });
    const api = RestApi.fromRestApiAttributes(this, 'Api', {
      restApiId: props.api.restApiId,
      rootResourceId: props.api.restApiRootResourceId,
    });
    // The proxy integration LambdaIntegration builds, without its permission: the function's stack holds that one.
    const integrations = new Map<FunctionKey, AwsIntegration>();
    const integrationOf = (key: FunctionKey) => {
      if (!integrations.has(key))
        integrations.set(
          key,
          new AwsIntegration({
            proxy: true,
            service: 'lambda',
            path: `2015-03-31/functions/${props.functionOf(key).functionArn}/invocations`,
          }),
        );
      return integrations.get(key)!;
    };
    const withPreflight = new Set<string>();
    for (const route of props.routes) {
      if (functionDefinitions[route.function].kind !== 'http')
        throw new Error(`Route ${route.id} targets non-HTTP function ${route.function}`);
      const resource: IResource = api.root.resourceForPath(route.path);
      if (!withPreflight.has(route.path)) {
        const onPath = props.allRoutes.filter((r) => r.path === route.path);
        resource.addCorsPreflight(isPublicPath(onPath) ? props.preflight.public : props.preflight.staff);
        withPreflight.add(route.path);
      }
      const options = {
        operationName: route.id,
        // Only the distribution holds the key (edge-stack.ts): the API cannot be called around its firewall.
        apiKeyRequired: true,
        ...(route.auth === 'public'
          ? {}
          : {
              authorizer: props.authorizer,
              authorizationType: AuthorizationType.COGNITO,
              authorizationScopes: acceptedScopes(route),
            }),
      };
      const integration = integrationOf(route.function);
      const method = resource.addMethod(route.method, integration, options);
      this.methods.push(method);
      // REST APIs do not answer HEAD by themselves, and on a cache miss CloudFront forwards the
      // viewer's method: cached public reads get a HEAD method (the handler answers it as GET without
      // the body). Only those: each method is a resource of this stack (resource-budget.test.ts).
      if (cacheClassOf(route)) {
        const head = resource.addMethod('HEAD', integration, { ...options, operationName: `${route.id}Head` });
        this.methods.push(head);
        acknowledgePublic(head, route);
      }
      if (route.auth === 'public') acknowledgePublic(method, route);
    }
  }
}

function acknowledgePublic(method: Construct, route: { method: string; path: string; summary: string }) {
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `${route.method} ${route.path} is public by design (${route.summary}).`,
  });
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-COG4',
    reason: `${route.method} ${route.path} is public by design and has no user pool authorizer.`,
  });
}
