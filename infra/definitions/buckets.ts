import { RETENTION, RETENTION_CLASSES } from '../../shared/domain/backups/retention';

/** S3 buckets, described once for CDK and the local bootstrap. */
export interface BucketDefinition {
  readonly logicalName: string;
  /** Local name suffix; on AWS CDK generates a unique name and passes it through env. */
  readonly localName: string;
  readonly versioned: boolean;
  /** Versioned buckets: how long an overwritten or deleted object's old version stays restorable. */
  readonly keepNoncurrentVersionsDays?: number;
  readonly envVar: string;
  readonly purpose: string;
  /** Sends S3 event notifications to EventBridge (the default bus): events/rules.ts routes them. */
  readonly notifiesEventBridge?: boolean;
  /** Browsers POST presigned upload forms to it: CORS for the deployment's origins (POST only). */
  readonly browserUploads?: boolean;
  /** Objects under each prefix expire (become noncurrent) this many days after they were written. */
  readonly expireByPrefix?: ReadonlyArray<{ readonly id: string; readonly prefix: string; readonly days: number }>;
}

export const bucketDefinitions = {
  media: {
    logicalName: 'Media',
    localName: 'media',
    // An attachment deleted or replaced by mistake can be brought back for 90 days: longer than
    // the weekly backup cycle (TG 8.2), so every backup's media manifest points at live versions.
    versioned: true,
    keepNoncurrentVersionsDays: 90,
    envVar: 'MEDIA_BUCKET',
    purpose: 'uploaded attachments and media of content items',
    // Uploads land under incoming/; their ObjectCreated events start the byte check.
    notifiesEventBridge: true,
    browserUploads: true,
  },
  backups: {
    logicalName: 'Backups',
    localName: 'backups',
    versioned: true,
    // An expired or overwritten backup file stays recoverable for 30 days more (Object Lock, where
    // configured, holds each version for its own retention period on top).
    keepNoncurrentVersionsDays: 30,
    envVar: 'BACKUP_BUCKET',
    purpose: 'weekly table exports and media manifests (TG 8.2, TG 16.3)',
    // 8 weekly and 12 monthly backups (shared/domain/backups/retention.ts): one rule per class's prefix.
    expireByPrefix: RETENTION_CLASSES.map((retention) => ({
      id: `${retention}-backups`,
      prefix: `backups/${retention}/`,
      days: RETENTION[retention].expireAfterDays,
    })),
  },
} as const satisfies Record<string, BucketDefinition>;

export type BucketKey = keyof typeof bucketDefinitions;

/** The export that carries a bucket's ARN from the data stack (`Portal-<stage>-Data`) to the others. */
export const bucketArnExportName = (dataStackName: string, key: BucketKey) =>
  `${dataStackName}:${bucketDefinitions[key].logicalName}BucketArn`;
