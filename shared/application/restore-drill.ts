import { DeleteTableCommand, QueryCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '../../infra/definitions/table';
import { decodeDataFile } from '../domain/backups/manifest';
import type { DynamoJsonItem } from '../domain/backups/digest';
import { restoreBackup } from '../adapters/backup/restore';
import type { RestoreState } from '../adapters/backup/checkpoint';
import { getObjectBytes, listBackups, readSignedManifest } from '../adapters/backup/storage';
import { openBackup } from '../adapters/backup/aws-export';
import { verifySampled } from '../adapters/backup/sampled-verify';
import { acquireLease, releaseLease } from '../adapters/dynamo/lease';
import { drillMode, MAX_BACKUP_AGE_HOURS, type DrillMode, type FullRestoreCadence } from '../domain/backups/drill-plan';
import type { BackupManifest } from '../domain/backups/manifest';
import { randomUUID } from 'node:crypto';
import type { ManifestVerifier } from '../adapters/backup/signing';
import { JobFailure, type JobSummary } from '../jobs/job';

/**
 * The restore drill (BĐ 18.6, NA 13.2, TG 16.3): a backup nobody has restored is a hope. Weekly,
 * after the backup, it opens the newest backup (its signature first) and refuses one older than 8
 * days; then, as drill-plan.ts decides from the configured cadence, either verifies it without
 * restoring (sampled data files and media objects), or restores it in full into a scratch table of
 * its own, compares counts and digests, asks each index for a few restored items, and deletes the
 * table. One drill at a time: a lease (shared/adapters/dynamo/lease.ts); a second drill started
 * meanwhile answers "already running" and does nothing. The result goes to the job ledger.
 */
export const SCRATCH_TABLE_INFIX = '-drill-';
export const DRILL_LEASE = 'restore-drill';
/** Longer than a drill can run (Lambda's 15 minutes), so only a dead drill's lease expires. */
const LEASE_SECONDS = 20 * 60;
const QUERIES_PER_INDEX = 3;

export interface RestoreDrillDeps {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly tableName: string;
  readonly backupBucket: string;
  readonly verifier: ManifestVerifier;
  /** How often a drill restores in full (deployment config `backups.fullRestoreDrill`); default monthly. */
  readonly fullRestore?: FullRestoreCadence;
}

/** In memory: a drill is never resumed, it runs again from the start. */
const memoryCheckpoint = () => {
  let state: RestoreState | undefined;
  return { load: async () => state, save: async (s: typeof state & object) => void (state = s), clear: async () => void (state = undefined) };
};

export async function runRestoreDrill(deps: RestoreDrillDeps, now = new Date(), runId: string = randomUUID()): Promise<JobSummary> {
  const newest = (await listBackups(deps.s3, deps.backupBucket)).sort((a, b) => (a.backupId < b.backupId ? -1 : 1)).at(-1);
  if (!newest) throw new JobFailure('no backup to restore', { backups: 0 });
  const { backupId } = newest;
  // Each drill its own scratch table: two drills never share (or drop) one.
  const scratch = `${deps.tableName}${SCRATCH_TABLE_INFIX}${backupId}-${runId.slice(0, 8)}`;
  const lease = await acquireLease(deps.dynamodb, deps.tableName, DRILL_LEASE, runId, now, LEASE_SECONDS, { scratchTable: scratch });
  if (!lease.acquired) return { backupId, alreadyRunning: true, heldBy: lease.holder, until: lease.until };
  const started = performance.now();
  let mode: DrillMode | undefined;
  try {
    // The lease expired: its drill died. Its scratch table, if any, goes now.
    if (lease.previous?.scratchTable) await dropTable(deps.dynamodb, lease.previous.scratchTable);
    const manifest = await openBackup(deps.s3, deps.backupBucket, backupId, deps.verifier);
    const finished = Date.parse(manifest.finishedAt || manifest.startedAt);
    const backupAgeHours = Math.round(((now.getTime() - finished) / 3_600_000) * 10) / 10;
    if (!(backupAgeHours <= MAX_BACKUP_AGE_HOURS)) {
      throw new JobFailure(`the newest backup, ${backupId}, is ${backupAgeHours} hours old (more than ${MAX_BACKUP_AGE_HOURS})`, { backupId, backupAgeHours });
    }
    mode = drillMode(newest, deps.fullRestore ?? 'monthly');
    const summary = mode === 'full' ? await fullRestore(deps, backupId, scratch) : await sampled(deps, manifest, runId);
    const result = { mode, backupId, backupAgeHours, ...summary.summary, seconds: Math.round((performance.now() - started) / 100) / 10 };
    if (!summary.ok) throw new JobFailure(`restore drill (${mode}) of ${backupId} does not match the backup${summary.problems ? `: ${summary.problems}` : ''}`, result);
    return result;
  } catch (error) {
    if (error instanceof JobFailure) throw error;
    throw new JobFailure(`restore drill${mode ? ` (${mode})` : ''} of ${backupId} failed: ${(error as Error).message}`, { backupId, reason: (error as Error).name });
  } finally {
    if (mode === 'full') await dropTable(deps.dynamodb, scratch);
    await releaseLease(deps.dynamodb, deps.tableName, DRILL_LEASE, runId);
  }
}

async function sampled(deps: RestoreDrillDeps, manifest: BackupManifest, runId: string) {
  const checked = await verifySampled(deps.s3, deps.backupBucket, manifest, runId);
  const { ok, problems, ...summary } = checked;
  return { ok, problems, summary: { ...summary, items: manifest.table.itemCount } };
}

async function fullRestore(deps: RestoreDrillDeps, backupId: string, scratch: string) {
  const restored = await restoreBackup({
    dynamodb: deps.dynamodb, s3: deps.s3, backupBucket: deps.backupBucket, backupId, targetTable: scratch, checkpoint: memoryCheckpoint(), media: 'verify', verifier: deps.verifier,
  });
  const queries = await queryIndexes(deps, backupId, scratch);
  const summary = {
    items: restored.items,
    countMatch: restored.countMatch,
    digestMatch: restored.digestMatch,
    mediaObjects: restored.media.objects,
    mediaMismatched: restored.media.mismatched.length,
    indexQueries: queries.asked,
    indexQueriesAnswered: queries.answered,
  };
  const ok = restored.countMatch && restored.digestMatch && restored.media.mismatched.length === 0 && queries.answered === queries.asked;
  return { ok, problems: '', summary };
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
