import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Report figures in the versioned media bucket, under `reports/` (the media manifest of the weekly
 * backup covers them, and an overwritten object keeps its old version for 90 days). The object is
 * the canonical JSON whose SHA-256 the report item holds; a read checks the bytes against it.
 */
export const reportFiguresKey = (unitCode: string, reportId: string) =>
  `reports/${unitCode}/${encodeURIComponent(reportId)}/figures.json`;

export class ReportStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, bytes: Uint8Array, digest: string): Promise<string | undefined> {
    const out = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: 'application/json; charset=utf-8',
        Metadata: { sha256: digest },
      }),
    );
    return out.VersionId;
  }

  async get(key: string, versionId?: string): Promise<Uint8Array> {
    const out = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
    );
    return out.Body ? out.Body.transformToByteArray() : new Uint8Array(0);
  }
}
