import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  eventCatalogue,
  eventDetailEnvelope,
  eventEnvelope,
  type EventDetail,
  type EventMetadata,
  type EventName,
} from '../../../events/catalogue';
import { logger } from '../../logger';
import { keys } from '../dynamo/keys';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { combine, type Work, type WriteAction } from '../dynamo/unit-of-work';
import type { CoreServices } from '../../composition/services';
import { DomainError } from '../../domain/errors';

/** How long a consumer remembers an event it processed (redeliveries come within days). */
export const CONSUMED_RETENTION_SECONDS = 14 * 86_400;

export type ReceivedEvent<N extends EventName> = { [K in N]: { readonly name: K; readonly detail: EventDetail<K> } }[N];

/**
 * An SQS consumer of domain events, idempotent by event id: delivery is at-least-once (the
 * outbox relay, EventBridge and SQS may each deliver twice), so each event is processed once per
 * consumer. `process` returns the writes its event causes; they commit together with the
 * consumer's record of the event id, so either both happen or neither does, and a redelivered
 * event finds the record and is skipped. Effects outside the table must be idempotent: they
 * may run again if the commit that follows them fails. A consumer that finds nothing to do (and
 * did nothing) returns `null`: it writes nothing, not even its record.
 *
 * A record that fails (bad envelope, bad detail, a write that throws) is reported as a batch
 * item failure: SQS redelivers it alone and moves it to the queue's DLQ after maxReceiveCount.
 */
export function eventConsumer<N extends EventName>(
  consumer: string,
  names: readonly N[],
  process: (event: ReceivedEvent<N>, meta: EventMetadata) => Promise<Work | void | null>,
  /** The root's table and unit of work. */
  services: Pick<CoreServices, 'db' | 'table' | 'uow'>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const { uow, db, table: tableName } = services;
  const recordHandler = async (record: SQSRecord) => {
    const envelope = eventEnvelope.parse(JSON.parse(record.body));
    const name = names.find(
      (n) => eventCatalogue[n].source === envelope.source && eventCatalogue[n].detailType === envelope['detail-type'],
    );
    if (!name) throw new Error(`Unexpected event ${envelope.source}/${envelope['detail-type']}`);
    const { metadata, data } = eventDetailEnvelope.parse(envelope.detail);
    const detail = eventCatalogue[name].detail.parse(data) as EventDetail<N>;
    const marker = keys.consumedEvent(consumer, metadata.eventId);
    const seen = await db.send(new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }));
    if (seen.Item) {
      logger.info('event already processed', { consumer, eventId: metadata.eventId });
      return;
    }
    const outcome = await process({ name, detail } as ReceivedEvent<N>, metadata);
    // `null`: nothing to do and nothing done (no write, no effect outside the table), so nothing to remember either.
    if (outcome === null) return;
    const work = outcome ?? {};
    const remember: WriteAction = {
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...marker,
            type: 'ConsumedEvent',
            consumer,
            eventId: metadata.eventId,
            transactionId: metadata.transactionId,
            expiresAt: Math.floor(Date.now() / 1000) + CONSUMED_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Sự kiện đã được xử lý', en: 'The event was processed already' } },
    };
    try {
      await uow.commit(combine(work, { actions: [remember] }), {
        requestId: metadata.requestId,
        now: new Date(),
      });
    } catch (error) {
      // A concurrent delivery of the same event won: its work is done, ours is dropped.
      if (error instanceof DomainError && error.code === 'conflict') {
        const again = await db.send(new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }));
        if (again.Item) return;
      }
      throw error;
    }
  };
  return async (event, context) => {
    logger.addContext(context);
    const response = await processPartialResponse(event, recordHandler, processor, { context });
    if (response.batchItemFailures.length > 0) {
      logger.warn('batch item failures', {
        consumer,
        failed: response.batchItemFailures.length,
        total: event.Records.length,
      });
    }
    return response;
  };
}
