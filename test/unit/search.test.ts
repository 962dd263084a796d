import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import {
  diffSearchEntries,
  findLegalNumbers,
  foldForSearch,
  MAX_ENTRIES_PER_DOCUMENT,
  parseLegalNumber,
  planSearch,
  SEARCH_LIMITS,
  searchTermsOf,
  tokenize,
  type LegalSearchQuery,
} from '../../shared/domain/search';
import { legalDocument, memorySearchIndex } from '../support/search-index';

const refusal = (query: LegalSearchQuery): DomainError => {
  try {
    planSearch(query);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

describe('folding and tokens', () => {
  it('folds case, diacritics, đ/Đ, decomposed input and compatibility forms', () => {
    expect(foldForSearch('Quyết Định')).toBe('quyet dinh');
    expect(foldForSearch('ĐẤT ĐAI, đường')).toBe('dat dai, duong');
    expect(foldForSearch('Quyết định'.normalize('NFD'))).toBe('quyet dinh');
    expect(foldForSearch('Số １２／２０２６')).toBe('so 12/2026');
  });

  it('splits on anything that is not a letter or a digit', () => {
    expect(tokenize('Kinh tế-xã hội; "văn hóa"…(2026)')).toEqual(['kinh', 'te', 'xa', 'hoi', 'van', 'hoa', '2026']);
    expect(tokenize('!!! ... ---')).toEqual([]);
  });
});

describe('legal numbers', () => {
  it('reads number, year, form code and authority code', () => {
    expect(parseLegalNumber('Số: 12/2026/QĐ-UBND')).toEqual({
      number: 12,
      year: 2026,
      codes: ['QĐ', 'UBND'],
      formCode: 'QĐ',
      authorityCodes: ['UBND'],
      symbol: '12/2026/QĐ-UBND',
    });
    expect(parseLegalNumber('01/2026/NQ-HĐND')).toMatchObject({
      number: 1,
      formCode: 'NQ',
      authorityCodes: ['HĐND'],
      symbol: '1/2026/NQ-HĐND',
    });
    expect(parseLegalNumber('120/2020/TTLT-BTC-BTP')).toMatchObject({
      formCode: 'TTLT',
      authorityCodes: ['BTC', 'BTP'],
    });
    expect(parseLegalNumber('80/2015/QH13')).toMatchObject({ year: 2015, authorityCodes: ['QH13'] });
    expect(parseLegalNumber('80/2015/QH13')?.formCode).toBeUndefined();
    expect(parseLegalNumber('45/UBND-VX')).toMatchObject({ number: 45, authorityCodes: ['UBND', 'VX'] });
    expect(parseLegalNumber('45/UBND-VX')?.year).toBeUndefined();
    expect(parseLegalNumber('1234/QĐ-TTg')).toMatchObject({ formCode: 'QĐ', authorityCodes: ['TTg'] });
    expect(parseLegalNumber('12/2026/QD-UBND')).toMatchObject({ formCode: 'QD' });
    expect(parseLegalNumber('12/2026')).toMatchObject({ number: 12, year: 2026, codes: [] });
  });

  it('refuses what is not a number/symbol', () => {
    for (const bad of [
      '',
      'abc',
      '0/2026/QĐ-UBND',
      '12/2026/',
      '/QĐ-UBND',
      '1234567/QĐ-UBND',
      '12/2026/QĐ UBND',
      'QĐ-UBND 12',
    ]) {
      expect(parseLegalNumber(bad), bad).toBeUndefined();
    }
  });

  it('finds numbers in text, never taking a date for one', () => {
    const found = findLegalNumbers('Quyết định số 12/2026/QĐ-UBND ngày 13/02/2026 thay thế Quyết định 01/QĐ-UBND.');
    expect(found.map((f) => f.value.symbol)).toEqual(['12/2026/QĐ-UBND', '1/QĐ-UBND']);
  });
});

describe('index entries of a document', () => {
  it('gives identity terms first, then words, all free of the key separator', () => {
    const terms = searchTermsOf(
      legalDocument({
        numberSymbol: '12/2026/QĐ-UBND',
        issuedOn: '2026-02-13',
        summary: 'Về việc ban hành Quy định quản lý đất đai',
      }),
    ).map((e) => e.term);
    expect(terms.slice(0, 9)).toEqual([
      '*',
      's:12/2026/qd-ubnd',
      's:12/qd-ubnd',
      'ny:12/2026',
      'n:12',
      'y:2026',
      'f:quyet-dinh',
      'a:ubnd',
      'w:ubnd',
    ]);
    expect(terms).toEqual(expect.arrayContaining(['w:dat', 'w:dai', 'w:quan', 'w:ly']));
    expect(terms).not.toContain('w:viec'); // a function word
    expect(terms.some((t) => t.includes('#'))).toBe(false);
  });

  it('keeps at most MAX_ENTRIES_PER_DOCUMENT entries however long the summary', () => {
    const summary = Array.from({ length: 500 }, (_, i) => `từ${i}`).join(' ');
    const entries = searchTermsOf(legalDocument({ summary }));
    expect(entries).toHaveLength(MAX_ENTRIES_PER_DOCUMENT);
    expect(new Set(entries.map((e) => e.term)).size).toBe(MAX_ENTRIES_PER_DOCUMENT);
  });

  it('refuses a document whose number/symbol names no authority', () => {
    expect(() => searchTermsOf(legalDocument({ numberSymbol: '12/2026' }))).toThrow(DomainError);
  });

  it('re-indexing deletes lost terms and every entry when the issue date moves', () => {
    const x = { itemId: 'c-x', numberSymbol: '5/2026/QĐ-UBND' };
    const before = searchTermsOf(legalDocument({ ...x, summary: 'đất đai', issuedOn: '2026-01-05' }));
    const edited = searchTermsOf(legalDocument({ ...x, summary: 'khoáng sản', issuedOn: '2026-01-05' }));
    const diff = diffSearchEntries(before, edited);
    expect(diff.delete.map((e) => e.term).sort()).toEqual(['w:dai', 'w:dat']);
    // The number entries carry the document's terms, so they are rewritten too.
    expect(diff.put.map((e) => e.term).sort()).toEqual([
      'n:5',
      'ny:5/2026',
      's:5/2026/qd-ubnd',
      's:5/qd-ubnd',
      'w:khoang',
      'w:san',
    ]);
    const moved = searchTermsOf(legalDocument({ ...x, summary: 'đất đai', issuedOn: '2026-01-06' }));
    expect(diffSearchEntries(before, moved).delete).toHaveLength(before.length);
    const withdrawn = diffSearchEntries(before, []);
    expect(withdrawn.delete).toHaveLength(before.length);
  });
});

describe('searching', () => {
  const target = legalDocument({
    itemId: 'target',
    numberSymbol: '12/2026/QĐ-UBND',
    issuedOn: '2026-02-13',
    summary: 'Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh',
  });
  // 300 newer decisions of 2026: the form's partition alone would not reach the target.
  const others = Array.from({ length: 300 }, (_, i) =>
    legalDocument({
      itemId: `d-${i}`,
      numberSymbol: `${100 + i}/2026/QĐ-UBND`,
      issuedOn: day(60 + (i % 200)),
      summary: 'Về việc phê duyệt kế hoạch đất đai',
    }),
  );
  const sameNumber = [
    legalDocument({
      itemId: 'nq-12',
      numberSymbol: '12/2026/NQ-HĐND',
      issuedOn: '2026-03-01',
      summary: 'Nghị quyết về phí',
    }),
    legalDocument({
      itemId: 'qd-12-2025',
      numberSymbol: '12/2025/QĐ-UBND',
      issuedOn: '2025-03-01',
      summary: 'Quy định khác',
    }),
  ];
  const index = memorySearchIndex('binhdinh', [target, ...others, ...sameNumber]);

  it('"quyet dinh 12/2026" finds "Quyết định số 12/2026/QĐ-UBND" first', () => {
    const { hits, itemsRead } = index.search({ q: 'quyet dinh 12/2026' });
    expect(hits[0]?.doc.itemId).toBe('target');
    expect(hits[0]?.doc).toEqual({
      itemId: 'target',
      language: 'vi',
      issuedOn: '2026-02-13',
      symbol: '12/2026/QĐ-UBND',
      status: 'in-force',
      form: 'quyet-dinh',
    });
    expect(hits[1]?.doc.itemId).toBe('nq-12'); // same number and year, another form
    expect(itemsRead).toBe(2); // only the number-and-year partition is read; the form is checked on what it holds
  });

  it('with a number, reads only its partitions and checks the words on what they hold', () => {
    const { hits, itemsRead } = index.search({ q: '12/2026 quy chế cổng thông tin' });
    expect(hits.map((h) => h.doc.itemId)).toEqual(['target', 'nq-12']);
    expect(hits[0]?.clauses).toBeGreaterThan(hits[1]!.clauses);
    expect(itemsRead).toBe(2);
  });

  it('answers words only with documents holding at least one of them', () => {
    const small = memorySearchIndex('p', [
      legalDocument({ itemId: 'land', numberSymbol: '3/2026/QĐ-UBND', summary: 'Giá đất' }),
      legalDocument({ itemId: 'power', numberSymbol: '4/2026/QĐ-UBND', summary: 'Giá điện' }),
      legalDocument({ itemId: 'plan', numberSymbol: '5/2026/KH-UBND', summary: 'Đất đai' }),
    ]);
    expect(small.search({ q: 'đất đai', form: 'QĐ' }).hits.map((h) => h.doc.itemId)).toEqual(['land']);
    expect(
      small
        .search({ form: 'QĐ' })
        .hits.map((h) => h.doc.itemId)
        .sort(),
    ).toEqual(['land', 'power']);
  });

  it('is insensitive to diacritics, case and đ/d, in the query and in the text', () => {
    for (const q of [
      'Quyết định số 12/2026/QĐ-UBND',
      'QUYET DINH SO 12/2026/QD-UBND',
      'quyết định 12/2026/qđ-ubnd'.normalize('NFD'),
      '12 / 2026 / QĐ-UBND',
    ]) {
      expect(index.search({ q }).hits[0]?.doc.itemId, q).toBe('target');
    }
    const land = memorySearchIndex('p', [
      legalDocument({ itemId: 'land', summary: 'Quản lý ĐẤT ĐAI và đường giao thông' }),
      legalDocument({ itemId: 'other', summary: 'Văn hóa' }),
    ]);
    for (const q of ['dat dai', 'đất đai', 'DAT DAI', 'duong', 'Đường']) {
      expect(
        land.search({ q }).hits.map((h) => h.doc.itemId),
        q,
      ).toEqual(['land']);
    }
  });

  it('ranks the exact symbol, then the number, then more clauses, then the newest', () => {
    const docs = [
      // The exact symbol outranks a document matching more of the words.
      legalDocument({ itemId: 'exact', numberSymbol: '7/2026/QĐ-UBND', issuedOn: '2026-01-02', summary: 'Giá điện' }),
      legalDocument({
        itemId: 'number-only',
        numberSymbol: '7/2026/CT-UBND',
        issuedOn: '2026-05-02',
        summary: 'Giá đất',
      }),
      legalDocument({
        itemId: 'two-words-new',
        numberSymbol: '8/2026/QĐ-UBND',
        issuedOn: '2026-06-02',
        summary: 'Bảng giá đất',
      }),
      legalDocument({
        itemId: 'two-words-old',
        numberSymbol: '9/2026/QĐ-UBND',
        issuedOn: '2026-02-02',
        summary: 'Bảng giá đất',
      }),
      legalDocument({
        itemId: 'one-word',
        numberSymbol: '10/2026/QĐ-UBND',
        issuedOn: '2026-07-02',
        summary: 'Giá điện',
      }),
    ];
    const index = memorySearchIndex('p', docs);
    // A number in the query: only that number's documents, the exact symbol first.
    const byNumber = index.search({ q: 'giá đất 7/2026/QĐ-UBND' }).hits;
    expect(byNumber.map((h) => h.doc.itemId)).toEqual(['exact', 'number-only']);
    expect(byNumber.map((h) => h.exact)).toEqual([2, 1]);
    const byWords = index.search({ q: 'bảng giá đất' }).hits;
    expect(byWords.map((h) => h.doc.itemId)).toEqual([
      'two-words-new',
      'two-words-old',
      'number-only',
      'one-word',
      'exact',
    ]);
    expect(byWords.map((h) => h.clauses)).toEqual([3, 3, 2, 1, 1]);
  });

  it('applies number, form, authority, dates and status as filters', () => {
    expect(
      index
        .search({ number: '12/2026' })
        .hits.map((h) => h.doc.itemId)
        .sort(),
    ).toEqual(['nq-12', 'target']);
    expect(index.search({ number: '12', form: 'Nghị quyết' }).hits.map((h) => h.doc.itemId)).toEqual(['nq-12']);
    expect(index.search({ number: '12', authority: 'Hội đồng nhân dân' }).hits.map((h) => h.doc.itemId)).toEqual([
      'nq-12',
    ]);
    expect(
      index.search({ number: '12', issuedFrom: '2025-01-01', issuedTo: '2025-12-31' }).hits.map((h) => h.doc.itemId),
    ).toEqual(['qd-12-2025']);
    expect(index.search({ number: '12', status: 'expired' }).hits).toEqual([]);
    const latest = index.search({ issuedFrom: '2026-02-13', issuedTo: '2026-02-13' }).hits.map((h) => h.doc.itemId);
    expect(latest).toContain('target');
    expect(latest.every((id) => id === 'target' || index.search({}).hits.some((h) => h.doc.itemId === id))).toBe(true);
  });

  it('reads a bounded number of entries: never a whole partition', () => {
    const everything = index.search({});
    expect(everything.itemsRead).toBe(SEARCH_LIMITS.itemsPerRead);
    expect(index.partitions.get('LEGALSEARCH#binhdinh#*')!.length).toBeGreaterThan(SEARCH_LIMITS.itemsPerRead);
    expect(index.search({ q: 'quyet dinh dat dai ke hoach phe duyet' }).itemsRead).toBeLessThanOrEqual(
      SEARCH_LIMITS.maxReads * SEARCH_LIMITS.itemsPerRead,
    );
  });
});

describe('adversarial queries', () => {
  it('refuses a query too long, naming the field', () => {
    const error = refusal({ q: 'a'.repeat(SEARCH_LIMITS.maxQueryChars + 1) });
    expect(error.fields[0]).toMatchObject({ field: 'q', code: 'too_long' });
    expect(refusal({ q: Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(' ') }).fields[0]?.field).toBe('q');
    expect(refusal({ number: '1'.repeat(SEARCH_LIMITS.maxFilterChars + 1) }).fields[0]?.field).toBe('number');
  });

  it('refuses a query with nothing to search for', () => {
    for (const q of ['!!!', '   ', '.../-/---', 'của và các']) {
      expect(refusal({ q }).fields[0], q).toMatchObject({ field: 'q', code: 'no_terms' });
    }
  });

  it('refuses unreadable filters and impossible dates', () => {
    expect(refusal({ number: 'abc' }).fields[0]?.field).toBe('number');
    expect(refusal({ form: 'Sắc lệnh' }).fields[0]?.field).toBe('form');
    expect(refusal({ authority: 'Sở Tài chính tỉnh' }).fields[0]?.field).toBe('authority');
    expect(refusal({ issuedFrom: '2026-02-30' }).fields[0]?.field).toBe('issuedFrom');
    expect(refusal({ issuedFrom: '2026-03-01', issuedTo: '2026-02-01' }).fields[0]?.field).toBe('issuedTo');
    expect(refusal({ form: 'Sắc lệnh' }).fields[0]?.message.vi).toContain('Hình thức');
  });

  it('keeps a long query of many words within the limits, and says it left some out', () => {
    const q = Array.from({ length: 60 }, (_, i) => `w${i}`)
      .join(' ')
      .slice(0, SEARCH_LIMITS.maxQueryChars);
    const plan = planSearch({ q });
    expect(plan.truncated).toBe(true);
    expect(plan.reads.length).toBeLessThanOrEqual(SEARCH_LIMITS.maxReads);
    expect(plan.clauses.length).toBeLessThanOrEqual(SEARCH_LIMITS.maxClauses);
    expect(plan.reads.every((r) => r.limit === SEARCH_LIMITS.itemsPerRead)).toBe(true);
    expect(planSearch({ q: 'đất đai' }).truncated).toBe(false);
    // Numbers read two partitions each (as a number and as a word): the read bound binds first.
    const numbers = planSearch({ q: '1 2 3 4 5 6 7' });
    expect(numbers.truncated).toBe(true);
    expect(numbers.reads.length).toBeLessThanOrEqual(SEARCH_LIMITS.maxReads);
  });
});
