import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';
import { localClients } from '../../infra/local/resources';
import { writeMediaManifest } from '../../shared/adapters/backup/portable-export';
import { giveMissingChecksums } from '../../shared/adapters/backup/media-checksums';
import { S3UploadStorage } from '../../shared/adapters/s3/upload-storage';
import type { MediaManifest } from '../../shared/domain/backups/manifest';

/**
 * The media manifest from S3's own checksums (issue 24): objects stored with a SHA-256 checksum are
 * never downloaded (GetObjectAttributes gives it); an object without one is read once, hashed as it
 * streams, counted, and the media-checksums job asks S3 to give it one (a copy onto itself with
 * ChecksumAlgorithm SHA256). fauxqs keeps a checksum the client sends but computes none on a copy:
 * that S3 computes it is checked on the first real deploy (docs/backups.md).
 */
const local = useLocalStack();
const res = () => local.stack().resources;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const objects = {
  'clean/a/report.pdf': 'báo cáo',
  'clean/b/ảnh.png': 'x'.repeat(70_000),
  'clean/c/notes.txt': 'ghi chú',
};
const OLD = 'clean/old/scan.pdf'; // stored before uploads carried a SHA-256 checksum

/** A client that records every command it sends, with its input. */
function recordingS3(): { s3: S3Client; sent: Array<{ command: string; input: Record<string, unknown> }> } {
  const s3 = localClients(local.stack().endpoints).s3;
  const sent: Array<{ command: string; input: Record<string, unknown> }> = [];
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return { s3, sent };
}

beforeAll(async () => {
  const s3 = local.clients().s3;
  for (const [key, body] of Object.entries(objects)) {
    // As the upload path stores them: with S3's SHA-256 checksum.
    await s3.send(
      new PutObjectCommand({ Bucket: res().buckets.media, Key: key, Body: body, ChecksumAlgorithm: 'SHA256' }),
    );
  }
  await s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: OLD, Body: 'scan cũ' }));
});

describe('media manifest from S3 checksums', () => {
  it('reads the stored checksums, downloads only the object that has none, and gets every digest right', async () => {
    const { s3, sent } = recordingS3();
    const media = await writeMediaManifest(s3, res().buckets.media, res().buckets.backups, '2026-W20', 'weekly');
    expect(media).toMatchObject({ objectCount: 4, read: 1 });
    expect(sent.filter((c) => c.command === 'GetObjectCommand').map((c) => c.input.Key)).toEqual([OLD]);
    expect(sent.filter((c) => c.command === 'GetObjectAttributesCommand')).toHaveLength(4);
    const written = JSON.parse(
      await (
        await local.clients().s3.send(new GetObjectCommand({ Bucket: res().buckets.backups, Key: media.key }))
      ).Body!.transformToString(),
    ) as MediaManifest;
    const expected = { ...objects, [OLD]: 'scan cũ' } as Record<string, string>;
    expect(Object.fromEntries(written.objects.map((o) => [o.key, [o.sha256, o.size]]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [sha256(v), Buffer.byteLength(v)]])),
    );
  });

  it('the media-checksums job asks S3 to give the object without one a SHA-256 checksum, by a copy onto itself', async () => {
    const { s3, sent } = recordingS3();
    expect(await giveMissingChecksums(s3, res().buckets.media, 'clean/')).toEqual({
      checked: 4,
      given: [OLD],
      finished: true,
    });
    const copies = sent.filter((c) => c.command === 'CopyObjectCommand');
    expect(copies.map((c) => c.input)).toEqual([
      {
        Bucket: res().buckets.media,
        Key: OLD,
        CopySource: `${res().buckets.media}/clean/old/scan.pdf`,
        MetadataDirective: 'COPY',
        ChecksumAlgorithm: 'SHA256',
      },
    ]);
    expect(sent.some((c) => c.command === 'GetObjectCommand')).toBe(false);
    expect(await local.stack().runJob('media-checksums')).toMatchObject({
      outcome: 'succeeded',
      checked: 4,
      finished: true,
    });
  });

  it('the upload checker copies clean files asking S3 for their SHA-256', async () => {
    const { s3, sent } = recordingS3();
    await s3.send(new PutObjectCommand({ Bucket: res().buckets.media, Key: 'incoming/u1', Body: 'tệp' }));
    try {
      await new S3UploadStorage(s3, res().buckets.media).copyOut('incoming/u1', 'u1', 'clean', {
        'content-type': 'text/plain',
        'content-disposition': 'attachment',
      });
      expect(sent.find((c) => c.command === 'CopyObjectCommand')!.input).toMatchObject({
        Key: 'clean/u1',
        ChecksumAlgorithm: 'SHA256',
      });
    } finally {
      // The other tests count the clean objects: whatever the order, they find the same four.
      for (const key of ['incoming/u1', 'clean/u1'])
        await s3.send(new DeleteObjectCommand({ Bucket: res().buckets.media, Key: key }));
    }
  });
});
