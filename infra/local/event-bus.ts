import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { EventEnvelope } from '../../events/catalogue';
import { busDetail, type OutboxEvent } from '../../events/outbox';
import { eventPattern, matches, routingRules } from '../../events/rules';
import { env } from '../../shared/config/env';
import { sqsClient } from '../../shared/adapters/aws-clients';
import { useEventPublisher, type EventPublisher } from '../../shared/adapters/events/publisher';

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
      const targets = routingRules.filter((rule) => matches(eventPattern(rule), event.source, event.detailType, envelope.detail));
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


/** The local composition root for events: importing this module puts the stand-in in place. AWS bundles never do. */
useEventPublisher(new LocalEventBus());
