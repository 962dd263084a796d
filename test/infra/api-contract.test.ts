import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { allRoutes } from '../../functions/routes';
import { corsPolicy } from '../../shared/http/cors';

/** Issue 12 #20 and #24 on AWS: what API Gateway and WAF answer themselves, read from the template. */
describe('API stack: gateway and firewall answers', () => {
  let template: Template;
  const config = loadDeploymentConfig();
  beforeAll(() => {
    template = wholeTemplate(defaultPortal().stacks.api);
  });

  it('answers UNAUTHORIZED and EXPIRED_TOKEN with 401, WWW-Authenticate: Bearer and problem+json', () => {
    for (const type of ['UNAUTHORIZED', 'EXPIRED_TOKEN']) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        StatusCode: '401',
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Content-Type': "'application/problem+json'",
          'gatewayresponse.header.Www-Authenticate': "'Bearer'",
        }),
      });
    }
  });

  it('answers DEFAULT_4XX, DEFAULT_5XX and WAF_FILTERED as problem+json with a type on the API itself', () => {
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX', 'WAF_FILTERED']) {
      const found = template.findResources('AWS::ApiGateway::GatewayResponse', { Properties: { ResponseType: type } });
      const [response] = Object.values(found) as Array<{
        Properties: { ResponseParameters: Record<string, string>; ResponseTemplates: Record<string, string> };
      }>;
      expect(response, type).toBeDefined();
      expect(response!.Properties.ResponseParameters['gatewayresponse.header.Content-Type']).toMatch(
        /application\/problem\+json/,
      );
      const body = JSON.parse(response!.Properties.ResponseTemplates['application/json']!) as { type: string };
      expect(body.type).toMatch(/^\/\$context\.stage\/problems\//);
    }
  });

  it('allows every origin (`*`, no credentials) only on public paths; staff paths and gateway responses name the configured origins', () => {
    const preflights = template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } });
    expect(Object.keys(preflights).length).toBeGreaterThan(0);
    const pathOf = (resourceId: string) => {
      const parts: string[] = [];
      let id: string | undefined = resourceId;
      const resources = template.findResources('AWS::ApiGateway::Resource');
      while (id && resources[id]) {
        parts.unshift(resources[id]!.Properties.PathPart as string);
        id = (resources[id]!.Properties.ParentId as { Ref?: string }).Ref;
      }
      return `/${parts.join('/')}`;
    };
    let publicPaths = 0;
    for (const method of Object.values(preflights)) {
      const path = pathOf(method.Properties.ResourceId.Ref as string);
      const routes = allRoutes.filter((r) => r.path === path);
      expect(routes.length, path).toBeGreaterThan(0);
      const headers = method.Properties.Integration.IntegrationResponses[0].ResponseParameters as Record<
        string,
        string
      >;
      const origin = headers['method.response.header.Access-Control-Allow-Origin'];
      expect(headers['method.response.header.Access-Control-Allow-Headers'], path).toBe(
        `'${corsPolicy.allowHeaders.join(',')}'`,
      );
      if (routes.every((r) => r.auth === 'public')) {
        publicPaths++;
        expect(origin, path).toBe("'*'");
        expect(headers['method.response.header.Access-Control-Allow-Credentials'], path).toBeUndefined();
      } else {
        expect(origin, path).not.toBe("'*'");
        expect(
          config.corsOrigins.some((o) => origin?.includes(o)),
          path,
        ).toBe(true);
      }
    }
    expect(publicPaths).toBeGreaterThan(0);
    const responses = JSON.stringify(template.findResources('AWS::ApiGateway::GatewayResponse'));
    expect(responses).not.toContain("'*'");
  });

  it('gives the WAF rate-limit block a problem+json body', () => {
    const acl = Object.values(
      Template.fromStack(defaultPortal().stacks.edgeFirewall).findResources('AWS::WAFv2::WebACL'),
    )[0] as { Properties: Record<string, any> };
    const bodies = acl.Properties.CustomResponseBodies as Record<string, { ContentType: string; Content: string }>;
    const rate = (acl.Properties.Rules as Array<Record<string, any>>).find((r) => r.Name === 'RatePerIp')!;
    const custom = rate.Action.Block.CustomResponse;
    expect(custom.ResponseCode).toBe(429);
    const body = JSON.parse(bodies[custom.CustomResponseBodyKey]!.Content) as {
      type: string;
      status: number;
      i18n: unknown;
    };
    expect(body).toMatchObject({ type: '/v1/problems/too-many-requests', status: 429 });
    expect(body.i18n).toBeDefined();
  });
});
