import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { problemBody } from '../../shared/http/problem';
import { API_STAGE_NAME } from '../../shared/http/openapi';
import { greaterThanPattern, MAX_REQUEST_BODY_BYTES } from '../../shared/http/body-limit';

/**
 * The portal's web ACL (issue 19 #2, moved to the edge by issue 26): AWS managed rule sets, our own
 * body size rule and a per-IP rate limit (public forms attract abuse). The common rule set's
 * SizeRestrictions_BODY blocks bodies over 8 KB, far below the API's 256 KiB (an article of
 * 200,000 characters): it only counts here, and `BodyOverLimit` blocks at the API's limit instead,
 * read from Content-Length (WAF inspects at most 64 KB of a body, so it cannot measure one of 256 KiB).
 * `scope: 'CLOUDFRONT'` must be created in us-east-1 (infra/stacks/edge-firewall-stack.ts).
 */
export function portalWebAcl(scope: Construct, id: string, aclScope: 'CLOUDFRONT' | 'REGIONAL'): CfnWebACL {
  const visibility = (name: string) => ({
    cloudWatchMetricsEnabled: true,
    metricName: name,
    sampledRequestsEnabled: true,
  });
  const managed = (name: string, priority: number, countOnly: readonly string[] = []) => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(countOnly.length > 0 && {
          ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        }),
      },
    },
    visibilityConfig: visibility(name),
  });
  // Blocks by our own rules answer problem+json like every other refusal (WAF allows only its
  // own content types: APPLICATION_JSON). The problem types name the API's base path (/v1), which
  // the distribution serves unchanged.
  const rateLimited = problemBody('too_many_requests', { lang: 'vi', basePath: `/${API_STAGE_NAME}` });
  const tooLarge = problemBody('payload_too_large', { lang: 'vi', basePath: `/${API_STAGE_NAME}` });
  return new CfnWebACL(scope, id, {
    scope: aclScope,
    defaultAction: { allow: {} },
    visibilityConfig: visibility('portal-api'),
    customResponseBodies: {
      'problem-too-many-requests': { contentType: 'APPLICATION_JSON', content: JSON.stringify(rateLimited) },
      'problem-payload-too-large': { contentType: 'APPLICATION_JSON', content: JSON.stringify(tooLarge) },
    },
    rules: [
      {
        name: 'BodyOverLimit',
        priority: 0,
        action: {
          block: {
            customResponse: { responseCode: tooLarge.status, customResponseBodyKey: 'problem-payload-too-large' },
          },
        },
        statement: {
          regexMatchStatement: {
            // singleHeader is untyped in the L1 construct: its key is written as CloudFormation spells it.
            fieldToMatch: { singleHeader: { Name: 'content-length' } },
            regexString: greaterThanPattern(MAX_REQUEST_BODY_BYTES),
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
        visibilityConfig: visibility('BodyOverLimit'),
      },
      managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
      {
        name: 'RatePerIp',
        priority: 3,
        action: {
          block: {
            customResponse: {
              responseCode: rateLimited.status,
              customResponseBodyKey: 'problem-too-many-requests',
              responseHeaders: [{ name: 'retry-after', value: '300' }],
            },
          },
        },
        statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility('RatePerIp'),
      },
    ],
  });
}
