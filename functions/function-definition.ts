import type { BucketKey } from '../infra/definitions/buckets';
import type { QueueKey } from '../infra/definitions/queues';

/**
 * The shape of one function's entry in functions/manifest.ts: its kind, its limits and each right it holds, which
 * CDK grants and the local stack enforces.
 */

/** `probe`: may only ask whether the resource exists and answers (health, monitoring). */
export type Access = 'probe' | 'read' | 'readwrite';

/** Narrower than `table`: these item actions only, on partitions whose key starts with a prefix (IAM dynamodb:LeadingKeys). */
export interface TableItemAccess {
  readonly actions: ReadonlyArray<
    | 'GetItem'
    | 'BatchGetItem'
    | 'Query'
    | 'PutItem'
    | 'UpdateItem'
    | 'DeleteItem'
    | 'BatchWriteItem'
    | 'ConditionCheckItem'
  >;
  readonly partitionPrefixes: readonly string[];
  /** Indexes the function may query as well (by name; within the same partition prefixes). */
  readonly indexes?: readonly string[];
}

/** Object-level S3 rights, only on keys under these prefixes (IAM resources `<bucket>/<prefix>*`). */
export interface ObjectAccess {
  readonly bucket: BucketKey;
  readonly actions: ReadonlyArray<'GetObject' | 'PutObject' | 'DeleteObject' | 'GetObjectAttributes'>;
  readonly prefixes: readonly string[];
}

/** Cognito admin actions a function may take on the user pool. */
export type IdentityAdminAction =
  | 'AdminCreateUser'
  | 'AdminDeleteUser'
  | 'AdminAddUserToGroup'
  | 'AdminRemoveUserFromGroup'
  | 'AdminDisableUser'
  | 'AdminUserGlobalSignOut'
  | 'AdminInitiateAuth'
  | 'AdminSetUserPassword'
  | 'AdminResetUserPassword'
  | 'CreateUserPoolClient'
  | 'DeleteUserPoolClient';

export interface FunctionDefinition {
  readonly entry: string;
  /** `cognito-trigger`: invoked by the user pool (infra/stacks/auth-stack.ts), not by routes or schedules. */
  readonly kind: 'http' | 'job' | 'consumer' | 'cognito-trigger';
  readonly description: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly table?: Access;
  readonly tableItems?: readonly TableItemAccess[];
  /** May read audit partitions (everyone else is denied them: see infra/constructs/table-access.ts). */
  readonly readsAudit?: boolean;
  readonly buckets?: Partial<Record<BucketKey, Access>>;
  /** Narrower than `buckets`: these object actions under these key prefixes only. */
  readonly objects?: readonly ObjectAccess[];
  /** Queues the function may inspect or send to (consumers get their own queue implicitly). */
  readonly queues?: readonly QueueKey[];
  /** May put events on the bus: only the outbox relay; everything else commits events to the outbox. */
  readonly publishesEvents?: boolean;
  /** Commits domain events (outbox items) without other table writes: may put OUTBOX# items only. */
  readonly writesOutbox?: boolean;
  /** Cognito admin actions on the user pool: `true` for every action account management needs. */
  readonly identityAdmin?: true | readonly IdentityAdminAction[];
  /**
   * Exports the table to S3 (ExportTableToPointInTime) under this bucket prefix: CDK grants that
   * action on the table and s3:PutObject/AbortMultipartUpload under the prefix, and sets
   * EXPORT_MODE=aws and TABLE_ARN. Locally the portable exporter stands in.
   */
  readonly exportsTable?: { readonly bucket: BucketKey; readonly prefix: string };
  /**
   * Creates, fills, reads and deletes scratch tables named `<table><infix>*` (the restore drill), never the table itself.
   * `importsFrom`: on AWS fills them with DynamoDB's ImportTable from that bucket (ImportTable and DescribeImport on
   * the scratch tables, DynamoDB's import logs under /aws-dynamodb/; DRILL_LOAD=import). Locally the portable load.
   */
  readonly scratchTables?: { readonly infix: string; readonly importsFrom?: BucketKey };
  /** Lists every object version of these buckets and reads any of them (the backup's media manifest). */
  readonly readsAllVersions?: readonly BucketKey[];
  /** Sends e-mail: SES SendEmail from the deployment's sender identity only (MAIL_TRANSPORT=ses, MAIL_FROM). */
  readonly sendsMail?: true;
  /**
   * The askers' data key (KMS, infra/definitions/asker-key.ts): `seal` may GenerateDataKey (asking),
   * `open` may Decrypt (staff who see the data). Nothing else may use it.
   */
  readonly askerKey?: 'seal' | 'open';
  /**
   * The backup signing key (KMS, asymmetric; shared/adapters/backup/signing.ts): `sign` may Sign
   * and Verify (the backup writer), `verify` may only Verify (readers: the drill). Nothing else may use it.
   */
  readonly backupSigning?: 'sign' | 'verify';
}
