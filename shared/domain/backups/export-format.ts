/**
 * DynamoDB's export-to-S3 manifests, as AWS documents them ("DynamoDB table export output format"):
 * `manifest-summary.json` (one JSON object) and `manifest-files.json` (JSON lines, one data file a
 * line: itemCount, md5Checksum in base64, etag, dataFileS3Key). Pure: parsing and key resolution.
 */
export interface ExportSummary {
  readonly exportArn: string;
  readonly s3Bucket?: string;
  /** The prefix the export was asked to write under; may be absent or null. */
  readonly s3Prefix?: string;
  readonly manifestFilesS3Key: string;
  readonly itemCount: number;
  readonly outputFormat: 'DYNAMODB_JSON';
  readonly exportTime?: string;
  readonly startTime?: string;
  readonly endTime?: string;
}

export interface ExportDataFile {
  readonly itemCount: number;
  /** Base64 MD5 of the gzipped file as stored. */
  readonly md5Checksum: string;
  readonly etag?: string;
  readonly dataFileS3Key: string;
}

export class ExportFormatError extends Error {
  override readonly name = 'ExportFormatError';
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function parseExportSummary(text: string): ExportSummary {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExportFormatError('manifest-summary.json is not JSON');
  }
  if (raw === null || typeof raw !== 'object') throw new ExportFormatError('manifest-summary.json is not an object');
  // ION exports are a different line format; the restore reads DynamoDB JSON only.
  if (raw.outputFormat !== 'DYNAMODB_JSON')
    throw new ExportFormatError(
      `export format ${JSON.stringify(raw.outputFormat)}: only DYNAMODB_JSON can be restored`,
    );
  // An incremental export holds changes, not a table: restoring it alone would lose every other item.
  if (raw.exportType !== undefined && raw.exportType !== 'FULL_EXPORT')
    throw new ExportFormatError(`export type ${JSON.stringify(raw.exportType)}: only FULL_EXPORT can be restored`);
  if (typeof raw.manifestFilesS3Key !== 'string' || raw.manifestFilesS3Key === '')
    throw new ExportFormatError('manifest-summary.json has no manifestFilesS3Key');
  if (!isCount(raw.itemCount)) throw new ExportFormatError('manifest-summary.json has no itemCount');
  return {
    exportArn: optionalString(raw.exportArn) ?? '',
    ...(optionalString(raw.s3Bucket) ? { s3Bucket: raw.s3Bucket as string } : {}),
    ...(optionalString(raw.s3Prefix) ? { s3Prefix: raw.s3Prefix as string } : {}),
    manifestFilesS3Key: raw.manifestFilesS3Key,
    itemCount: raw.itemCount,
    outputFormat: 'DYNAMODB_JSON',
    ...(optionalString(raw.exportTime) ? { exportTime: raw.exportTime as string } : {}),
    ...(optionalString(raw.startTime) ? { startTime: raw.startTime as string } : {}),
    ...(optionalString(raw.endTime) ? { endTime: raw.endTime as string } : {}),
  };
}

export function parseManifestFiles(text: string): ExportDataFile[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      let raw: Record<string, unknown>;
      try {
        raw = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new ExportFormatError(`manifest-files.json line ${index + 1} is not JSON`);
      }
      if (
        !isCount(raw.itemCount) ||
        typeof raw.md5Checksum !== 'string' ||
        typeof raw.dataFileS3Key !== 'string' ||
        raw.dataFileS3Key === ''
      ) {
        throw new ExportFormatError(
          `manifest-files.json line ${index + 1} lacks itemCount, md5Checksum or dataFileS3Key`,
        );
      }
      return {
        itemCount: raw.itemCount,
        md5Checksum: raw.md5Checksum,
        ...(typeof raw.etag === 'string' ? { etag: raw.etag } : {}),
        dataFileS3Key: raw.dataFileS3Key,
      };
    });
}

/**
 * The bucket key of a manifest's key. AWS's documented examples give keys from `AWSDynamoDB/…`,
 * without the export prefix; real exports may include it. Either way the key is taken from
 * `AWSDynamoDB/` on, under the prefix where the summary was found
 * (`<prefix>/AWSDynamoDB/<id>/manifest-summary.json`), not its `s3Prefix` field: an export copied
 * elsewhere is still read from where it is.
 */
export function exportObjectKey(summaryKey: string, key: string): string {
  const at = summaryKey.lastIndexOf('AWSDynamoDB/');
  const prefix = at > 0 ? summaryKey.slice(0, at) : '';
  const within = key.lastIndexOf('AWSDynamoDB/');
  return `${prefix}${within >= 0 ? key.slice(within) : key}`;
}
