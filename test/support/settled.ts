import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { LocalStack } from '../../infra/local/stack';
import { eventually } from './local-stack';

const counts = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

/**
 * Waits until everything committed so far has been handled: the outbox relayed to the bus, and
 * every queue empty with nothing in flight (a poller deletes a message only once its consumer
 * returned; a failed one is visible again). A test that must see that "nothing more came" waits
 * for this instead of sleeping: whatever more would come has come by then.
 */
export async function settled(stack: LocalStack, sqs: SQSClient): Promise<void> {
  const urls = Object.values(stack.resources.queueUrls);
  const empty = async () => {
    const out = await Promise.all(
      urls.map((QueueUrl) => sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: [...counts] }))),
    );
    return out.every((o) => counts.every((c) => Number(o.Attributes?.[c] ?? 0) === 0)) ? true : undefined;
  };
  // Twice: a consumer may itself commit events (outbox → queues again).
  for (let round = 0; round < 2; round += 1) {
    await stack.outbox.drain();
    await eventually(empty, 15_000);
  }
}
