import { type App, Validations, type Environment } from 'aws-cdk-lib/core';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeploymentConfig } from './config/deployment';
import { DataStack } from './stacks/data-stack';
import { AsyncStack } from './stacks/async-stack';
import { ApiStack } from './stacks/api-stack';
import { JobsStack } from './stacks/jobs-stack';
import { AuthStack, cognitoDomainPrefix } from './stacks/auth-stack';
import { EdgeFirewallStack } from './stacks/edge-firewall-stack';
import { EdgeStack } from './stacks/edge-stack';
import type { PortalResources } from './constructs/portal-function';

/**
 * Builds the stacks for one deployment and runs cdk-nag's AwsSolutions rules on them. `nag: false`
 * only lets tests that synthesise many configurations skip the rules (≈ 28 s a synth here).
 * `oneOffJobs`: also the manual jobs (the directory bootstrap, whose role creates users and writes
 * accounts): deployed for the first run only (`cdk deploy -c bootstrap=true`), then deployed away.
 */
export function buildPortal(app: App, config: DeploymentConfig, options: { nag?: boolean; oneOffJobs?: boolean } = {}) {
  const env: Environment = {
    region: config.region,
    ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
  };
  const prefix = `Portal-${config.stage}`;
  const tags = { project: 'cong-ttdt', province: config.province.code, stage: config.stage };

  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    tags,
    corsOrigins: config.corsOrigins,
    backups: config.backups,
  });
  const auth = new AuthStack(app, `${prefix}-Auth`, { env, tags, config, table: data.table });
  const async = new AsyncStack(app, `${prefix}-Async`, {
    env,
    tags,
    config,
    table: data.table,
    buckets: data.buckets,
    userPool: auth.userPool,
    userPoolClient: auth.consoleClient,
  });
  const resources: PortalResources = {
    config,
    table: data.table,
    buckets: data.buckets,
    bus: async.bus,
    queues: async.queues,
    deadLetterQueues: async.deadLetterQueues,
    userPool: auth.userPool,
    userPoolClient: auth.consoleClient,
  };
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    tags,
    resources,
    alarmTopic: async.alarmTopic,
    userPool: auth.userPool,
  });
  const jobs = new JobsStack(app, `${prefix}-Jobs`, {
    env,
    tags,
    resources,
    alarmTopic: async.alarmTopic,
    oneOffJobs: options.oneOffJobs ?? false,
  });
  // CloudFront's web ACL must live in us-east-1; the distribution itself is managed from the deployment's region.
  const edgeFirewall = new EdgeFirewallStack(app, `${prefix}-EdgeFirewall`, {
    env: { ...env, region: 'us-east-1' },
    tags,
  });
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env,
    tags,
    config,
    api: api.api,
    media: data.buckets.media,
    webAclArn: edgeFirewall.webAclArn,
    resources,
    cognitoDomain: `https://${cognitoDomainPrefix(config)}.auth.${config.region}.amazoncognito.com`,
  });

  for (const stack of [async, api, jobs, edge]) {
    // Findings that apply to every function of the house construct, acknowledged once with the reason.
    Validations.of(stack).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS-managed basic execution role only lets a function write its own logs.',
    });
    Validations.of(stack).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned so that Lambda runs the same major as local runs, tests and CI.',
    });
  }
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, auth, async, api, jobs, edgeFirewall, edge };
}
