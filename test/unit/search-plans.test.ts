import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { planSearch, type LegalSearchQuery } from '../../shared/domain/search';

/** Planning a search: how each word of a query is read, the filters, and each refusal in full (field, code, both languages). */
function refusal(query: LegalSearchQuery): { field?: string; code?: string; vi: string; en: string } {
  try {
    planSearch(query);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { field: error.fields[0]?.field, code: error.fields[0]?.code, ...error.messages };
  }
  throw new Error('expected a refusal');
}
const badDate = {
  code: 'invalid',
  vi: 'Ngày phải có dạng YYYY-MM-DD và có thật',
  en: 'The date must be a real date written YYYY-MM-DD',
};

describe('planSearch reads each word as the kinds of term it may be', () => {
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

describe('planSearch refusals, in full', () => {
  it.each<[string, LegalSearchQuery, ReturnType<typeof refusal>]>([
    ['a start date that does not exist', { issuedFrom: '2026-02-30' }, { field: 'issuedFrom', ...badDate }],
    ['an end date that does not exist', { issuedTo: '2026-13-01' }, { field: 'issuedTo', ...badDate }],
    [
      'a range ending before it starts',
      { issuedFrom: '2026-02-02', issuedTo: '2026-02-01' },
      {
        field: 'issuedTo',
        code: 'invalid',
        vi: 'Ngày kết thúc phải sau ngày bắt đầu',
        en: 'The end date must not be before the start date',
      },
    ],
    [
      'an unreadable number',
      { number: 'QĐ-UBND' },
      {
        field: 'number',
        code: 'invalid',
        vi: 'Số, ký hiệu không hợp lệ (ví dụ 12/2026/QĐ-UBND, 12/2026 hoặc 12)',
        en: 'Unreadable number (e.g. 12/2026/QĐ-UBND, 12/2026 or 12)',
      },
    ],
    [
      'a number over 100 characters',
      { number: '1'.repeat(101) },
      { field: 'number', code: 'too_long', vi: 'Tối đa 100 ký tự', en: 'At most 100 characters' },
    ],
    [
      'an unknown form',
      { form: 'Sắc lệnh' },
      {
        field: 'form',
        code: 'invalid',
        vi: 'Hình thức văn bản không có trong danh mục (ví dụ QĐ, Quyết định)',
        en: 'Unknown document form (e.g. QĐ, Quyết định)',
      },
    ],
    [
      'a form over 100 characters',
      { form: 'x'.repeat(101) },
      { field: 'form', code: 'too_long', vi: 'Tối đa 100 ký tự', en: 'At most 100 characters' },
    ],
    [
      'an authority of several unknown words',
      { authority: 'ban quản lý' },
      {
        field: 'authority',
        code: 'invalid',
        vi: 'Cơ quan ban hành: một mã (ví dụ UBND) hoặc tên',
        en: 'Issuing authority: a code (e.g. UBND) or a name',
      },
    ],
    [
      'an authority over 100 characters',
      { authority: 'x'.repeat(101) },
      { field: 'authority', code: 'too_long', vi: 'Tối đa 100 ký tự', en: 'At most 100 characters' },
    ],
    [
      'a query over 200 characters',
      { q: 'x'.repeat(201) },
      { field: 'q', code: 'too_long', vi: 'Tối đa 200 ký tự', en: 'At most 200 characters' },
    ],
    [
      'a query with nothing to search for',
      { q: '!!! ---' },
      {
        field: 'q',
        code: 'no_terms',
        vi: 'Từ khóa không có chữ hoặc số để tìm',
        en: 'The query holds no letter or digit to search for',
      },
    ],
  ])('%s', (_, query, expected) => {
    expect(refusal(query)).toEqual(expected);
  });

  it('accepts a query of exactly 200 characters, a filter of 100, and a range of one day or one bound', () => {
    expect(() => planSearch({ q: 'a'.repeat(200) })).not.toThrow();
    expect(() => planSearch({ q: 'giá', authority: 'x'.repeat(100) })).not.toThrow();
    expect(() => planSearch({ q: 'giá', issuedFrom: '2026-02-01', issuedTo: '2026-02-01' })).not.toThrow();
    expect(() => planSearch({ q: 'giá', issuedFrom: '2026-02-02' })).not.toThrow();
    expect(() => planSearch({ q: 'giá', issuedTo: '2026-02-01' })).not.toThrow();
  });
});

describe('planSearch: absent filters, year bounds, typographic dashes, repeated words', () => {
  it('leaves absent filters out entirely', () => {
    expect(planSearch({ q: 'giá' }).filters).toStrictEqual({});
    expect(planSearch({ q: 'giá', status: 'in-force', language: 'vi' }).filters).toStrictEqual({
      status: 'in-force',
      language: 'vi',
    });
  });
  it('reads 1945 and 2100 as years, 1944 and 2101 as numbers', () => {
    const first = (q: string) => planSearch({ q }).clauses[0]?.anyOf[0];
    expect([first('1945'), first('2100'), first('1944'), first('2101'), first('02100')]).toEqual([
      ['y:1945'],
      ['y:2100'],
      ['n:1944'],
      ['n:2101'],
      ['n:2100'],
    ]);
  });
  it('reads a number written with a typographic dash as the symbol itself', () => {
    expect(planSearch({ q: '12/2026/QĐ\u2013UBND' }).clauses[0]?.anyOf).toEqual([
      ['s:12/2026/qd-ubnd'],
      ['ny:12/2026'],
    ]);
  });
  it('asks a word only once', () => {
    expect(planSearch({ q: 'giá giá đất' }).clauses.map((c) => c.anyOf)).toEqual([[['w:gia']], [['w:dat']]]);
  });
});
