import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, ListObjectsV2Command, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { bytesDigest, TableDigest } from '../../domain/backups/digest';
import {
  dataFileText,
  exportDirectory,
  MANIFEST_VERSION,
  mediaManifestKey,
  type BackupManifest,
  type DataFileEntry,
  type MediaManifest,
  type MediaObjectEntry,
} from '../../domain/backups/manifest';
import type { RetentionClass } from '../../domain/backups/retention';
import { toExportJson } from './export-json';
import { putObject, putSignedManifest } from './storage';
import { mediaChecksums } from './media-checksums';
import type { ManifestSigner } from './signing';

/**
 * The portable exporter: writes DynamoDB's export-to-S3 layout (`AWSDynamoDB/<exportId>/
 * manifest-summary.json`, `manifest-files.json`, `data/*.json.gz` of `{"Item": …}` lines) from a
 * parallel Scan with ConsistentRead, plus our digest manifest and the media manifest.
 * A Scan is not a point-in-time snapshot: an item written while the segments run may or may not
 * be in it. On AWS the weekly job uses ExportTableToPointInTime instead (weekly-backup.ts).
 */
export interface PortableExportOptions {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly tableName: string;
  readonly backupBucket: string;
  readonly mediaBucket: string;
  readonly backupId: string;
  /** Which prefix, so which lifecycle rule (retention.ts). */
  readonly retention: RetentionClass;
  readonly segments?: number;
  readonly itemsPerFile?: number;
  /** The backup writer's key: the manifest is signed (signing.ts). */
  readonly signer: ManifestSigner;
}

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest();
// On libuv's thread pool: compression runs beside the scan instead of stopping it.
const gzipAsync = promisify(gzip);

export async function exportTablePortably(options: PortableExportOptions): Promise<BackupManifest> {
  const { dynamodb, s3, tableName, backupBucket, backupId, retention } = options;
  const segments = options.segments ?? 4;
  const itemsPerFile = options.itemsPerFile ?? 10_000;
  const startedAt = new Date();
  // The shape of DynamoDB's export ids: epoch milliseconds and 8 hex digits.
  const exportId = `${startedAt.getTime()}-${randomBytes(4).toString('hex')}`;
  const directory = exportDirectory(backupId, retention, exportId);
  await putObject(s3, backupBucket, `${directory}_started`, '', 'application/octet-stream');

  const table = new TableDigest();
  const files: Array<DataFileEntry & { md5: Buffer }> = [];
  const writeFile = async (segment: number, sequence: number, items: Array<Record<string, unknown>>) => {
    const bytes = new Uint8Array(await gzipAsync(dataFileText(items)));
    const key = `${directory}data/${String(segment).padStart(3, '0')}-${String(sequence).padStart(5, '0')}.json.gz`;
    await putObject(s3, backupBucket, key, bytes, 'application/gzip');
    files.push({ key, itemCount: items.length, sha256: bytesDigest(bytes), bytes: bytes.length, md5: md5(bytes) });
  };
  // Files are compressed and written while the segment scans on; all are awaited before the manifests.
  const writing: Array<Promise<void>> = [];
  const startWrite = (segment: number, sequence: number, items: Array<Record<string, unknown>>) => {
    const done = writeFile(segment, sequence, items);
    done.catch(() => undefined); // reported by the Promise.all below, not as an unhandled rejection meanwhile
    writing.push(done);
  };
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let buffer: Array<Record<string, unknown>> = [];
      let sequence = 0;
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await dynamodb.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const raw of out.Items ?? []) {
          const item = toExportJson(raw);
          table.add(item);
          buffer.push(item);
          if (buffer.length >= itemsPerFile) {
            startWrite(segment, sequence++, buffer);
            buffer = [];
          }
        }
        start = out.LastEvaluatedKey;
      } while (start);
      // Like the export, every segment writes at least one file, empty or not.
      if (buffer.length > 0 || sequence === 0) startWrite(segment, sequence, buffer);
    }),
  );
  await Promise.all(writing);
  files.sort((a, b) => (a.key < b.key ? -1 : 1));
  const exportTime = new Date();

  // DynamoDB's own manifests, so a restore tool reading AWS exports reads these too.
  const manifestFiles = files
    .map((f) =>
      JSON.stringify({
        itemCount: f.itemCount,
        md5Checksum: f.md5.toString('base64'),
        etag: f.md5.toString('hex'),
        dataFileS3Key: f.key,
      }),
    )
    .join('\n');
  await putObject(s3, backupBucket, `${directory}manifest-files.json`, `${manifestFiles}\n`);
  await putObject(
    s3,
    backupBucket,
    `${directory}manifest-files.checksum`,
    md5(`${manifestFiles}\n`).toString('hex'),
    'text/plain',
  );
  const summary = JSON.stringify({
    version: '2020-06-30',
    exportArn: `portable:${tableName}/export/${exportId}`,
    startTime: startedAt.toISOString(),
    endTime: exportTime.toISOString(),
    tableArn: `portable:${tableName}`,
    exportTime: startedAt.toISOString(),
    s3Bucket: backupBucket,
    s3Prefix: directory.slice(0, directory.indexOf('AWSDynamoDB/')).replace(/\/$/, ''),
    s3SseAlgorithm: 'AES256',
    manifestFilesS3Key: `${directory}manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: table.count,
    outputFormat: 'DYNAMODB_JSON',
    exportType: 'FULL_EXPORT',
  });
  await putObject(s3, backupBucket, `${directory}manifest-summary.json`, summary);
  await putObject(
    s3,
    backupBucket,
    `${directory}manifest-summary.checksum`,
    md5(summary).toString('hex'),
    'text/plain',
  );

  const media = await writeMediaManifest(s3, options.mediaBucket, backupBucket, backupId, retention);
  const manifest: BackupManifest = {
    version: MANIFEST_VERSION,
    backupId,
    exportId,
    source: 'portable',
    retention,
    tableName,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    table: { itemCount: table.count, digest: table.digest() },
    files: files.map(({ key, itemCount, sha256, bytes }) => ({ key, itemCount, sha256, bytes })),
    media,
  };
  // Written last: a backup without its manifest is incomplete and never restored from.
  await putSignedManifest(s3, backupBucket, manifest, options.signer);
  return manifest;
}

/**
 * Every current media object (latest version, not a delete marker): key, version id, size and SHA-256
 * of its bytes, and (`read`) how many objects had no SHA-256 checksum in S3 and were read to hash them.
 */
export async function writeMediaManifest(
  s3: S3Client,
  mediaBucket: string,
  backupBucket: string,
  backupId: string,
  retention: RetentionClass,
): Promise<BackupManifest['media']> {
  const current: Array<{ key: string; versionId: string }> = [];
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  do {
    const out = await s3.send(
      new ListObjectVersionsCommand({ Bucket: mediaBucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
    );
    for (const v of out.Versions ?? [])
      if (v.IsLatest && v.Key && v.VersionId) current.push({ key: v.Key, versionId: v.VersionId });
    keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
    versionMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
  } while (keyMarker);
  if (current.length === 0) current.push(...(await listUnversioned(s3, mediaBucket)));
  // From S3's own checksums; only objects without one are read (media-checksums.ts).
  const checksums = await mediaChecksums(s3, mediaBucket, current);
  const objects: MediaObjectEntry[] = checksums.map((c) => c.entry);
  objects.sort((a, b) => (a.key < b.key ? -1 : 1));
  const manifest: MediaManifest = { bucket: mediaBucket, objects };
  const body = JSON.stringify(manifest, null, 1);
  await putObject(s3, backupBucket, mediaManifestKey(backupId, retention), body);
  return {
    key: mediaManifestKey(backupId, retention),
    objectCount: objects.length,
    totalBytes: objects.reduce((n, o) => n + o.size, 0),
    sha256: bytesDigest(new TextEncoder().encode(body)),
    read: checksums.filter((c) => c.read).length,
  };
}

/**
 * A bucket that answers ListObjectVersions with no versions at all holds no objects, or keeps no
 * versions: fauxqs accepts PutBucketVersioning but ignores it. Its objects are then listed plainly,
 * each under S3's version id for an unversioned object, `null`.
 */
async function listUnversioned(s3: S3Client, bucket: string): Promise<Array<{ key: string; versionId: string }>> {
  const found: Array<{ key: string; versionId: string }> = [];
  let token: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of out.Contents ?? []) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: o.Key! }));
      found.push({ key: o.Key!, versionId: head.VersionId ?? 'null' });
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return found;
}
