import { CopyObjectCommand, GetObjectAttributesCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { MediaObjectEntry } from '../../domain/backups/manifest';
import { objectSha256 } from './storage';

/**
 * A media object's SHA-256 from S3's own checksum (GetObjectAttributes), never by downloading it:
 * uploads are copied to clean/ with ChecksumAlgorithm SHA256 (shared/adapters/s3/upload-storage.ts),
 * so S3 computed and stored it. An object without one (stored before that, or a multipart upload's
 * composite checksum, which is not the object's SHA-256) is hashed as it streams, in bounded memory,
 * and counted: the media-checksums job gives it a checksum once, and later backups read no byte of it.
 */
export interface MediaChecksum {
  readonly entry: MediaObjectEntry;
  /** Whether the object had to be read (it has no full-object SHA-256 checksum yet). */
  readonly read: boolean;
}

const hex = (base64: string) => Buffer.from(base64, 'base64').toString('hex');
/**
 * GetObjectAttributes in flight at once: a small request (S3 serves at least 5,500 GETs a second per
 * prefix), so at ten times the reference (200,000 objects, 20,000 more a month) the media manifest and
 * the drill's media check take a minute or two of one invocation, not most of it (issue 24).
 */
export const MEDIA_IN_FLIGHT = 64;

export async function storedChecksum(s3: S3Client, bucket: string, key: string, versionId: string) {
  const out = await s3.send(
    new GetObjectAttributesCommand({
      Bucket: bucket,
      Key: key,
      ...(versionId !== 'null' ? { VersionId: versionId } : {}),
      ObjectAttributes: ['Checksum', 'ObjectSize'],
    }),
  );
  const sha = out.Checksum?.ChecksumSHA256;
  // A composite checksum (`…-N`, multipart) is over the parts' checksums, not the object's bytes.
  const full = sha && out.Checksum?.ChecksumType !== 'COMPOSITE' && !sha.includes('-') ? hex(sha) : undefined;
  return { sha256: full, size: out.ObjectSize ?? 0 };
}

export async function mediaChecksum(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string,
): Promise<MediaChecksum> {
  const stored = await storedChecksum(s3, bucket, key, versionId);
  if (stored.sha256) return { entry: { key, versionId, size: stored.size, sha256: stored.sha256 }, read: false };
  const read = await objectSha256(s3, bucket, key, versionId);
  if (!read) throw new Error(`media object ${key} version ${versionId} vanished while listed`);
  return { entry: { key, versionId, size: read.size, sha256: read.sha256 }, read: true };
}

/** Every listed object's checksum, MEDIA_IN_FLIGHT at a time (GetObjectAttributes is a small request). */
export async function mediaChecksums(
  s3: S3Client,
  bucket: string,
  objects: ReadonlyArray<{ key: string; versionId: string }>,
): Promise<MediaChecksum[]> {
  const results: MediaChecksum[] = [];
  for (let i = 0; i < objects.length; i += MEDIA_IN_FLIGHT) {
    results.push(
      ...(await Promise.all(
        objects.slice(i, i + MEDIA_IN_FLIGHT).map((o) => mediaChecksum(s3, bucket, o.key, o.versionId)),
      )),
    );
  }
  return results;
}

/**
 * Gives each current object under `prefix` that has no SHA-256 checksum one, once: a copy onto
 * itself asking for ChecksumAlgorithm SHA256, which S3 computes server-side (no byte comes here).
 * On a versioned bucket the copy is a new current version with the same bytes; the old one ages out
 * with the bucket's noncurrent-version rule. fauxqs ignores the algorithm on a copy (it stores only a
 * checksum the client sends), so locally the objects stay without one: S3 alone computes it.
 */
export async function giveMissingChecksums(
  s3: S3Client,
  bucket: string,
  prefix: string,
  budgetMs = 600_000,
): Promise<{ checked: number; given: string[]; finished: boolean }> {
  // Within one invocation's time: a run that stops early is simply run again (done objects are skipped).
  const deadline = performance.now() + budgetMs;
  const given: string[] = [];
  let checked = 0;
  let token: string | undefined;
  do {
    if (performance.now() > deadline) return { checked, given, finished: false };
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of out.Contents ?? []) {
      checked++;
      if ((await storedChecksum(s3, bucket, object.Key!, 'null')).sha256) continue;
      await s3.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: object.Key!,
          CopySource: `${bucket}/${object.Key!.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'COPY',
          ChecksumAlgorithm: 'SHA256',
        }),
      );
      given.push(object.Key!);
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return { checked, given, finished: true };
}
