import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Env } from '../config/env';
import { probe, probeTable, type DependencyStatus } from './table-probe';

/**
 * Asks each dependency a cheap question with a short deadline (the dependency-check job). Reports
 * logical names only (`table`, `bucket:media`), never resource names: /health shows the results.
 */
/** The clients the dependency-check job's root built, and the resources its configuration names. */
export interface ProbeClients {
  readonly dynamo: DynamoDBClient;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly config: Pick<Env, 'TABLE_NAME' | 'MEDIA_BUCKET' | 'BACKUP_BUCKET' | 'QUEUE_URLS'>;
}

export async function probeDependencies({
  dynamo,
  s3,
  sqs,
  config,
}: ProbeClients): Promise<Record<string, DependencyStatus>> {
  const checks: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
    'bucket:media': (abortSignal) => s3.send(new HeadBucketCommand({ Bucket: config.MEDIA_BUCKET }), { abortSignal }),
    'bucket:backups': (abortSignal) =>
      s3.send(new HeadBucketCommand({ Bucket: config.BACKUP_BUCKET }), { abortSignal }),
  };
  for (const [key, url] of Object.entries(config.QUEUE_URLS)) {
    checks[`queue:${key}`] = (abortSignal) =>
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }), { abortSignal });
  }
  const names = Object.keys(checks);
  const [table, ...results] = await Promise.all([
    probeTable(dynamo, config.TABLE_NAME),
    ...names.map((name) => probe(checks[name]!)),
  ]);
  return { table: table!, ...Object.fromEntries(names.map((name, i) => [name, results[i]!])) };
}

/** Messages waiting in each dead-letter queue: anything above zero needs an operator. */
export async function deadLetterDepths({
  sqs,
  config,
}: Pick<ProbeClients, 'sqs' | 'config'>): Promise<Record<string, number>> {
  const urls = Object.entries(config.QUEUE_URLS);
  const depths = await Promise.all(
    urls.map(async ([key, url]) => {
      const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['RedrivePolicy'] }));
      const policy = attrs.Attributes?.RedrivePolicy;
      if (!policy) return [key, 0] as const;
      const dlqArn = (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn;
      const dlqUrl = queueUrlFromArn(dlqArn, url);
      const dlq = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
      );
      return [key, Number(dlq.Attributes?.ApproximateNumberOfMessages ?? 0)] as const;
    }),
  );
  return Object.fromEntries(depths);
}

/** arn:aws:sqs:region:account:name → the URL of that queue, on the same endpoint as a sibling. */
function queueUrlFromArn(arn: string, siblingUrl: string): string {
  const [, , , , account, name] = arn.split(':');
  const base = new URL(siblingUrl);
  return `${base.origin}/${account}/${name}`;
}
