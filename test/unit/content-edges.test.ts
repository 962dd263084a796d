import { describe, expect, it } from 'vitest';
import { bilingual } from '../../shared/domain/text';
import { civilDateSchema, diffSummary, legalDocumentSchema, numberSymbolSchema } from '../../shared/domain/content';
import { cleanRichText, visibleText } from '../../shared/domain/content/rich-text';

/** The edges of content metadata: year and date ranges, each refusal's message, revision summaries, rich text. */
const document = {
  form: 'ke-hoach',
  numberSymbol: '45/KH-UBND',
  issuingAuthority: 'Ủy ban nhân dân tỉnh',
  signer: 'Nguyễn Văn A',
  issuedOn: '2026-02-13',
  summary: 'Kế hoạch triển khai',
};
const messages = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const NUMBER_ERROR = bilingual(
  'Số, ký hiệu không hợp lệ: dạng "12/2026/QĐ-UBND" hoặc "45/KH-UBND"',
  'Invalid number/symbol: write it as "12/2026/QĐ-UBND" or "45/KH-UBND"',
);
const DATE_ERROR = bilingual('Ngày không hợp lệ (YYYY-MM-DD, 1945–2100)', 'Invalid date (YYYY-MM-DD, 1945–2100)');

describe('number/symbol: the year, when written, lies in 1945–2100', () => {
  it.each(['45/KH-UBND', '1/1945/QĐ-UBND', '1/2100/QĐ-UBND', ' 12/2026/QĐ-UBND '])('accepts %j', (value) => {
    expect(numberSymbolSchema.safeParse(value).success).toBe(true);
  });
  it.each(['1/1944/QĐ-UBND', '1/2101/QĐ-UBND', '12/2026/', 'x'.repeat(61)])('refuses %j with the bilingual hint', (value) => {
    expect(messages(numberSymbolSchema.safeParse(value))).toEqual([['', NUMBER_ERROR]]);
  });
});

describe('civil dates exist and lie in 1945–2100', () => {
  it.each(['1945-01-01', '2100-12-31', '2024-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(civilDateSchema.safeParse(value).success).toBe(true);
  });
  it.each(['1944-12-31', '2101-01-01', '2026-13-01', '2026-00-10', '2026-04-31', '2025-02-29', 'x2026-02-13', '2026-02-13x', '13/02/2026', ''])(
    'refuses %j',
    (value) => {
      expect(messages(civilDateSchema.safeParse(value))).toEqual([['', DATE_ERROR]]);
    },
  );
});

describe('the document as a whole', () => {
  const issues = (value: object) => messages(legalDocumentSchema.safeParse(value));
  it('a number without a year needs no year of issue', () => {
    expect(issues(document)).toEqual([]);
  });
  it('takes effect on its issue date or later, never before', () => {
    expect(issues({ ...document, effectiveFrom: '2026-02-13' })).toEqual([]);
    expect(issues({ ...document, effectiveFrom: '2026-03-01' })).toEqual([]);
    expect(issues({ ...document, effectiveFrom: '2026-02-12' })).toEqual([
      ['effectiveFrom', bilingual('Ngày có hiệu lực không được trước ngày ban hành', 'The effective date cannot precede the issue date')],
    ]);
  });
  it('a year in the number must be the year of issue', () => {
    expect(issues({ ...document, numberSymbol: '12/2026/QĐ-UBND' })).toEqual([]);
    expect(issues({ ...document, numberSymbol: '12/2025/QĐ-UBND' })).toEqual([
      ['numberSymbol', bilingual('Năm trong số, ký hiệu phải là năm ban hành', 'The year in the number/symbol must be the year of issue')],
    ]);
  });
  it('a malformed number is refused for itself alone', () => {
    expect(issues({ ...document, numberSymbol: 'KH-UBND' })).toEqual([['numberSymbol', NUMBER_ERROR]]);
  });
});

describe('revision summaries', () => {
  it('names the changed fields in order, in both languages', () => {
    expect(diffSummary({ title: 'a', body: 'x', tags: ['a'] }, { title: 'b', body: 'y', tags: ['a'] })).toEqual({
      vi: 'Thay đổi: body, title',
      en: 'Changed: body, title',
    });
  });
  it('describes a state change only between two states', () => {
    expect(diffSummary({ state: 'draft' }, {}).en).toBe('Changed: state');
    expect(diffSummary({}, { state: 'draft' }).en).toBe('Changed: state');
    expect(diffSummary({ state: 1 }, { state: 'draft' }).en).toBe('Changed: state');
    expect(diffSummary({ state: 'draft' }, { state: 2 }).en).toBe('Changed: state');
    expect(diffSummary({ state: 'draft', title: 'a' }, { state: 'submitted', title: 'b' })).toEqual({
      vi: 'Thay đổi: state: draft → submitted, title',
      en: 'Changed: state: draft → submitted, title',
    });
  });
});

describe('rich text', () => {
  it('trims the stored body', () => {
    expect(cleanRichText('  <p>Xin chào</p>\n ')).toBe('<p>Xin chào</p>');
  });
  it('reads visible text with runs of white space as one space', () => {
    expect(visibleText('<p>Xin  \n chào bạn</p>')).toBe('Xin chào bạn');
    expect(visibleText('<p>a&nbsp;b</p>')).toBe('a b');
  });
});
