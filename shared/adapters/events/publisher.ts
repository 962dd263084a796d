import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { EventEnvelope } from '../../../events/catalogue';
import { busDetail, type OutboxEvent } from '../../../events/outbox';
import { eventPattern, matches, routingRules } from '../../../events/rules';
import { env } from '../../config/env';
import { eventBridgeClient, sqsClient } from '../aws-clients';

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

/**
 * Stands in for EventBridge on the local stack: matches the same rules and sends the same
 * envelope EventBridge would deliver to each target queue.
 */
export class LocalEventBus implements EventPublisher {
  async publish(events: readonly OutboxEvent[]): Promise<{ failed: string[] }> {
    const urls = env().QUEUE_URLS;
    for (const event of events) {
      const envelope: EventEnvelope = {
        version: '0',
        id: randomUUID(),
        'detail-type': event.detailType,
        source: event.source,
        account: '000000000000',
        time: event.metadata.occurredAt.replace(/\.\d{3}Z$/, 'Z'),
        region: process.env.AWS_REGION ?? 'ap-southeast-1',
        resources: [],
        detail: busDetail(event),
      };
      const targets = routingRules.filter((rule) => matches(eventPattern(rule), event.source, event.detailType));
      await Promise.all(
        targets.map((rule) => {
          const url = urls[rule.target];
          if (!url) throw new Error(`No queue URL for rule target ${rule.target}`);
          return sqsClient().send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(envelope) }));
        }),
      );
    }
    return { failed: [] };
  }
}

let publisher: EventPublisher | undefined;

export function eventPublisher(): EventPublisher {
  return (publisher ??= env().EVENT_TRANSPORT === 'local' ? new LocalEventBus() : new EventBridgePublisher());
}
