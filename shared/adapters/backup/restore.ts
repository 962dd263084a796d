import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { writeInWaves } from './batch-write';
import { CopyObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { bytesDigest, TableDigest } from '../../domain/backups/digest';
import { decodeDataFile, type BackupManifest, type MediaManifest } from '../../domain/backups/manifest';
import type { RestoreCheckpoint } from './checkpoint';
import { fromExportJson, toExportJson } from './export-json';
import { getObjectBytes, objectSha256, readMediaManifest } from './storage';
import { MEDIA_IN_FLIGHT, storedChecksum } from './media-checksums';
import { openBackup } from './aws-export';
import {
  createShapedTable,
  enableStream,
  isRestoreMarker,
  removeRestoreMarker,
  restoreMarkerOf,
  writeRestoreMarker,
} from './table-shape';
import { verifyBackupFiles } from './verify-stored';
import { describeFindings } from '../../domain/backups/verify';
import type { ManifestVerifier } from './signing';
import { randomUUID } from 'node:crypto';

/**
 * Restores a backup into a NEW table shaped from the table definition (indexes, stream, TTL),
 * brings every media object back by its recorded version, then checks counts and the
 * table-level digest against the manifest. Resumable: data files written in full are recorded in
 * a checkpoint, and a second run skips them; a file cut short is written again (a Put of the same
 * item is idempotent, so nothing is duplicated).
 */
export interface RestoreOptions {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly backupBucket: string;
  readonly backupId: string;
  readonly targetTable: string;
  /** Where media versions come back as current objects; default: the bucket they were recorded in. */
  readonly targetMediaBucket?: string;
  readonly checkpoint: RestoreCheckpoint;
  /** Checks the manifest's signature (signing.ts): an unsigned or forged backup is refused first. */
  readonly verifier: ManifestVerifier;
  readonly onProgress?: (progress: RestoreProgress) => void;
  /** `verify`: read each recorded media version and check its digest, copy nothing (the restore drill). */
  readonly media?: 'restore' | 'verify';
  /** Tests: stop (as if killed) after this many BatchWriteItem calls. */
  readonly stopAfterBatches?: number;
}

export interface RestoreProgress {
  readonly phase: 'check' | 'items' | 'media' | 'verify';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly items: number;
  readonly bytes: number;
}

export interface RestoreSummary {
  readonly backupId: string;
  readonly targetTable: string;
  /** How the items were written (BatchWriteItem from the files, never ImportTable), and what wrote the backup. */
  readonly method: 'portable';
  readonly backupSource: BackupManifest['source'];
  /** Items in the backup, items written by this run, and data files an earlier run had finished. */
  readonly items: number;
  readonly itemsWrittenNow: number;
  readonly filesResumed: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly countMatch: boolean;
  readonly digestMatch: boolean;
  readonly expectedDigest: string;
  readonly tableDigest: string;
  readonly media: {
    readonly objects: number;
    readonly bytes: number;
    readonly copied: number;
    readonly mismatched: readonly string[];
  };
}

export class RestoreInterrupted extends Error {
  override readonly name = 'RestoreInterrupted';
}

export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const started = performance.now();
  const { dynamodb, s3, backupBucket, backupId, targetTable, checkpoint } = options;
  // The signature before anything else: a backup the writer did not sign is not read further.
  const manifest = await openBackup(s3, backupBucket, backupId, options.verifier).catch((error: Error) => {
    throw error.name === 'BackupNotAuthentic' || error.name === 'BackupNotFound'
      ? new RestoreRefused(error.message)
      : error;
  });
  const state = await checkpoint.load();
  if (state && state.backupId !== backupId) {
    throw new RestoreRefused(
      `The checkpoint belongs to backup ${state.backupId}, not ${backupId}: restore into another table or clear it`,
    );
  }
  // Every file checked (digest, items, the table's count and digest) before any table is created:
  // a tampered backup leaves nothing behind, not a table half-filled.
  const checked = await verifyBackupFiles(s3, backupBucket, manifest, (filesDone) =>
    options.onProgress?.({ phase: 'check', filesDone, filesTotal: manifest.files.length, items: 0, bytes: 0 }),
  );
  if (!checked.ok)
    throw new RestoreRefused(
      `Backup ${backupId} is refused, no table was created: ${describeFindings(checked.findings)}`,
    );

  // Only into a table this restore created, known by the marker it wrote into it on creating it:
  // never into another table, whatever a checkpoint file says (a mistyped target must not pour a
  // backup into the live table).
  const restoreId = state?.restoreId ?? randomUUID();
  let owner = await restoreMarkerOf(dynamodb, targetTable);
  let done = new Set<string>();
  if (owner === undefined) {
    await checkpoint.save({ backupId, restoreId, doneFiles: [] });
    if (await createShapedTable(dynamodb, targetTable)) {
      await writeRestoreMarker(dynamodb, targetTable, restoreId, backupId);
      owner = restoreId;
    } else owner = await restoreMarkerOf(dynamodb, targetTable); // created meanwhile by someone else
  } else if (state && owner === restoreId) {
    done = new Set(state.doneFiles);
  }
  if (owner !== restoreId) {
    throw new RestoreRefused(
      `Table ${targetTable} exists already and was not created by this restore${state ? ' (the checkpoint names it, but the table does not carry its marker)' : ''}: restore into a new table`,
    );
  }
  const filesResumed = done.size;

  let batches = 0;
  let itemsWrittenNow = 0;
  let bytes = 0;
  const progress = (phase: RestoreProgress['phase']) =>
    options.onProgress?.({
      phase,
      filesDone: done.size,
      filesTotal: manifest.files.length,
      items: itemsWrittenNow,
      bytes,
    });
  for (const file of manifest.files) {
    if (done.has(file.key)) continue;
    const data = await getObjectBytes(s3, backupBucket, file.key);
    // A missing or altered file is refused before any of its items is written.
    if (!data) throw new RestoreRefused(`Data file ${file.key} is missing`);
    // Checked above; checked again, as it may have been replaced since.
    if (bytesDigest(data) !== file.sha256)
      throw new RestoreRefused(
        `Data file ${file.key} does not match its digest in the manifest (changed since it was checked)`,
      );
    const items = decodeDataFile(data);
    if (items.length !== file.itemCount)
      throw new RestoreRefused(
        `Data file ${file.key} holds ${items.length} items, the manifest says ${file.itemCount}`,
      );
    const requests = items.map((item) => ({ PutRequest: { Item: fromExportJson(item) } }));
    const remaining = options.stopAfterBatches === undefined ? Infinity : options.stopAfterBatches - batches;
    const wrote = await writeInWaves(dynamodb, targetTable, requests, remaining);
    batches += wrote.batches;
    itemsWrittenNow += wrote.written;
    if (wrote.written < requests.length) throw new RestoreInterrupted(`stopped after ${batches} batches`);
    bytes += data.length;
    done.add(file.key);
    await checkpoint.save({ backupId, restoreId, doneFiles: [...done] });
    progress('items');
  }

  progress('media');
  const media = await readMediaManifest(s3, backupBucket, manifest);
  if (bytesDigest(media.bytes) !== manifest.media.sha256)
    throw new RestoreRefused('The media manifest does not match its digest in the backup manifest');
  const mediaResult =
    options.media === 'verify'
      ? await checkMediaVersions(s3, media.manifest)
      : await restoreMedia(s3, media.manifest, options.targetMediaBucket ?? media.manifest.bucket);

  progress('verify');
  const restored = await digestOfTable(dynamodb, targetTable);
  const summary: RestoreSummary = {
    backupId,
    targetTable,
    method: 'portable',
    backupSource: manifest.source,
    items: manifest.table.itemCount,
    itemsWrittenNow,
    filesResumed,
    bytes,
    seconds: (performance.now() - started) / 1000,
    countMatch: restored.count === manifest.table.itemCount,
    digestMatch: restored.digest() === manifest.table.digest,
    expectedDigest: manifest.table.digest,
    tableDigest: restored.digest(),
    media: mediaResult,
  };
  if (summary.countMatch && summary.digestMatch && mediaResult.mismatched.length === 0) {
    // Done: the table holds the backup's items and nothing else; it can no longer be resumed into.
    await removeRestoreMarker(dynamodb, targetTable);
    await checkpoint.clear();
  }
  // Only now, so no restored item (old outbox events among them) nor the marker reaches a consumer.
  await enableStream(dynamodb, targetTable);
  return summary;
}

/**
 * Copies each recorded version back as the current object (a no-op when it is current already in
 * the same bucket), then reads the current object and checks its SHA-256 against the manifest.
 */
async function restoreMedia(s3: S3Client, manifest: MediaManifest, targetBucket: string) {
  let copied = 0;
  let bytes = 0;
  const mismatched: string[] = [];
  for (const object of manifest.objects) {
    const current =
      targetBucket === manifest.bucket
        ? await s3.send(new HeadObjectCommand({ Bucket: targetBucket, Key: object.key })).catch(() => undefined)
        : undefined;
    const isCurrent = current !== undefined && (current.VersionId ?? 'null') === object.versionId;
    if (!isCurrent) {
      await s3.send(
        new CopyObjectCommand({
          Bucket: targetBucket,
          Key: object.key,
          CopySource: `${manifest.bucket}/${object.key.split('/').map(encodeURIComponent).join('/')}${object.versionId === 'null' ? '' : `?versionId=${encodeURIComponent(object.versionId)}`}`,
        }),
      );
      copied++;
    }
    const restored = await objectSha256(s3, targetBucket, object.key);
    if (restored?.sha256 !== object.sha256) mismatched.push(object.key);
    bytes += object.size;
  }
  return { objects: manifest.objects.length, bytes, copied, mismatched };
}

/** Reads each recorded version (or those of `only`) where it was recorded and checks its SHA-256: proves the media are restorable. */
export async function checkMediaVersions(
  s3: S3Client,
  manifest: MediaManifest,
  only?: readonly MediaManifest['objects'][number][],
) {
  let bytes = 0;
  const mismatched: string[] = [];
  const objects = only ?? manifest.objects;
  // Every object (the full drill) by S3's stored checksum, read only where it has none, MEDIA_IN_FLIGHT at a time; a sample (`only`) read back.
  for (let i = 0; i < objects.length; i += MEDIA_IN_FLIGHT) {
    const wave = objects.slice(i, i + MEDIA_IN_FLIGHT);
    const found = await Promise.all(
      wave.map((o) =>
        only
          ? objectSha256(s3, manifest.bucket, o.key, o.versionId)
          : storedOrRead(s3, manifest.bucket, o.key, o.versionId),
      ),
    );
    wave.forEach((object, w) => {
      if (found[w]?.sha256 !== object.sha256) mismatched.push(object.key);
      bytes += object.size;
    });
  }
  return { objects: manifest.objects.length, bytes, copied: 0, mismatched };
}

/** S3's stored SHA-256 of the version, or (none stored) the bytes hashed as they stream; undefined when it is gone. */
async function storedOrRead(s3: S3Client, bucket: string, key: string, versionId: string) {
  const stored = await storedChecksum(s3, bucket, key, versionId).catch(() => undefined);
  return stored?.sha256 ? stored : objectSha256(s3, bucket, key, versionId);
}

/** Every item of a table read through a consistent parallel scan, digested as the export digests them. */
export async function digestOfTable(dynamodb: DynamoDBClient, table: string, segments = 4): Promise<TableDigest> {
  const digest = new TableDigest();
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await dynamodb.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) if (!isRestoreMarker(item)) digest.add(toExportJson(item));
        start = out.LastEvaluatedKey;
      } while (start);
    }),
  );
  return digest;
}
