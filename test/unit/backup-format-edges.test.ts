import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalItemJson, itemDigest, tableDigestOf, type DynamoJsonItem } from '../../shared/domain/backups/digest';
import { backupManifestKey, backupPrefix, decodeDataFile, exportDirectory, mediaManifestKey } from '../../shared/domain/backups/manifest';

/**
 * The backup format as a contract: a backup written today must verify with the code of any later
 * version, so the canonical item form, the table digest and the layout are pinned here exactly.
 */
describe('the canonical form of an item', () => {
  it('sorts keys at every level and the members of SS, NS and BS sets, and keeps list order', () => {
    const item = {
      d: { BS: ['Yg==', 'YQ=='] },
      c: { NS: ['9', '10'] },
      b: { L: [{ M: { z: { S: 'z' }, y: { S: 'y' } } }, { S: 'x' }] },
      a: { M: { tags: { SS: ['q', 'p'] }, n: { N: '2' } } },
    };
    expect(canonicalItemJson(item)).toBe(
      '{"a":{"M":{"n":{"N":"2"},"tags":{"SS":["p","q"]}}},"b":{"L":[{"M":{"y":{"S":"y"},"z":{"S":"z"}}},{"S":"x"}]},"c":{"NS":["10","9"]},"d":{"BS":["YQ==","Yg=="]}}',
    );
  });

  it('sorts only the members of a set: an attribute named like a set type is a value, not a set', () => {
    // A user attribute called "SS" holds a typed value (an object), and a list keeps its order.
    expect(canonicalItemJson({ SS: { L: [{ S: 'b' }, { S: 'a' }] }, NS: { S: 'x' } })).toBe('{"NS":{"S":"x"},"SS":{"L":[{"S":"b"},{"S":"a"}]}}');
  });

  it('writes scalars as JSON', () => {
    expect(canonicalItemJson({ flag: { BOOL: true }, none: { NULL: true }, s: { S: 'Đà "Nẵng"' } })).toBe('{"flag":{"BOOL":true},"none":{"NULL":true},"s":{"S":"Đà \\"Nẵng\\""}}');
  });
});

describe('the table digest', () => {
  it('is SHA-256 over the items’ raw 32-byte SHA-256 digests, sorted', () => {
    const items: DynamoJsonItem[] = [{ pk: { S: 'A' } }, { pk: { S: 'B' }, n: { N: '1' } }, { pk: { S: 'C' }, tags: { SS: ['y', 'x'] } }];
    const raw = items.map((i) => createHash('sha256').update(canonicalItemJson(i)).digest()).sort(Buffer.compare);
    const expected = createHash('sha256');
    for (const d of raw) expected.update(d);
    expect(tableDigestOf(items)).toBe(expected.digest('hex'));
    expect(itemDigest(items[0]!)).toBe(createHash('sha256').update('{"pk":{"S":"A"}}').digest('hex'));
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

describe('reading a data file', () => {
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
