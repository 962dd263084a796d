import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import MnemonistLRU from 'mnemonist/lru-cache';
import LRUCache from '../../infra/constructs/stubs/lru-cache';

/** The bundles' stand-in for mnemonist's LRU cache answers as mnemonist does, for the calls the SDK makes. */
describe('the LRU cache stand-in (infra/constructs/stubs/lru-cache.ts)', () => {
  const op = fc.oneof(
    fc.record({ call: fc.constant('set' as const), key: fc.integer({ min: 0, max: 6 }), value: fc.integer() }),
    fc.record({
      call: fc.constantFrom('get' as const, 'peek' as const, 'has' as const),
      key: fc.integer({ min: 0, max: 6 }),
    }),
    fc.record({ call: fc.constant('clear' as const) }),
  );

  it('gives the same answers as mnemonist for any sequence of calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const ours = new LRUCache<number, number>(capacity);
        const theirs = new MnemonistLRU<number, number>(capacity);
        for (const o of ops) {
          if (o.call === 'set') {
            ours.set(o.key, o.value);
            theirs.set(o.key, o.value);
          } else if (o.call === 'clear') {
            ours.clear();
            theirs.clear();
          } else {
            expect(ours[o.call](o.key)).toEqual(theirs[o.call](o.key));
          }
          expect(ours.size).toBe(theirs.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('evicts the least recently used entry, and peek does not refresh it', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.peek('a');
    cache.set('d', 4);
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([false, true, true]);
  });
});
