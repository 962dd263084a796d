import {
  ConditionalCheckFailedException,
  ExportTableToPointInTimeCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { keys } from '../adapters/dynamo/keys';
import { exportTablePortably, writeMediaManifest } from '../adapters/backup/portable-export';
import { verifyStoredBackup } from '../adapters/backup/verify-stored';
import { monthlyBackupWeeks } from '../adapters/backup/storage';
import { sealAwsExport, unsealedExport } from '../adapters/backup/aws-export';
import type { ManifestSigner, ManifestVerifier } from '../adapters/backup/signing';
import { backupPrefix, isoWeekId } from '../domain/backups/manifest';
import { retentionFor, type RetentionClass } from '../domain/backups/retention';

/**
 * The weekly backup (TG 8.2): one per ISO week in Việt Nam time. A conditional put of the week's
 * BACKUP#<yyyy-Www> record claims the week, so a second run (by hand, or a retried schedule) finds
 * it and does nothing new; a week whose run failed may be claimed again.
 * On AWS (`EXPORT_MODE=aws`) it starts ExportTableToPointInTime into the week's prefix; locally
 * the portable exporter writes the same layout, then re-reads and verifies it.
 */
export interface WeeklyBackupDeps {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly tableName: string;
  /** Needed on AWS only (the export API takes the table's ARN). */
  readonly tableArn?: string;
  readonly backupBucket: string;
  readonly mediaBucket: string;
  readonly mode: 'aws' | 'portable';
  /** The backups bucket's KMS key, when the deployment encrypts it with one (config `backups.encryption`). */
  readonly kmsKeyArn?: string;
  /** The backup writer's signing key: only this job signs manifests (signing.ts). */
  readonly signer: ManifestSigner;
  readonly verifier: ManifestVerifier;
}

export type WeeklyBackupSummary = Record<string, string | number | boolean>;

/** The export request for a week: its ClientToken makes a retried call within 8 hours the same export. */
export function exportRequest(
  weekId: string,
  retention: RetentionClass,
  tableArn: string,
  bucket: string,
  kmsKeyArn?: string,
) {
  return {
    TableArn: tableArn,
    S3Bucket: bucket,
    S3Prefix: backupPrefix(weekId, retention).replace(/\/$/, ''),
    ExportFormat: 'DYNAMODB_JSON' as const,
    ExportType: 'FULL_EXPORT' as const,
    // The bucket's own key when it encrypts with KMS: an explicit AES256 would override its default.
    ...(kmsKeyArn
      ? { S3SseAlgorithm: 'KMS' as const, S3SseKmsKeyId: kmsKeyArn }
      : { S3SseAlgorithm: 'AES256' as const }),
    ClientToken: `weekly-backup-${weekId}`,
  };
}

export async function runWeeklyBackup(now: Date, deps: WeeklyBackupDeps): Promise<WeeklyBackupSummary> {
  const backupId = isoWeekId(now);
  const key = keys.backupRecord(backupId);
  const recordKey = { pk: { S: key.pk }, sk: { S: key.sk } };
  try {
    await deps.dynamodb.send(
      new PutItemCommand({
        TableName: deps.tableName,
        Item: { ...recordKey, status: { S: 'started' }, mode: { S: deps.mode }, startedAt: { S: now.toISOString() } },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': { S: 'failed' } },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await deps.dynamodb.send(
      new GetItemCommand({ TableName: deps.tableName, Key: recordKey, ConsistentRead: true }),
    );
    const status = existing.Item?.status?.S ?? 'unknown';
    // Run again once AWS's export has finished, the writer seals it: checked and signed (aws-export.ts).
    if (status === 'exporting') return sealFinishedExport(deps, backupId, recordKey);
    return { backupId, created: false, status };
  }
  const finish = (status: string, values: Record<string, { S: string } | { N: string } | { BOOL: boolean }>) => {
    const names = Object.keys(values);
    return deps.dynamodb.send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: recordKey,
        UpdateExpression: `SET #status = :status, ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) },
        ExpressionAttributeValues: {
          ':status': { S: status },
          ...Object.fromEntries(names.map((n, i) => [`:a${i}`, values[n]!])),
        },
      }),
    );
  };
  try {
    // The first backup of each month goes under monthly/, kept 12 months; the others 8 weeks.
    const retention = retentionFor(backupId, await monthlyBackupWeeks(deps.s3, deps.backupBucket));
    if (deps.mode === 'aws') {
      if (!deps.tableArn) throw new Error('TABLE_ARN is required with EXPORT_MODE=aws');
      const out = await deps.dynamodb.send(
        new ExportTableToPointInTimeCommand(
          exportRequest(backupId, retention, deps.tableArn, deps.backupBucket, deps.kmsKeyArn),
        ),
      );
      const media = await writeMediaManifest(deps.s3, deps.mediaBucket, deps.backupBucket, backupId, retention);
      const exportArn = out.ExportDescription?.ExportArn ?? '';
      await finish('exporting', {
        exportArn: { S: exportArn },
        retention: { S: retention },
        mediaObjects: { N: String(media.objectCount) },
      });
      return { backupId, created: true, status: 'exporting', retention, exportArn, mediaObjects: media.objectCount };
    }
    const manifest = await exportTablePortably({
      dynamodb: deps.dynamodb,
      s3: deps.s3,
      tableName: deps.tableName,
      backupBucket: deps.backupBucket,
      mediaBucket: deps.mediaBucket,
      backupId,
      retention,
      signer: deps.signer,
    });
    // "Verified" only once the stored files have been read back and checked against the manifest.
    const verification = await verifyStoredBackup(deps.s3, deps.backupBucket, backupId, deps.verifier);
    const status = verification.ok ? 'verified' : 'unverified';
    await finish(status, {
      exportId: { S: manifest.exportId },
      retention: { S: retention },
      itemCount: { N: String(manifest.table.itemCount) },
      tableDigest: { S: manifest.table.digest },
      mediaObjects: { N: String(manifest.media.objectCount) },
      verified: { BOOL: verification.ok },
    });
    if (!verification.ok)
      throw new Error(`backup ${backupId} failed verification: ${verification.findings.map((f) => f.kind).join(', ')}`);
    return {
      backupId,
      created: true,
      status,
      retention,
      exportId: manifest.exportId,
      items: manifest.table.itemCount,
      files: manifest.files.length,
      tableDigest: manifest.table.digest,
      mediaObjects: manifest.media.objectCount,
      mediaBytes: manifest.media.totalBytes,
    };
  } catch (error) {
    await finish('failed', { failedAt: { S: new Date().toISOString() } }).catch(() => undefined);
    throw error;
  }
}

/** The week's AWS export, once DynamoDB has finished it: sealed (checked, signed) and the week marked verified. */
async function sealFinishedExport(
  deps: WeeklyBackupDeps,
  backupId: string,
  recordKey: { pk: { S: string }; sk: { S: string } },
): Promise<WeeklyBackupSummary> {
  const finished = await unsealedExport(deps.s3, deps.backupBucket, backupId);
  if (!finished) return { backupId, created: false, status: 'exporting' };
  const manifest = await sealAwsExport(deps.s3, deps.backupBucket, backupId, finished.retention, deps.signer);
  const verification = await verifyStoredBackup(deps.s3, deps.backupBucket, backupId, deps.verifier);
  const status = verification.ok ? 'verified' : 'unverified';
  await deps.dynamodb.send(
    new UpdateItemCommand({
      TableName: deps.tableName,
      Key: recordKey,
      UpdateExpression: 'SET #status = :status, itemCount = :items, tableDigest = :digest',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': { S: status },
        ':items': { N: String(manifest.table.itemCount) },
        ':digest': { S: manifest.table.digest },
      },
    }),
  );
  if (!verification.ok)
    throw new Error(`backup ${backupId} failed verification: ${verification.findings.map((f) => f.kind).join(', ')}`);
  return {
    backupId,
    created: false,
    status,
    sealed: true,
    items: manifest.table.itemCount,
    tableDigest: manifest.table.digest,
  };
}
