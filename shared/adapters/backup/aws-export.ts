import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { bytesDigest, TableDigest } from '../../domain/backups/digest';
import {
  backupPrefix,
  decodeDataFile,
  MANIFEST_VERSION,
  mediaManifestKey,
  type BackupManifest,
  type DataFileEntry,
} from '../../domain/backups/manifest';
import {
  exportObjectKey,
  ExportFormatError,
  parseExportSummary,
  parseManifestFiles,
} from '../../domain/backups/export-format';
import type { RetentionClass } from '../../domain/backups/retention';
import {
  BackupNotFound,
  getObjectBytes,
  listBackups,
  listKeys,
  putSignedManifest,
  readSignedManifest,
} from './storage';
import type { ManifestSigner, ManifestVerifier } from './signing';

/**
 * DynamoDB's ExportTableToPointInTime writes the export's manifests and data files, not our digest
 * manifest. The backup writer seals a finished export (weekly-backup.ts, run again once the export
 * is done): reads DynamoDB's manifests, checks every data file against its MD5 and item count and
 * the total against the summary, then writes `backup-manifest.json` with SHA-256 digests and the
 * table digest, signed, so restore and verification read AWS exports and portable backups the
 * same way. Readers never seal: they may not sign.
 */
export async function openBackup(
  s3: S3Client,
  bucket: string,
  backupId: string,
  verifier: ManifestVerifier,
): Promise<BackupManifest> {
  try {
    return await readSignedManifest(s3, bucket, backupId, verifier);
  } catch (error) {
    if (!(error instanceof BackupNotFound)) throw error;
    const unsealed = (await listBackups(s3, bucket)).find((b) => b.backupId === backupId && !b.sealed);
    if (!unsealed) throw error;
    throw new BackupNotFound(
      `Backup "${backupId}" is a finished AWS export not yet sealed by the backup writer: run the weekly-backup job again (it seals a finished export)`,
    );
  }
}

/** The week's finished but unsealed AWS export, if there is one. */
export async function unsealedExport(s3: S3Client, bucket: string, backupId: string) {
  return (await listBackups(s3, bucket)).find((b) => b.backupId === backupId && !b.sealed);
}

export async function sealAwsExport(
  s3: S3Client,
  bucket: string,
  backupId: string,
  retention: RetentionClass,
  signer: ManifestSigner,
): Promise<BackupManifest> {
  const summaries = (await listKeys(s3, bucket, `${backupPrefix(backupId, retention)}AWSDynamoDB/`)).filter((k) =>
    k.endsWith('/manifest-summary.json'),
  );
  // One export per week (the ClientToken); two would mean someone exported by hand into the prefix.
  if (summaries.length !== 1)
    throw new ExportFormatError(
      `expected one finished export under ${backupPrefix(backupId, retention)}, found ${summaries.length}`,
    );
  const summaryKey = summaries[0]!;
  const text = (key: string, bytes: Uint8Array | undefined) => {
    if (!bytes) throw new ExportFormatError(`${key} is missing`);
    return new TextDecoder().decode(bytes);
  };
  const summary = parseExportSummary(text(summaryKey, await getObjectBytes(s3, bucket, summaryKey)));
  const filesKey = exportObjectKey(summaryKey, summary.manifestFilesS3Key);
  const dataFiles = parseManifestFiles(text(filesKey, await getObjectBytes(s3, bucket, filesKey)));

  const table = new TableDigest();
  const files: DataFileEntry[] = [];
  for (const file of dataFiles) {
    const key = exportObjectKey(summaryKey, file.dataFileS3Key);
    const bytes = await getObjectBytes(s3, bucket, key);
    if (!bytes) throw new ExportFormatError(`data file ${key} is missing`);
    const md5 = createHash('md5').update(bytes).digest('base64');
    if (md5 !== file.md5Checksum)
      throw new ExportFormatError(`data file ${key} does not match its md5Checksum in manifest-files.json`);
    const items = decodeDataFile(bytes);
    if (items.length !== file.itemCount)
      throw new ExportFormatError(
        `data file ${key} holds ${items.length} items, manifest-files.json says ${file.itemCount}`,
      );
    for (const item of items) table.add(item);
    files.push({ key, itemCount: items.length, sha256: bytesDigest(bytes), bytes: bytes.length });
  }
  if (table.count !== summary.itemCount)
    throw new ExportFormatError(
      `the export holds ${table.count} items, manifest-summary.json says ${summary.itemCount}`,
    );

  // The weekly job wrote the media manifest when it started the export.
  const mediaKey = mediaManifestKey(backupId, retention);
  const media = await getObjectBytes(s3, bucket, mediaKey);
  if (!media) throw new BackupNotFound(`Backup "${backupId}" has no media manifest (${mediaKey})`);
  const mediaManifest = JSON.parse(new TextDecoder().decode(media)) as { objects: Array<{ size: number }> };
  const exportId = summaryKey.split('/').at(-2)!;
  const manifest: BackupManifest = {
    version: MANIFEST_VERSION,
    backupId,
    exportId,
    source: 'aws',
    retention,
    tableName: summary.exportArn.replace(/^.*:table\/([^/]+).*$/, '$1'),
    startedAt: summary.exportTime ?? summary.startTime ?? '',
    finishedAt: summary.endTime ?? '',
    table: { itemCount: table.count, digest: table.digest() },
    files: files.sort((a, b) => (a.key < b.key ? -1 : 1)),
    media: {
      key: mediaKey,
      objectCount: mediaManifest.objects.length,
      totalBytes: mediaManifest.objects.reduce((n, o) => n + o.size, 0),
      sha256: bytesDigest(media),
    },
  };
  await putSignedManifest(s3, bucket, manifest, signer);
  return manifest;
}
