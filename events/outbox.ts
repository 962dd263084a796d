import * as z from 'zod/mini';
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

/** An event as the relay puts it on the bus. */
export interface OutboxEvent {
  readonly source: string;
  readonly detailType: string;
  readonly metadata: EventMetadata;
  readonly data: unknown;
}

/**
 * The stored item (without its table keys). The detail travels as one JSON string, so that it
 * reaches the relay exactly as written whatever reads the stream (typed maps lose empty maps and
 * lists in some stream clients).
 */
export const outboxEventItem = z.object({
  type: z.literal(OUTBOX_ITEM_TYPE),
  source: z.string().check(z.minLength(1)),
  detailType: z.string().check(z.minLength(1)),
  eventId: z.string().check(z.minLength(1)),
  transactionId: z.string().check(z.minLength(1)),
  payload: z.string(),
});
export type OutboxEventItem = z.infer<typeof outboxEventItem>;

/** The outbox item of an event, validated against the catalogue. */
export function outboxEvent(event: PendingEvent, metadata: EventMetadata): OutboxEventItem {
  const entry = eventCatalogue[event.name];
  const data = entry.detail.parse(event.detail);
  return {
    type: OUTBOX_ITEM_TYPE,
    source: entry.source,
    detailType: entry.detailType,
    eventId: metadata.eventId,
    transactionId: metadata.transactionId,
    payload: JSON.stringify({ metadata, data }),
  };
}

/** The event an outbox item (from the stream) carries. */
export function fromOutboxItem(item: unknown): OutboxEvent {
  const stored = outboxEventItem.parse(item);
  const { metadata, data } = z.object({ metadata: eventMetadata, data: z.unknown() }).parse(JSON.parse(stored.payload));
  return { source: stored.source, detailType: stored.detailType, metadata, data };
}

/** The `detail` put on the bus for an outbox item. */
export const busDetail = (event: OutboxEvent) => ({ metadata: event.metadata, data: event.data });

/** The stream records the relay needs: INSERTs of outbox items (a Lambda event-source filter pattern). */
export const outboxStreamFilter = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [OUTBOX_ITEM_TYPE] } } },
};
