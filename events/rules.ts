import { eventCatalogue, type EventName } from './catalogue';
import type { QueueKey } from '../infra/definitions/queues';
import type { BucketKey } from '../infra/definitions/buckets';
import { uploadPrefixes } from '../shared/domain/uploads/upload';
import { ONLINE_STATES } from '../shared/domain/edge/published-files';

/**
 * Routing rules: which events reach which queue. CDK turns each into an EventBridge rule with
 * an SQS target; the local event bus matches the same patterns in process.
 */
export interface RoutingRule {
  readonly name: string;
  readonly events: readonly EventName[];
  readonly target: QueueKey;
  /** Only events whose data has one of these values in each field (EventBridge matches `detail.data.<field>`). */
  readonly dataFilter?: Readonly<Record<string, readonly string[]>>;
  /** And one of these (EventBridge's `$or` on `detail.data`): alternatives over different fields. */
  readonly dataAnyOf?: readonly Readonly<Record<string, readonly string[]>>[];
}

type DataFilter = Readonly<Record<string, readonly string[]>>;

export const routingRules: readonly RoutingRule[] = [
  { name: 'JobRunsToLedger', events: ['JobRunFinished'], target: 'jobRuns' },
  {
    name: 'AccountChangesToIdentity',
    events: ['AccountClosed', 'AccountUnlocked', 'AccountRolesChanged'],
    target: 'identitySync',
  },
  // Only what a syndicated copy follows: content publications and withdrawals (the consumer's own test), so no other step runs it.
  {
    name: 'WorkflowStepsToSyndication',
    events: ['WorkflowTransitioned'],
    dataFilter: { type: ['ContentItem'] },
    dataAnyOf: [{ to: ['published'] }, { action: ['withdraw'] }],
    target: 'syndication',
  },
  // Question receipts and escalations, and the questions' workflow steps (not content's); the consumer keeps the steps that tell someone.
  {
    name: 'QuestionNoticesToNotifications',
    events: ['QuestionReceived', 'QuestionEscalated'],
    target: 'notifications',
  },
  {
    name: 'QuestionStepsToNotifications',
    events: ['WorkflowTransitioned'],
    dataFilter: { type: ['Question'] },
    target: 'notifications',
  },
  // Only the content steps that put an item online or take it offline (edgeChangeOf's own test), so no other step runs the edge's consumer.
  {
    name: 'ContentStepsToEdge',
    events: ['WorkflowTransitioned'],
    dataFilter: { type: ['ContentItem'] },
    dataAnyOf: [{ to: ONLINE_STATES }, { from: ONLINE_STATES }],
    target: 'edge',
  },
];

export interface EventPattern {
  source: string[];
  'detail-type': string[];
  /** Field values to match, and `$or`: alternatives, each a set of field values. */
  detail?: { data: Record<string, string[] | Array<Record<string, string[]>>> };
}

const copyFilter = (filter: DataFilter) =>
  Object.fromEntries(Object.entries(filter).map(([field, values]) => [field, [...values]]));

/** The EventBridge pattern of a rule (exact match on source and detail-type, and on data fields when filtered, as on AWS). */
export function eventPattern(rule: Pick<RoutingRule, 'events' | 'dataFilter' | 'dataAnyOf'>): EventPattern {
  const entries = rule.events.map((name) => eventCatalogue[name]);
  const data = {
    ...(rule.dataFilter && copyFilter(rule.dataFilter)),
    ...(rule.dataAnyOf && { $or: rule.dataAnyOf.map(copyFilter) }),
  };
  return {
    source: [...new Set(entries.map((e) => e.source))],
    'detail-type': [...new Set(entries.map((e) => e.detailType))],
    ...((rule.dataFilter || rule.dataAnyOf) && { detail: { data } }),
  };
}

/** Whether an event matches a pattern; `detail` is the bus detail (`{ metadata, data }`). */
export function matches(pattern: EventPattern, source: string, detailType: string, detail?: unknown): boolean {
  if (!pattern.source.includes(source) || !pattern['detail-type'].includes(detailType)) return false;
  if (!pattern.detail) return true;
  const data = ((detail as { data?: unknown } | undefined)?.data ?? {}) as Record<string, unknown>;
  const { $or, ...fields } = pattern.detail.data as Record<string, string[]> & {
    $or?: Array<Record<string, string[]>>;
  };
  const all = (filter: Record<string, string[]>) =>
    Object.entries(filter).every(([field, values]) => typeof data[field] === 'string' && values.includes(data[field]));
  return all(fields) && ($or === undefined || $or.some(all));
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
