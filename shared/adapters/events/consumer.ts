import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { eventCatalogue, eventEnvelope, type EventDetail, type EventName } from '../../../events/catalogue';
import { logger } from '../../logger';

/**
 * An SQS consumer of one domain event. A record that fails (bad envelope, bad detail, a write
 * that throws) is reported as a batch item failure: SQS redelivers it alone and moves it to the
 * queue's DLQ after maxReceiveCount receives. Processing must be idempotent: delivery is
 * at-least-once.
 */
export function eventConsumer<N extends EventName>(
  name: N,
  process: (detail: EventDetail<N>, meta: { eventId: string; time: string }) => Promise<void>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const entry = eventCatalogue[name];
  const recordHandler = async (record: SQSRecord) => {
    const envelope = eventEnvelope.parse(JSON.parse(record.body));
    if (envelope.source !== entry.source || envelope['detail-type'] !== entry.detailType) {
      throw new Error(`Unexpected event ${envelope.source}/${envelope['detail-type']}`);
    }
    const detail = entry.detail.parse(envelope.detail) as EventDetail<N>;
    await process(detail, { eventId: envelope.id, time: envelope.time });
  };
  return async (event, context) => {
    logger.addContext(context);
    const response = await processPartialResponse(event, recordHandler, processor, { context });
    if (response.batchItemFailures.length > 0) {
      logger.warn('batch item failures', { event: name, failed: response.batchItemFailures.length, total: event.Records.length });
    }
    return response;
  };
}
