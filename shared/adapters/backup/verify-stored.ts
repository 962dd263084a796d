import type { S3Client } from '@aws-sdk/client-s3';
import { bytesDigest } from '../../domain/backups/digest';
import type { BackupManifest } from '../../domain/backups/manifest';
import { BackupVerification, type VerificationResult } from '../../domain/backups/verify';
import { getObjectBytes, readMediaManifest } from './storage';
import { openBackup } from './aws-export';
import type { ManifestVerifier } from './signing';

/**
 * Re-reads a stored backup and checks it: the manifest's signature first (openBackup refuses a
 * backup the writer did not sign), then every data file (digest, items, the table's count and
 * digest) and the media manifest's digest. One file in memory at a time.
 */
export async function verifyStoredBackup(
  s3: S3Client,
  bucket: string,
  backupId: string,
  verifier: ManifestVerifier,
): Promise<VerificationResult & { manifest: BackupManifest }> {
  const manifest = await openBackup(s3, bucket, backupId, verifier);
  return { ...(await verifyBackupFiles(s3, bucket, manifest)), manifest };
}

/** Every data file and the media manifest of an opened (signature-checked) backup, against it. */
export async function verifyBackupFiles(
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
  onFile?: (done: number) => void,
): Promise<VerificationResult> {
  const verification = new BackupVerification(manifest);
  let done = 0;
  for (const entry of manifest.files) {
    verification.add(entry, await getObjectBytes(s3, bucket, entry.key));
    onFile?.(++done);
  }
  const media = await readMediaManifest(s3, bucket, manifest).catch(() => undefined);
  if (!media) verification.finding({ kind: 'missing-file', key: manifest.media.key });
  else if (bytesDigest(media.bytes) !== manifest.media.sha256) {
    verification.finding({
      kind: 'digest-mismatch',
      key: manifest.media.key,
      expected: manifest.media.sha256,
      actual: bytesDigest(media.bytes),
    });
  }
  return verification.result();
}
