import type { S3Client } from '@aws-sdk/client-s3';
import { bytesDigest } from '../../domain/backups/digest';
import { verifyBackup, type VerificationResult } from '../../domain/backups/verify';
import { getObjectBytes, readMediaManifest } from './storage';
import { openBackup } from './aws-export';

/** Re-reads a stored backup (manifest, every data file, the media manifest) and checks it against its manifest. */
export async function verifyStoredBackup(s3: S3Client, bucket: string, backupId: string): Promise<VerificationResult> {
  const manifest = await openBackup(s3, bucket, backupId);
  const files = new Map<string, Uint8Array | undefined>();
  for (const entry of manifest.files) files.set(entry.key, await getObjectBytes(s3, bucket, entry.key));
  const result = verifyBackup(manifest, files);
  const media = await readMediaManifest(s3, bucket, manifest).catch(() => undefined);
  const findings = [...result.findings];
  if (!media) findings.push({ kind: 'missing-file', key: manifest.media.key });
  else if (bytesDigest(media.bytes) !== manifest.media.sha256) {
    findings.push({ kind: 'digest-mismatch', key: manifest.media.key, expected: manifest.media.sha256, actual: bytesDigest(media.bytes) });
  }
  return { ...result, ok: findings.length === 0, findings };
}
