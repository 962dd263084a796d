import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { allRoutes } from '../../functions/routes';
import { acceptedScopes } from '../../shared/http/contract';
import { machineGrants, machineScopeNames, RESOURCE_SERVER, USER_SCOPE } from '../../shared/domain/access/scopes';

/**
 * Issue 19 #1 on AWS: the authorizer's scopes of every synthesized method are the route table's
 * (the local gateway enforces `acceptedScopes` from the same table), the console's code-flow tokens
 * pass every staff method, and the resource server offers exactly the scopes routes name.
 */
describe('API scopes as synthesized', () => {
  let api: Template;
  let auth: Template;
  beforeAll(() => {
    api = wholeTemplate(defaultPortal().stacks.api);
    auth = Template.fromStack(defaultPortal().stacks.auth);
  });

  type Method = {
    Properties: {
      OperationName?: string;
      HttpMethod: string;
      AuthorizationType?: string;
      AuthorizationScopes?: string[];
    };
  };
  const methods = () =>
    Object.values(api.findResources('AWS::ApiGateway::Method') as Record<string, Method>).filter(
      (m) => m.Properties.HttpMethod !== 'OPTIONS' && m.Properties.HttpMethod !== 'HEAD',
    );

  it('gives every method exactly the scopes of its route: none on public routes, acceptedScopes on signed-in ones', () => {
    const byId = new Map(methods().map((m) => [m.Properties.OperationName, m.Properties]));
    expect(byId.size).toBe(allRoutes.length);
    for (const route of allRoutes) {
      const method = byId.get(route.id);
      expect(method, route.id).toBeDefined();
      if (route.auth === 'public') {
        expect(method!.AuthorizationScopes, route.id).toBeUndefined();
        expect(method!.AuthorizationType ?? 'NONE', route.id).toBe('NONE');
      } else {
        expect(method!.AuthorizationType, route.id).toBe('COGNITO_USER_POOLS');
        expect([...method!.AuthorizationScopes!].sort(), route.id).toEqual(acceptedScopes(route).sort());
      }
    }
  });

  it('lets a code-flow access token of the console client pass every staff method', () => {
    const clients = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'));
    const console = clients.filter((c) => c.Properties.AllowedOAuthFlows?.includes('code'));
    expect(console).toHaveLength(1);
    // Cognito puts into a code-flow access token the allowed scopes the client asked for; at most all of them.
    const tokenScopes = console[0]!.Properties.AllowedOAuthScopes as string[];
    expect(tokenScopes).toContain(USER_SCOPE);
    const staff = methods().filter((m) => m.Properties.AuthorizationType === 'COGNITO_USER_POOLS');
    expect(staff.length).toBeGreaterThan(0);
    for (const method of staff) {
      expect(
        method.Properties.AuthorizationScopes!.some((s) => tokenScopes.includes(s)),
        method.Properties.OperationName,
      ).toBe(true);
    }
  });

  it('offers the machine scopes the routes name on the resource server, each granting the action of every route that accepts it', () => {
    const [server] = Object.values(auth.findResources('AWS::Cognito::UserPoolResourceServer'));
    expect(server!.Properties.Identifier).toBe(RESOURCE_SERVER);
    const offered = (server!.Properties.Scopes as Array<{ ScopeName: string }>)
      .map((s) => `${RESOURCE_SERVER}/${s.ScopeName}`)
      .sort();
    expect(offered).toEqual([...machineScopeNames].sort());
    const named = new Set(allRoutes.flatMap((r) => r.machineScopes ?? []));
    expect([...named].sort()).toEqual([...machineScopeNames].sort());
    // Otherwise the token passes the authorizer and the function refuses it (403) before reading anything.
    for (const route of allRoutes)
      for (const scope of route.machineScopes ?? [])
        if (route.action) expect(machineGrants[scope], `${route.id} ${scope}`).toContain(route.action);
  });

  it('grants no machine scope a step that decides or publishes (separation of duties)', () => {
    const granted = Object.values(machineGrants).flat();
    for (const action of [
      'content.approve',
      'content.publish',
      'content.intake',
      'content.edit',
      'qa.check',
      'qa.publish',
      'qa.route',
      'qa.read-asker',
    ] as const) {
      expect(granted).not.toContain(action);
    }
  });
});
