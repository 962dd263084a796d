import { ArnFormat, Fn, Stack, Token, Validations } from 'aws-cdk-lib/core';
import { Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import {
  functionDefinitions,
  type Access,
  type FunctionKey,
  type FunctionDefinition,
  type IdentityAdminAction,
} from '../../functions/manifest';
import { grantTableAccess } from './table-access';
import { SCRATCH_IMPORT_ACTIONS, SCRATCH_TABLE_ACTIONS, tableLevelActions } from '../definitions/table-permissions';
import { houseFunctionProps } from './house-function';
import { bucketArnExportName, type BucketKey } from '../definitions/buckets';
import { tableArnExportName } from '../definitions/table';
import { askerKeyArnExportName } from '../definitions/asker-key';
import { backupSigningKeyArnExportName } from '../definitions/backup-signing-key';
import type { QueueKey } from '../definitions/queues';
import { configEnvironment, mailIdentity, mailSenderAddress, type DeploymentConfig } from '../config/deployment';

/** What every function may be wired to; each gets only the access its manifest entry names. */
export interface PortalResources {
  readonly config: DeploymentConfig;
  readonly table: ITable;
  readonly buckets: Record<BucketKey, IBucket>;
  readonly bus: IEventBus;
  readonly queues: Record<QueueKey, IQueue>;
  readonly deadLetterQueues: Record<QueueKey, IQueue>;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
}

/**
 * The house Lambda function: Node 22 on arm64, ESM bundled by the local esbuild (never Docker),
 * JSON logs in an explicit log group, X-Ray tracing (sampled: see `tracing`), and the common environment.
 */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, key: FunctionKey, resources: PortalResources) {
    const def: FunctionDefinition = functionDefinitions[key];
    const { config } = resources;
    super(scope, id, {
      ...houseFunctionProps(scope, id, def, { memoryMb: 512, timeoutSeconds: 10 }),
      // HTTP functions follow the API's sampling decision (the X-Ray sampling rule in api-stack.ts):
      // with ACTIVE they would also trace every direct invocation at Lambda's own fixed rate.
      // Consumers and jobs run a few thousand times a month: Lambda's 1 a second and 5% traces them all.
      tracing: def.kind === 'http' ? Tracing.PASS_THROUGH : Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: key,
        NODE_OPTIONS: '--enable-source-maps',
        TABLE_NAME: resources.table.tableName,
        MEDIA_BUCKET: resources.buckets.media.bucketName,
        BACKUP_BUCKET: resources.buckets.backups.bucketName,
        EVENT_BUS_NAME: resources.bus.eventBusName,
        QUEUE_URLS: Stack.of(scope).toJsonString(
          Object.fromEntries(Object.entries(resources.queues).map(([k, q]) => [k, q.queueUrl])),
        ),
        ...configEnvironment(config),
        IDENTITY_PROVIDER: 'cognito',
        USER_POOL_ID: resources.userPool.userPoolId,
        USER_POOL_CLIENT_ID: resources.userPoolClient.userPoolClientId,
        ...(def.exportsTable ? { EXPORT_MODE: 'aws', TABLE_ARN: resources.table.tableArn } : {}),
        ...(def.scratchTables?.importsFrom ? { DRILL_LOAD: 'import' } : {}),
        ...(def.sendsMail ? { MAIL_TRANSPORT: 'ses', MAIL_FROM: mailSenderAddress(config) } : {}),
        // The export must name the bucket's KMS key, or it would write with AES256 (weekly-backup.ts).
        ...(def.exportsTable && resources.buckets[def.exportsTable.bucket].encryptionKey
          ? { BACKUP_KMS_KEY_ARN: resources.buckets[def.exportsTable.bucket].encryptionKey!.keyArn }
          : {}),
        ...(def.askerKey
          ? { ASKER_KEYS: 'kms', ASKER_KEY_ID: Fn.importValue(askerKeyArnExportName(`Portal-${config.stage}-Data`)) }
          : {}),
        ...(def.backupSigning
          ? {
              BACKUP_SIGNING: 'kms',
              BACKUP_SIGNING_KEY_ID: Fn.importValue(backupSigningKeyArnExportName(`Portal-${config.stage}-Data`)),
            }
          : {}),
      },
    });
    grantManifestAccess(this, def, resources);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
    });
  }
}

/** What account management needs (the accounts function, the identity sync consumer). */
const ALL_IDENTITY_ADMIN_ACTIONS: readonly IdentityAdminAction[] = [
  'AdminCreateUser',
  'AdminDeleteUser', // undoes a creation that could not complete
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminDisableUser',
  'AdminUserGlobalSignOut',
  'AdminInitiateAuth',
  'AdminSetUserPassword',
  'AdminResetUserPassword',
  'CreateUserPoolClient',
  'DeleteUserPoolClient',
];

function grantManifestAccess(fn: NodejsFunction, def: FunctionDefinition, resources: PortalResources) {
  grantTableAccess(fn, def, resources.table);
  for (const [key, access] of Object.entries(def.buckets ?? {}) as Array<[BucketKey, Access]>) {
    const bucket = resources.buckets[key];
    if (access === 'probe')
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    else if (access === 'read') bucket.grantRead(fn);
    else bucket.grantReadWrite(fn);
  }
  for (const grant of def.objects ?? []) {
    // Keys under the named prefixes only (`incoming/*`, `clean/*`…): never the whole bucket. The
    // ARN comes through the data stack's named export, so the acknowledgement can name it.
    const exportName = bucketArnExportName(`Portal-${resources.config.stage}-Data`, grant.bucket);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: grant.actions.map((a) => `s3:${a}`),
        resources: grant.prefixes.map((prefix) => `${Fn.importValue(exportName)}/${prefix}*`),
      }),
    );
    for (const prefix of grant.prefixes) {
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${exportName}/${prefix}*]`,
        reason: `Objects under ${prefix} only: the prefix is the grant (functions/manifest.ts \`objects\`).`,
      });
    }
  }
  grantBucketKeys(fn, def, resources);
  for (const key of def.queues ?? []) {
    // Inspect only (health and monitoring read depths); consumers get their own queue's rights.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:GetQueueAttributes'],
        resources: [resources.queues[key].queueArn, resources.deadLetterQueues[key].queueArn],
      }),
    );
  }
  if (def.publishesEvents) resources.bus.grantPutEventsTo(fn);
  if (def.writesOutbox && def.table !== 'readwrite') {
    // Events only: PutItem (inside TransactWriteItems) on outbox items and nothing else.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [resources.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*'] } },
      }),
    );
  }
  if (def.exportsTable) {
    // The export itself, on this table only; DynamoDB writes the files with the caller's rights,
    // so the function may put (and abort multipart uploads) under the backup prefix, nothing else.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: tableLevelActions(def)
          .filter((a) => a !== 'DescribeTable')
          .map((a) => `dynamodb:${a}`),
        resources: [resources.table.tableArn],
      }),
    );
    const exportName = bucketArnExportName(`Portal-${resources.config.stage}-Data`, def.exportsTable.bucket);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: [`${Fn.importValue(exportName)}/${def.exportsTable.prefix}*`],
      }),
    );
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${exportName}/${def.exportsTable.prefix}*]`,
      reason: 'Backup files under the backup prefix only; DynamoDB names the export files itself.',
    });
  }
  if (def.scratchTables) {
    // Tables named after ours plus the infix, and their indexes: the drill's own, never the table itself.
    const exportName = tableArnExportName(`Portal-${resources.config.stage}-Data`);
    const scratch = `${Fn.importValue(exportName)}${def.scratchTables.infix}*`;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: SCRATCH_TABLE_ACTIONS.map((a) => `dynamodb:${a}`),
        resources: [scratch, `${scratch}/index/*`],
      }),
    );
    if (def.scratchTables.importsFrom) {
      // DynamoDB's import creates the scratch table and reads the data files with the caller's rights
      // (s3:GetObject and ListBucket on the backups come from the objects/buckets grants), and writes its
      // own log under /aws-dynamodb/ (AWS's documented policy for ImportTable).
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: SCRATCH_IMPORT_ACTIONS.map((a) => `dynamodb:${a}`),
          resources: [scratch, `${scratch}/import/*`],
        }),
      );
      const importLogs = Stack.of(fn).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: '/aws-dynamodb/*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [
            'logs:CreateLogGroup',
            'logs:CreateLogStream',
            'logs:DescribeLogGroups',
            'logs:DescribeLogStreams',
            'logs:PutLogEvents',
            'logs:PutRetentionPolicy',
          ],
          resources: [importLogs],
        }),
      );
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${exportName}${def.scratchTables.infix}*/import/*]`,
        reason: 'The imports of the drill\u2019s own scratch tables.',
      });
      Validations.of(fn).acknowledge({
        // The partition is a literal under cdk.json's enablePartitionLiterals (`cdk synth`), a token in the tests' app.
        id: `AwsSolutions-IAM5[Resource::arn:${literalOr(Stack.of(fn).partition, '<AWS::Partition>')}:logs:${literalOr(Stack.of(fn).region, '<AWS::Region>')}:<AWS::AccountId>:log-group:/aws-dynamodb/*]`,
        reason: 'DynamoDB names its import log groups itself, under /aws-dynamodb/.',
      });
    }
    for (const suffix of ['', '/index/*']) {
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${exportName}${def.scratchTables.infix}*${suffix}]`,
        reason:
          'Scratch tables named after the portal table plus the infix (and their indexes): the drill creates and deletes them.',
      });
    }
  }
  for (const key of def.readsAllVersions ?? []) {
    const exportName = bucketArnExportName(`Portal-${resources.config.stage}-Data`, key);
    const arn = Fn.importValue(exportName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket', 's3:ListBucketVersions'], resources: [arn] }));
    // The stored checksums too (GetObjectAttributes): the media manifest reads S3's SHA-256, not the bytes.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAttributes', 's3:GetObjectVersionAttributes'],
        resources: [`${arn}/*`],
      }),
    );
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${exportName}/*]`,
      reason: 'The backup hashes every current object of this bucket: reading all of them is the task.',
    });
  }
  if (def.sendsMail) {
    // SendEmail from the one verified identity and the one sender address: no other identity, no raw or templated mail.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(fn).formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: mailIdentity(resources.config),
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': mailSenderAddress(resources.config) } },
      }),
    );
  }
  if (def.askerKey) {
    // One action on the one key: asking seals (GenerateDataKey), staff open (Decrypt), each with the question as context.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [def.askerKey === 'seal' ? 'kms:GenerateDataKey' : 'kms:Decrypt'],
        resources: [Fn.importValue(askerKeyArnExportName(`Portal-${resources.config.stage}-Data`))],
        conditions: {
          'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['questionId'] },
          Null: { 'kms:EncryptionContext:questionId': 'false' },
        },
      }),
    );
  }
  if (def.backupSigning) {
    // The backup writer signs (and checks what it signed); readers only verify. Nothing else names the key.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: def.backupSigning === 'sign' ? ['kms:Sign', 'kms:Verify'] : ['kms:Verify'],
        resources: [Fn.importValue(backupSigningKeyArnExportName(`Portal-${resources.config.stage}-Data`))],
      }),
    );
  }
  if (def.identityAdmin) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: (def.identityAdmin === true ? ALL_IDENTITY_ADMIN_ACTIONS : def.identityAdmin).map(
          (a) => `cognito-idp:${a}`,
        ),
        resources: [resources.userPool.userPoolArn],
      }),
    );
  }
}

/**
 * A bucket encrypted with a customer-managed KMS key (config `backups.encryption: KMS`): whoever
 * writes its objects (or exports into it) may encrypt with the key, whoever reads them may decrypt.
 * Listing needs neither. grantRead/grantReadWrite on the bucket grant the key themselves.
 */
function grantBucketKeys(fn: NodejsFunction, def: FunctionDefinition, resources: PortalResources) {
  for (const [key, bucket] of Object.entries(resources.buckets) as Array<[BucketKey, IBucket]>) {
    if (!bucket.encryptionKey) continue;
    const grants = (def.objects ?? []).filter((g) => g.bucket === key);
    const writes = def.exportsTable?.bucket === key || grants.some((g) => g.actions.some((a) => a.startsWith('Put')));
    const reads = grants.length > 0 || (def.readsAllVersions ?? []).includes(key);
    // Named actions, no wildcards: a data key to write (Decrypt too: multipart uploads need it), Decrypt to read.
    if (writes) bucket.encryptionKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    else if (reads) bucket.encryptionKey.grant(fn, 'kms:Decrypt');
  }
}

/** A synthesized value as cdk-nag prints it: the literal, or the pseudo parameter's name while unresolved. */
const literalOr = (value: string, pseudo: string) => (Token.isUnresolved(value) ? pseudo : value);
