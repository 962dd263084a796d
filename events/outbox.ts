import * as z from 'zod';
import { eventCatalogue, eventMetadata, type EventMetadata, type PendingEvent } from './catalogue';

/**
 * The transactional outbox: each domain event is an item written in the same DynamoDB
 * transaction as the change it reports. The table's stream carries the INSERT of that item to
 * the outbox relay (functions/consumers/outbox-relay.ts), which puts it on the event bus, on AWS
 * and locally alike. An event exists only if its transaction committed, and its item is in the
 * stream even if the writer died right after the commit.
 */
export const OUTBOX_ITEM_TYPE = 'OutboxEvent';
/** Outbox items are only a hand-off: DynamoDB TTL removes them after a week. */
export const OUTBOX_RETENTION_SECONDS = 7 * 86_400;

export const outboxEventItem = z.object({
  type: z.literal(OUTBOX_ITEM_TYPE),
  source: z.string().min(1),
  detailType: z.string().min(1),
  metadata: eventMetadata,
  data: z.unknown(),
});
export type OutboxEvent = z.infer<typeof outboxEventItem>;

/** The outbox item of an event (without its table keys), validated against the catalogue. */
export function outboxEvent(event: PendingEvent, metadata: EventMetadata): OutboxEvent {
  const entry = eventCatalogue[event.name];
  return { type: OUTBOX_ITEM_TYPE, source: entry.source, detailType: entry.detailType, metadata, data: entry.detail.parse(event.detail) };
}

/** The `detail` put on the bus for an outbox item. */
export const busDetail = (event: OutboxEvent) => ({ metadata: event.metadata, data: event.data });

/** The stream records the relay needs: INSERTs of outbox items (a Lambda event-source filter pattern). */
export const outboxStreamFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [OUTBOX_ITEM_TYPE] } } } };
