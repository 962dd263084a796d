import { eventCatalogue, type EventName } from './catalogue';
import type { QueueKey } from '../infra/definitions/queues';
import type { BucketKey } from '../infra/definitions/buckets';
import { uploadPrefixes } from '../shared/domain/uploads/upload';

/**
 * Routing rules: which events reach which queue. CDK turns each into an EventBridge rule with
 * an SQS target; the local event bus matches the same patterns in process.
 */
export interface RoutingRule {
  readonly name: string;
  readonly events: readonly EventName[];
  readonly target: QueueKey;
}

export const routingRules: readonly RoutingRule[] = [
  { name: 'JobRunsToLedger', events: ['JobRunFinished'], target: 'jobRuns' },
  { name: 'AccountChangesToIdentity', events: ['AccountClosed', 'AccountUnlocked', 'AccountRolesChanged'], target: 'identitySync' },
  // Every workflow step (the pattern matches source and detail-type only); the consumer keeps content publications and withdrawals.
  { name: 'WorkflowStepsToSyndication', events: ['WorkflowTransitioned'], target: 'syndication' },
];

/** The EventBridge pattern of a rule (exact match on source and detail-type, as on AWS). */
export function eventPattern(rule: Pick<RoutingRule, 'events'>): { source: string[]; 'detail-type': string[] } {
  const entries = rule.events.map((name) => eventCatalogue[name]);
  return {
    source: [...new Set(entries.map((e) => e.source))],
    'detail-type': [...new Set(entries.map((e) => e.detailType))],
  };
}

export function matches(pattern: ReturnType<typeof eventPattern>, source: string, detailType: string): boolean {
  return pattern.source.includes(source) && pattern['detail-type'].includes(detailType);
}

/**
 * S3's own events (not ours, so not in the catalogue): objects created under a prefix of a bucket,
 * as S3 sends them to EventBridge's default bus (`aws.s3` / `Object Created`), to a queue. The
 * local stack's bucket notifier sends the same events to the same queue.
 */
export interface StorageRoutingRule {
  readonly name: string;
  readonly bucket: BucketKey;
  readonly prefix: string;
  readonly target: QueueKey;
}

export const storageRoutingRules: readonly StorageRoutingRule[] = [
  { name: 'UploadsToChecker', bucket: 'media', prefix: uploadPrefixes.incoming, target: 'uploadChecks' },
];

/**
 * Events delivered to people rather than queues: the operators' topic (on AWS the `Alarms` SNS
 * topic, which mails `alarmEmail`, so alarms and incidents reach one mailbox). Locally the event
 * bus writes each to a readable file under the operators' folder (`.local/operators/`).
 */
export interface NotificationRule {
  readonly name: string;
  readonly events: readonly EventName[];
  readonly topic: 'operators';
}

export const notificationRules: readonly NotificationRule[] = [
  { name: 'OperationsToOperators', events: ['IncidentReported', 'SecurityCheckDue'], topic: 'operators' },
];
