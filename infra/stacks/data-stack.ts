import { RemovalPolicy, Stack, Duration, Validations, type StackProps } from 'aws-cdk-lib/core';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
  type BucketProps,
  type CfnBucket,
} from 'aws-cdk-lib/aws-s3';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BACKUP_SIGNING_KEY_LOGICAL_NAME, backupSigningKeyArnExportName } from '../definitions/backup-signing-key';
import { PUBLISHED_PREFIX } from '../../shared/domain/edge/published-files';
import type { Construct } from 'constructs';
import { tableArnExportName, tableDefinition } from '../definitions/table';
import { ASKER_KEY_LOGICAL_NAME, askerKeyArnExportName } from '../definitions/asker-key';
import { bucketArnExportName, bucketDefinitions, type BucketKey } from '../definitions/buckets';
import type { DeploymentConfig } from '../config/deployment';

/** The table and buckets: everything that holds data, kept on stack deletion. */
export class DataStack extends Stack {
  readonly table: TableV2;
  readonly buckets: Record<BucketKey, Bucket>;
  /** Wraps each question's data key for the asker's personal data (envelope encryption). */
  readonly askerKey: Key;
  readonly backupSigningKey: Key;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { corsOrigins: readonly string[]; backups: DeploymentConfig['backups'] },
  ) {
    super(scope, id, props);
    const def = tableDefinition;
    this.table = new TableV2(this, def.logicalName, {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      timeToLiveAttribute: def.timeToLiveAttribute,
      // The transactional outbox leaves through the stream (events/outbox.ts).
      dynamoStream: StreamViewType[def.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: def.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    const buckets = {} as Record<BucketKey, Bucket>;
    for (const [key, bucketDef] of Object.entries(bucketDefinitions) as Array<
      [BucketKey, (typeof bucketDefinitions)[BucketKey]]
    >) {
      buckets[key] = new Bucket(this, bucketDef.logicalName, {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        encryption: BucketEncryption.S3_MANAGED,
        ...(key === 'backups' ? this.backupProtection(props.backups) : {}),
        enforceSSL: true,
        versioned: bucketDef.versioned,
        // The console POSTs upload forms straight to the bucket: its origins may, and read the answer.
        ...('browserUploads' in bucketDef && bucketDef.browserUploads
          ? {
              cors: [
                {
                  allowedMethods: [HttpMethods.POST],
                  allowedOrigins: [...props.corsOrigins],
                  allowedHeaders: ['*'],
                  exposedHeaders: ['ETag'],
                  maxAge: 3000,
                },
              ],
            }
          : {}),
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${bucketDef.localName}/`,
        removalPolicy: RemovalPolicy.RETAIN,
        lifecycleRules: [
          {
            id: 'bounded-history',
            // Old versions stay restorable for a bounded time; orphaned delete markers and
            // uploads that never completed (which cost storage but show nowhere) are cleaned up.
            ...(bucketDef.versioned
              ? {
                  noncurrentVersionExpiration: Duration.days(bucketDef.keepNoncurrentVersionsDays),
                  expiredObjectDeleteMarker: true,
                }
              : {}),
            abortIncompleteMultipartUploadAfter: Duration.days(7),
          },
          ...('expireByPrefix' in bucketDef ? bucketDef.expireByPrefix : []).map((rule) => ({
            id: rule.id,
            prefix: rule.prefix,
            expiration: Duration.days(rule.days),
          })),
        ],
      });
    }
    for (const [key, bucketDef] of Object.entries(bucketDefinitions) as Array<
      [BucketKey, (typeof bucketDefinitions)[BucketKey]]
    >) {
      // The bucket's own EventBridge switch, set on the resource: CDK's `eventBridgeEnabled` would
      // add a custom-resource Lambda to manage notifications we do not otherwise use.
      if ('notifiesEventBridge' in bucketDef && bucketDef.notifiesEventBridge) {
        (buckets[key].node.defaultChild as CfnBucket).addPropertyOverride(
          'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
          true,
        );
      }
      // A named export, so that prefix-scoped grants in other stacks can name the ARN they import.
      this.exportValue(buckets[key].bucketArn, { name: bucketArnExportName(this.stackName, key) });
    }
    // The distribution (edge-stack.ts, OAC) reads published attachments, and nothing else of the
    // media bucket. Its ARN is not known here (the edge stack depends on this one): any
    // distribution of this account, which holds one deployment.
    buckets.media.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DistributionReadsPublishedFiles',
        actions: ['s3:GetObject'],
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        resources: [buckets.media.arnForObjects(`${PUBLISHED_PREFIX}*`)],
        conditions: {
          StringLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` },
        },
      }),
    );
    // Named too: the restore drill's grants name scratch tables derived from it.
    this.exportValue(this.table.tableArn, { name: tableArnExportName(this.stackName) });
    this.buckets = buckets;

    // Askers' personal data (issue 9 §7, NĐ 356/2025): a customer managed key, rotated yearly; its
    // key policy leaves grants to IAM, and only the functions whose manifest entry says so get one.
    this.askerKey = new Key(this, ASKER_KEY_LOGICAL_NAME, {
      description: "Wraps the data keys of askers' personal data (Q&A)",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.exportValue(this.askerKey.keyArn, { name: askerKeyArnExportName(this.stackName) });

    // Backup manifests are signed with it (issue 24): its key policy leaves grants to IAM, and only
    // the backup writer's role may Sign (functions/manifest.ts `backupSigning`).
    this.backupSigningKey = new Key(this, BACKUP_SIGNING_KEY_LOGICAL_NAME, {
      description: 'Signs backup manifests (ECDSA P-256): only the backup writer may sign, readers verify',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.backupSigningKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason: 'Asymmetric KMS keys cannot rotate automatically; old backups must stay verifiable with this key.',
    });
    this.exportValue(this.backupSigningKey.keyArn, { name: backupSigningKeyArnExportName(this.stackName) });
  }

  /**
   * The backups bucket's deployment settings: Object Lock (default retention for every new object
   * version; S3 allows enabling it only when the bucket is created) and a customer-managed KMS key.
   */
  private backupProtection(backups: DeploymentConfig['backups']): Partial<BucketProps> {
    const lock = backups.objectLock;
    return {
      ...(lock
        ? {
            objectLockEnabled: true,
            objectLockDefaultRetention: (lock.mode === 'COMPLIANCE'
              ? ObjectLockRetention.compliance
              : ObjectLockRetention.governance)(Duration.days(lock.days)),
          }
        : {}),
      ...(backups.encryption === 'KMS'
        ? {
            encryption: BucketEncryption.KMS,
            encryptionKey: new Key(this, 'BackupsKey', {
              description: 'Encrypts the backups bucket (weekly exports and manifests)',
              enableKeyRotation: true,
              removalPolicy: RemovalPolicy.RETAIN,
            }),
            // One data key per bucket rather than per object: fewer KMS calls while exporting.
            bucketKeyEnabled: true,
          }
        : {}),
    };
  }
}
