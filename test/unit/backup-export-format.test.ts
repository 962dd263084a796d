import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportObjectKey, parseExportSummary, parseManifestFiles } from '../../shared/domain/backups/export-format';

/** Reading DynamoDB's export manifests with the fields AWS documents (test/fixtures/aws-export). */
const dir = resolve(import.meta.dirname, '../fixtures/aws-export/AWSDynamoDB/01763683200000-5f3c9a1e');
const summaryText = readFileSync(resolve(dir, 'manifest-summary.json'), 'utf8');
const summaryJson = JSON.parse(summaryText) as Record<string, unknown>;
const withSummary = (changes: Record<string, unknown>) => JSON.stringify({ ...summaryJson, ...changes });

describe('DynamoDB export manifests', () => {
  it('reads the summary AWS writes, null KMS key id and all', () => {
    expect(parseExportSummary(summaryText)).toEqual({
      exportArn: 'arn:aws:dynamodb:ap-southeast-1:123456789012:table/Portal-dev-Data-PortalTable/export/01763683200000-5f3c9a1e',
      s3Bucket: 'portal-dev-data-backups',
      s3Prefix: 'backups/weekly/2026-W47',
      manifestFilesS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/manifest-files.json',
      itemCount: 4,
      outputFormat: 'DYNAMODB_JSON',
      exportTime: '2026-11-21T00:00:00.000Z',
      startTime: '2026-11-21T00:00:00.000Z',
      endTime: '2026-11-21T00:05:12.345Z',
    });
    // Older exports carry no exportType; the prefix may be null.
    const { exportType: _none, ...older } = summaryJson;
    expect(parseExportSummary(JSON.stringify({ ...older, s3Prefix: null })).s3Prefix).toBeUndefined();
  });

  it('refuses what it cannot restore, naming why', () => {
    expect(() => parseExportSummary(withSummary({ outputFormat: 'ION' }))).toThrow(/"ION": only DYNAMODB_JSON/);
    expect(() => parseExportSummary(withSummary({ exportType: 'INCREMENTAL_EXPORT' }))).toThrow(/INCREMENTAL_EXPORT.*only FULL_EXPORT/);
    expect(() => parseExportSummary(withSummary({ manifestFilesS3Key: undefined }))).toThrow(/manifestFilesS3Key/);
    expect(() => parseExportSummary(withSummary({ itemCount: -1 }))).toThrow(/itemCount/);
    expect(() => parseExportSummary(withSummary({ itemCount: '4' }))).toThrow(/itemCount/);
    expect(() => parseExportSummary('{"version"')).toThrow(/not JSON/);
    expect(() => parseExportSummary('null')).toThrow(/not an object/);
  });

  it('reads the files manifest, one JSON line a data file', () => {
    const files = parseManifestFiles(readFileSync(resolve(dir, 'manifest-files.json'), 'utf8'));
    expect(files).toEqual([
      { itemCount: 4, md5Checksum: 'CIZTvJNmWKVZV0QbJxKrIw==', etag: '088653bc936658a55957441b2712ab23', dataFileS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/data/3ykd4hbyhe5ozc6cfyeu4cbmxm.json.gz' },
      { itemCount: 0, md5Checksum: 'Sk3TWYcHYDs/dqI3ikUEqg==', etag: '4a4dd3598707603b3f76a2378a4504aa', dataFileS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/data/x6ykfzspwm3vpbqg5y7ydlkkq4.json.gz' },
    ]);
    expect(() => parseManifestFiles('{"itemCount":1,"dataFileS3Key":"k"}')).toThrow(/line 1 lacks/);
    expect(() => parseManifestFiles('{"itemCount":1,"md5Checksum":"x","dataFileS3Key":"k"}\nnot json')).toThrow(/line 2 is not JSON/);
  });

  it('finds manifest keys beside the summary, given with or without the export prefix', () => {
    const summary = 'backups/weekly/2026-W47/AWSDynamoDB/e/manifest-summary.json';
    expect(exportObjectKey(summary, 'AWSDynamoDB/e/data/a.json.gz')).toBe('backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz');
    expect(exportObjectKey(summary, 'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz')).toBe('backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz');
    // An export copied under another prefix is read where it is now.
    expect(exportObjectKey('restored/AWSDynamoDB/e/manifest-summary.json', 'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz')).toBe('restored/AWSDynamoDB/e/data/a.json.gz');
    expect(exportObjectKey('AWSDynamoDB/e/manifest-summary.json', 'AWSDynamoDB/e/manifest-files.json')).toBe('AWSDynamoDB/e/manifest-files.json');
  });
});
