import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { CfnResource, Stack, Validations, type App } from 'aws-cdk-lib/core';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildPortal } from '../../infra/portal-app';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { defaultPortal, testApp, wholeTemplate } from '../support/portal-app';
import { tableDefinition } from '../../infra/definitions/table';
import { queueDefinitions } from '../../infra/definitions/queues';
import { allRoutes } from '../../functions/routes';
import { schedules } from '../../events/schedules';
import { notificationRules, routingRules, storageRoutingRules } from '../../events/rules';

describe('CDK stacks', () => {
  let stacks: ReturnType<typeof buildPortal>;
  let app: App;
  beforeAll(() => {
    ({ app, stacks } = defaultPortal());
  });

  // A full synth with cdk-nag takes ~10 s on an idle machine, several times that on a loaded one.
  // The app is shared with the other infra files: if one of them synthesised it already, that synth
  // passed cdk-nag (a synth that throws is not cached, so this one would throw again).
  it('synthesises with zero unacknowledged cdk-nag AwsSolutions findings', { timeout: 120_000 }, () => {
    expect(() => app.synth()).not.toThrow();
  }); // bundling every function takes ~25 s alone, more beside scrypt-heavy tests on 2 cores

  it('builds the table from the shared definition, with PITR and deletion protection', () => {
    const template = Template.fromStack(stacks.data);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
      GlobalSecondaryIndexes: tableDefinition.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });

  it('versions the backups bucket and keeps every bucket private and TLS-only', () => {
    const template = Template.fromStack(stacks.data);
    template.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('gives every queue a DLQ with the defined receive count and a consumer reporting batch failures', () => {
    const template = Template.fromStack(stacks.async);
    for (const def of Object.values(queueDefinitions)) {
      template.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: def.visibilityTimeoutSeconds,
        RedrivePolicy: Match.objectLike({ maxReceiveCount: def.maxReceiveCount }),
      });
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        BatchSize: def.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
    template.resourceCountIs(
      'AWS::Events::Rule',
      routingRules.length + storageRoutingRules.length + notificationRules.length,
    );
  });

  it('creates one API method per route and problem+json gateway responses', () => {
    const template = wholeTemplate(stacks.api);
    for (const route of allRoutes) {
      template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: route.method, OperationName: route.id });
    }
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
      ResponseParameters: { 'gatewayresponse.header.Content-Type': "'application/problem+json'" },
    });
    // The web ACL is at the edge (edge-firewall-stack.ts); every method requires the distribution's key.
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod !== 'OPTIONS',
    );
    for (const method of methods) expect(method.Properties.ApiKeyRequired, method.Properties.OperationName).toBe(true);
  });

  it('puts every signed-in route behind the Cognito authorizer and leaves public ones open', () => {
    const template = wholeTemplate(stacks.api);
    for (const route of allRoutes) {
      template.hasResourceProperties('AWS::ApiGateway::Method', {
        HttpMethod: route.method,
        OperationName: route.id,
        AuthorizationType: route.auth === 'public' ? 'NONE' : 'COGNITO_USER_POOLS',
      });
    }
  });

  it('enforces the regulations\u2019 password policy and a group per role', () => {
    const template = Template.fromStack(stacks.auth);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'operator' });
  });

  it('runs every function on Node.js 22, arm64', () => {
    for (const stack of [stacks.api, stacks.async, stacks.jobs]) {
      wholeTemplate(stack).allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
      });
    }
  });

  it('schedules every job with its expression and time zone', () => {
    const template = Template.fromStack(stacks.jobs);
    for (const schedule of schedules) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timeZone,
      });
    }
  });

  it('grants the health function a table probe and its job ledger query, nothing else', () => {
    const template = wholeTemplate(stacks.api);
    const policies = template.findResources('AWS::IAM::Policy');
    const healthPolicies = Object.entries(policies).filter(([id]) => id.startsWith('HealthFunction'));
    expect(healthPolicies.length).toBeGreaterThan(0);
    const statements = healthPolicies.flatMap(
      ([, p]) =>
        p.Properties.PolicyDocument.Statement as Array<{
          Action: string | string[];
          Effect: string;
          Condition?: unknown;
        }>,
    );
    const allowed = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat());
    expect(allowed).toContain('dynamodb:DescribeTable');
    // No S3 or SQS at all: bucket and queue health comes from the dependency-check job's ledger.
    expect(allowed.filter((a) => /^(s3|sqs):/.test(a))).toEqual([]);
    expect(allowed.filter((a) => /^dynamodb:(Get|Put|Update|Delete|Batch|Scan)/.test(a))).toEqual([]);
    const query = statements.find((s) => s.Effect === 'Allow' && [s.Action].flat().includes('dynamodb:Query'));
    expect(JSON.stringify(query?.Condition)).toContain('JOB#dependency-check*');
  });
});

describe('CloudFormation validation', () => {
  // The plugin CDK runs at every real synth (cdk.json makes its findings errors); the other
  // infra tests skip it (test/support/portal-app.ts), so it runs here once, on the default deployment.
  // ~40 s alone: the validator reads every template, the API's nested area stacks (~20) among them.
  it('passes the templates CDK ships to its CloudFormation validator, with no finding', { timeout: 240_000 }, () => {
    const cdkJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    };
    expect(cdkJson.context['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
    const app = testApp({ cloudFormationValidation: true });
    buildPortal(app, loadDeploymentConfig(), { nag: false });
    expect(() => app.synth()).not.toThrow();
  });

  it('fails synthesis on a template CloudFormation would refuse (the validator really runs)', () => {
    const app = testApp({ cloudFormationValidation: true });
    const stack = new Stack(app, 'Bad');
    new CfnResource(stack, 'Odd', {
      type: 'AWS::SQS::Queue',
      properties: { VisibilityTimeout: 'soon', NoSuchProperty: 1 },
    });
    expect(() => app.synth()).toThrow(/NoSuchProperty/);
  });
});

describe('cdk-nag', () => {
  it('fails synthesis on an unacknowledged finding (the checks really run)', () => {
    const app = testApp();
    const stack = new Stack(app, 'Bad');
    new Bucket(stack, 'Unlogged');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});
