import { freeTiers, prices } from './prices';
import type { TemplateFacts } from './facts';
import type { Workload } from './workload';
import { invalidationPaths } from '../../shared/domain/edge/published-files';

/** One line of the bill: list price, the same after the always-free monthly tiers, and what drives it. */
export interface CostLine {
  readonly component: string;
  readonly usd: number;
  readonly usdAfterFreeTier: number;
  readonly driver: string;
}

export interface Estimate {
  readonly workload: string;
  readonly lines: readonly CostLine[];
  readonly total: number;
  readonly totalAfterFreeTier: number;
}

/**
 * Every resource type the templates may hold, and the component that prices it (or why it is free).
 * A type missing here fails test/infra/cost.test.ts: the model must learn to price it first.
 */
export const resourceTypeCosts: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::RestApi': 'API Gateway requests',
  'AWS::ApiGateway::Stage': 'API Gateway requests; per-method metrics; X-Ray',
  'AWS::ApiGateway::Method': 'API Gateway per-method metrics (when the stage enables them)',
  'AWS::ApiGateway::Resource': 'free: part of the API definition',
  'AWS::ApiGateway::Deployment': 'free: part of the API definition',
  'AWS::ApiGateway::Account': 'free: the account-level logging role setting',
  'AWS::ApiGateway::Authorizer': 'free: Cognito authorizers cost nothing beyond the request',
  'AWS::ApiGateway::GatewayResponse': 'free: part of the API definition',
  'AWS::ApiGateway::ApiKey': 'free: API keys and usage plans cost nothing',
  'AWS::ApiGateway::UsagePlan': 'free: API keys and usage plans cost nothing',
  'AWS::ApiGateway::UsagePlanKey': 'free: API keys and usage plans cost nothing',
  'AWS::CloudWatch::Alarm': 'CloudWatch alarms',
  'AWS::CloudWatch::CompositeAlarm': 'CloudWatch alarms',
  'AWS::Logs::LogGroup': 'Logs',
  'AWS::Logs::MetricFilter': 'free: the metric it feeds is priced with the alarms',
  'AWS::XRay::SamplingRule': 'X-Ray',
  'AWS::WAFv2::WebACL': 'WAF',
  'AWS::WAFv2::WebACLAssociation': 'free: priced with the web ACL',
  'AWS::DynamoDB::GlobalTable': 'DynamoDB',
  'AWS::Cognito::UserPool': 'Cognito',
  'AWS::Cognito::UserPoolClient': 'free: part of the user pool',
  'AWS::Cognito::UserPoolDomain': 'free: part of the user pool',
  'AWS::Cognito::UserPoolGroup': 'free: part of the user pool',
  'AWS::Cognito::UserPoolResourceServer': 'free: part of the user pool',
  'AWS::Lambda::Function': 'Lambda; Logs; X-Ray',
  'AWS::CloudFormation::Stack': 'free: a nested stack (the API by area); its resources are priced in its own template',
  'AWS::Lambda::Permission': 'free: a policy statement',
  'AWS::Lambda::EventSourceMapping': 'free: polling is priced as SQS requests',
  'AWS::IAM::Role': 'free: IAM',
  'AWS::IAM::Policy': 'free: IAM',
  'AWS::KMS::Key': 'KMS',
  'AWS::S3::Bucket': 'S3',
  'AWS::S3::BucketPolicy': 'free: part of the bucket',
  'AWS::SQS::Queue': 'SQS, EventBridge, SES',
  'AWS::SQS::QueuePolicy': 'free: part of the queue',
  'AWS::SNS::Topic': 'free: alarm e-mails stay within the 1,000 free deliveries',
  'AWS::SNS::Subscription': 'free: part of the topic',
  'AWS::SNS::TopicPolicy': 'free: part of the topic',
  'AWS::Events::EventBus': 'SQS, EventBridge, SES',
  'AWS::Events::Rule': 'free: rules cost nothing, events are priced on the bus',
  'AWS::StepFunctions::StateMachine':
    'free: the weekly backup and the drill take a few dozen state transitions a run (the import polled each minute), within the 4,000 free a month',
  'AWS::Scheduler::Schedule': 'Lambda (jobs); free: 14 million scheduled invocations a month',
  'AWS::SecretsManager::Secret': 'Secrets Manager',
  'AWS::CloudFront::Distribution': 'CloudFront',
  'AWS::CloudFront::CachePolicy': 'free: part of the distribution',
  'AWS::CloudFront::OriginRequestPolicy': 'free: part of the distribution',
  'AWS::CloudFront::ResponseHeadersPolicy': 'free: part of the distribution',
  'AWS::CloudFront::OriginAccessControl': 'free: part of the distribution',
  'AWS::SSM::Parameter': 'free: standard parameters (cross-region references)',
  'Custom::CrossRegionExportWriter': 'free: a deploy-time custom resource',
  'Custom::CrossRegionExportReader': 'free: a deploy-time custom resource',
  'AWS::CDK::Metadata': 'free: CDK metadata',
};

const MB = 1 / 1024;

/** The restore drill's line: its design belongs to the backups issue (24), priced from the template as it stands. */
export const RESTORE_DRILL = 'DynamoDB restore drill (issue 24)';
const round = (usd: number) => Math.round(usd * 100) / 100;
const fmt = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e4 ? `${Math.round(n / 1000)}k` : String(Math.round(n * 10) / 10);

/** The monthly bill of one deployment (its templates' facts) under one workload. */
export function estimate(facts: TemplateFacts, workload: Workload): Estimate {
  const a = workload.assumptions;
  const lines: CostLine[] = [];
  const add = (component: string, usd: number, usdAfterFreeTier: number, driver: string) =>
    lines.push({ component, usd: round(usd), usdAfterFreeTier: round(Math.max(0, usdAfterFreeTier)), driver });
  const p = (key: keyof typeof prices) => prices[key].usd;

  // Traffic: with a distribution, public GETs reach the API only on a cache miss.
  const edge = facts.distributions > 0;
  const publicAtOrigin = workload.publicReadsPerMonth * (edge ? 1 - a.publicCacheHitRatio : 1);
  const apiRequests = publicAtOrigin + workload.staffCallsPerMonth;
  add(
    'API Gateway requests',
    apiRequests * p('apiGatewayRequest'),
    apiRequests * p('apiGatewayRequest'),
    `${fmt(apiRequests)} requests reach the API (${edge ? `${Math.round(a.publicCacheHitRatio * 100)}% of public reads answered by CloudFront` : 'no cache in front'})`,
  );

  const methods = facts.stage?.perMethodMetrics ? facts.methods : 0;
  const methodMetrics = methods * 5 * a.methodActiveHourShare;
  add(
    'API Gateway per-method metrics',
    methodMetrics * p('cloudWatchMetric'),
    methodMetrics * p('cloudWatchMetric'),
    methods
      ? `stage MetricsEnabled: ${methods} methods × 5 metrics × ${a.methodActiveHourShare} of hours active`
      : 'off (the API-level metrics the alarms read are free)',
  );

  // X-Ray: API Gateway samples by our rule (or X-Ray's default: the first request each second and 5%).
  const apiRule = facts.samplingRules.find((r) => r.serviceType === 'AWS::ApiGateway::Stage' || r.serviceType === '*');
  const apiTraces = !facts.stage?.tracing
    ? 0
    : apiRule
      ? Math.min(apiRequests, apiRule.reservoir * a.busySecondsPerMonth) +
        apiRule.fixedRate * Math.max(0, apiRequests - apiRule.reservoir * a.busySecondsPerMonth)
      : Math.min(apiRequests, a.busySecondsPerMonth) + 0.05 * Math.max(0, apiRequests - a.busySecondsPerMonth);
  const jobRuns = facts.schedules.reduce((n, s) => n + s.firingsPerMonth, 0);
  const events = (workload.itemsPerYear * a.eventsPerItem + workload.questionsPerYear * a.eventsPerQuestion) / 12;
  // Consumers and jobs sample at Lambda's own fixed rate (1 a second, then 5%): at these volumes, every run.
  const backgroundTraced = facts.functions.some((f) => f.kind !== 'http' && f.tracing === 'Active')
    ? jobRuns + events
    : 0;
  const traces = apiTraces + backgroundTraced;
  add(
    'X-Ray',
    traces * p('xrayTrace'),
    (traces - freeTiers.xrayTraces) * p('xrayTrace'),
    `${fmt(traces)} traces: ${apiRule ? `sampling rule ${apiRule.fixedRate * 100}% + ${apiRule.reservoir}/s` : facts.stage?.tracing ? 'default rule (1/s + 5%), tracing on everywhere' : 'API tracing off'}`,
  );

  const webAclCost = facts.webAcls.map((acl) => {
    const inspected =
      acl.scope === 'CLOUDFRONT'
        ? workload.publicReadsPerMonth +
          workload.staffCallsPerMonth +
          a.attachmentDownloadsPerMonth +
          a.consoleLoadsPerMonth * 10
        : apiRequests;
    return { acl, usd: p('wafWebAcl') + acl.rules * p('wafRule') + inspected * p('wafRequest'), inspected };
  });
  const wafUsd = webAclCost.reduce((n, c) => n + c.usd, 0);
  add(
    'WAF',
    wafUsd,
    wafUsd,
    webAclCost
      .map((c) => `${c.acl.scope.toLowerCase()}: $5 + ${c.acl.rules} rules + ${fmt(c.inspected)} requests`)
      .join('; ') || 'none',
  );

  const alarmUsd = facts.alarmMetrics * p('cloudWatchAlarmMetric') + facts.compositeAlarms * p('compositeAlarm');
  add(
    'CloudWatch alarms',
    alarmUsd,
    alarmUsd - freeTiers.cloudWatchAlarmMetrics * p('cloudWatchAlarmMetric'),
    `${facts.alarmMetrics} alarm metrics${facts.compositeAlarms ? ` + ${facts.compositeAlarms} composite` : ''}`,
  );

  add(...logs(facts, workload, apiRequests));

  // The job-run ledger writes HoursSinceSuccess per scheduled job at every recorded run (always), and
  // Succeeded/FailedRuns per job for the hours in which it ran.
  const emfMetrics =
    facts.schedules.length + facts.schedules.reduce((n, s) => n + Math.min(1, s.firingsPerMonth / 730), 0);
  add(
    'Job metrics (EMF)',
    emfMetrics * p('cloudWatchMetric'),
    (emfMetrics - freeTiers.cloudWatchMetrics) * p('cloudWatchMetric'),
    `${fmt(emfMetrics)} metric-months: HoursSinceSuccess per job, run counts in the hours jobs run`,
  );

  const table = dynamo(facts, workload, publicAtOrigin);
  add(...table.rest);
  add(...table.drill);

  const tier = facts.userPoolTier ?? 'ESSENTIALS';
  const mau = workload.monthlyActiveStaff;
  const mauPrice =
    tier === 'PLUS' ? p('cognitoPlusMau') : tier === 'LITE' ? p('cognitoLiteMau') : p('cognitoEssentialsMau');
  add(
    'Cognito',
    mau * mauPrice,
    tier === 'PLUS' ? mau * mauPrice : Math.max(0, mau - freeTiers.cognitoEssentialsMau) * mauPrice,
    `${fmt(mau)} MAU, ${tier} tier`,
  );

  // Lambda: one invocation per API request, per job run and per event consumed.
  const httpMemory = avg(facts.functions.filter((f) => f.kind === 'http').map((f) => f.memoryMb)) / 1024;
  const invocations = apiRequests + jobRuns + events * 2;
  const gbSeconds = apiRequests * httpMemory * (a.httpMs / 1000) + (jobRuns + events * 2) * 0.5 * 0.5;
  add(
    'Lambda',
    invocations * p('lambdaRequest') + gbSeconds * p('lambdaArmGbSecond'),
    Math.max(0, invocations - freeTiers.lambdaRequests) * p('lambdaRequest') +
      Math.max(0, gbSeconds - freeTiers.lambdaGbSeconds) * p('lambdaArmGbSecond'),
    `${fmt(invocations)} invocations, ${fmt(gbSeconds)} GB-s on arm64`,
  );

  // S3: media (with a year's growth averaged), backups (weekly and monthly exports kept), the console's files.
  const mediaGb = workload.mediaGb + workload.mediaGrowthGbPerMonth * 6;
  const backupGb = (workload.backups.weeklyKept + workload.backups.monthlyKept) * workload.tableGb;
  const s3Usd =
    (mediaGb + backupGb) * p('s3Storage') +
    (edge ? 0 : 0) +
    a.attachmentDownloadsPerMonth * (edge ? 1 - a.publicCacheHitRatio : 0) * p('s3Get');
  add('S3', s3Usd, s3Usd, `${fmt(mediaGb)} GB media (a year's average), ${fmt(backupGb)} GB backups`);

  const kmsRequests = (workload.questionsPerYear / 12) * 20;
  add(
    'KMS',
    facts.kmsKeys * p('kmsKey') + kmsRequests * p('kmsRequest'),
    facts.kmsKeys * p('kmsKey') + Math.max(0, kmsRequests - freeTiers.kmsRequests) * p('kmsRequest'),
    `${facts.kmsKeys} customer managed key${facts.kmsKeys === 1 ? '' : 's'}`,
  );
  add(
    'Secrets Manager',
    facts.secrets * p('secret'),
    facts.secrets * p('secret'),
    facts.secrets ? `${facts.secrets} secret (the origin key)` : 'none',
  );

  const sqsRequests = events * 3 + ((4 * 30.44 * 86_400) / 20) * 6; // long polls: ~one empty receive per 20 s per queue poller
  const mails = (workload.questionsPerYear * a.mailsPerQuestion) / 12;
  add(
    'SQS, EventBridge, SES',
    sqsRequests * p('sqsRequest') + events * p('eventBridgeEvent') + mails * p('sesMessage'),
    Math.max(0, sqsRequests - freeTiers.sqsRequests) * p('sqsRequest') +
      events * p('eventBridgeEvent') +
      mails * p('sesMessage'),
    `${fmt(events)} events, ${fmt(sqsRequests)} SQS requests, ${fmt(mails)} e-mails`,
  );

  add(...delivery(facts, workload));

  const total = round(lines.reduce((n, l) => n + l.usd, 0));
  const totalAfterFreeTier = round(lines.reduce((n, l) => n + l.usdAfterFreeTier, 0));
  return { workload: workload.name, lines: lines.sort((x, y) => y.usd - x.usd), total, totalAfterFreeTier };
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((n, x) => n + x, 0) / xs.length : 512);

/** Log bytes: one application line and one access-log line per API request, plus the platform's lines unless at WARN. */
function logs(facts: TemplateFacts, workload: Workload, apiRequests: number): [string, number, number, string] {
  const a = workload.assumptions;
  // The workload's figure is at today's traffic with platform lines on; scale it by what still reaches the functions.
  const baseRequests = workload.publicReadsPerMonth + workload.staffCallsPerMonth;
  const lambdaGb = workload.logsGbPerMonth * 0.85 * (apiRequests / baseRequests);
  const accessGb = workload.logsGbPerMonth * 0.15 * (apiRequests / baseRequests);
  const fns = facts.functions.filter((f) => f.kind !== 'other');
  const platformOn =
    fns.filter((f) => f.systemLogLevel === 'INFO' || f.systemLogLevel === 'DEBUG').length / Math.max(1, fns.length);
  const http = fns.filter((f) => f.kind === 'http');
  const httpIa = http.filter((f) => f.logGroup?.infrequentAccess).length / Math.max(1, http.length);
  const retention = avg(http.map((f) => Math.min(365, f.logGroup?.retentionDays ?? 3653))) / 30.44;
  const lambdaIngested = lambdaGb * (1 - a.platformLogShare + a.platformLogShare * platformOn);
  const standardGb = lambdaIngested * (1 - httpIa) + (facts.accessLogGroup?.infrequentAccess ? 0 : accessGb);
  const iaGb = lambdaIngested * httpIa + (facts.accessLogGroup?.infrequentAccess ? accessGb : 0);
  const accessMonths = Math.min(365, facts.accessLogGroup?.retentionDays ?? 3653) / 30.44;
  const storedGb =
    (lambdaIngested * Math.min(12, retention) + accessGb * Math.min(12, accessMonths)) * a.logCompression;
  const usd =
    standardGb * prices.logIngestStandard.usd +
    iaGb * prices.logIngestInfrequent.usd +
    storedGb * prices.logStorage.usd;
  const free =
    Math.min(freeTiers.logGb, standardGb) * prices.logIngestStandard.usd +
    Math.min(freeTiers.logGb, storedGb) * prices.logStorage.usd;
  return [
    'Logs',
    usd,
    usd - free,
    `${fmt(standardGb + iaGb)} GB/month (${fmt(iaGb)} GB infrequent access), platform lines ${platformOn ? 'on' : 'at WARN'}, ~${Math.round(retention)} months kept`,
  ];
}

/**
 * The table: requests, storage, continuous backup and the weekly export; and, as its own line, the
 * restore drill as the template has it: DynamoDB's ImportTable into a scratch table when the drill
 * is told to import (DRILL_LOAD=import, priced per GB), else every item written again (1 KB write
 * units, into a table built with the same indexes).
 */
function dynamo(
  facts: TemplateFacts,
  workload: Workload,
  publicAtOrigin: number,
): { rest: [string, number, number, string]; drill: [string, number, number, string] } {
  const a = workload.assumptions;
  const indexes = facts.table?.indexes ?? 0;
  const reads = publicAtOrigin * a.readUnitsPerPublicRead + workload.staffCallsPerMonth * a.readUnitsPerStaffCall;
  const writes = workload.staffCallsPerMonth * a.writeUnitsPerStaffCall * (1 + indexes * a.indexedShare);
  const drills = facts.schedules.filter((s) => s.key === 'restoreDrill').reduce((n, s) => n + s.firingsPerMonth, 0);
  const exports = facts.schedules.filter((s) => s.key === 'weeklyBackup').reduce((n, s) => n + s.firingsPerMonth, 0);
  // Only a full-restore drill writes the table again (issue 24): weekly, monthly or quarterly; the others verify.
  const fullRestores =
    facts.fullRestoreDrill === 'monthly'
      ? Math.min(1, drills)
      : facts.fullRestoreDrill === 'quarterly'
        ? Math.min(1 / 3, drills)
        : drills;
  const drillWrites = fullRestores * workload.tableGb * 1024 * 1024 * (1 + indexes * a.indexedShare);
  const storage = workload.tableGb * prices.dynamoStorage.usd * (1 + indexes * a.indexedShare);
  const pitr = facts.table?.pointInTimeRecovery ? workload.tableGb * prices.dynamoPitr.usd : 0;
  const usd =
    reads * prices.dynamoRead.usd +
    writes * prices.dynamoWrite.usd +
    storage +
    pitr +
    exports * workload.tableGb * prices.dynamoExport.usd;
  // With ImportTable (issue 24) AWS builds the scratch table from the backup's files: per GB, no write units.
  const drillUsd = facts.drillImports
    ? fullRestores * workload.tableGb * prices.dynamoImport.usd
    : drillWrites * prices.dynamoWrite.usd;
  return {
    rest: [
      'DynamoDB',
      usd,
      usd - storage,
      `${fmt(reads)} RRU, ${fmt(writes)} WRU, ${workload.tableGb} GB with ${indexes} indexes, PITR, ${fmt(exports)} exports`,
    ],
    drill: [
      RESTORE_DRILL,
      drillUsd,
      drillUsd,
      facts.drillImports
        ? `${fmt(fullRestores)} full restores of ${fmt(drills)} drills/month × ${workload.tableGb} GB imported by DynamoDB into a scratch table with ${indexes} indexes (the other drills verify)`
        : `${fmt(fullRestores)} full restores of ${fmt(drills)} drills/month × ${fmt(drillWrites / Math.max(1e-9, fullRestores))} WRU (every item into a scratch table with ${indexes} indexes; the other drills verify)`,
    ],
  };
}

/** CloudFront (requests, bytes, invalidation paths) or, without it, the API's own transfer out. */
function delivery(facts: TemplateFacts, workload: Workload): [string, number, number, string] {
  const a = workload.assumptions;
  const requests =
    workload.publicReadsPerMonth +
    workload.staffCallsPerMonth +
    a.attachmentDownloadsPerMonth +
    a.consoleLoadsPerMonth * 10;
  const gb =
    (workload.publicReadsPerMonth * a.publicResponseKb * 0.3 +
      a.attachmentDownloadsPerMonth * a.attachmentKb +
      a.consoleLoadsPerMonth * a.consoleKb) *
    MB *
    MB;
  if (facts.distributions === 0) {
    const out = workload.publicReadsPerMonth * a.publicResponseKb * MB * MB;
    return [
      'Transfer out',
      out * prices.dataTransferOut.usd,
      Math.max(0, out - freeTiers.dataTransferOutGb) * prices.dataTransferOut.usd,
      `${fmt(out)} GB of uncompressed public responses from the API`,
    ];
  }
  // Paths per step from the consumer's own rule (shared/domain/edge): publications and edits, withdrawals.
  const perPublication = facts.invalidates
    ? invalidationPaths({ kind: 'published', portal: 'p', itemId: 'i' }, '/v1', false).length
    : 0;
  const perRepublication = facts.invalidates
    ? invalidationPaths({ kind: 'republished', portal: 'p', itemId: 'i' }, '/v1', false).length
    : 0;
  const perWithdrawal = facts.invalidates
    ? invalidationPaths({ kind: 'withdrawn', portal: 'p', itemId: 'i' }, '/v1', false).length
    : 0;
  const publications = workload.itemsPerYear / 12;
  const republications = (workload.itemsPerYear * a.editsOfPublishedPerItem) / 12;
  const withdrawals = (workload.itemsPerYear * a.withdrawnShare) / 12;
  const changes = publications + republications + withdrawals;
  const paths = publications * perPublication + republications * perRepublication + withdrawals * perWithdrawal;
  const usd =
    requests * prices.cloudFrontRequest.usd +
    gb * prices.cloudFrontTransfer.usd +
    paths * prices.cloudFrontInvalidationPath.usd;
  const afterFree =
    Math.max(0, requests - freeTiers.cloudFrontRequests) * prices.cloudFrontRequest.usd +
    Math.max(0, gb - freeTiers.cloudFrontGb) * prices.cloudFrontTransfer.usd +
    Math.max(0, paths - freeTiers.cloudFrontInvalidationPaths) * prices.cloudFrontInvalidationPath.usd;
  return [
    'CloudFront',
    usd,
    afterFree,
    `${fmt(requests)} requests, ${fmt(gb)} GB compressed, ${fmt(paths)} invalidation paths (${fmt(changes)} publications, edits and withdrawals; 1,000 free)`,
  ];
}
