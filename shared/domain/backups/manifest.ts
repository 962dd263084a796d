import { gunzipSync } from 'node:zlib';
import type { DynamoJsonItem } from './digest';
import type { RetentionClass } from './retention';

/**
 * A backup: DynamoDB's export layout (`<prefix>/AWSDynamoDB/<exportId>/manifest-summary.json`,
 * `manifest-files.json`, `data/<n>.json.gz`), plus our own manifest of digests and the media
 * manifest beside it. Paths are relative to the backups bucket; the prefix is
 * `backups/<weekly|monthly>/<week>/` (the retention class, retention.ts).
 */
export const BACKUP_ROOT = 'backups/';
export const MANIFEST_VERSION = 1;

export interface DataFileEntry {
  /** S3 key of the gzipped data file. */
  readonly key: string;
  readonly itemCount: number;
  /** SHA-256 (hex) of the file's bytes as stored (gzipped). */
  readonly sha256: string;
  readonly bytes: number;
}

export interface MediaObjectEntry {
  readonly key: string;
  readonly versionId: string;
  readonly size: number;
  /** SHA-256 (hex) of the object's bytes. */
  readonly sha256: string;
}

export interface MediaManifest {
  readonly bucket: string;
  readonly objects: readonly MediaObjectEntry[];
}

export interface BackupManifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly backupId: string;
  readonly exportId: string;
  /** `portable` (a consistent parallel scan, locally) or `aws` (ExportTableToPointInTime). */
  readonly source: 'portable' | 'aws';
  /** Which lifecycle rule ages it out (retention.ts); manifests written before retention existed lack it. */
  readonly retention?: RetentionClass;
  readonly tableName: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly table: { readonly itemCount: number; readonly digest: string };
  readonly files: readonly DataFileEntry[];
  /** `read`: objects that had no SHA-256 checksum in S3 and were read to hash them (media-checksums.ts). */
  readonly media: {
    readonly key: string;
    readonly objectCount: number;
    readonly totalBytes: number;
    readonly sha256: string;
    readonly read?: number;
  };
}

export const backupPrefix = (backupId: string, retention: RetentionClass) => `${BACKUP_ROOT}${retention}/${backupId}/`;
export const exportDirectory = (backupId: string, retention: RetentionClass, exportId: string) =>
  `${backupPrefix(backupId, retention)}AWSDynamoDB/${exportId}/`;
export const backupManifestKey = (backupId: string, retention: RetentionClass) =>
  `${backupPrefix(backupId, retention)}backup-manifest.json`;
export const mediaManifestKey = (backupId: string, retention: RetentionClass) =>
  `${backupPrefix(backupId, retention)}media-manifest.json`;

/** The ISO-8601 week (`2026-W48`) of an instant, in a time zone at a fixed offset (Việt Nam: UTC+7, no DST). */
export function isoWeekId(at: Date, utcOffsetMinutes = 7 * 60): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** One export data file: gzipped, one `{"Item": {...}}` per line (DynamoDB's DYNAMODB_JSON output). */
export function encodeDataFile(items: readonly DynamoJsonItem[], gzip: (raw: Uint8Array) => Uint8Array): Uint8Array {
  return gzip(new TextEncoder().encode(dataFileText(items)));
}

/** The uncompressed text of a data file: one `{"Item":…}` line per item. */
export function dataFileText(items: readonly DynamoJsonItem[]): string {
  let text = '';
  for (const item of items) text += `{"Item":${JSON.stringify(item)}}\n`;
  return text;
}

export function decodeDataFile(bytes: Uint8Array): DynamoJsonItem[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const parsed = JSON.parse(line) as { Item?: unknown };
      if (!parsed.Item || typeof parsed.Item !== 'object') throw new Error('a line without an Item');
      return parsed.Item as DynamoJsonItem;
    });
}
