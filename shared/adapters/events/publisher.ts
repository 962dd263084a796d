import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { busDetail, type OutboxEvent } from '../../../events/outbox';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { CoreServices } from '../../composition/services';
import { createEventBridgeClient } from '../aws-clients';

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

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly OutboxEvent[]): Promise<{ failed: string[] }> {
    const failed: string[] = [];
    for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
      const batch = events.slice(i, i + PUT_EVENTS_BATCH);
      const out = await this.client.send(
        new PutEventsCommand({
          Entries: batch.map((e) => ({
            EventBusName: this.busName,
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

/** EventBridge, for the outbox relay's root on AWS; the local stack wires its stand-in (infra/local/event-bus.ts). */
export const eventBridgePublisher = (core: CoreServices): EventPublisher =>
  new EventBridgePublisher(createEventBridgeClient(), core.config.EVENT_BUS_NAME);
