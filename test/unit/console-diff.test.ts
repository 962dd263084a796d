import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWords } from '../../console/src/diff';

/** The console's word diff: both texts come back from its parts, and it finds the words that changed. */
const side = (parts: ReturnType<typeof diffWords>, drop: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

describe('diffWords', () => {
  it('marks the changed words only', () => {
    expect(diffWords('Ủy ban nhân dân huyện A thông báo', 'Ủy ban nhân dân huyện B thông báo lịch')).toEqual([
      { kind: 'same', text: 'Ủy ban nhân dân huyện ' },
      { kind: 'removed', text: 'A' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: ' thông báo' },
      { kind: 'added', text: ' lịch' },
    ]);
    expect(diffWords('giữ nguyên', 'giữ nguyên')).toEqual([{ kind: 'same', text: 'giữ nguyên' }]);
    expect(diffWords('', 'mới')).toEqual([{ kind: 'added', text: 'mới' }]);
  });

  it('gives back both texts from its parts, for any two texts', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'đất', ' ', '  ', '\n'), { maxLength: 40 })
      .map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
        // Never two parts of one kind in a row, never an empty part.
        parts.forEach((p, i) => expect(p.text === '' || p.kind === parts[i - 1]?.kind).toBe(false));
      }),
    );
  });

  it('shows a very large change whole instead of freezing the page', () => {
    const many = (w: string) => Array.from({ length: 2500 }, (_, i) => `${w}${i}`).join(' ');
    const parts = diffWords(many('x'), many('y'));
    expect(parts.map((p) => p.kind)).toEqual(['removed', 'added']);
  });
});
