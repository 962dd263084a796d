import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  NoSuchKey,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { UploadStorage } from '../../application/uploads';
import { checkingKey, cleanKey, incomingKey, quarantineKey } from '../../domain/uploads/upload';

/**
 * The media bucket as the upload checker sees it. The check copies `incoming/<id>` to a key only
 * it writes (`checking/<id>/<check>`), conditioned on the ETag it read (CopySourceIfMatch: S3
 * answers 412 if the object changed in between), reads that copy (each range with If-Match) and
 * copies that same copy out to `clean/` or `quarantine/`: what is judged is what is served.
 */
const unquoted = (etag: string | undefined) => (etag ?? '').replace(/"/g, '');
const isMissing = (error: unknown) =>
  error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound';
const isChanged = (error: unknown) =>
  (error as { name?: string }).name === 'PreconditionFailed' ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412;

export class S3UploadStorage implements UploadStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async head(key: string): Promise<{ size: number; etag: string } | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, etag: unquoted(head.ETag) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stage(
    uploadId: string,
    checkId: string,
    etag: string,
  ): Promise<{ key: string; size: number; etag: string } | undefined> {
    const key = checkingKey(uploadId, checkId);
    try {
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: key,
          CopySource: `${this.bucket}/${incomingKey(uploadId)}`,
          CopySourceIfMatch: `"${etag}"`,
        }),
      );
    } catch (error) {
      if (isMissing(error) || isChanged(error)) return undefined;
      throw error;
    }
    const staged = await this.head(key);
    return staged && { key, ...staged };
  }

  reader(key: string, size: number, etag: string) {
    return async (offset: number, length: number): Promise<Uint8Array> => {
      const start = Math.max(0, offset);
      const end = Math.min(size, start + length) - 1;
      if (end < start) return new Uint8Array(0);
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end}`, IfMatch: `"${etag}"` }),
      );
      return out.Body ? out.Body.transformToByteArray() : new Uint8Array(0);
    };
  }

  async copyOut(
    from: string,
    uploadId: string,
    to: 'clean' | 'quarantine',
    headers?: { 'content-type': string; 'content-disposition': string },
  ): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to === 'clean' ? cleanKey(uploadId) : quarantineKey(uploadId),
        CopySource: `${this.bucket}/${from}`,
        // Clean files carry the headers they are served with; quarantined ones are never served.
        MetadataDirective: 'REPLACE',
        // S3 computes and keeps the clean file's SHA-256: the backup's media manifest reads it from there (GetObjectAttributes).
        ChecksumAlgorithm: 'SHA256',
        ContentType: headers?.['content-type'] ?? 'application/octet-stream',
        ...(headers ? { ContentDisposition: headers['content-disposition'] } : {}),
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deleteIncoming(uploadId: string): Promise<void> {
    await this.delete(incomingKey(uploadId));
  }
}
