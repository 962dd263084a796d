import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ExportFormatError,
  exportObjectKey,
  parseExportSummary,
  parseManifestFiles,
} from '../../shared/domain/backups/export-format';

/**
 * Reading DynamoDB's export manifests with the fields AWS documents (test/fixtures/aws-export). A restore drill must
 * refuse a damaged or foreign manifest with ExportFormatError (never restore from a wrong key, or from a partial file list).
 */
const dir = resolve(import.meta.dirname, '../fixtures/aws-export/AWSDynamoDB/01763683200000-5f3c9a1e');
const summaryText = readFileSync(resolve(dir, 'manifest-summary.json'), 'utf8');
const summaryJson = JSON.parse(summaryText) as Record<string, unknown>;
const withSummary = (changes: Record<string, unknown>) => JSON.stringify({ ...summaryJson, ...changes });

const refusal = (read: () => unknown): ExportFormatError => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportFormatError);
    return error as ExportFormatError;
  }
  throw new Error('not refused');
};

describe('DynamoDB export manifests', () => {
  it('reads the summary AWS writes, null KMS key id and all', () => {
    expect(parseExportSummary(summaryText)).toEqual({
      exportArn:
        'arn:aws:dynamodb:ap-southeast-1:123456789012:table/Portal-dev-Data-PortalTable/export/01763683200000-5f3c9a1e',
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
    expect(() => parseExportSummary(withSummary({ exportType: 'INCREMENTAL_EXPORT' }))).toThrow(
      /INCREMENTAL_EXPORT.*only FULL_EXPORT/,
    );
    expect(() => parseExportSummary(withSummary({ manifestFilesS3Key: undefined }))).toThrow(/manifestFilesS3Key/);
    expect(() => parseExportSummary(withSummary({ itemCount: -1 }))).toThrow(/itemCount/);
    expect(() => parseExportSummary(withSummary({ itemCount: '4' }))).toThrow(/itemCount/);
    expect(() => parseExportSummary('{"version"')).toThrow(/not JSON/);
    expect(() => parseExportSummary('null')).toThrow(/not an object/);
  });

  it('reads the files manifest, one JSON line a data file', () => {
    const files = parseManifestFiles(readFileSync(resolve(dir, 'manifest-files.json'), 'utf8'));
    expect(files).toEqual([
      {
        itemCount: 4,
        md5Checksum: 'CIZTvJNmWKVZV0QbJxKrIw==',
        etag: '088653bc936658a55957441b2712ab23',
        dataFileS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/data/3ykd4hbyhe5ozc6cfyeu4cbmxm.json.gz',
      },
      {
        itemCount: 0,
        md5Checksum: 'Sk3TWYcHYDs/dqI3ikUEqg==',
        etag: '4a4dd3598707603b3f76a2378a4504aa',
        dataFileS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/data/x6ykfzspwm3vpbqg5y7ydlkkq4.json.gz',
      },
    ]);
    expect(() => parseManifestFiles('{"itemCount":1,"dataFileS3Key":"k"}')).toThrow(/line 1 lacks/);
    expect(() => parseManifestFiles('{"itemCount":1,"md5Checksum":"x","dataFileS3Key":"k"}\nnot json')).toThrow(
      /line 2 is not JSON/,
    );
  });

  it('finds manifest keys beside the summary, given with or without the export prefix', () => {
    const summary = 'backups/weekly/2026-W47/AWSDynamoDB/e/manifest-summary.json';
    expect(exportObjectKey(summary, 'AWSDynamoDB/e/data/a.json.gz')).toBe(
      'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz',
    );
    expect(exportObjectKey(summary, 'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz')).toBe(
      'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz',
    );
    // An export copied under another prefix is read where it is now.
    expect(
      exportObjectKey(
        'restored/AWSDynamoDB/e/manifest-summary.json',
        'backups/weekly/2026-W47/AWSDynamoDB/e/data/a.json.gz',
      ),
    ).toBe('restored/AWSDynamoDB/e/data/a.json.gz');
    expect(exportObjectKey('AWSDynamoDB/e/manifest-summary.json', 'AWSDynamoDB/e/manifest-files.json')).toBe(
      'AWSDynamoDB/e/manifest-files.json',
    );
  });
});

describe('the export summary: refused when damaged, optional fields read strictly', () => {
  it('is refused, as an ExportFormatError by name, when it is JSON but not an object', () => {
    for (const text of ['5', '"manifest"', 'true', 'null']) {
      const error = refusal(() => parseExportSummary(text));
      expect(error.message).toBe('manifest-summary.json is not an object');
      expect(error.name).toBe('ExportFormatError');
    }
  });

  it('is refused without a manifest-files key, or with an empty or non-string one', () => {
    for (const manifestFilesS3Key of ['', 5, null, ['k']]) {
      expect(refusal(() => parseExportSummary(withSummary({ manifestFilesS3Key }))).message).toBe(
        'manifest-summary.json has no manifestFilesS3Key',
      );
    }
  });

  it('is refused with an item count that is not a whole number', () => {
    for (const itemCount of [1.5, -0.5, Number.NaN, null, true]) {
      expect(refusal(() => parseExportSummary(withSummary({ itemCount }))).message).toBe(
        'manifest-summary.json has no itemCount',
      );
    }
    expect(parseExportSummary(withSummary({ itemCount: 0 })).itemCount).toBe(0);
  });

  it('keeps only non-empty strings among the optional fields, an absent ARN read as empty', () => {
    const { exportArn: _arn, ...withoutArn } = summaryJson;
    expect(parseExportSummary(JSON.stringify(withoutArn)).exportArn).toBe('');
    const odd = parseExportSummary(
      withSummary({ exportArn: 5, s3Bucket: 7, s3Prefix: {}, exportTime: true, startTime: ['x'], endTime: 1 }),
    );
    expect(odd).toStrictEqual({
      exportArn: '',
      manifestFilesS3Key: 'AWSDynamoDB/01763683200000-5f3c9a1e/manifest-files.json',
      itemCount: 4,
      outputFormat: 'DYNAMODB_JSON',
    });
    const empty = parseExportSummary(
      withSummary({ exportArn: '', s3Bucket: '', s3Prefix: '', exportTime: '', startTime: '', endTime: '' }),
    );
    expect(Object.keys(empty).sort()).toEqual(['exportArn', 'itemCount', 'manifestFilesS3Key', 'outputFormat']);
    expect(empty.exportArn).toBe('');
  });
});

describe('the files manifest: lines refused when damaged, blank lines skipped, etags kept', () => {
  const line = (changes: Record<string, unknown>) =>
    JSON.stringify({ itemCount: 1, md5Checksum: 'x', dataFileS3Key: 'AWSDynamoDB/e/data/a.json.gz', ...changes });

  it('refuses a line without a usable data file key', () => {
    for (const dataFileS3Key of [undefined, '', 5, null]) {
      expect(refusal(() => parseManifestFiles(line({ dataFileS3Key }))).message).toBe(
        'manifest-files.json line 1 lacks itemCount, md5Checksum or dataFileS3Key',
      );
    }
  });

  it('refuses a line without a checksum or a whole item count', () => {
    expect(refusal(() => parseManifestFiles(`${line({})}\n${line({ md5Checksum: 5 })}`)).message).toMatch(
      /^manifest-files\.json line 2 lacks/,
    );
    expect(refusal(() => parseManifestFiles(line({ itemCount: 1.5 }))).message).toMatch(/line 1 lacks/);
    expect(refusal(() => parseManifestFiles(line({ itemCount: -1 }))).message).toMatch(/line 1 lacks/);
  });

  it('skips blank lines, spaces and carriage returns included', () => {
    const files = parseManifestFiles(`${line({})}\r\n   \r\n\t\n${line({ itemCount: 2 })}\r\n`);
    expect(files.map((f) => f.itemCount)).toEqual([1, 2]);
    expect(parseManifestFiles('')).toEqual([]);
    expect(parseManifestFiles(' \n\n')).toEqual([]);
  });

  it('keeps an etag only when it is a string, and nothing else from the line', () => {
    expect(parseManifestFiles(line({ etag: 5, extra: 'y' }))).toStrictEqual([
      { itemCount: 1, md5Checksum: 'x', dataFileS3Key: 'AWSDynamoDB/e/data/a.json.gz' },
    ]);
    expect(parseManifestFiles(line({}))[0]).not.toHaveProperty('etag');
    expect(parseManifestFiles(line({ etag: '' }))[0]).toStrictEqual({
      itemCount: 1,
      md5Checksum: 'x',
      etag: '',
      dataFileS3Key: 'AWSDynamoDB/e/data/a.json.gz',
    });
  });
});

describe('the bucket key of a manifest key, with or without AWSDynamoDB/ folders', () => {
  it('uses no prefix when the summary key has no AWSDynamoDB/ folder', () => {
    expect(exportObjectKey('manifest-summary.json', 'AWSDynamoDB/e/data/a.json.gz')).toBe(
      'AWSDynamoDB/e/data/a.json.gz',
    );
    expect(exportObjectKey('x/manifest-summary.json', 'AWSDynamoDB/e/data/a.json.gz')).toBe(
      'AWSDynamoDB/e/data/a.json.gz',
    );
  });

  it('takes a key without an AWSDynamoDB/ folder whole, under the summary’s prefix', () => {
    expect(exportObjectKey('backups/weekly/2026-W47/AWSDynamoDB/e/manifest-summary.json', 'data/a.json.gz')).toBe(
      'backups/weekly/2026-W47/data/a.json.gz',
    );
    expect(exportObjectKey('AWSDynamoDB/e/manifest-summary.json', 'data/a.json.gz')).toBe('data/a.json.gz');
  });

  it('reads from the last AWSDynamoDB/ folder of either key', () => {
    expect(
      exportObjectKey('a/AWSDynamoDB/b/AWSDynamoDB/e/manifest-summary.json', 'x/AWSDynamoDB/y/AWSDynamoDB/e/f.json'),
    ).toBe('a/AWSDynamoDB/b/AWSDynamoDB/e/f.json');
  });
});
