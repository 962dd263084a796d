import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { fromOutboxItem, OUTBOX_ITEM_TYPE, type OutboxEvent } from '../../events/outbox';
import { eventBridgePublisher, type EventPublisher } from '../../shared/adapters/events/publisher';
import { lambdaRoot } from '../../shared/composition/lambda';
import { logger } from '../../shared/logger';

/**
 * The outbox relay: reads the table's stream (only INSERTs of outbox items reach it, by the
 * event source's filter on AWS and by the local stream poller's), and puts each event on the
 * bus. A record the bus refuses is reported as a batch item failure: the stream is retried from
 * that record, and after the retries the batch goes to the on-failure queue (the DLQ). Delivery
 * is at-least-once; consumers deduplicate on the event id.
 */
export const isOutboxInsert = (record: DynamoDBRecord) =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.type?.S === OUTBOX_ITEM_TYPE;

/** The relay over `publisher` (the root's: EventBridge on AWS, the local bus on the local stack). */
export const relayOutbox =
  (publisher: EventPublisher) =>
  async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    if (context) logger.addContext(context);
    const records = event.Records.filter(isOutboxInsert);
    const events: Array<{ record: DynamoDBRecord; event: OutboxEvent }> = records.map((record) => ({
      record,
      event: fromOutboxItem(unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>)),
    }));
    if (events.length === 0) return { batchItemFailures: [] };
    const { failed } = await publisher.publish(events.map((e) => e.event));
    const firstFailed = events.find((e) => failed.includes(e.event.metadata.eventId));
    if (firstFailed) {
      logger.warn('bus refused outbox events', { failed: failed.length, total: events.length });
      // Streams retry from the first failure on; what came before it is done.
      return { batchItemFailures: [{ itemIdentifier: firstFailed.record.dynamodb!.SequenceNumber! }] };
    }
    logger.info('outbox events relayed', { count: events.length });
    return { batchItemFailures: [] };
  };

export const handler = lambdaRoot(
  (s) => relayOutbox(s.events),
  () => ({ events: eventBridgePublisher }),
);
