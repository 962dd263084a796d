import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BACKUP_ROOT, backupManifestKey, mediaManifestKey, type BackupManifest, type MediaManifest } from '../../domain/backups/manifest';

/** Reading and writing a backup's objects in the backups bucket. */
export async function putObject(s3: S3Client, bucket: string, key: string, body: Uint8Array | string, contentType = 'application/json'): Promise<void> {
  // Bytes with a known length: the SDK warns about (and streams) a body it cannot measure.
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: contentType }));
}

/** The object's bytes, or undefined when it does not exist. */
export async function getObjectBytes(s3: S3Client, bucket: string, key: string, versionId?: string): Promise<Uint8Array | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId && versionId !== 'null' ? { VersionId: versionId } : {}) }));
    return await out.Body!.transformToByteArray();
  } catch (error) {
    if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') return undefined;
    throw error;
  }
}

async function getJson<T>(s3: S3Client, bucket: string, key: string): Promise<T | undefined> {
  const bytes = await getObjectBytes(s3, bucket, key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : undefined;
}

export class BackupNotFound extends Error {
  override readonly name = 'BackupNotFound';
}

export async function readBackupManifest(s3: S3Client, bucket: string, backupId: string): Promise<BackupManifest> {
  const manifest = await getJson<BackupManifest>(s3, bucket, backupManifestKey(backupId));
  if (!manifest) throw new BackupNotFound(`No backup "${backupId}" in bucket ${bucket} (no ${backupManifestKey(backupId)})`);
  return manifest;
}

export async function readMediaManifest(s3: S3Client, bucket: string, backupId: string): Promise<{ manifest: MediaManifest; bytes: Uint8Array }> {
  const bytes = await getObjectBytes(s3, bucket, mediaManifestKey(backupId));
  if (!bytes) throw new BackupNotFound(`Backup "${backupId}" has no media manifest`);
  return { manifest: JSON.parse(new TextDecoder().decode(bytes)) as MediaManifest, bytes };
}

/** The newest complete backup (one whose manifest was written), by id (`2026-W48` sorts by time), or undefined. */
export async function latestBackupId(s3: S3Client, bucket: string): Promise<string | undefined> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: BACKUP_ROOT, ContinuationToken: token }));
    for (const o of out.Contents ?? []) {
      const match = /^backups\/([^/]+)\/backup-manifest\.json$/.exec(o.Key ?? '');
      if (match) ids.push(match[1]!);
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return ids.sort().at(-1);
}
