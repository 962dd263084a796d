import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { UploadStorage } from '../../application/uploads';
import { cleanKey, incomingKey, quarantineKey } from '../../domain/uploads/upload';

/** The media bucket as the upload checker sees it: ranged reads, copy out of incoming/, delete. */
export class S3UploadStorage implements UploadStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async size(key: string): Promise<number | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  reader(key: string, size: number) {
    return async (offset: number, length: number): Promise<Uint8Array> => {
      const start = Math.max(0, offset);
      const end = Math.min(size, start + length) - 1;
      if (end < start) return new Uint8Array(0);
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end}` }));
      return out.Body ? out.Body.transformToByteArray() : new Uint8Array(0);
    };
  }

  async copyOut(uploadId: string, to: 'clean' | 'quarantine', headers?: { 'content-type': string; 'content-disposition': string }): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to === 'clean' ? cleanKey(uploadId) : quarantineKey(uploadId),
        CopySource: `${this.bucket}/${incomingKey(uploadId)}`,
        // Clean files carry the headers they are served with; quarantined ones are never served.
        MetadataDirective: 'REPLACE',
        // S3 computes and keeps the clean file's SHA-256: the backup's media manifest reads it from there (GetObjectAttributes).
        ChecksumAlgorithm: 'SHA256',
        ContentType: headers?.['content-type'] ?? 'application/octet-stream',
        ...(headers ? { ContentDisposition: headers['content-disposition'] } : {}),
      }),
    );
  }

  async deleteIncoming(uploadId: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: incomingKey(uploadId) }));
  }
}
