import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { busDetail, type OutboxEvent } from '../../../events/outbox';
import { env } from '../../config/env';
import { eventBridgeClient } from '../aws-clients';

/**
 * Puts committed outbox events on the bus. Only the outbox relay calls it: use cases never
 * publish directly, they commit events with their change (shared/adapters/dynamo/unit-of-work.ts).
 * Returns the ids of the events the bus did not take, to be retried.
 */
export interface EventPublisher {
  publish(events: readonly OutboxEvent[]): Promise<{ failed: string[] }>;
}

/** PutEvents takes at most 10 entries per call. */
const PUT_EVENTS_BATCH = 10;

class EventBridgePublisher implements EventPublisher {
  async publish(events: readonly OutboxEvent[]): Promise<{ failed: string[] }> {
    const failed: string[] = [];
    for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
      const batch = events.slice(i, i + PUT_EVENTS_BATCH);
      const out = await eventBridgeClient().send(
        new PutEventsCommand({
          Entries: batch.map((e) => ({
            EventBusName: env().EVENT_BUS_NAME,
            Source: e.source,
            DetailType: e.detailType,
            Detail: JSON.stringify(busDetail(e)),
            Time: new Date(e.metadata.occurredAt),
          })),
        }),
      );
      (out.Entries ?? []).forEach((entry, j) => {
        if (entry.ErrorCode) failed.push(batch[j]!.metadata.eventId);
      });
    }
    return { failed };
  }
}

let publisher: EventPublisher | undefined;
let standIn: EventPublisher | undefined;

/** The local stack's composition root puts its stand-in for EventBridge here (infra/local/event-bus.ts). */
export function useEventPublisher(replacement: EventPublisher): void {
  standIn = replacement;
}

export function eventPublisher(): EventPublisher {
  return standIn ?? (publisher ??= new EventBridgePublisher());
}
