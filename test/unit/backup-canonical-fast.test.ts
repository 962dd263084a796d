import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalItem, canonicalItemJson, type DynamoJsonItem } from '../../shared/domain/backups/digest';
import { toExportJson } from '../../shared/adapters/backup/export-json';

/**
 * The backup's fast paths agree with the reference forms: canonicalItem with canonicalItemJson (so
 * digests did not change), toExportJson's pass-through with its conversion.
 */
const name = fc.string({ minLength: 1, maxLength: 6 });
const scalar = fc.oneof(
  fc.string().map((S) => ({ S })),
  fc.integer().map((n) => ({ N: String(n) })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true as const }),
  fc.base64String().map((B) => ({ B })),
  fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
  fc.uniqueArray(fc.integer().map(String), { minLength: 1, maxLength: 4 }).map((NS) => ({ NS })),
  fc.uniqueArray(fc.base64String(), { minLength: 1, maxLength: 3 }).map((BS) => ({ BS })),
);
const { attribute } = fc.letrec<{ attribute: Record<string, unknown> }>((tie) => ({
  attribute: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('attribute'), { maxLength: 3 }).map((L) => ({ L })),
    fc.dictionary(name, tie('attribute'), { maxKeys: 3 }).map((M) => ({ M })),
  ),
}));
const item = fc.dictionary(name, attribute, { minKeys: 1, maxKeys: 6 });

describe('backup fast paths', () => {
  it('canonicalItem is canonicalItemJson for every DynamoDB JSON item, and for odd shapes too', () => {
    fc.assert(fc.property(item, (i) => { expect(canonicalItem(i as DynamoJsonItem)).toBe(canonicalItemJson(i)); }), { numRuns: 500 });
    const odd = { a: { S: 1 }, b: { SS: [2, 'x'] }, c: { S: 'x', N: '1' }, d: [1, { z: 1, a: 2 }], e: null, f: { BOOL: 'yes' }, g: { M: [] }, h: { L: 'no' } };
    expect(canonicalItem(odd as DynamoJsonItem)).toBe(canonicalItemJson(odd));
  });

  it('passes an item without binary through as it is, and converts one with binary anywhere', () => {
    const plain = { pk: { S: 'A' }, n: { N: '1' }, l: { L: [{ M: { x: { SS: ['a'] } } }] } };
    expect(toExportJson(plain as never)).toBe(plain);
    const nested = { pk: { S: 'A' }, l: { L: [{ M: { x: { B: new Uint8Array([1, 2]) } } }] } };
    expect(toExportJson(nested as never)).toEqual({ pk: { S: 'A' }, l: { L: [{ M: { x: { B: 'AQI=' } } }] } });
    const set = { pk: { S: 'A' }, m: { M: { s: { BS: [new Uint8Array([255])] } } } };
    expect(toExportJson(set as never)).toEqual({ pk: { S: 'A' }, m: { M: { s: { BS: ['/w=='] } } } });
  });
});
