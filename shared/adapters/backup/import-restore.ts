import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BackupManifest } from '../../domain/backups/manifest';
import { describeFindings } from '../../domain/backups/verify';
import { RestoreRefused } from './restore';
import type { ManifestVerifier } from './signing';
import {
  checkLoadedTable,
  dataPrefix,
  importProgress,
  startTableImport,
  tableCheckPasses,
  tableExists,
  type TableCheck,
} from './table-import';
import { enableStream, enableTimeToLive } from './table-shape';
import { verifyStoredBackup } from './verify-stored';

/**
 * The operator's restore on AWS (TG 16.3, after an incident): the backup verified in full
 * (signature, every file, counts, digests) before anything is created, then loaded into a NEW
 * table by DynamoDB's ImportTable (the drill's implementation, table-import.ts), waited for,
 * checked (count, table digest, index queries) and kept: never deleted, never over an existing
 * table. TTL and the stream are turned on once the table checks out (restored outbox events are not new).
 * DynamoDB Local has no ImportTable: locally only the refusals run (npm run restore is the portable path).
 */
export interface ImportRestoreOptions {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly backupBucket: string;
  readonly backupId: string;
  readonly targetTable: string;
  readonly verifier: ManifestVerifier;
  readonly pollSeconds?: number;
  readonly onProgress?: (line: string) => void;
}

export interface ImportRestoreSummary extends TableCheck {
  readonly backupId: string;
  readonly targetTable: string;
  readonly method: 'import';
  readonly backupSource: BackupManifest['source'];
  readonly importArn: string;
  readonly seconds: number;
}

export async function restoreByImport(options: ImportRestoreOptions): Promise<ImportRestoreSummary> {
  const started = performance.now();
  const { dynamodb, s3, backupBucket, backupId, targetTable } = options;
  // A clear refusal first (ImportTable would refuse too, but only after the whole backup was read).
  if (await tableExists(dynamodb, targetTable))
    throw new RestoreRefused(
      `Table ${targetTable} exists already: the import creates a new table; choose another --target (an import an earlier run started shows in \`aws dynamodb list-imports\`)`,
    );
  const verified = await verifyStoredBackup(s3, backupBucket, backupId, options.verifier).catch((error: Error) => {
    throw error.name === 'BackupNotAuthentic' || error.name === 'BackupNotFound'
      ? new RestoreRefused(error.message)
      : error;
  });
  if (!verified.ok)
    throw new RestoreRefused(
      `Backup ${backupId} is refused, no table was created: ${describeFindings(verified.findings)}`,
    );
  const { manifest } = verified;
  let prefix: string | undefined;
  try {
    prefix = dataPrefix(manifest);
  } catch (error) {
    throw new RestoreRefused((error as Error).message);
  }
  if (!prefix) throw new RestoreRefused(`Backup ${backupId} has no data files to import`);
  options.onProgress?.(
    `[check] backup ${backupId}: signature, ${manifest.files.length} files, counts and digests check out`,
  );

  // Same backup and target: a retried call within DynamoDB's 8 hours is the same import, not a second one.
  const token = createHash('sha256')
    .update(`${manifest.backupId}\n${prefix}\n${targetTable}`)
    .digest('hex')
    .slice(0, 32);
  const importArn = await startTableImport(dynamodb, backupBucket, prefix, targetTable, token);
  options.onProgress?.(`[import] ${importArn} into ${targetTable}`);
  for (;;) {
    const progress = await importProgress(dynamodb, importArn);
    if (progress.status === 'COMPLETED') break;
    if (progress.status === 'FAILED')
      throw new RestoreRefused(`Restore of ${backupId} into ${targetTable} failed: ${progress.reason}`);
    options.onProgress?.(`[import] in progress, ${Math.round((performance.now() - started) / 1000)} s`);
    await sleep((options.pollSeconds ?? 30) * 1000);
  }
  const checked = await checkLoadedTable(dynamodb, s3, backupBucket, manifest, targetTable);
  if (tableCheckPasses(checked)) {
    // What the portable restore gives its table too: TTL, and the stream only now (restored outbox events are not new).
    await enableTimeToLive(dynamodb, targetTable);
    await enableStream(dynamodb, targetTable);
  }
  return {
    backupId,
    targetTable,
    method: 'import',
    backupSource: manifest.source,
    importArn,
    ...checked,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
