import { beforeAll, describe, expect, it } from 'vitest';
import { nestedStacksOf, testApp } from '../support/portal-app';
import { Template } from 'aws-cdk-lib/assertions';
import { buildPortal } from '../../infra/portal-app';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { queueDefinitions } from '../../infra/definitions/queues';

/**
 * Attachments on AWS, read from the synthesized templates: the media bucket tells EventBridge
 * about new objects, one rule sends those under incoming/ to the checker's queue (with its DLQ),
 * and the two upload functions may touch only their prefixes of the bucket.
 */
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

let data: Resources;
let asyncStack: Resources;
let all: Resources;
const config = loadDeploymentConfig();
const mediaExport = `Portal-${config.stage}-Data:MediaBucketArn`;

/** `{ Fn::Join: ['', [{ Fn::ImportValue: X }, '/incoming/*']] }` → `X/incoming/*`. */
const arnText = (resource: unknown): string => {
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) return JSON.stringify(resource);
  return join[1]
    .map((part) =>
      typeof part === 'string'
        ? part
        : ((part as { 'Fn::ImportValue'?: string })['Fn::ImportValue'] ?? JSON.stringify(part)),
    )
    .join('');
};

function s3StatementsOf(service: string): Array<{ actions: string[]; resources: string[] }> {
  const fn = Object.values(all).find(
    (r) =>
      r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
  );
  const roleId = fn!.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = Object.values(all).filter(
    (r) =>
      r.Type === 'AWS::IAM::Policy' &&
      (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
  );
  return policies
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')))
    .map((s) => ({ actions: asList(s.Action).sort(), resources: asList(s.Resource).map(arnText).sort() }));
}

beforeAll(() => {
  const app = testApp({ prefix: 'cdk-uploads-' });
  const stacks = buildPortal(app, config, { nag: false });
  data = Template.fromStack(stacks.data).toJSON().Resources;
  asyncStack = Template.fromStack(stacks.async).toJSON().Resources;
  all = Object.assign(
    {},
    ...Object.values(stacks)
      .flatMap((s) => [s, ...nestedStacksOf(s)])
      .map((s) => Template.fromStack(s).toJSON().Resources),
  );
});

describe('uploads on AWS', () => {
  it('turns on EventBridge notifications for the media bucket only, without a custom-resource Lambda', () => {
    const buckets = Object.entries(data).filter(([, r]) => r.Type === 'AWS::S3::Bucket');
    const notifying = buckets.filter(
      ([, r]) => r.Properties.NotificationConfiguration?.EventBridgeConfiguration?.EventBridgeEnabled === true,
    );
    expect(notifying.map(([id]) => id)).toEqual([expect.stringMatching(/^Media/)]);
    expect(
      Object.values(data).filter(
        (r) => r.Type === 'AWS::Lambda::Function' || r.Type === 'Custom::S3BucketNotifications',
      ),
    ).toEqual([]);
  });

  it('lets the console origins POST upload forms to the media bucket, and nothing else cross-origin', () => {
    const withCors = Object.entries(data).filter(
      ([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties.CorsConfiguration,
    );
    expect(withCors.map(([id]) => id)).toEqual([expect.stringMatching(/^Media/)]);
    expect(withCors[0]![1].Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedMethods: ['POST'],
        AllowedOrigins: config.corsOrigins,
        ExposedHeaders: ['ETag'],
      }),
    ]);
  });

  it('routes ObjectCreated under incoming/ of the media bucket to the checker queue, which has a DLQ', () => {
    const rules = Object.values(asyncStack).filter(
      (r) => r.Type === 'AWS::Events::Rule' && r.Properties.EventPattern?.source?.[0] === 'aws.s3',
    );
    expect(rules).toHaveLength(1);
    const rule = rules[0]!.Properties;
    expect(rule.EventBusName).toBeUndefined(); // S3 sends to the default bus
    expect(rule.EventPattern).toMatchObject({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ prefix: 'incoming/' }] } },
    });
    expect(JSON.stringify(rule.EventPattern.detail.bucket.name)).toMatch(/Media/);
    const queueId = rule.Targets[0].Arn['Fn::GetAtt'][0] as string;
    const queue = asyncStack[queueId]!.Properties;
    expect(queue.QueueName).toMatch(/upload-checks$/);
    expect(queue.RedrivePolicy.maxReceiveCount).toBe(queueDefinitions.uploadChecks.maxReceiveCount);
    const dlq = asyncStack[queue.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]]!.Properties;
    expect(dlq.QueueName).toMatch(/upload-checks-dlq$/);
    // EventBridge may send to the queue, and only from this rule.
    const queuePolicy = Object.values(asyncStack).find(
      (r) => r.Type === 'AWS::SQS::QueuePolicy' && r.Properties.Queues.some((q: { Ref: string }) => q.Ref === queueId),
    );
    expect(JSON.stringify(queuePolicy?.Properties.PolicyDocument)).toContain('events.amazonaws.com');
  });

  it('lets the checker read and delete under incoming/ and its own checking/, write under clean/, quarantine/ and checking/, nothing else of S3', () => {
    expect(s3StatementsOf('checkUpload')).toEqual([
      {
        actions: ['s3:DeleteObject', 's3:GetObject'],
        resources: [`${mediaExport}/checking/*`, `${mediaExport}/incoming/*`],
      },
      {
        actions: ['s3:PutObject'],
        resources: [`${mediaExport}/checking/*`, `${mediaExport}/clean/*`, `${mediaExport}/quarantine/*`],
      },
    ]);
  });

  it('lets the uploads function (whose role signs the forms) put under incoming/ only', () => {
    expect(s3StatementsOf('uploads')).toEqual([
      { actions: ['s3:PutObject'], resources: [`${mediaExport}/incoming/*`] },
    ]);
  });
});
