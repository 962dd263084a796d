import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, testApp, wholeTemplate } from '../support/portal-app';
import { buildPortal } from '../../infra/portal-app';
import { deploymentConfigSchema, loadDeploymentConfig } from '../../infra/config/deployment';
import { allRoutes } from '../../functions/routes';
import {
  cachedBehaviours,
  cacheClasses,
  cacheClassOf,
  edgePathPattern,
  patternMatches,
  publicCaching,
} from '../../shared/http/edge-cache';
import { API_STAGE_NAME } from '../../shared/http/openapi';
import { CONSOLE_PATH } from '../../infra/definitions/edge';
import { ERROR_CACHE_SECONDS } from '../../shared/domain/edge/published-files';

/** Issue 26 §1 on AWS: one distribution, its behaviours and policies, the firewall at the edge, the origin protected. */
describe('edge (CloudFront) as synthesized', () => {
  let edge: Template;
  let firewall: Template;
  let api: Template;
  let data: Template;
  let distribution: Record<string, any>;
  type Behaviour = {
    PathPattern: string;
    CachePolicyId: unknown;
    OriginRequestPolicyId?: unknown;
    TargetOriginId: string;
    Compress: boolean;
    AllowedMethods: string[];
    CachedMethods?: string[];
  };
  let behaviours: Behaviour[];
  beforeAll(() => {
    const { stacks } = defaultPortal();
    edge = Template.fromStack(stacks.edge);
    firewall = Template.fromStack(stacks.edgeFirewall);
    api = wholeTemplate(stacks.api);
    data = Template.fromStack(stacks.data);
    expect(stacks.edgeFirewall.region).toBe('us-east-1');
    const [dist] = Object.values(edge.findResources('AWS::CloudFront::Distribution'));
    distribution = dist!.Properties.DistributionConfig;
    behaviours = distribution.CacheBehaviors;
  }, 180_000);

  const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
  const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
  const behaviourOf = (path: string) => behaviours.find((b) => patternMatches(b.PathPattern, path));

  it('is one distribution, TLS 1.2 or later, HTTP/2 and 3, with the web ACL from us-east-1', () => {
    edge.resourceCountIs('AWS::CloudFront::Distribution', 1);
    expect(distribution.ViewerCertificate ?? {}).not.toMatchObject({ MinimumProtocolVersion: 'TLSv1' });
    expect(distribution.HttpVersion).toBe('http2and3');
    expect(JSON.stringify(distribution.WebACLId)).toMatch(/EdgeFirewall|Fn::GetAtt|Reader/);
    const [acl] = Object.values(firewall.findResources('AWS::WAFv2::WebACL'));
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    expect((acl!.Properties.Rules as Array<{ Name: string }>).map((r) => r.Name).sort()).toEqual([
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'BodyOverLimit',
      'RatePerIp',
    ]);
    expect(distribution.DefaultRootObject).toBe(`${CONSOLE_PATH.slice(1)}index.html`);
  });

  it('never caches staff routes: every signed-in path falls to the /v1/* behaviour with caching disabled and all viewer headers but Host', () => {
    for (const route of allRoutes.filter((r) => r.auth === 'signed-in')) {
      const samplePath = `/${API_STAGE_NAME}${route.path.replace(/\{[^}]+\}/g, 'x1')}`;
      const behaviour = behaviourOf(samplePath)!;
      expect(behaviour.CachePolicyId, route.id).toBe(CACHING_DISABLED);
      expect(behaviour.OriginRequestPolicyId, route.id).toBe(ALL_VIEWER_EXCEPT_HOST);
    }
  });

  it('caches each public read by its class (lists a minute, feeds 15 minutes, items an hour), compressed, keyed on query and Accept-Language', () => {
    expect(
      Object.keys(publicCaching).every((id) =>
        allRoutes.some((r) => r.id === id && r.method === 'GET' && r.auth === 'public'),
      ),
    ).toBe(true);
    const policies = edge.findResources('AWS::CloudFront::CachePolicy');
    for (const route of allRoutes) {
      const cacheClass = cacheClassOf(route);
      const samplePath = `/${API_STAGE_NAME}${route.path.replace(/\{[^}]+\}/g, 'x1')}`;
      const behaviour = behaviourOf(samplePath)!;
      if (!cacheClass) {
        if (route.method === 'GET') expect(behaviour.CachePolicyId, route.id).toBe(CACHING_DISABLED);
        continue;
      }
      expect(behaviour.PathPattern, route.id).toBe(`/${API_STAGE_NAME}${edgePathPattern(route.path)}`);
      expect(behaviour.Compress, route.id).toBe(true);
      expect(behaviour.CachedMethods, route.id).toEqual(['GET', 'HEAD']);
      const policy = policies[(behaviour.CachePolicyId as { Ref: string }).Ref]!.Properties.CachePolicyConfig;
      expect(policy.DefaultTTL, route.id).toBe(cacheClasses[cacheClass].sharedSeconds);
      expect(policy.MaxTTL, route.id).toBe(cacheClasses[cacheClass].sharedSeconds);
      const key = policy.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key).toMatchObject({
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['accept-language'] },
      });
    }
    expect(cacheClasses.list.sharedSeconds).toBeLessThan(cacheClasses.item.sharedSeconds);
    expect(behaviours.length).toBeLessThanOrEqual(25); // CloudFront's default quota of behaviours
  });

  it('orders the behaviours so that no route is caught by another route\u2019s pattern of a different class', () => {
    const ordered = cachedBehaviours(allRoutes);
    expect(behaviours.slice(0, ordered.length).map((b) => b.PathPattern)).toEqual(
      ordered.map((b) => `/${API_STAGE_NAME}${b.pattern}`),
    );
  });

  it('serves published attachments from the media bucket through OAC, and the bucket lets the distribution read published/ only', () => {
    const files = behaviours.find((b) => b.PathPattern === '/published/*')!;
    expect(files.AllowedMethods).toEqual(['GET', 'HEAD']);
    const origin = (distribution.Origins as Array<Record<string, any>>).find((o) => o.Id === files.TargetOriginId)!;
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.S3OriginConfig).toBeDefined();
    edge.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    const policy = JSON.stringify(data.findResources('AWS::S3::BucketPolicy'));
    expect(policy).toContain('cloudfront.amazonaws.com');
    const statement = Object.values(data.findResources('AWS::S3::BucketPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .find((s: any) => s.Sid === 'DistributionReadsPublishedFiles');
    expect(statement.Action).toBe('s3:GetObject');
    expect(JSON.stringify(statement.Resource)).toContain('/published/*');
  });

  it('guards the console with a strict Content-Security-Policy', () => {
    const [headers] = Object.values(edge.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(
      headers!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    );
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain('amazoncognito.com');
  });

  it('protects the origin: the distribution sends the API key every method requires, and the stage has no web ACL of its own', () => {
    const apiOrigin = (distribution.Origins as Array<Record<string, any>>).find((o) => o.CustomOriginConfig)!;
    const header = (apiOrigin.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>).find(
      (h) => h.HeaderName === 'x-api-key',
    )!;
    expect(JSON.stringify(header.HeaderValue)).toContain('resolve:secretsmanager');
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    edge.hasResourceProperties('AWS::ApiGateway::ApiKey', { Enabled: true, Value: Match.anyValue() });
    edge.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
    api.resourceCountIs('AWS::WAFv2::WebACL', 0);
    const methods = Object.values(api.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod !== 'OPTIONS',
    );
    expect(methods.every((m) => m.Properties.ApiKeyRequired === true)).toBe(true);
    // HEAD for exactly the cached public reads.
    const heads = methods.filter((m) => m.Properties.HttpMethod === 'HEAD').length;
    expect(heads).toBe(allRoutes.filter((r) => cacheClassOf(r)).length);
  });

  it('keeps a 404 only briefly, so that a first publication needs no invalidation', () => {
    expect(distribution.CustomErrorResponses).toEqual([{ ErrorCode: 404, ErrorCachingMinTTL: ERROR_CACHE_SECONDS }]);
  });

  it('invalidates through one consumer: batched over a minute from the edge queue, allowed this distribution only', () => {
    edge.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 60,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const [fnId, fn] = Object.entries(edge.findResources('AWS::Lambda::Function')).find(
      ([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'refreshEdge',
    )!;
    expect(fn.Properties.Environment.Variables.EDGE_DISTRIBUTION_ID).toEqual({
      Ref: Object.keys(edge.findResources('AWS::CloudFront::Distribution'))[0],
    });
    const statements = Object.values(edge.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(fnId.replace(/[A-F0-9]{8}$/, '')))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const invalidate = statements.filter((s: any) => JSON.stringify(s.Action).includes('cloudfront:'));
    expect(invalidate).toHaveLength(1);
    expect(invalidate[0].Action).toBe('cloudfront:CreateInvalidation');
    expect(JSON.stringify(invalidate[0].Resource)).toContain('distribution/');
    expect(JSON.stringify(invalidate[0].Resource)).not.toContain('*');
  });

  it('compresses answers of 1 KiB and more at the API (the rule the local gateway applies)', () => {
    api.hasResourceProperties('AWS::ApiGateway::RestApi', { MinimumCompressionSize: 1024 });
  });

  it('serves a configured domain with its us-east-1 certificate, TLS 1.2 (2021 policy) and SNI', () => {
    const base = loadDeploymentConfig();
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab';
    expect(
      deploymentConfigSchema.safeParse({
        ...base,
        edge: { domainName: 'cong.demo.gov.vn', certificateArn: certificateArn.replace('us-east-1', 'ap-southeast-1') },
      }).success,
    ).toBe(false);
    const stacks = buildPortal(
      testApp({ prefix: 'cdk-edge-domain-' }),
      { ...base, edge: { domainName: 'cong.demo.gov.vn', certificateArn } },
      { nag: false },
    );
    const config = Object.values(Template.fromStack(stacks.edge).findResources('AWS::CloudFront::Distribution'))[0]!
      .Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['cong.demo.gov.vn']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });
});
