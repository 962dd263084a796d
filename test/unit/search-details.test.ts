import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/domain/errors';
import {
  authorityTerms,
  findLegalNumbers,
  formsNamed,
  parseLegalNumber,
  planSearch,
  searchTermsOf,
  symbolTerms,
  verifiableTermsOf,
} from '../../shared/domain/search';
import { legalDocument, memorySearchIndex } from '../support/search-index';

/** The smaller rules of search, one by one (found by mutation testing). */
const keysOf = (name: string) => formsNamed(name).map((f) => f.key);

describe('forms and codes', () => {
  it('names a form by its code (with or without Đ) or its name', () => {
    expect(keysOf('QĐ')).toEqual(['quyet-dinh']);
    expect(keysOf('qd')).toEqual(['quyet-dinh']);
    expect(keysOf(' Quyết định ')).toEqual(['quyet-dinh']);
    expect(keysOf('quyet dinh')).toEqual(['quyet-dinh']);
    expect(keysOf('HĐ')).toEqual(['hop-dong']);
    expect(keysOf('Thông tư liên tịch')).toEqual(['thong-tu-lien-tich']);
    expect(keysOf('   ')).toEqual([]);
    expect(keysOf('Sắc lệnh')).toEqual([]);
  });

  it('takes a first code as the form only when an authority follows', () => {
    expect(parseLegalNumber('12/QĐ')).toMatchObject({ codes: ['QĐ'], authorityCodes: ['QĐ'] });
    expect(parseLegalNumber('12/QĐ')?.formCode).toBeUndefined();
    expect(parseLegalNumber('12/2026/UBND')?.formCode).toBeUndefined();
    expect(parseLegalNumber('12/2026/HD-UBND')).toMatchObject({ formCode: 'HD', authorityCodes: ['UBND'] });
    expect(parseLegalNumber('12/2026/XY-UBND')).toMatchObject({ authorityCodes: ['XY', 'UBND'] });
  });

  it('finds numbers in text with where they stand', () => {
    expect(findLegalNumbers('trang 12, số 7/2026 và 8/QĐ-UBND')).toEqual([
      { value: expect.objectContaining({ symbol: '7/2026' }), index: 13, length: 6 },
      { value: expect.objectContaining({ symbol: '8/QĐ-UBND' }), index: 23, length: 9 },
    ]);
  });
});

describe('terms', () => {
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
      legalDocument({ numberSymbol: '45/UBND-VX', form: 'Công văn', issuedOn: '2026-03-04', title: 'Khẩn', summary: 'x', field: 'Tài nguyên', issuingAuthority: 'Văn phòng', signer: 'Nguyễn Văn An' }),
    ).map((e) => e.term);
    expect(terms).toEqual(expect.arrayContaining(['ny:45/2026', 'y:2026', 'f:cong-van', 'a:ubnd', 'a:vx', 'w:khan', 'w:tai', 'w:nguyen', 'w:phong', 'w:an']));
    expect(terms.indexOf('w:khan')).toBeLessThan(terms.indexOf('w:x'));
  });

  it('refuses an issue date that is not YYYY-MM-DD, naming the field', () => {
    try {
      searchTermsOf(legalDocument({ issuedOn: '13/02/2026' }));
      expect.fail('expected a refusal');
    } catch (e) {
      expect((e as DomainError).fields[0]?.field).toBe('body.legalDocument.issuedOn');
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
    expect(verifiableTermsOf(doc)).toEqual(['s:3/2026/nq-hdnd', 's:3/nq-hdnd', 'ny:3/2026', 'n:3', 'y:2026', 'f:nghi-quyet', 'a:hdnd']);
    expect(verifiableTermsOf({ ...doc, symbol: 'not a number' })).toEqual([]);
  });
});

describe('plans', () => {
  const anyOf = (q: string) => planSearch({ q }).clauses.map((c) => c.anyOf);

  it('reads a bare number as a number or a year, and also as a word', () => {
    expect(anyOf('2026')).toEqual([[['y:2026'], ['w:2026']]]);
    expect(anyOf('1945')).toEqual([[['y:1945'], ['w:1945']]]);
    expect(anyOf('1944')).toEqual([[['n:1944'], ['w:1944']]]);
    expect(anyOf('2101')).toEqual([[['n:2101'], ['w:2101']]]);
    expect(anyOf('202')).toEqual([[['n:202'], ['w:202']]]);
    expect(anyOf('1234567')).toEqual([[['w:1234567']]]);
  });

  it('reads a code-like word as a form code or the word, a syllable as a word', () => {
    expect(anyOf('qd')).toEqual([[['f:quyet-dinh'], ['w:qd']]]);
    expect(anyOf('hd')).toEqual([[['f:huong-dan'], ['f:hop-dong'], ['w:hd']]]);
    expect(anyOf('ba')).toEqual([[['w:ba']]]);
    expect(anyOf('xyz')).toEqual([[['w:xyz']]]);
    expect(anyOf('luật')).toEqual([[['f:luat'], ['w:luat']]]);
    expect(anyOf('ủy ban nhân dân')).toEqual([[['a:ubnd']]]);
  });

  it('marks filters required and the reader’s words not', () => {
    const plan = planSearch({ q: 'đất', number: '12', form: 'QĐ', authority: 'QH15' });
    expect(plan.clauses.map((c) => [c.kind, c.required])).toEqual([
      ['number', true],
      ['form', true],
      ['authority', true],
      ['word', false],
    ]);
    expect(plan.clauses[2]?.anyOf).toEqual([['a:qh15']]);
    expect(planSearch({ status: 'in-force', language: 'en' }).filters).toEqual({ status: 'in-force', language: 'en' });
  });
});

describe('ranking details', () => {
  it('orders equals by newest, then by id; filters status and language', () => {
    const docs = [
      legalDocument({ itemId: 'b', numberSymbol: '1/2026/QĐ-UBND', issuedOn: '2026-01-01', summary: 'giá' }),
      legalDocument({ itemId: 'a', numberSymbol: '2/2026/QĐ-UBND', issuedOn: '2026-01-01', summary: 'giá' }),
      legalDocument({ itemId: 'c', numberSymbol: '3/2026/QĐ-UBND', issuedOn: '2026-01-02', summary: 'giá', language: 'en', status: 'expired' }),
    ];
    const index = memorySearchIndex('p', docs);
    expect(index.search({ q: 'giá' }).hits.map((h) => h.doc.itemId)).toEqual(['c', 'a', 'b']);
    expect(index.search({ q: 'giá', language: 'vi' }).hits.map((h) => h.doc.itemId)).toEqual(['a', 'b']);
    expect(index.search({ q: 'giá', status: 'expired' }).hits.map((h) => h.doc.itemId)).toEqual(['c']);
    expect(index.search({ q: 'giá', issuedFrom: '2026-01-02' }).hits.map((h) => h.doc.itemId)).toEqual(['c']);
  });

  it('counts a bare number as a number match, and every term found', () => {
    const index = memorySearchIndex('p', [legalDocument({ itemId: 'n', numberSymbol: '43/2026/NĐ-CP', summary: 'thuế' }), legalDocument({ itemId: 'w', summary: 'mục 43 thuế' })]);
    const hits = index.search({ q: 'nghị định 43 thuế' }).hits;
    expect(hits.map((h) => [h.doc.itemId, h.exact, h.clauses, h.terms])).toEqual([
      ['n', 1, 3, 3],
      ['w', 0, 1, 1], // found by the word 43; its other words are not read when a number is asked
    ]);
  });
});
