import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { storageRoutingRules } from '../../events/rules';
import type { LocalResources } from './resources';
import { pollRhythm } from './pause';
import type { LocalFunctions } from './functions';

/**
 * Stands in for S3 event notifications to EventBridge, which fauxqs does not emit: lists each
 * routed prefix (events/rules.ts `storageRoutingRules`) a few times a second and sends every new
 * object, once, to the rule's queue as the `aws.s3` / `Object Created` event EventBridge would
 * deliver. The same consumer then runs as on AWS. After a restart, objects still waiting under the
 * prefix are announced again; the checker is idempotent, as it must be for S3's at-least-once
 * delivery.
 */
export interface BucketNotifier {
  stop(): Promise<void>;
}

export function startBucketNotifier(options: {
  afterInvocations: LocalFunctions['afterInvocations'];
  s3: S3Client;
  sqs: SQSClient;
  resources: LocalResources;
  region: string;
  /** Between scans while they find new objects, and after a function ran (default 200 ms). */
  intervalMs?: number;
  /** Between scans once they find nothing, reached by doubling (default 1.6 s). */
  idleIntervalMs?: number;
  onError?: (error: unknown) => void;
}): BucketNotifier {
  const seen = new Set<string>();
  let stopped = false;
  /** Announces new objects; true when there was one. */
  const scan = async (): Promise<boolean> => {
    let found = false;
    for (const rule of storageRoutingRules) {
      const bucket = options.resources.buckets[rule.bucket];
      let token: string | undefined;
      do {
        const page = await options.s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: rule.prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const id = `${bucket}/${object.Key}/${object.ETag}`;
          if (seen.has(id) || !object.Key) continue;
          await options.sqs.send(
            new SendMessageCommand({
              QueueUrl: options.resources.queueUrls[rule.target],
              MessageBody: JSON.stringify(
                objectCreated(bucket, object.Key, object.Size ?? 0, object.ETag ?? '', options.region),
              ),
            }),
          );
          seen.add(id);
          found = true;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
    return found;
  };
  const rhythm = pollRhythm(options.intervalMs ?? 200, options.idleIntervalMs ?? 1600);
  // Uploads go straight to S3, but whoever uploads asks the API about it next: look again soon.
  const unsubscribe = options.afterInvocations(rhythm.nudge);
  const loop = (async () => {
    while (!stopped) {
      let found = false;
      try {
        found = await scan();
      } catch (error) {
        options.onError?.(error);
      }
      if (!stopped) await rhythm.after(found);
    }
  })();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      rhythm.stop();
      await loop;
    },
  };
}

/** The event S3 sends to EventBridge for a new object (S3 User Guide, "EventBridge event message structure"). */
export function objectCreated(bucket: string, key: string, size: number, etag: string, region: string) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size, etag: etag.replace(/"/g, '') },
      'request-id': randomUUID(),
      requester: '000000000000',
      reason: 'PostObject',
    },
  };
}
