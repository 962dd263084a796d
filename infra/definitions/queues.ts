/**
 * SQS queues, each with its dead-letter queue and consumer function. EventBridge rules in
 * events/rules.ts target these queues by key.
 */
export interface QueueDefinition {
  readonly logicalName: string;
  readonly localName: string;
  /** Key of the consuming function in functions/manifest.ts. */
  /** Checked at compile time to be a consumer function of the manifest (functions/manifest.ts). */
  readonly consumer: string;
  readonly batchSize: number;
  /** Receives before a message moves to the DLQ. */
  readonly maxReceiveCount: number;
  readonly visibilityTimeoutSeconds: number;
  readonly purpose: string;
  /** Lambda waits up to this long to fill a batch (AWS only; the local poller takes what has arrived). */
  readonly batchingWindowSeconds?: number;
  /** Its consumer is built by another stack than the async one (it needs that stack's resources). */
  readonly consumerStack?: 'edge';
}

export const queueDefinitions = {
  jobRuns: {
    logicalName: 'JobRuns',
    localName: 'job-runs',
    consumer: 'recordJobRun',
    batchSize: 10,
    maxReceiveCount: 3,
    visibilityTimeoutSeconds: 30,
    purpose: 'records every scheduled job run as evidence for operators (BĐ 18.1, TG 8.2)',
  },
  identitySync: {
    logicalName: 'IdentitySync',
    localName: 'identity-sync',
    consumer: 'syncIdentity',
    batchSize: 5,
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 60,
    purpose: 'applies committed account closures, unlocks and role changes at the identity provider (issue 12 #5)',
  },
  uploadChecks: {
    logicalName: 'UploadChecks',
    localName: 'upload-checks',
    consumer: 'checkUpload',
    batchSize: 5,
    maxReceiveCount: 3,
    // Six times the checker's timeout, as AWS advises for SQS event sources.
    visibilityTimeoutSeconds: 180,
    purpose: 'checks every uploaded attachment from its bytes before it can be published (CB 13.2, issue 8 #2)',
  },
  syndication: {
    logicalName: 'Syndication',
    localName: 'syndication',
    consumer: 'followSyndication',
    batchSize: 10,
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 60,
    purpose: 'carries content workflow steps to syndicated copies in the provincial portal (issue 8 #6)',
  },
  notifications: {
    logicalName: 'Notifications',
    localName: 'notifications',
    consumer: 'sendNotifications',
    batchSize: 5,
    maxReceiveCount: 5,
    // Above the consumer's timeout (30 s) and its sending claims' lease (60 s), so a redelivery
    // finds a crashed consumer's claim expired and sends instead of waiting again.
    visibilityTimeoutSeconds: 90,
    purpose: 'tells askers and staff of question steps and escalations by e-mail (issue 9 #6)',
  },
  edge: {
    logicalName: 'Edge',
    localName: 'edge',
    consumer: 'refreshEdge',
    batchSize: 10,
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 180,
    purpose:
      'keeps the distribution in step with publications and withdrawals: published files copied or removed, changed paths invalidated in one batch (issue 26)',
    // One invalidation per batch: a minute's publications share it (CloudFront's first 1,000 paths a month are free).
    batchingWindowSeconds: 60,
    // Built in the edge stack, which knows the distribution it invalidates.
    consumerStack: 'edge',
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueKey = keyof typeof queueDefinitions;

export const dlqName = (localName: string) => `${localName}-dlq`;
