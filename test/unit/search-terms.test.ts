import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { refusal } from '../support/refusal';
import { legalDocument } from '../support/search-index';
import {
  authorityTerms,
  parseLegalNumber,
  searchTermsOf,
  symbolTerms,
  verifiableTermsOf,
} from '../../shared/domain/search';

/** The index terms of a document: authority codes folded (and bounded), symbol terms, stems, and each refusal in full. */
const minimal = {
  itemId: 'c-1',
  language: 'vi',
  numberSymbol: '12/2026/QĐ-UBND',
  issuedOn: '2026-02-13',
  status: 'in-force',
  summary: 'Quy chế',
};

describe('index terms of a document', () => {
  it('gives an authority code and, for a numbered legislature, its stem', () => {
    expect(authorityTerms('UBND')).toEqual(['a:ubnd']);
    expect(authorityTerms('QH13')).toEqual(['a:qh13', 'a:qh']);
    expect(authorityTerms('HĐND')).toEqual(['a:hdnd']);
  });

  it('gives a symbol with its year (or the issue year) and without', () => {
    expect(symbolTerms(parseLegalNumber('45/UBND-VX')!, 2026)).toEqual(['s:45/2026/ubnd-vx', 's:45/ubnd-vx']);
    expect(symbolTerms(parseLegalNumber('12/2025/QĐ-UBND')!, 2026)).toEqual(['s:12/2025/qd-ubnd', 's:12/qd-ubnd']);
    expect(symbolTerms(parseLegalNumber('45/UBND-VX')!)).toEqual(['s:45/ubnd-vx']);
    expect(symbolTerms(parseLegalNumber('12/2026')!)).toEqual([]);
  });

  it('indexes title, field, authority and signer words, the form given, the issue year for a yearless number', () => {
    const terms = searchTermsOf(
      legalDocument({
        numberSymbol: '45/UBND-VX',
        form: 'Công văn',
        issuedOn: '2026-03-04',
        title: 'Khẩn',
        summary: 'x',
        field: 'Tài nguyên',
        issuingAuthority: 'Văn phòng',
        signer: 'Nguyễn Văn An',
      }),
    ).map((e) => e.term);
    expect(terms).toEqual(
      expect.arrayContaining([
        'ny:45/2026',
        'y:2026',
        'f:cong-van',
        'a:ubnd',
        'a:vx',
        'w:khan',
        'w:tai',
        'w:nguyen',
        'w:phong',
        'w:an',
      ]),
    );
    expect(terms.indexOf('w:khan')).toBeLessThan(terms.indexOf('w:x'));
  });

  it('refuses an issue date that is not YYYY-MM-DD, naming the field', () => {
    try {
      searchTermsOf(legalDocument({ issuedOn: '13/02/2026' }));
      expect.fail('expected a refusal');
    } catch (e) {
      expect((e as DomainError).fields[0]?.field).toBe('legalDocument.issuedOn');
    }
  });

  it('fills the cap exactly', () => {
    const base = searchTermsOf(legalDocument({ summary: 'x' })).length - 1;
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(searchTermsOf(legalDocument({ summary: words(40 - base) })).length).toBe(40);
    expect(searchTermsOf(legalDocument({ summary: words(40 - base - 1) })).length).toBe(39);
  });

  it('reads the identity of a carried document back', () => {
    const doc = searchTermsOf(legalDocument({ numberSymbol: '3/2026/NQ-HĐND', issuedOn: '2026-01-02' }))[0]!.doc;
    expect(doc.form).toBe('nghi-quyet');
    expect(verifiableTermsOf(doc)).toEqual([
      's:3/2026/nq-hdnd',
      's:3/nq-hdnd',
      'ny:3/2026',
      'n:3',
      'y:2026',
      'f:nghi-quyet',
      'a:hdnd',
    ]);
    expect(verifiableTermsOf({ ...doc, symbol: 'not a number' })).toEqual([]);
  });
});

describe('authority codes: letters, digits and dots, bounded; stems of trailing digits', () => {
  it('keep letters, digits and dots only, bounded to 40 characters', () => {
    expect(authorityTerms('UB ND')).toEqual(['a:ubnd']);
    expect(authorityTerms('S.TNMT')).toEqual(['a:s.tnmt']);
    expect(authorityTerms('A'.repeat(50))).toEqual([`a:${'a'.repeat(40)}`]);
  });
  it('stem only trailing digits', () => {
    expect(authorityTerms('QH13A')).toEqual(['a:qh13a']);
  });
});

describe('symbol terms are bounded, with and without the year', () => {
  it('are bounded to 80 characters, with and without the year', () => {
    const codes = ['B'.repeat(40), 'C'.repeat(40)].join('-');
    const [withYear, without] = symbolTerms(parseLegalNumber(`12/2026/${codes}`)!);
    expect(withYear).toBe(`s:${`12/2026/${'b'.repeat(40)}-${'c'.repeat(40)}`.slice(0, 80)}`);
    expect(without).toBe(`s:${`12/${'b'.repeat(40)}-${'c'.repeat(40)}`.slice(0, 80)}`);
  });
});

describe('searchTermsOf: the fewest terms, the cap, and each refusal in both languages', () => {
  it('a document with only a summary gives its identity terms, its authority and summary words only', () => {
    expect(searchTermsOf(minimal).map((e) => e.term)).toEqual([
      '*',
      's:12/2026/qd-ubnd',
      's:12/qd-ubnd',
      'ny:12/2026',
      'n:12',
      'y:2026',
      'f:quyet-dinh',
      'a:ubnd',
      'w:ubnd',
      'w:quy',
      'w:che',
    ]);
  });
  it('a công văn without a form gives no form term', () => {
    expect(searchTermsOf({ ...minimal, numberSymbol: '45/UBND-VX', summary: 'x' }).map((e) => e.term)).toEqual([
      '*',
      's:45/2026/ubnd-vx',
      's:45/ubnd-vx',
      'ny:45/2026',
      'n:45',
      'y:2026',
      'a:ubnd',
      'a:vx',
      'w:ubnd',
      'w:vx',
      'w:x',
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
    const message = {
      vi: 'Số, ký hiệu văn bản không hợp lệ (ví dụ 12/2026/QĐ-UBND)',
      en: 'The document number/symbol is invalid (e.g. 12/2026/QĐ-UBND)',
    };
    expect(error.fields).toEqual([{ field: 'legalDocument.numberSymbol', code: 'invalid', message }]);
  });
  it('refuses an issue date that is not YYYY-MM-DD, in both languages', () => {
    const error = refusal(() => searchTermsOf({ ...minimal, issuedOn: '13/02/2026' }));
    expect(error.messages).toEqual({
      vi: 'Ngày ban hành phải có dạng YYYY-MM-DD',
      en: 'The issue date must be YYYY-MM-DD',
    });
  });
});
