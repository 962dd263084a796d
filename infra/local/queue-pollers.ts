import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { queueDefinitions, type QueueKey } from '../definitions/queues';
import type { FunctionKey } from '../../functions/manifest';
import type { LocalFunctions } from './functions';

/**
 * Stands in for Lambda's SQS event source mapping: long-polls each queue, hands batches to the
 * consumer, deletes what succeeded and leaves reported failures to reappear, so SQS's own
 * redrive policy moves a message to the DLQ after maxReceiveCount receives.
 */
export interface QueuePollers {
  stop(): Promise<void>;
}

function toRecord(message: Message, queueArn: string, region: string): SQSEvent['Records'][number] {
  const attrs = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
      SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
      SenderId: attrs.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

export function startQueuePollers(options: {
  invoke: LocalFunctions['invoke'];
  sqs: SQSClient;
  queueUrls: Record<QueueKey, string>;
  region: string;
  /**
   * Seconds before a failed message is visible again. Unset: the queue's own visibility
   * timeout, as on AWS. Tests set 0 to see redrive without waiting.
   */
  retryDelaySeconds?: number;
  onError?: (error: unknown) => void;
}): QueuePollers {
  const abort = new AbortController();
  const loops = (Object.keys(queueDefinitions) as QueueKey[]).map(async (key) => {
    const def = queueDefinitions[key];
    const url = options.queueUrls[key];
    const arn = `arn:aws:sqs:${options.region}:000000000000:${url.split('/').pop()}`;
    while (!abort.signal.aborted) {
      try {
        const out = await options.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: def.batchSize,
            // fauxqs answers a long poll as soon as a message arrives (as SQS does); a longer wait only
            // means fewer idle requests (stop() aborts it).
            WaitTimeSeconds: 10,
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        const messages = out.Messages ?? [];
        if (messages.length === 0) continue;
        const event: SQSEvent = { Records: messages.map((m) => toRecord(m, arn, options.region)) };
        let failedIds: Set<string>;
        try {
          const response = (await options.invoke(def.consumer as FunctionKey, event)) as SQSBatchResponse | undefined;
          failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch {
          failedIds = new Set(messages.map((m) => m.MessageId!));
        }
        const succeeded = messages.filter((m) => !failedIds.has(m.MessageId!));
        const failed = messages.filter((m) => failedIds.has(m.MessageId!));
        if (succeeded.length > 0) {
          await options.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: url,
              Entries: succeeded.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
        if (failed.length > 0 && options.retryDelaySeconds !== undefined) {
          await options.sqs.send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: url,
              Entries: failed.map((m, i) => ({
                Id: String(i),
                ReceiptHandle: m.ReceiptHandle!,
                VisibilityTimeout: options.retryDelaySeconds,
              })),
            }),
          );
        }
      } catch (error) {
        if (abort.signal.aborted) break;
        options.onError?.(error);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  });
  return {
    async stop() {
      abort.abort();
      await Promise.allSettled(loops);
    },
  };
}
