import '../support/fast-check-seed';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalItem,
  canonicalItemJson,
  itemDigest,
  tableDigestOf,
  type DynamoJsonItem,
} from '../../shared/domain/backups/digest';
import { toExportJson } from '../../shared/adapters/backup/export-json';

/**
 * The canonical form of an item, which its digest is taken of. The fast paths agree with the reference forms:
 * canonicalItem with canonicalItemJson (so digests did not change), toExportJson's pass-through with its conversion.
 * The fast canonical form takes only well-formed DynamoDB JSON; anything else must get exactly the
 * reference form (keys sorted at every level, lists in order). Otherwise a corrupted or hand-edited
 * item's digest would depend on its key order, and a backup could verify or fail by accident.
 */
const same = (item: Record<string, unknown>) => {
  const fast = canonicalItem(item as DynamoJsonItem);
  expect(fast).toBe(canonicalItemJson(item));
  return fast;
};

describe('the canonical form, pinned exactly: a backup written today verifies with any later version', () => {
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
    expect(canonicalItemJson({ SS: { L: [{ S: 'b' }, { S: 'a' }] }, NS: { S: 'x' } })).toBe(
      '{"NS":{"S":"x"},"SS":{"L":[{"S":"b"},{"S":"a"}]}}',
    );
  });

  it('writes scalars as JSON', () => {
    expect(canonicalItemJson({ flag: { BOOL: true }, none: { NULL: true }, s: { S: 'Đà "Nẵng"' } })).toBe(
      '{"flag":{"BOOL":true},"none":{"NULL":true},"s":{"S":"Đà \\"Nẵng\\""}}',
    );
  });
});

describe('canonicalItem on values that are not the type they claim', () => {
  it('sorts the keys of an object held where a string, number or binary should be', () => {
    expect(same({ a: { S: { b: 1, a: 2 } } })).toBe('{"a":{"S":{"a":2,"b":1}}}');
    expect(same({ a: { N: { z: '1', y: '2' } } })).toBe('{"a":{"N":{"y":"2","z":"1"}}}');
    expect(same({ a: { B: [{ d: 1, c: 2 }] } })).toBe('{"a":{"B":[{"c":2,"d":1}]}}');
    expect(same({ a: { S: 5 }, b: { N: true }, c: { B: null } })).toBe('{"a":{"S":5},"b":{"N":true},"c":{"B":null}}');
  });

  it('does not write a set whose members are not all strings as if they were', () => {
    expect(same({ a: { SS: [{ b: 1, a: 2 }] } })).toBe('{"a":{"SS":[{"a":2,"b":1}]}}');
    // Sorted as the reference sorts (by each member's string form), objects then written with sorted keys.
    expect(same({ a: { NS: ['x', { b: 1, a: 2 }] } })).toBe('{"a":{"NS":[{"a":2,"b":1},"x"]}}');
    expect(same({ a: { BS: [{ d: 1, c: 2 }, 'AQ=='] } })).toBe('{"a":{"BS":["AQ==",{"c":2,"d":1}]}}');
    expect(same({ a: { SS: ['y', 2, 'x'] } })).toBe('{"a":{"SS":[2,"x","y"]}}');
  });

  it('keeps a set type whose value is not a list as it is', () => {
    expect(same({ a: { SS: 'ba' } })).toBe('{"a":{"SS":"ba"}}');
    expect(same({ a: { NS: { b: '1', a: '2' } } })).toBe('{"a":{"NS":{"a":"2","b":"1"}}}');
    expect(same({ a: { BS: null } })).toBe('{"a":{"BS":null}}');
  });

  it('writes a map that is not an object, or is null or a list, as the reference does', () => {
    expect(same({ a: { M: 'x' } })).toBe('{"a":{"M":"x"}}');
    expect(same({ a: { M: 7 } })).toBe('{"a":{"M":7}}');
    expect(same({ a: { M: null } })).toBe('{"a":{"M":null}}');
    expect(same({ a: { M: [{ S: 'b' }, { S: 'a' }] } })).toBe('{"a":{"M":[{"S":"b"},{"S":"a"}]}}');
  });

  it('never turns a list that is not a list into a map, nor a map into a list', () => {
    expect(same({ a: { L: { b: { S: 'x' }, a: { S: 'y' } } } })).toBe('{"a":{"L":{"a":{"S":"y"},"b":{"S":"x"}}}}');
    expect(same({ a: { L: 'x' } })).toBe('{"a":{"L":"x"}}');
    expect(same({ a: { L: null } })).toBe('{"a":{"L":null}}');
  });

  it('writes a boolean or null that is not a boolean as the reference does, a list of strings in its order', () => {
    expect(same({ a: { NULL: ['b', 'a'] } })).toBe('{"a":{"NULL":["b","a"]}}');
    expect(same({ a: { BOOL: ['b', 'a'] } })).toBe('{"a":{"BOOL":["b","a"]}}');
    expect(same({ a: { NULL: 'true' }, b: { BOOL: { y: 1, x: 0 } } })).toBe(
      '{"a":{"NULL":"true"},"b":{"BOOL":{"x":0,"y":1}}}',
    );
  });
});

describe('canonicalItem on attributes without a known type', () => {
  it('keeps the type it was given, even the empty one, and sorts nothing that is not a set', () => {
    expect(same({ a: { '': ['b', 'a'] } })).toBe('{"a":{"":["b","a"]}}');
    expect(same({ a: { '': [{ S: 'x' }] } })).toBe('{"a":{"":[{"S":"x"}]}}');
    expect(same({ a: { '': { x: { S: 'a' } } } })).toBe('{"a":{"":{"x":{"S":"a"}}}}');
    expect(same({ a: { X: ['b', 'a'] }, b: { s: 'x' } })).toBe('{"a":{"X":["b","a"]},"b":{"s":"x"}}');
  });

  it('sorts the keys of an attribute with several types, keeping each list in its order', () => {
    expect(same({ a: { S: 'x', L: ['b', 'a'] } })).toBe('{"a":{"L":["b","a"],"S":"x"}}');
    expect(same({ a: {} })).toBe('{"a":{}}');
  });

  it('writes attribute values that are not objects as JSON, lists in their order', () => {
    expect(same({ b: ['b', 'a'], a: 'x', c: 3, d: null, e: true })).toBe(
      '{"a":"x","b":["b","a"],"c":3,"d":null,"e":true}',
    );
    // An absent value (undefined) is written the same way by both forms, and does not throw.
    expect(() => same({ a: undefined, b: { S: 'x' } })).not.toThrow();
    expect(() => same({ a: { M: { b: undefined } } })).not.toThrow();
  });
});

describe('the reference form', () => {
  it('sorts the members of a set only, never a list held under another key', () => {
    expect(canonicalItemJson({ L: ['b', 'a'], x: ['d', 'c'] })).toBe('{"L":["b","a"],"x":["d","c"]}');
    expect(canonicalItemJson({ SS: ['b', 'a'], NS: ['2', '10'], BS: ['Yg==', 'YQ=='] })).toBe(
      '{"BS":["YQ==","Yg=="],"NS":["10","2"],"SS":["a","b"]}',
    );
    expect(canonicalItemJson(['b', 'a'])).toBe('["b","a"]');
  });

  it('sorts keys by UTF-16 code units, over many keys in any order', () => {
    const keys = Array.from({ length: 120 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const reversed = Object.fromEntries([...keys].reverse().map((k) => [k, 1]));
    expect(canonicalItemJson(reversed)).toBe(`{${keys.map((k) => `"${k}":1`).join(',')}}`);
    expect(canonicalItemJson({ b: 1, B: 2, á: 3, a: 4, '': 5 })).toBe('{"":5,"B":2,"a":4,"b":1,"á":3}');
  });
});

describe('digests of odd shapes', () => {
  it('differ when a list order differs, agree when only key order differs', () => {
    expect(itemDigest({ a: { S: { b: 1, a: 2 } } })).toBe(itemDigest({ a: { S: { a: 2, b: 1 } } }));
    expect(itemDigest({ a: { L: ['a', 'b'] } })).not.toBe(itemDigest({ a: { L: ['b', 'a'] } }));
    expect(tableDigestOf([{ a: { SS: [{ y: 1, x: 2 }] } }])).toBe(tableDigestOf([{ a: { SS: [{ x: 2, y: 1 }] } }]));
  });
});

const tag = fc.constantFrom('S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M', '', 'X');
const { loose } = fc.letrec<{ loose: unknown }>((tie) => ({
  loose: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 3 }),
    fc.integer({ min: -5, max: 20 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('loose'), { maxLength: 3 }),
    fc.array(fc.string({ maxLength: 2 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 2 }), tie('loose'), { maxKeys: 3, noNullPrototype: true }),
    fc.tuple(tag, tie('loose')).map(([t, v]) => ({ [t]: v })),
  ),
}));

describe('canonicalItem and canonicalItemJson', () => {
  it('agree on items of any shape: typed values holding anything, untyped values, nesting', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), loose, {
          minKeys: 1,
          maxKeys: 5,
          noNullPrototype: true,
        }),
        (item) => {
          expect(canonicalItem(item as DynamoJsonItem)).toBe(canonicalItemJson(item));
        },
      ),
      { numRuns: 400 },
    );
  });
});

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
const dynamoItem = fc.dictionary(name, attribute, { minKeys: 1, maxKeys: 6 });

describe('the fast paths agree with the reference forms', () => {
  it('canonicalItem is canonicalItemJson for every DynamoDB JSON item, and for odd shapes too', () => {
    fc.assert(
      fc.property(dynamoItem, (i) => {
        expect(canonicalItem(i as DynamoJsonItem)).toBe(canonicalItemJson(i));
      }),
      { numRuns: 500 },
    );
    const odd = {
      a: { S: 1 },
      b: { SS: [2, 'x'] },
      c: { S: 'x', N: '1' },
      d: [1, { z: 1, a: 2 }],
      e: null,
      f: { BOOL: 'yes' },
      g: { M: [] },
      h: { L: 'no' },
    };
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
