import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BACKUP_ROOT, backupManifestKey, type BackupManifest, type MediaManifest } from '../../domain/backups/manifest';
import { RETENTION_CLASSES, type RetentionClass } from '../../domain/backups/retention';
import {
  checkManifestSignature,
  signManifest,
  type ManifestSignature,
  type ManifestSigner,
  type ManifestVerifier,
} from './signing';

/** Reading and writing a backup's objects in the backups bucket. */
export async function putObject(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array | string,
  contentType = 'application/json',
): Promise<void> {
  // Bytes with a known length: the SDK warns about (and streams) a body it cannot measure.
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: bytes,
      ContentLength: bytes.length,
      ContentType: contentType,
    }),
  );
}

/** The object's bytes, or undefined when it does not exist. */
export async function getObjectBytes(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<Uint8Array | undefined> {
  try {
    const out = await s3.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(versionId && versionId !== 'null' ? { VersionId: versionId } : {}),
      }),
    );
    return await out.Body!.transformToByteArray();
  } catch (error) {
    if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound')
      return undefined;
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

/** A backup's manifest, wherever its retention class put it (monthly first: the longer-lived copy). */
export async function readBackupManifest(s3: S3Client, bucket: string, backupId: string): Promise<BackupManifest> {
  for (const retention of RETENTION_CLASSES) {
    const manifest = await getJson<BackupManifest>(s3, bucket, backupManifestKey(backupId, retention));
    if (manifest) return manifest;
  }
  throw new BackupNotFound(
    `No backup "${backupId}" in bucket ${bucket} (no backup-manifest.json under ${RETENTION_CLASSES.map((r) => `${BACKUP_ROOT}${r}/${backupId}/`).join(' or ')})`,
  );
}

export async function readMediaManifest(
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
): Promise<{ manifest: MediaManifest; bytes: Uint8Array }> {
  const bytes = await getObjectBytes(s3, bucket, manifest.media.key);
  if (!bytes) throw new BackupNotFound(`Backup "${manifest.backupId}" has no media manifest (${manifest.media.key})`);
  return { manifest: JSON.parse(new TextDecoder().decode(bytes)) as MediaManifest, bytes };
}

/** Every key under a prefix. */
export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/**
 * The backups in the bucket, by week and retention class: those whose digest manifest was written
 * (complete), and AWS exports that finished (DynamoDB writes `manifest-summary.json` last) but
 * were not sealed with a digest manifest yet (aws-export.ts does that on first read).
 */
export async function listBackups(
  s3: S3Client,
  bucket: string,
): Promise<Array<{ backupId: string; retention: RetentionClass; sealed: boolean }>> {
  const found = new Map<string, { backupId: string; retention: RetentionClass; sealed: boolean }>();
  for (const key of await listKeys(s3, bucket, BACKUP_ROOT)) {
    const match =
      /^backups\/(weekly|monthly)\/([^/]+)\/(backup-manifest\.json|AWSDynamoDB\/[^/]+\/manifest-summary\.json)$/.exec(
        key,
      );
    if (!match) continue;
    const id = `${match[1]}/${match[2]}`;
    const sealed = match[3] === 'backup-manifest.json';
    if (!found.has(id) || sealed) found.set(id, { backupId: match[2]!, retention: match[1] as RetentionClass, sealed });
  }
  return [...found.values()];
}

/** The newest backup, by id (`2026-W48` sorts by time), or undefined. */
export async function latestBackupId(s3: S3Client, bucket: string): Promise<string | undefined> {
  return (await listBackups(s3, bucket))
    .map((b) => b.backupId)
    .sort()
    .at(-1);
}

/** Weeks that have a monthly backup (complete, or an export under way): retention.ts decides from them. */
export async function monthlyBackupWeeks(s3: S3Client, bucket: string): Promise<string[]> {
  const weeks = new Set<string>();
  for (const key of await listKeys(s3, bucket, `${BACKUP_ROOT}monthly/`)) {
    const match = /^backups\/monthly\/([^/]+)\/(backup-manifest\.json|media-manifest\.json)$/.exec(key);
    if (match) weeks.add(match[1]!);
  }
  return [...weeks];
}

/** A backup whose manifest is unsigned, or signed by another key, or changed since. */
export class BackupNotAuthentic extends Error {
  override readonly name = 'BackupNotAuthentic';
}

export const signatureKey = (manifestKey: string) =>
  manifestKey.replace(/backup-manifest\.json$/, 'backup-manifest.signature.json');

/**
 * Writes a manifest and its signature (the signature first: the manifest, written last, is what
 * makes a backup complete, and a complete backup is always signed).
 */
export async function putSignedManifest(
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
  signer: ManifestSigner,
): Promise<void> {
  const key = backupManifestKey(manifest.backupId, manifest.retention ?? 'weekly');
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  await putObject(s3, bucket, signatureKey(key), JSON.stringify(await signManifest(signer, bytes)));
  await putObject(s3, bucket, key, bytes);
}

/**
 * A backup's manifest, its signature checked before anything in it is believed: a backup that is
 * not the writer's is refused whatever its digests say.
 */
export async function readSignedManifest(
  s3: S3Client,
  bucket: string,
  backupId: string,
  verifier: ManifestVerifier,
): Promise<BackupManifest> {
  for (const retention of RETENTION_CLASSES) {
    const key = backupManifestKey(backupId, retention);
    const bytes = await getObjectBytes(s3, bucket, key);
    if (!bytes) continue;
    const signature = await getJson<ManifestSignature>(s3, bucket, signatureKey(key)).catch(() => undefined);
    const refusal = await checkManifestSignature(verifier, bytes, signature);
    if (refusal) throw new BackupNotAuthentic(`Backup "${backupId}" is refused: ${refusal} (${key})`);
    return JSON.parse(new TextDecoder().decode(bytes)) as BackupManifest;
  }
  throw new BackupNotFound(
    `No backup "${backupId}" in bucket ${bucket} (no backup-manifest.json under ${RETENTION_CLASSES.map((r) => `${BACKUP_ROOT}${r}/${backupId}/`).join(' or ')})`,
  );
}

/**
 * An object's SHA-256 (hex) and size, hashed as it streams: never the whole object in memory (media
 * files may be hundreds of MiB). Undefined when it does not exist.
 */
export async function objectSha256(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<{ sha256: string; size: number } | undefined> {
  try {
    const out = await s3.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(versionId && versionId !== 'null' ? { VersionId: versionId } : {}),
      }),
    );
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound')
      return undefined;
    throw error;
  }
}
