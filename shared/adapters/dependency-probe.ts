import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { env } from '../config/env';
import { s3Client, sqsClient } from './aws-clients';
import { probe, probeTable, type DependencyStatus } from './table-probe';

/**
 * Asks each dependency a cheap question with a short deadline (the dependency-check job). Reports
 * logical names only (`table`, `bucket:media`), never resource names: /health shows the results.
 */
export async function probeDependencies(): Promise<Record<string, DependencyStatus>> {
  const config = env();
  const checks: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
    'bucket:media': (abortSignal) =>
      s3Client().send(new HeadBucketCommand({ Bucket: config.MEDIA_BUCKET }), { abortSignal }),
    'bucket:backups': (abortSignal) =>
      s3Client().send(new HeadBucketCommand({ Bucket: config.BACKUP_BUCKET }), { abortSignal }),
  };
  for (const [key, url] of Object.entries(config.QUEUE_URLS)) {
    checks[`queue:${key}`] = (abortSignal) =>
      sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }), { abortSignal });
  }
  const names = Object.keys(checks);
  const [table, ...results] = await Promise.all([probeTable(), ...names.map((name) => probe(checks[name]!))]);
  return { table: table!, ...Object.fromEntries(names.map((name, i) => [name, results[i]!])) };
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
