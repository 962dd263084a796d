import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalItemJson,
  itemDigest,
  tableDigestOf,
  bytesDigest,
  type DynamoJsonItem,
} from '../../shared/domain/backups/digest';
import {
  backupManifestKey,
  backupPrefix,
  decodeDataFile,
  encodeDataFile,
  exportDirectory,
  isoWeekId,
  mediaManifestKey,
  type BackupManifest,
} from '../../shared/domain/backups/manifest';
import { BackupVerification, describeFindings, verifyBackup } from '../../shared/domain/backups/verify';

/**
 * A backup's manifest and its verification. The format is a contract: a backup written today must verify with the
 * code of any later version, so the table digest, the layout and the data-file reading are pinned here exactly.
 */
const attribute = fc.oneof(
  fc.string().map((S) => ({ S })),
  fc.integer().map((n) => ({ N: String(n) })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
);
const itemArb: fc.Arbitrary<DynamoJsonItem> = fc
  .record({
    pk: fc.string({ minLength: 1 }),
    sk: fc.string({ minLength: 1 }),
    extra: fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => k !== 'pk' && k !== 'sk'),
      attribute,
      { maxKeys: 4 },
    ),
  })
  .map(({ pk, sk, extra }) => ({ pk: { S: pk }, sk: { S: sk }, ...extra }));
const itemsArb = fc.uniqueArray(itemArb, {
  selector: (i) => canonicalItemJson([i.pk, i.sk]),
  minLength: 1,
  maxLength: 30,
});

/** A manifest written the way the exporter writes it: items split into files of `perFile`. */
function backupOf(items: DynamoJsonItem[], perFile = 7): { manifest: BackupManifest; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const entries = [];
  for (let i = 0; i * perFile < items.length; i++) {
    const bytes = encodeDataFile(items.slice(i * perFile, (i + 1) * perFile), (raw) => gzipSync(raw));
    const key = `backups/b/AWSDynamoDB/e/data/${i}.json.gz`;
    files.set(key, bytes);
    entries.push({
      key,
      itemCount: Math.min(perFile, items.length - i * perFile),
      sha256: bytesDigest(bytes),
      bytes: bytes.length,
    });
  }
  const manifest: BackupManifest = {
    version: 1,
    backupId: 'b',
    exportId: 'e',
    source: 'portable',
    tableName: 't',
    startedAt: '',
    finishedAt: '',
    table: { itemCount: items.length, digest: tableDigestOf(items) },
    files: entries,
    media: { key: 'm', objectCount: 0, totalBytes: 0, sha256: '' },
  };
  return { manifest, files };
}

describe('item and table digests', () => {
  it('an item digest does not depend on the order of its attributes or of a set’s members', () => {
    const a = { pk: { S: 'A' }, tags: { SS: ['x', 'y'] }, m: { M: { b: { N: '1' }, a: { S: 'z' } } } };
    const b = { m: { M: { a: { S: 'z' }, b: { N: '1' } } }, tags: { SS: ['y', 'x'] }, pk: { S: 'A' } };
    expect(itemDigest(a)).toBe(itemDigest(b));
    // A list's order is part of its value.
    expect(itemDigest({ l: { L: [{ S: '1' }, { S: '2' }] } })).not.toBe(
      itemDigest({ l: { L: [{ S: '2' }, { S: '1' }] } }),
    );
    expect(itemDigest({ v: { S: '1' } })).not.toBe(itemDigest({ v: { N: '1' } }));
  });

  it('the table digest does not depend on item order (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.func(fc.integer()), (items, rank) => {
        const shuffled = [...items].sort((x, y) => rank(canonicalItemJson(x)) - rank(canonicalItemJson(y)));
        expect(tableDigestOf(shuffled)).toBe(tableDigestOf(items));
      }),
    );
  });

  it('the table digest changes when an item is dropped, duplicated or changed (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), (items, at) => {
        const i = at % items.length;
        const base = tableDigestOf(items);
        expect(tableDigestOf(items.filter((_, j) => j !== i))).not.toBe(base);
        expect(tableDigestOf([...items, items[i]!, items[i]!])).not.toBe(base); // XOR would miss this pair
        expect(tableDigestOf(items.map((item, j) => (j === i ? { ...item, changed: { S: 'x' } } : item)))).not.toBe(
          base,
        );
      }),
    );
  });
});

describe('the table digest, pinned exactly: SHA-256 over the sorted item digests', () => {
  it('is SHA-256 over the items’ raw 32-byte SHA-256 digests, sorted', () => {
    const items: DynamoJsonItem[] = [
      { pk: { S: 'A' } },
      { pk: { S: 'B' }, n: { N: '1' } },
      { pk: { S: 'C' }, tags: { SS: ['y', 'x'] } },
    ];
    const raw = items.map((i) => createHash('sha256').update(canonicalItemJson(i)).digest()).sort(Buffer.compare);
    const expected = createHash('sha256');
    for (const d of raw) expected.update(d);
    expect(tableDigestOf(items)).toBe(expected.digest('hex'));
    expect(itemDigest(items[0]!)).toBe(createHash('sha256').update('{"pk":{"S":"A"}}').digest('hex'));
  });
});

describe('data files in the export format', () => {
  it('round-trips one {"Item": …} line per item', () => {
    const items = [
      { pk: { S: 'A' }, sk: { S: 'B' } },
      { pk: { S: 'C' }, sk: { S: 'D' }, n: { N: '3' } },
    ];
    const bytes = encodeDataFile(items, (raw) => gzipSync(raw));
    expect(decodeDataFile(bytes)).toEqual(items);
    const { gunzipSync } = require('node:zlib') as typeof import('node:zlib');
    expect(gunzipSync(bytes).toString()).toBe(
      '{"Item":{"pk":{"S":"A"},"sk":{"S":"B"}}}\n{"Item":{"pk":{"S":"C"},"sk":{"S":"D"},"n":{"N":"3"}}}\n',
    );
  });
});

describe('reading a data file: lines without an item and bytes that are not UTF-8 are refused', () => {
  const file = (text: string | Uint8Array) => gzipSync(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

  it('refuses a line without an item, or whose item is not an object', () => {
    expect(() => decodeDataFile(file('{"Item":{"pk":{"S":"A"}}}\n{"NotItem":{}}\n'))).toThrow('a line without an Item');
    expect(() => decodeDataFile(file('{"Item":5}\n'))).toThrow('a line without an Item');
    expect(() => decodeDataFile(file('{"Item":null}\n'))).toThrow('a line without an Item');
    expect(decodeDataFile(file('{"Item":{"pk":{"S":"A"}}}\n\n'))).toEqual([{ pk: { S: 'A' } }]);
  });

  it('refuses bytes that are not UTF-8 rather than reading them with replacement characters', () => {
    const bad = Buffer.concat([Buffer.from('{"Item":{"pk":{"S":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}}\n')]);
    expect(() => decodeDataFile(file(bad))).toThrow(TypeError);
  });
});

describe('the layout of a backup in its bucket', () => {
  it('puts each backup under backups/<retention>/<id>/, the export beside our manifests', () => {
    expect(backupPrefix('2026-W48', 'weekly')).toBe('backups/weekly/2026-W48/');
    expect(backupPrefix('2026-W49', 'monthly')).toBe('backups/monthly/2026-W49/');
    expect(exportDirectory('2026-W48', 'weekly', '0123-abc')).toBe('backups/weekly/2026-W48/AWSDynamoDB/0123-abc/');
    expect(backupManifestKey('2026-W48', 'monthly')).toBe('backups/monthly/2026-W48/backup-manifest.json');
    expect(mediaManifestKey('2026-W48', 'weekly')).toBe('backups/weekly/2026-W48/media-manifest.json');
  });
});

describe('the verifier', () => {
  it('finds nothing wrong in an intact backup, whatever the split into files', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 10 }), (items, perFile) => {
        const { manifest, files } = backupOf(items, perFile);
        expect(verifyBackup(manifest, files)).toMatchObject({ ok: true, findings: [], itemCount: items.length });
      }),
    );
  });

  it('finds any single-byte tamper of any data file (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (items, fileAt, byteAt, xor) => {
        const { manifest, files } = backupOf(items);
        const key = [...files.keys()][fileAt % files.size]!;
        const bytes = new Uint8Array(files.get(key)!);
        bytes[byteAt % bytes.length]! ^= xor;
        files.set(key, bytes);
        const result = verifyBackup(manifest, files);
        expect(result.ok).toBe(false);
        expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'digest-mismatch', key }));
      }),
    );
  });

  it('names a missing file, a wrong count and a wrong table digest', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ pk: { S: `P${i}` }, sk: { S: 'S' } }));
    const { manifest, files } = backupOf(items, 4);
    const [first] = files.keys();
    files.delete(first!);
    expect(verifyBackup(manifest, files).findings).toEqual([
      { kind: 'missing-file', key: first },
      { kind: 'table-count-mismatch', expected: 10, actual: 6 },
      expect.objectContaining({ kind: 'table-digest-mismatch' }),
    ]);
    const intact = backupOf(items, 4);
    const miscounted = {
      ...intact.manifest,
      files: intact.manifest.files.map((f, i) => (i === 1 ? { ...f, itemCount: 5 } : f)),
    };
    expect(verifyBackup(miscounted, intact.files).findings).toEqual([
      { kind: 'count-mismatch', key: intact.manifest.files[1]!.key, expected: 5, actual: 4 },
    ]);
    const wrongTable = { ...intact.manifest, table: { itemCount: 10, digest: '0'.repeat(64) } };
    expect(verifyBackup(wrongTable, intact.files).findings).toEqual([
      expect.objectContaining({ kind: 'table-digest-mismatch', expected: '0'.repeat(64) }),
    ]);
  });

  it('reports a file that is not gzip or not the export format as unreadable', () => {
    const bytes = new TextEncoder().encode('not gzip');
    const manifest = {
      ...backupOf([{ pk: { S: 'A' } }]).manifest,
      files: [{ key: 'k', itemCount: 1, sha256: bytesDigest(bytes), bytes: bytes.length }],
    };
    expect(verifyBackup(manifest, new Map([['k', bytes]])).findings[0]).toMatchObject({
      kind: 'unreadable-file',
      key: 'k',
    });
  });
});

describe('findings the caller adds, and the refusal that lists them', () => {
  it('counts a finding from outside the data files (the media manifest, a signature) against the backup', () => {
    const items = [{ pk: { S: 'A' }, sk: { S: 'S' } }];
    const { manifest, files } = backupOf(items);
    const verification = new BackupVerification(manifest);
    for (const entry of manifest.files) verification.add(entry, files.get(entry.key));
    expect(verification.result()).toMatchObject({ ok: true, findings: [] });
    verification.finding({ kind: 'missing-file', key: manifest.media.key });
    expect(verification.result()).toMatchObject({
      ok: false,
      findings: [{ kind: 'missing-file', key: 'm' }],
      itemCount: 1,
    });
  });

  it('says in one line per finding what is wrong with which file, separated by semicolons', () => {
    const key = 'backups/b/AWSDynamoDB/e/data/0.json.gz';
    expect(describeFindings([])).toBe('');
    expect(
      describeFindings([
        { kind: 'missing-file', key },
        { kind: 'digest-mismatch', key, expected: 'aa', actual: 'bb' },
        { kind: 'unreadable-file', key, reason: 'incorrect header check' },
        { kind: 'count-mismatch', key, expected: 5, actual: 4 },
        { kind: 'table-count-mismatch', expected: 10, actual: 6 },
        { kind: 'table-digest-mismatch', expected: 'aa', actual: 'bb' },
        { kind: 'signature-invalid', key: 'backup-manifest.json', reason: 'no signature' },
      ]).split('; '),
    ).toEqual([
      `${key} is missing`,
      `${key} does not match its digest in the manifest`,
      `${key} cannot be read (incorrect header check)`,
      `${key} holds 4 items, the manifest says 5`,
      'the files hold 6 items, the manifest says 10',
      'the items do not match the table digest in the manifest',
      'backup-manifest.json: no signature',
    ]);
  });
});

describe('ISO week of a backup, in Việt Nam time', () => {
  it.each([
    ['2026-11-22T16:59:59Z', '2026-W47'], // Sunday 23:59 in Hà Nội
    ['2026-11-22T17:00:00Z', '2026-W48'], // Monday 00:00 in Hà Nội, still Sunday in UTC
    ['2026-11-28T19:00:00Z', '2026-W48'], // Sunday 02:00: the weekly schedule's instant
    ['2020-12-31T17:00:00Z', '2020-W53'],
    ['2021-01-03T16:59:59Z', '2020-W53'],
    ['2021-01-03T17:00:00Z', '2021-W01'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('%s is %s', (at, week) => {
    expect(isoWeekId(new Date(at))).toBe(week);
  });
});
