import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal';
import { authorityTerms, parseLegalNumber, searchTermsOf, symbolTerms } from '../../shared/domain/search';

/** The edges of index terms: code folding and its bound, stems, and each refusal in full. */
const minimal = { itemId: 'c-1', language: 'vi', numberSymbol: '12/2026/QĐ-UBND', issuedOn: '2026-02-13', status: 'in-force', summary: 'Quy chế' };

describe('authority codes', () => {
  it('keep letters, digits and dots only, bounded to 40 characters', () => {
    expect(authorityTerms('UB ND')).toEqual(['a:ubnd']);
    expect(authorityTerms('S.TNMT')).toEqual(['a:s.tnmt']);
    expect(authorityTerms('A'.repeat(50))).toEqual([`a:${'a'.repeat(40)}`]);
  });
  it('stem only trailing digits', () => {
    expect(authorityTerms('QH13A')).toEqual(['a:qh13a']);
  });
});

describe('symbol terms', () => {
  it('are bounded to 80 characters, with and without the year', () => {
    const codes = ['B'.repeat(40), 'C'.repeat(40)].join('-');
    const [withYear, without] = symbolTerms(parseLegalNumber(`12/2026/${codes}`)!);
    expect(withYear).toBe(`s:${`12/2026/${'b'.repeat(40)}-${'c'.repeat(40)}`.slice(0, 80)}`);
    expect(without).toBe(`s:${`12/${'b'.repeat(40)}-${'c'.repeat(40)}`.slice(0, 80)}`);
  });
});

describe('searchTermsOf', () => {
  it('a document with only a summary gives its identity terms, its authority and summary words only', () => {
    expect(searchTermsOf(minimal).map((e) => e.term)).toEqual([
      '*', 's:12/2026/qd-ubnd', 's:12/qd-ubnd', 'ny:12/2026', 'n:12', 'y:2026', 'f:quyet-dinh', 'a:ubnd', 'w:ubnd', 'w:quy', 'w:che',
    ]);
  });
  it('a công văn without a form gives no form term', () => {
    expect(searchTermsOf({ ...minimal, numberSymbol: '45/UBND-VX', summary: 'x' }).map((e) => e.term)).toEqual([
      '*', 's:45/2026/ubnd-vx', 's:45/ubnd-vx', 'ny:45/2026', 'n:45', 'y:2026', 'a:ubnd', 'a:vx', 'w:ubnd', 'w:vx', 'w:x',
    ]);
  });
  it('keeps at most 40 entries even when the identity terms alone are more', () => {
    const codes = Array.from({ length: 45 }, (_, i) => `A${i}B`).join('-');
    const terms = searchTermsOf({ ...minimal, numberSymbol: `12/2026/QĐ-${codes}` }).map((e) => e.term);
    expect(terms).toHaveLength(40);
    expect(terms.slice(-2)).toEqual(['a:a31b', 'a:a32b']);
  });
  it('refuses a number without an authority, naming the field in both languages', () => {
    const error = refusal(() => searchTermsOf({ ...minimal, numberSymbol: '12/2026' }));
    const message = { vi: 'Số, ký hiệu văn bản không hợp lệ (ví dụ 12/2026/QĐ-UBND)', en: 'The document number/symbol is invalid (e.g. 12/2026/QĐ-UBND)' };
    expect(error.fields).toEqual([{ field: 'body.legalDocument.numberSymbol', code: 'invalid', message }]);
  });
  it('refuses an issue date that is not YYYY-MM-DD, in both languages', () => {
    const error = refusal(() => searchTermsOf({ ...minimal, issuedOn: '13/02/2026' }));
    expect(error.messages).toEqual({ vi: 'Ngày ban hành phải có dạng YYYY-MM-DD', en: 'The issue date must be YYYY-MM-DD' });
  });
});
