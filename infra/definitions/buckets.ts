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
    keepNoncurrentVersionsDays: 90,
    envVar: 'BACKUP_BUCKET',
    purpose: 'weekly table exports and media manifests (TG 8.2, TG 16.3)',
  },
} as const satisfies Record<string, BucketDefinition>;

export type BucketKey = keyof typeof bucketDefinitions;

/** The export that carries a bucket's ARN from the data stack (`Portal-<stage>-Data`) to the others. */
export const bucketArnExportName = (dataStackName: string, key: BucketKey) => `${dataStackName}:${bucketDefinitions[key].logicalName}BucketArn`;
