import { DeleteTableCommand, QueryCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '../../infra/definitions/table';
import { decodeDataFile } from '../domain/backups/manifest';
import type { DynamoJsonItem } from '../domain/backups/digest';
import { restoreBackup } from '../adapters/backup/restore';
import type { RestoreState } from '../adapters/backup/checkpoint';
import { getObjectBytes, latestBackupId, readSignedManifest } from '../adapters/backup/storage';
import type { ManifestVerifier } from '../adapters/backup/signing';
import { JobFailure, type JobSummary } from '../jobs/job';

/**
 * The restore drill (BĐ 18.6, NA 13.2, TG 16.3): a backup nobody has restored is a hope. Weekly,
 * after the backup, it restores the latest one into a scratch table, compares counts and digests,
 * checks that the media versions are readable and match, asks each index for a few restored items,
 * records the result and the time taken (the job ledger), and deletes the scratch table.
 */
export const SCRATCH_TABLE_INFIX = '-drill-';
const QUERIES_PER_INDEX = 3;

export interface RestoreDrillDeps {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly tableName: string;
  readonly backupBucket: string;
  readonly verifier: ManifestVerifier;
}

/** In memory: a drill is never resumed, it runs again from the start. */
const memoryCheckpoint = () => {
  let state: RestoreState | undefined;
  return { load: async () => state, save: async (s: typeof state & object) => void (state = s), clear: async () => void (state = undefined) };
};

export async function runRestoreDrill(deps: RestoreDrillDeps): Promise<JobSummary> {
  const backupId = await latestBackupId(deps.s3, deps.backupBucket);
  if (!backupId) throw new JobFailure('no backup to restore', { backups: 0 });
  const scratch = `${deps.tableName}${SCRATCH_TABLE_INFIX}${backupId}`;
  // A scratch table left by a drill that died is removed first: the restore wants a new table.
  await dropTable(deps.dynamodb, scratch);
  try {
    const restored = await restoreBackup({
      dynamodb: deps.dynamodb, s3: deps.s3, backupBucket: deps.backupBucket, backupId, targetTable: scratch, checkpoint: memoryCheckpoint(), media: 'verify', verifier: deps.verifier,
    });
    const queries = await queryIndexes(deps, backupId, scratch);
    const summary: JobSummary = {
      backupId,
      items: restored.items,
      countMatch: restored.countMatch,
      digestMatch: restored.digestMatch,
      mediaObjects: restored.media.objects,
      mediaMismatched: restored.media.mismatched.length,
      indexQueries: queries.asked,
      indexQueriesAnswered: queries.answered,
      seconds: restored.seconds,
    };
    const ok = restored.countMatch && restored.digestMatch && restored.media.mismatched.length === 0 && queries.answered === queries.asked;
    if (!ok) throw new JobFailure(`restore drill of ${backupId} does not match the backup`, summary);
    return summary;
  } catch (error) {
    if (error instanceof JobFailure) throw error;
    throw new JobFailure(`restore drill of ${backupId} failed: ${(error as Error).message}`, { backupId, reason: (error as Error).name });
  } finally {
    await dropTable(deps.dynamodb, scratch);
  }
}

/** For each index, a few items of the backup that it lists, asked for by their index keys in the restored table. */
async function queryIndexes(deps: RestoreDrillDeps, backupId: string, scratch: string) {
  const manifest = await readSignedManifest(deps.s3, deps.backupBucket, backupId, deps.verifier);
  const samples = new Map<string, DynamoJsonItem[]>(tableDefinition.indexes.map((index) => [index.name, []]));
  for (const file of manifest.files) {
    if ([...samples.values()].every((s) => s.length >= QUERIES_PER_INDEX)) break;
    const bytes = await getObjectBytes(deps.s3, deps.backupBucket, file.key);
    for (const item of bytes ? decodeDataFile(bytes) : []) {
      for (const index of tableDefinition.indexes) {
        const list = samples.get(index.name)!;
        if (list.length < QUERIES_PER_INDEX && item[index.partitionKey] && item[index.sortKey]) list.push(item);
      }
    }
  }
  let asked = 0;
  let answered = 0;
  for (const index of tableDefinition.indexes) {
    for (const item of samples.get(index.name)!) {
      asked++;
      const out = await deps.dynamodb.send(
        new QueryCommand({
          TableName: scratch,
          IndexName: index.name,
          KeyConditionExpression: '#p = :p AND #s = :s',
          ExpressionAttributeNames: { '#p': index.partitionKey, '#s': index.sortKey },
          ExpressionAttributeValues: { ':p': item[index.partitionKey] as never, ':s': item[index.sortKey] as never },
        }),
      );
      const key = (i: Record<string, unknown>) => JSON.stringify([i[tableDefinition.partitionKey], i[tableDefinition.sortKey]]);
      if ((out.Items ?? []).some((found) => key(found) === key(item))) answered++;
    }
  }
  return { asked, answered };
}

async function dropTable(dynamodb: DynamoDBClient, name: string): Promise<void> {
  await dynamodb.send(new DeleteTableCommand({ TableName: name })).catch((error: unknown) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
}
