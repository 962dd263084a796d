/**
 * AWS list prices in ap-southeast-1 (Singapore), USD, as data: each with the public price page it
 * comes from and the date it was read there. Prices change: update the figure and the date together.
 * Free tiers are the always-free monthly ones only (not the 12-month or credit-based offers).
 */
export interface Price {
  readonly usd: number;
  readonly per: string;
  readonly source: string;
  readonly asOf: string;
}

const page = (service: string) => `https://aws.amazon.com/${service}/pricing/`;
const price = (usd: number, per: string, service: string, asOf = '2026-11-30'): Price => ({
  usd,
  per,
  source: page(service),
  asOf,
});

export const REGION = 'ap-southeast-1';

export const prices = {
  apiGatewayRequest: price(3.5 / 1e6, 'REST API request (first 333 million a month)', 'api-gateway'),
  cloudWatchMetric: price(0.3, 'custom or detailed metric a month (first 10,000), prorated by the hour', 'cloudwatch'),
  cloudWatchAlarmMetric: price(
    0.1,
    'standard-resolution alarm metric a month (a metric math alarm pays per metric it reads)',
    'cloudwatch',
  ),
  compositeAlarm: price(0.5, 'composite alarm a month', 'cloudwatch'),
  logIngestStandard: price(0.7, 'GB ingested into a Standard log group', 'cloudwatch'),
  logIngestInfrequent: price(0.35, 'GB ingested into an Infrequent Access log group', 'cloudwatch'),
  logStorage: price(0.033, 'GB-month of compressed log storage', 'cloudwatch'),
  xrayTrace: price(5 / 1e6, 'trace recorded', 'xray'),
  wafWebAcl: price(5, 'web ACL a month', 'waf'),
  wafRule: price(1, 'rule (or managed rule group) in a web ACL a month', 'waf'),
  wafRequest: price(0.6 / 1e6, 'request inspected', 'waf'),
  dynamoWrite: price(0.7125 / 1e6, 'on-demand write request unit', 'dynamodb'),
  dynamoRead: price(0.1425 / 1e6, 'on-demand read request unit', 'dynamodb'),
  dynamoStorage: price(0.285, 'GB-month of table storage (Standard class)', 'dynamodb'),
  dynamoPitr: price(0.228, 'GB-month of continuous backup (point-in-time recovery)', 'dynamodb'),
  dynamoExport: price(0.114, 'GB exported to S3 from point-in-time recovery', 'dynamodb'),
  // us-east-1 lists $0.15; not read on the Singapore page: the 1.14 factor of every other DynamoDB line here (issue 24).
  dynamoImport: price(0.171, 'GB imported from S3 (uncompressed; no write units)', 'dynamodb', '2026-12-07'),
  cognitoPlusMau: price(0.02, 'monthly active user, Plus tier (no free tier)', 'cognito'),
  cognitoEssentialsMau: price(0.015, 'monthly active user, Essentials tier (10,000 free)', 'cognito'),
  cognitoLiteMau: price(0.0055, 'monthly active user, Lite tier (10,000 free)', 'cognito'),
  lambdaRequest: price(0.2 / 1e6, 'invocation', 'lambda'),
  lambdaArmGbSecond: price(0.0000133334, 'GB-second on arm64', 'lambda'),
  s3Storage: price(0.025, 'GB-month, S3 Standard', 's3'),
  s3Put: price(0.005 / 1000, 'PUT, COPY, POST or LIST request', 's3'),
  s3Get: price(0.0004 / 1000, 'GET request', 's3'),
  kmsKey: price(1, 'customer managed key a month', 'kms'),
  kmsRequest: price(0.03 / 10_000, 'KMS API request (20,000 free)', 'kms'),
  sqsRequest: price(0.4 / 1e6, 'standard queue request (1 million free)', 'sqs'),
  eventBridgeEvent: price(1 / 1e6, 'custom event put on a bus', 'eventbridge'),
  schedulerInvocation: price(1 / 1e6, 'scheduled invocation (14 million free)', 'eventbridge'),
  sesMessage: price(0.1 / 1000, 'e-mail sent', 'ses'),
  secret: price(0.4, 'secret a month', 'secrets-manager'),
  dataTransferOut: price(0.12, 'GB out to the internet from the region (100 GB a month free)', 'ec2'),
  cloudFrontTransfer: price(0.14, 'GB out to viewers, Asia Pacific edges (first 10 TB)', 'cloudfront'),
  cloudFrontRequest: price(0.012 / 10_000, 'HTTPS request, Asia Pacific edges', 'cloudfront'),
  cloudFrontInvalidationPath: price(0.005, 'invalidation path beyond the free 1,000 a month', 'cloudfront'),
} as const satisfies Record<string, Price>;

export type PriceKey = keyof typeof prices;

/** The always-free monthly allowances the model subtracts in its "with free tiers" column. */
export const freeTiers = {
  lambdaRequests: 1e6,
  lambdaGbSeconds: 400_000,
  xrayTraces: 100_000,
  cloudFrontGb: 1024,
  cloudFrontRequests: 10e6,
  cloudFrontInvalidationPaths: 1000,
  sqsRequests: 1e6,
  cognitoEssentialsMau: 10_000,
  dataTransferOutGb: 100,
  cloudWatchMetrics: 10,
  cloudWatchAlarmMetrics: 10,
  logGb: 5,
  kmsRequests: 20_000,
  dynamoStorageGb: 25,
  schedulerInvocations: 14e6,
} as const;
