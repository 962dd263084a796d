import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { eventCatalogue, type EventDetail, type EventEnvelope, type EventName } from '../../../events/catalogue';
import { eventPattern, matches, routingRules } from '../../../events/rules';
import { env } from '../../config/env';
import { eventBridgeClient, sqsClient } from '../aws-clients';

/** Publishes domain events after validating them against the catalogue. */
export interface EventPublisher {
  publish<N extends EventName>(name: N, detail: EventDetail<N>): Promise<void>;
}

class EventBridgePublisher implements EventPublisher {
  async publish<N extends EventName>(name: N, detail: EventDetail<N>): Promise<void> {
    const entry = eventCatalogue[name];
    const valid = entry.detail.parse(detail);
    const out = await eventBridgeClient().send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: env().EVENT_BUS_NAME, Source: entry.source, DetailType: entry.detailType, Detail: JSON.stringify(valid) },
        ],
      }),
    );
    if (out.FailedEntryCount) {
      throw new Error(`EventBridge rejected ${name}: ${out.Entries?.[0]?.ErrorCode ?? 'unknown'}`);
    }
  }
}

/**
 * Stands in for EventBridge on the local stack: matches the same rules and sends the same
 * envelope EventBridge would deliver to each target queue.
 */
export class LocalEventBus implements EventPublisher {
  async publish<N extends EventName>(name: N, detail: EventDetail<N>): Promise<void> {
    const entry = eventCatalogue[name];
    const envelope: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: '000000000000',
      time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: process.env.AWS_REGION ?? 'ap-southeast-1',
      resources: [],
      detail: entry.detail.parse(detail),
    };
    const urls = env().QUEUE_URLS;
    const targets = routingRules.filter((rule) => matches(eventPattern(rule), entry.source, entry.detailType));
    await Promise.all(
      targets.map((rule) => {
        const url = urls[rule.target];
        if (!url) throw new Error(`No queue URL for rule target ${rule.target}`);
        return sqsClient().send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(envelope) }));
      }),
    );
  }
}

let publisher: EventPublisher | undefined;

export function eventPublisher(): EventPublisher {
  return (publisher ??= env().EVENT_TRANSPORT === 'local' ? new LocalEventBus() : new EventBridgePublisher());
}
