import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { EventEnvelope } from '../../events/catalogue';
import { busDetail, type OutboxEvent } from '../../events/outbox';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventPattern, matches, notificationRules, routingRules } from '../../events/rules';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { EventPublisher } from '../../shared/adapters/events/publisher';

/**
 * Stands in for EventBridge on the local stack: matches the same rules and sends the same
 * envelope EventBridge would deliver to each target queue.
 */
export class LocalEventBus implements EventPublisher {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrls: Readonly<Record<string, string>>,
    /** The operators' topic: one readable file per event. */
    private readonly operatorsDir: string,
  ) {}

  async publish(events: readonly OutboxEvent[]): Promise<{ failed: string[] }> {
    const urls = this.queueUrls;
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
      const targets = routingRules.filter((rule) =>
        matches(eventPattern(rule), event.source, event.detailType, envelope.detail),
      );
      await Promise.all(
        targets.map((rule) => {
          const url = urls[rule.target];
          if (!url) throw new Error(`No queue URL for rule target ${rule.target}`);
          return this.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(envelope) }));
        }),
      );
      // The operators' topic: one readable file per event, where an operator running the stack looks.
      if (notificationRules.some((rule) => matches(eventPattern(rule), event.source, event.detailType))) {
        const dir = this.operatorsDir;
        mkdirSync(dir, { recursive: true });
        const stamp = event.metadata.occurredAt.replace(/[:.]/g, '-');
        writeFileSync(
          join(dir, `${stamp}-${event.detailType}-${event.metadata.eventId.slice(0, 8)}.json`),
          JSON.stringify(envelope, null, 2) + '\n',
        );
      }
    }
    return { failed: [] };
  }
}
