import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { env } from '../config/env';
import { dynamoClient, s3Client, sqsClient } from './aws-clients';

/**
 * Asks each dependency a cheap question with a short deadline. Reports logical names only
 * (`table`, `bucket:media`), never resource names, because /health is public.
 */
export interface DependencyStatus {
  readonly status: 'ok' | 'error';
  readonly latencyMs: number;
  readonly error?: string;
}

const TIMEOUT_MS = 2_000;

async function probe(check: (signal: AbortSignal) => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await check(AbortSignal.timeout(TIMEOUT_MS));
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 'error', latencyMs: Math.round(performance.now() - started), error: name };
  }
}

export async function probeDependencies(): Promise<Record<string, DependencyStatus>> {
  const config = env();
  const checks: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
    table: (abortSignal) => dynamoClient().send(new DescribeTableCommand({ TableName: config.TABLE_NAME }), { abortSignal }),
    'bucket:media': (abortSignal) => s3Client().send(new HeadBucketCommand({ Bucket: config.MEDIA_BUCKET }), { abortSignal }),
    'bucket:backups': (abortSignal) => s3Client().send(new HeadBucketCommand({ Bucket: config.BACKUP_BUCKET }), { abortSignal }),
  };
  for (const [key, url] of Object.entries(config.QUEUE_URLS)) {
    checks[`queue:${key}`] = (abortSignal) =>
      sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }), { abortSignal });
  }
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => probe(checks[name]!)));
  return Object.fromEntries(names.map((name, i) => [name, results[i]!]));
}

/** Messages waiting in each dead-letter queue: anything above zero needs an operator. */
export async function deadLetterDepths(): Promise<Record<string, number>> {
  const urls = Object.entries(env().QUEUE_URLS);
  const depths = await Promise.all(
    urls.map(async ([key, url]) => {
      const attrs = await sqsClient().send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['RedrivePolicy'] }),
      );
      const policy = attrs.Attributes?.RedrivePolicy;
      if (!policy) return [key, 0] as const;
      const dlqArn = (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn;
      const dlqUrl = queueUrlFromArn(dlqArn, url);
      const dlq = await sqsClient().send(
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
