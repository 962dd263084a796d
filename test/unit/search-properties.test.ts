import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { foldForSearch, LEGAL_FORMS, planSearch, SEARCH_LIMITS, tokenize } from '../../shared/domain/search';
import { legalDocument, memorySearchIndex } from '../support/search-index';

const params = { numRuns: 300 };

/** Vietnamese-like syllables: base letters, then any of the tone and vowel marks, composed or not. */
const BASES = [...'aeiouybcdghklmnpqrstvxđĐAEIOUYBCDGHKLMNPQRSTVX'];
const MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B'];
const syllable = fc.array(
  fc.record({ base: fc.constantFrom(...BASES), marks: fc.array(fc.constantFrom(...MARKS), { maxLength: 2 }) }),
  { minLength: 1, maxLength: 6 },
);
const plain = (letters: Array<{ base: string }>) =>
  letters
    .map((l) => l.base)
    .join('')
    .toLowerCase()
    .replace(/đ/g, 'd');
const marked = (letters: Array<{ base: string; marks: string[] }>, form: 'NFC' | 'NFD') =>
  letters
    .map((l) => l.base + l.marks.join(''))
    .join('')
    .normalize(form);

describe('folding', () => {
  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (s) => foldForSearch(foldForSearch(s)) === foldForSearch(s),
      ),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on every single code point', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const once = foldForSearch(String.fromCodePoint(cp));
      if (foldForSearch(once) !== once)
        expect.fail(`U+${cp.toString(16)} folds to ${once}, then to ${foldForSearch(once)}`);
    }
  });

  it('ignores diacritics and đ/d, composed or decomposed', () => {
    fc.assert(
      fc.property(syllable, fc.constantFrom('NFC' as const, 'NFD' as const), (letters, form) => {
        expect(foldForSearch(marked(letters, form))).toBe(plain(letters));
      }),
      params,
    );
  });

  it('makes a word written with marks and one written without the same token', () => {
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 5 }), (words) => {
        expect(tokenize(words.map((w) => marked(w, 'NFC')).join(' '))).toEqual(tokenize(words.map(plain).join(' ')));
      }),
      params,
    );
  });
});

const formsWithCodes = LEGAL_FORMS.filter((f) => f.code);
const symbols = fc.record({
  number: fc.integer({ min: 1, max: 999_999 }),
  year: fc.option(fc.integer({ min: 1945, max: 2100 }), { nil: undefined }),
  form: fc.constantFrom(...formsWithCodes),
  authority: fc.constantFrom('UBND', 'HĐND', 'CP', 'TTg', 'BTC', 'QH15', 'VPUBND'),
});

describe('a document finds itself', () => {
  it('by its own number/symbol, first among documents with other numbers', () => {
    fc.assert(
      fc.property(symbols, fc.array(symbols, { maxLength: 20 }), fc.constantFrom('q', 'number'), (own, others, how) => {
        const symbol = (s: typeof own) =>
          [s.number, ...(s.year ? [s.year] : []), `${s.form.code}-${s.authority}`].join('/');
        const issuedOn = `${own.year ?? 2020}-05-17`;
        const self = legalDocument({ itemId: 'self', numberSymbol: symbol(own), issuedOn });
        const rest = others.map((o, i) =>
          legalDocument({ itemId: `o${i}`, numberSymbol: symbol(o), issuedOn: `${o.year ?? 2021}-01-0${(i % 9) + 1}` }),
        );
        const { hits } = memorySearchIndex('p', [self, ...rest]).search({ [how]: self.numberSymbol });
        const best = hits.filter((h) => h.exact === 2);
        expect(best.map((h) => h.doc.itemId)).toContain('self');
        expect(hits[0]?.exact).toBe(2);
        expect(best.every((h) => h.doc.symbol === hits.find((x) => x.doc.itemId === 'self')!.doc.symbol)).toBe(true);
      }),
      params,
    );
  });
});

describe('any query', () => {
  it('gives a bounded plan or a refusal naming a field, never anything else', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(
        fc.record({ q: fc.option(text, { nil: undefined }), number: fc.option(text, { nil: undefined }) }),
        (query) => {
          try {
            const plan = planSearch(query);
            expect(plan.reads.length).toBeGreaterThan(0);
            expect(plan.reads.length).toBeLessThanOrEqual(SEARCH_LIMITS.maxReads);
            expect(plan.reads.every((r) => r.limit === SEARCH_LIMITS.itemsPerRead && !r.term.includes('#'))).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).fields[0]?.field).toMatch(/^(q|number)$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds a document by any one word of its summary, with or without diacritics', () => {
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 8 }), fc.nat(), (words, pick) => {
        const summary = words.map((w) => marked(w, 'NFC')).join(' ');
        const index = memorySearchIndex('p', [legalDocument({ itemId: 'self', summary })]);
        const word = plain(words[pick % words.length]!);
        let hits;
        try {
          hits = index.search({ q: word }).hits;
        } catch (e) {
          expect((e as DomainError).fields[0]?.code).toBe('no_terms'); // a function word alone
          return;
        }
        expect(hits.map((h) => h.doc.itemId)).toContain('self');
      }),
      params,
    );
  });
});
