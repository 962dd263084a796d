import type { S3Client } from '@aws-sdk/client-s3';
import { bytesDigest } from '../../domain/backups/digest';
import type { BackupManifest } from '../../domain/backups/manifest';
import { BackupVerification, describeFindings } from '../../domain/backups/verify';
import { sampleIndexes, SAMPLED_DATA_FILES, SAMPLED_MEDIA_OBJECTS } from '../../domain/backups/drill-plan';
import { getObjectBytes, readMediaManifest } from './storage';
import { checkMediaVersions } from './restore';

/**
 * The weekly drill's check of a backup without restoring it (the manifest's signature was checked
 * when it was opened): the media manifest against its digest, and a sample of data files (digest,
 * items) and media objects (the recorded version read back, its SHA-256) chosen by the run's seed.
 * Cost: a few reads, whatever the size of the table or the media.
 */
export interface SampledVerification {
  readonly ok: boolean;
  readonly problems: string;
  readonly filesChecked: number;
  readonly filesTotal: number;
  readonly mediaChecked: number;
  readonly mediaObjects: number;
  readonly mediaMismatched: number;
}

export async function verifySampled(
  s3: S3Client,
  bucket: string,
  manifest: BackupManifest,
  seed: string,
): Promise<SampledVerification> {
  const verification = new BackupVerification(manifest);
  const files = sampleIndexes(manifest.files.length, SAMPLED_DATA_FILES, seed).map((i) => manifest.files[i]!);
  for (const entry of files) verification.add(entry, await getObjectBytes(s3, bucket, entry.key));
  // Only the per-file findings: the table's count and digest need every file (the full drill).
  const findings = verification
    .result()
    .findings.filter((f) => f.kind !== 'table-count-mismatch' && f.kind !== 'table-digest-mismatch');
  const media = await readMediaManifest(s3, bucket, manifest).catch(() => undefined);
  if (!media) findings.push({ kind: 'missing-file', key: manifest.media.key });
  else if (bytesDigest(media.bytes) !== manifest.media.sha256) {
    findings.push({
      kind: 'digest-mismatch',
      key: manifest.media.key,
      expected: manifest.media.sha256,
      actual: bytesDigest(media.bytes),
    });
  }
  const objects = media
    ? sampleIndexes(media.manifest.objects.length, SAMPLED_MEDIA_OBJECTS, seed).map((i) => media.manifest.objects[i]!)
    : [];
  const checked = media ? await checkMediaVersions(s3, media.manifest, objects) : { mismatched: [] as string[] };
  const problems = [
    describeFindings(findings),
    ...checked.mismatched.map((key) => `media object ${key} does not match its SHA-256`),
  ]
    .filter(Boolean)
    .join('; ');
  return {
    ok: findings.length === 0 && checked.mismatched.length === 0,
    problems,
    filesChecked: files.length,
    filesTotal: manifest.files.length,
    mediaChecked: objects.length,
    mediaObjects: media?.manifest.objects.length ?? 0,
    mediaMismatched: checked.mismatched.length,
  };
}
