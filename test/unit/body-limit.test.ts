import '../support/fast-check-seed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greaterThanPattern, MAX_REQUEST_BODY_BYTES } from '../../shared/http/body-limit';

/** The firewall's Content-Length rule: a regex that matches exactly the integers above the limit. */
describe('greaterThanPattern', () => {
  it('matches exactly the integers above the limit, for any limit and length', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 100_000_000 }),
        fc.nat({ max: 2 }),
        (limit, length, zeros) => {
          const pattern = new RegExp(greaterThanPattern(limit));
          expect(pattern.test('0'.repeat(zeros) + String(length))).toBe(length > limit);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('draws the line at the API limit, 256 KiB', () => {
    const pattern = new RegExp(greaterThanPattern(MAX_REQUEST_BODY_BYTES));
    expect(MAX_REQUEST_BODY_BYTES).toBe(262_144);
    expect(['262144', '102400', '0', '', 'abc', ' 262144 ', '-300000', '262145x'].map((v) => pattern.test(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['262145', '300000', '0000262145', ' 262145 ', '99999999999'].map((v) => pattern.test(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('matches around every digit of limits with nines and zeros', () => {
    for (const limit of [0, 9, 10, 99, 100, 909, 990, 1000, 262_144]) {
      const pattern = new RegExp(greaterThanPattern(limit));
      for (let n = Math.max(0, limit - 120); n <= limit + 120; n++)
        expect(pattern.test(String(n)), `${n} vs ${limit}`).toBe(n > limit);
    }
  });
});
