import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { presets } from '../../shared/domain/policies/presets';
import { humanTextProblem } from '../../shared/domain/text';
import { assertSlugAllowed, assertSplitKind, reservedSlugs } from '../../shared/domain/units/unit';
import { DomainError } from '../../shared/domain/errors';

/**
 * Legal data pinned: every preset's values, bases and notes, as the regulations set them. A change
 * to a deadline or its citation must be made here too, on purpose (issue 11).
 */
describe('deadline presets', () => {
  it('are exactly the values and citations of the regulations (test/fixtures/policy-presets.json)', () => {
    const pinned = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/policy-presets.json'), 'utf8'));
    expect(presets).toStrictEqual(pinned);
  });
});

describe('human text', () => {
  it.each([
    ['a lone high surrogate', 'Tên \uD800', 'lone surrogate'],
    ['a lone low surrogate', '\uDC00 tên', 'lone surrogate'],
    ['a bidi override', 'Tên \u202E', 'bidi override'],
    ['a bidi isolate', 'Tên \u2066', 'bidi override'],
    ['a control character', 'Tên\u0007', 'control characters'],
    ['only zero-width characters', '\u200B\u200C\u200D', 'invisible characters'],
    ['a zero-width space in a word (issue 20)', 'Tin\u200B mới', 'invisible characters'],
    ['a byte-order mark', '\uFEFFTin', 'invisible characters'],
    ['the Arabic letter mark', 'Tin\u061C', 'invisible characters'],
    ['a non-character', 'Tin\uFFFF', 'invisible characters'],
    ['only punctuation', '— … —', 'at least one letter or digit'],
  ])('refuses %s, saying why in both languages', (_, value, why) => {
    const problem = humanTextProblem(value);
    expect(problem?.en).toContain(why);
    expect(problem?.vi.length).toBeGreaterThan(10);
  });

  it.each([['Sở Tư pháp'], ['UBND xã 3'], ['Tab\tand\nnew lines'], ['Ngày 2/9']])('accepts %s', (value) => {
    expect(humanTextProblem(value)).toBeUndefined();
  });
});

describe('unit labels and splits', () => {
  it('refuses every reserved label, naming the field, and accepts others', () => {
    for (const slug of reservedSlugs) {
      const error = (() => {
        try {
          assertSlugAllowed(slug, 'body.into.0.slug');
        } catch (e) {
          return e as DomainError;
        }
      })();
      expect(error, slug).toBeInstanceOf(DomainError);
      expect(error!.code).toBe('validation');
      expect(error!.fields).toEqual([{ field: 'body.into.0.slug', code: 'reserved', message: expect.objectContaining({ en: expect.stringContaining(`"${slug}" is reserved`) }) }]);
    }
    expect(['en', 'zh', 'www']).toSatisfy((slugs: string[]) => slugs.every((s) => reservedSlugs.has(s)));
    expect(() => assertSlugAllowed('sotttt')).not.toThrow();
  });

  it('keeps split units to the source’s kind', () => {
    expect(() => assertSplitKind({ kind: 'department' }, 'department', 'body.into.0.kind')).not.toThrow();
    try {
      assertSplitKind({ kind: 'department' }, 'district', 'body.into.0.kind');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields).toEqual([{ field: 'body.into.0.kind', code: 'invalid_kind', message: expect.objectContaining({ en: 'Units split from a department must be departments too' }) }]);
    }
  });
});
