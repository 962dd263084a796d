import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  citationLine,
  contentCategoryIds,
  diffSummary,
  legalDocumentDue,
  legalDocumentSchema,
  onTime,
  parseNumberSymbol,
} from '../../shared/domain/content';
import { cleanRichText, visibleText } from '../../shared/domain/content/rich-text';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy, policyRules } from '../../shared/domain/policies';

/** The pure rules of content items: categories, legal-document metadata, rich text, deadlines, revisions. */
const deadlines = new DeadlineCalculator(shippedCalendar());
const document = {
  form: 'quyet-dinh',
  numberSymbol: '12/2026/QĐ-UBND',
  issuingAuthority: 'Ủy ban nhân dân tỉnh',
  signer: 'Nguyễn Văn A',
  issuedOn: '2026-02-13',
  summary: 'Ban hành quy chế',
};

describe('categories (NĐ 42/2022 Điều 4)', () => {
  it('each names a known publication clock and its basis; only legal documents take the emergency path', () => {
    expect(contentCategoryIds).toHaveLength(17);
    for (const id of contentCategoryIds) {
      const c = categoryOf(id);
      expect(Object.keys(policyRules), id).toContain(c.publishPolicy);
      expect(c.basis, id).toMatch(/NĐ 42\/2022 Điều 4/);
      expect(c.label.vi && c.label.en, id).toBeTruthy();
    }
    expect(contentCategoryIds.filter((id) => 'emergencyPublication' in categoryOf(id))).toEqual(['legal-document']);
    expect(categoryOf('legal-document').publishPolicy).toBe('publish.legalDocument');
  });
});

describe('legal-document metadata', () => {
  it('reads number/symbol as NĐ 30/2020 writes it', () => {
    expect(parseNumberSymbol('12/2026/QĐ-UBND')).toEqual({ number: 12, year: 2026, symbol: 'QĐ-UBND' });
    expect(parseNumberSymbol('45/KH-UBND')).toEqual({ number: 45, symbol: 'KH-UBND' });
    expect(parseNumberSymbol('15/2026/QĐ-TTg')).toMatchObject({ symbol: 'QĐ-TTg' });
    // NFD input reads as its NFC form.
    expect(parseNumberSymbol('12/2026/QĐ-UBND'.normalize('NFD'))).toMatchObject({ symbol: 'QĐ-UBND' });
    for (const bad of ['', '0/2026/QĐ', '12/26/QĐ-UBND', '12/2026/', 'QĐ-UBND', '12/2026/QĐ--UBND', '12 /2026/QĐ', '12/2026/QĐ-UBND<script>']) {
      expect(parseNumberSymbol(bad), bad).toBeUndefined();
    }
  });

  it('validates the document, its dates and that the number carries the year of issue', () => {
    const ok = legalDocumentSchema.safeParse(document);
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ effectiveness: 'in-force', relations: [] });
    const issues = (value: object) => (legalDocumentSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...document, numberSymbol: '12/2025/QĐ-UBND' })).toEqual(['numberSymbol']);
    expect(issues({ ...document, effectiveFrom: '2026-02-12' })).toEqual(['effectiveFrom']);
    expect(issues({ ...document, issuedOn: '2026-02-30' })).toEqual(['issuedOn']);
    expect(issues({ ...document, form: 'sac-lenh' })).toEqual(['form']);
    expect(issues({ ...document, relations: [{ kind: 'amends', numberSymbol: '3/2020/QĐ-UBND' }] })).toEqual([]);
    expect(issues({ ...document, relations: [{ kind: 'repeals', numberSymbol: 'x' }] })).toEqual(['relations.0.kind', 'relations.0.numberSymbol']);
  });
});

describe('rich text', () => {
  it('keeps the allow-list and drops scripts, handlers, styles and javascript: URLs', () => {
    const dirty = '<p style="x" onclick="a()">Xin <b>chào</b><script>alert(1)</script><img src="https://a.vn/b.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a><a href="https://a.vn">y</a><iframe src="https://evil"></iframe></p>';
    expect(cleanRichText(dirty)).toBe(
      '<p>Xin <b>chào</b><img src="https://a.vn/b.png" /><a rel="noopener noreferrer nofollow">x</a><a href="https://a.vn" rel="noopener noreferrer nofollow">y</a></p>',
    );
    expect(cleanRichText('<img src="data:image/png;base64,AAAA">')).toBe('<img />');
    expect(cleanRichText('<a href="JaVaScRiPt:alert(1)">x</a>')).not.toMatch(/javascript/i);
    expect(visibleText(cleanRichText('<script>alert(1)</script><p> </p>'))).toBe('');
    expect(cleanRichText('Quyết định'.normalize('NFD'))).toBe('Quyết định'.normalize('NFC'));
  });
});

describe('publication deadlines', () => {
  it('Bình Định: a legal document issued Fri 13/02/2026 is due at 24:00 on Tue 24/02/2026 (Tết in between)', () => {
    expect(legalDocumentDue('2026-02-13', effectivePolicy('binh-dinh-2020'), deadlines)).toBe('2026-02-24T17:00:00.000Z');
    // The national preset's 5 working days from the same issue.
    expect(legalDocumentDue('2026-02-13', effectivePolicy('national'), deadlines)).toBe('2026-02-27T17:00:00.000Z');
  });

  it('freezes on time by comparing publication with the due instant', () => {
    expect(onTime('2026-02-24T16:59:59.000Z', '2026-02-24T17:00:00.000Z')).toBe(true);
    expect(onTime('2026-02-24T17:00:00.000Z', '2026-02-24T17:00:00.000Z')).toBe(true);
    expect(onTime('2026-02-24T17:00:00.001Z', '2026-02-24T17:00:00.000Z')).toBe(false);
    expect(onTime('2030-01-01T00:00:00.000Z', undefined)).toBe(true);
  });
});

describe('revisions and citation', () => {
  it('summarises what changed', () => {
    expect(diffSummary(undefined, { title: 'a', body: 'b', summary: undefined })).toEqual({ vi: 'Tạo mới: body, title', en: 'Created: body, title' });
    expect(diffSummary({ state: 'draft' }, { state: 'submitted' }).en).toBe('Changed: state: draft → submitted');
    expect(diffSummary({ title: 'a', state: 'x' }, { title: 'b', state: 'x' }).en).toBe('Changed: title');
    expect(diffSummary({ state: 'x' }, { state: 'x' })).toEqual({ vi: 'Không đổi nội dung', en: 'No content change' });
  });

  it('cites the portal in the words and language its preset prescribes (QN 13.1, CB 4.3; BĐ 9.3 names the source)', () => {
    const province = (vi: string, en: string, domain: string) => ({ kind: 'province' as const, name: { vi, en }, domain });
    const bd = province('Tỉnh Bình Định', 'Binh Dinh Province', 'binhdinh.gov.vn');
    expect(citationLine(bd, 'vi', 'binh-dinh-2020')).toBe('Theo Cổng thông tin điện tử tỉnh Bình Định (binhdinh.gov.vn)');
    expect(citationLine(bd, 'en', 'binh-dinh-2020')).toBe('According to the e-information portal of Binh Dinh Province (binhdinh.gov.vn)');
    const qn = province('Tỉnh Quảng Ninh', 'Quang Ninh Province', 'quangninh.gov.vn');
    expect(citationLine(qn, 'vi', 'quang-ninh-2023')).toBe('Theo Cổng thông tin điện tử tỉnh Quảng Ninh');
    expect(citationLine(qn, 'en', 'quang-ninh-2023')).toBe('According to the e-information portal of Quang Ninh Province');
    expect(citationLine(qn, 'zh', 'quang-ninh-2023')).toBe('来源：广宁省电子信息门户网站');
    const cb = province('Tỉnh Cao Bằng', 'Cao Bang Province', 'caobang.gov.vn');
    expect(citationLine(cb, 'vi', 'cao-bang-2015')).toBe('theo www.caobang.gov.vn');
    expect(citationLine(cb, 'en', 'cao-bang-2015')).toBe('Source: www.caobang.gov.vn');
    expect(citationLine({ kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' }, domain: 'stp.caobang.gov.vn' }, 'vi', 'cao-bang-2015')).toBe('theo stp.caobang.gov.vn');
    // An unknown language reads as Vietnamese, the portal's own.
    expect(citationLine(bd, 'fr', 'binh-dinh-2020')).toBe(citationLine(bd, 'vi', 'binh-dinh-2020'));
  });
});
