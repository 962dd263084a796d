import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { bilingual } from '../../shared/domain/text';
import {
  approvalDateRefusal,
  categoryOf,
  citationLine,
  civilDateSchema,
  contentCategoryIds,
  diffSummary,
  legalDocumentDue,
  legalDocumentSchema,
  needsPeoplesCommitteeApproval,
  numberSymbolSchema,
  onTime,
  parseNumberSymbol,
  publicationApprovalRefusal,
  publicationDue,
  startOfLocalDay,
} from '../../shared/domain/content';
import { cleanRichText, visibleText } from '../../shared/domain/content/rich-text';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy, policyRules } from '../../shared/domain/policies';

/**
 * The pure rules of content items: categories, legal-document metadata (each refusal's exact message),
 * rich text, publication deadlines, revisions.
 */
const deadlines = new DeadlineCalculator(shippedCalendar());
const document = {
  form: 'quyet-dinh',
  numberSymbol: '12/2026/QĐ-UBND',
  issuingAuthority: 'Ủy ban nhân dân tỉnh',
  signer: 'Nguyễn Văn A',
  issuedOn: '2026-02-13',
  summary: 'Ban hành quy chế',
};

/** A plan: its number carries no year. */
const planWithoutYear = {
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

describe('the People’s Committee’s approval of advertising (BĐ 7.1)', () => {
  const binhDinh = effectivePolicy('binh-dinh-2020');
  const caoBang = effectivePolicy('cao-bang-2015');
  const approval = { decisionNumber: '125/UBND-KT', decidedOn: '2026-03-02', file: 'upload-123456' };

  it('is needed for advertising under a preset that requires it, and for nothing else', () => {
    expect(binhDinh.advertisingApproval?.basis).toBe('BĐ 7.1');
    expect(needsPeoplesCommitteeApproval('advertising', binhDinh)).toBe(true);
    expect(needsPeoplesCommitteeApproval('news', binhDinh)).toBe(false);
    expect(caoBang.advertisingApproval).toBeUndefined();
    expect(needsPeoplesCommitteeApproval('advertising', caoBang)).toBe(false);
  });

  it('refuses an advertisement without one, citing the rule and naming where to record it, in both languages', () => {
    const refusal = publicationApprovalRefusal({ category: 'advertising' }, binhDinh);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe('conflict');
    expect(refusal?.messages.vi).toMatch(
      /^Quảng cáo phải được Ủy ban nhân dân tỉnh chấp thuận trước khi đăng \(BĐ 7\.1\)/,
    );
    expect(refusal?.messages.en).toMatch(
      /^Advertising needs the provincial People's Committee's approval before publication \(BĐ 7\.1\)/,
    );
    for (const text of [refusal?.messages.vi, refusal?.messages.en]) expect(text).toContain('peoplesCommitteeApproval');
    expect(refusal?.fields).toEqual([
      { field: 'peoplesCommitteeApproval', code: 'approval_required', message: refusal?.messages },
    ]);
    expect(publicationApprovalRefusal({ category: 'advertising', peoplesCommitteeApproval: approval }, binhDinh)).toBe(
      undefined,
    );
  });

  it('takes an approval dated today or earlier, and refuses one dated in the future, naming the date', () => {
    expect(approvalDateRefusal(approval, '2026-03-02')).toBeUndefined();
    expect(approvalDateRefusal(approval, '2026-03-03')).toBeUndefined();
    const refusal = approvalDateRefusal(approval, '2026-03-01');
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe('validation');
    expect(refusal?.messages).toEqual({
      vi: 'Ngày chấp thuận 2026-03-02 chưa đến',
      en: 'The approval date 2026-03-02 is in the future',
    });
    expect(refusal?.fields).toEqual([
      { field: 'peoplesCommitteeApproval.decidedOn', code: 'in_future', message: refusal?.messages },
    ]);
  });
});

describe('legal-document metadata', () => {
  it('reads number/symbol as NĐ 30/2020 writes it', () => {
    expect(parseNumberSymbol('12/2026/QĐ-UBND')).toEqual({ number: 12, year: 2026, symbol: 'QĐ-UBND' });
    expect(parseNumberSymbol('45/KH-UBND')).toEqual({ number: 45, symbol: 'KH-UBND' });
    expect(parseNumberSymbol('15/2026/QĐ-TTg')).toMatchObject({ symbol: 'QĐ-TTg' });
    // NFD input reads as its NFC form.
    expect(parseNumberSymbol('12/2026/QĐ-UBND'.normalize('NFD'))).toMatchObject({ symbol: 'QĐ-UBND' });
    for (const bad of [
      '',
      '0/2026/QĐ',
      '12/26/QĐ-UBND',
      '12/2026/',
      'QĐ-UBND',
      '12/2026/QĐ--UBND',
      '12 /2026/QĐ',
      '12/2026/QĐ-UBND<script>',
    ]) {
      expect(parseNumberSymbol(bad), bad).toBeUndefined();
    }
  });

  it('validates the document, its dates and that the number carries the year of issue', () => {
    const ok = legalDocumentSchema.safeParse(document);
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ effectiveness: 'in-force', relations: [] });
    const issues = (value: object) =>
      (legalDocumentSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...document, numberSymbol: '12/2025/QĐ-UBND' })).toEqual(['numberSymbol']);
    expect(issues({ ...document, effectiveFrom: '2026-02-12' })).toEqual(['effectiveFrom']);
    expect(issues({ ...document, issuedOn: '2026-02-30' })).toEqual(['issuedOn']);
    expect(issues({ ...document, form: 'sac-lenh' })).toEqual(['form']);
    expect(issues({ ...document, relations: [{ kind: 'amends', numberSymbol: '3/2020/QĐ-UBND' }] })).toEqual([]);
    expect(issues({ ...document, relations: [{ kind: 'repeals', numberSymbol: 'x' }] })).toEqual([
      'relations.0.kind',
      'relations.0.numberSymbol',
    ]);
  });
});

describe('legal-document metadata: in a number/symbol the year, when written, lies in 1945–2100', () => {
  it.each(['45/KH-UBND', '1/1945/QĐ-UBND', '1/2100/QĐ-UBND', ' 12/2026/QĐ-UBND '])('accepts %j', (value) => {
    expect(numberSymbolSchema.safeParse(value).success).toBe(true);
  });
  it.each(['1/1944/QĐ-UBND', '1/2101/QĐ-UBND', '12/2026/', 'x'.repeat(61)])(
    'refuses %j with the bilingual hint',
    (value) => {
      expect(messages(numberSymbolSchema.safeParse(value))).toEqual([['', NUMBER_ERROR]]);
    },
  );
});

describe('legal-document metadata: civil dates exist and lie in 1945–2100', () => {
  it.each(['1945-01-01', '2100-12-31', '2024-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(civilDateSchema.safeParse(value).success).toBe(true);
  });
  it.each([
    '1944-12-31',
    '2101-01-01',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2025-02-29',
    'x2026-02-13',
    '2026-02-13x',
    '13/02/2026',
    '',
  ])('refuses %j', (value) => {
    expect(messages(civilDateSchema.safeParse(value))).toEqual([['', DATE_ERROR]]);
  });
});

describe('legal-document metadata: the document as a whole refuses each field with its own message', () => {
  const issues = (value: object) => messages(legalDocumentSchema.safeParse(value));
  it('a number without a year needs no year of issue', () => {
    expect(issues(planWithoutYear)).toEqual([]);
  });
  it('takes effect on its issue date or later, never before', () => {
    expect(issues({ ...planWithoutYear, effectiveFrom: '2026-02-13' })).toEqual([]);
    expect(issues({ ...planWithoutYear, effectiveFrom: '2026-03-01' })).toEqual([]);
    expect(issues({ ...planWithoutYear, effectiveFrom: '2026-02-12' })).toEqual([
      [
        'effectiveFrom',
        bilingual(
          'Ngày có hiệu lực không được trước ngày ban hành',
          'The effective date cannot precede the issue date',
        ),
      ],
    ]);
  });
  it('a year in the number must be the year of issue', () => {
    expect(issues({ ...planWithoutYear, numberSymbol: '12/2026/QĐ-UBND' })).toEqual([]);
    expect(issues({ ...planWithoutYear, numberSymbol: '12/2025/QĐ-UBND' })).toEqual([
      [
        'numberSymbol',
        bilingual(
          'Năm trong số, ký hiệu phải là năm ban hành',
          'The year in the number/symbol must be the year of issue',
        ),
      ],
    ]);
  });
  it('a malformed number is refused for itself alone', () => {
    expect(issues({ ...planWithoutYear, numberSymbol: 'KH-UBND' })).toEqual([['numberSymbol', NUMBER_ERROR]]);
  });
});

describe('rich text', () => {
  it('keeps the allow-list and drops scripts, handlers, styles and javascript: URLs', () => {
    const dirty =
      '<p style="x" onclick="a()">Xin <b>chào</b><script>alert(1)</script><img src="https://a.vn/b.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a><a href="https://a.vn">y</a><iframe src="https://evil"></iframe></p>';
    expect(cleanRichText(dirty)).toBe(
      '<p>Xin <b>chào</b><img src="https://a.vn/b.png" /><a rel="noopener noreferrer nofollow">x</a><a href="https://a.vn" rel="noopener noreferrer nofollow">y</a></p>',
    );
    expect(cleanRichText('<img src="data:image/png;base64,AAAA">')).toBe('<img />');
    expect(cleanRichText('<a href="JaVaScRiPt:alert(1)">x</a>')).not.toMatch(/javascript/i);
    expect(visibleText(cleanRichText('<script>alert(1)</script><p> </p>'))).toBe('');
    expect(cleanRichText('Quyết định'.normalize('NFD'))).toBe('Quyết định'.normalize('NFC'));
  });
});

describe('rich text: the stored body and its visible text', () => {
  it('trims the stored body', () => {
    expect(cleanRichText('  <p>Xin chào</p>\n ')).toBe('<p>Xin chào</p>');
  });
  it('reads visible text with runs of white space as one space', () => {
    expect(visibleText('<p>Xin  \n chào bạn</p>')).toBe('Xin chào bạn');
    expect(visibleText('<p>a&nbsp;b</p>')).toBe('a b');
  });
});

describe('publication deadlines', () => {
  it('Bình Định: a legal document issued Fri 13/02/2026 is due at 24:00 on Tue 24/02/2026 (Tết in between)', () => {
    expect(legalDocumentDue('2026-02-13', effectivePolicy('binh-dinh-2020'), deadlines)).toBe(
      '2026-02-24T17:00:00.000Z',
    );
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

describe('publication deadlines: the local day starts at UTC+7, and a calendar-day rule counts calendar days', () => {
  it('a date starts at 00:00 in Việt Nam, 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-02-13').toISOString()).toBe('2026-02-12T17:00:00.000Z');
  });
  it('counts a calendar-day rule in calendar days, not working days', () => {
    const friday = startOfLocalDay('2026-03-06');
    const due = publicationDue('dataSubject.complete', friday, effectivePolicy('national'), deadlines);
    expect(due).toBe(deadlines.addCalendarDays(friday, 15).dueAt);
    expect(due).not.toBe(deadlines.addWorkingDays(friday, 15).dueAt);
  });
});

describe('revisions and citation', () => {
  it('summarises what changed', () => {
    expect(diffSummary(undefined, { title: 'a', body: 'b', summary: undefined })).toEqual({
      vi: 'Tạo mới: body, title',
      en: 'Created: body, title',
    });
    expect(diffSummary({ state: 'draft' }, { state: 'submitted' }).en).toBe('Changed: state: draft → submitted');
    expect(diffSummary({ title: 'a', state: 'x' }, { title: 'b', state: 'x' }).en).toBe('Changed: title');
    expect(diffSummary({ state: 'x' }, { state: 'x' })).toEqual({ vi: 'Không đổi nội dung', en: 'No content change' });
  });

  it('cites the portal in the words and language its preset prescribes (QN 13.1, CB 4.3; BĐ 9.3 names the source)', () => {
    const province = (vi: string, en: string, domain: string) => ({
      kind: 'province' as const,
      name: { vi, en },
      domain,
    });
    const bd = province('Tỉnh Bình Định', 'Binh Dinh Province', 'binhdinh.gov.vn');
    expect(citationLine(bd, 'vi', 'binh-dinh-2020')).toBe(
      'Theo Cổng thông tin điện tử tỉnh Bình Định (binhdinh.gov.vn)',
    );
    expect(citationLine(bd, 'en', 'binh-dinh-2020')).toBe(
      'According to the e-information portal of Binh Dinh Province (binhdinh.gov.vn)',
    );
    const qn = province('Tỉnh Quảng Ninh', 'Quang Ninh Province', 'quangninh.gov.vn');
    expect(citationLine(qn, 'vi', 'quang-ninh-2023')).toBe('Theo Cổng thông tin điện tử tỉnh Quảng Ninh');
    expect(citationLine(qn, 'en', 'quang-ninh-2023')).toBe(
      'According to the e-information portal of Quang Ninh Province',
    );
    expect(citationLine(qn, 'zh', 'quang-ninh-2023')).toBe('来源：广宁省电子信息门户网站');
    const cb = province('Tỉnh Cao Bằng', 'Cao Bang Province', 'caobang.gov.vn');
    expect(citationLine(cb, 'vi', 'cao-bang-2015')).toBe('theo www.caobang.gov.vn');
    expect(citationLine(cb, 'en', 'cao-bang-2015')).toBe('Source: www.caobang.gov.vn');
    expect(
      citationLine(
        { kind: 'department', name: { vi: 'Sở Tư pháp', en: 'Department of Justice' }, domain: 'stp.caobang.gov.vn' },
        'vi',
        'cao-bang-2015',
      ),
    ).toBe('theo stp.caobang.gov.vn');
    // An unknown language reads as Vietnamese, the portal's own.
    expect(citationLine(bd, 'fr', 'binh-dinh-2020')).toBe(citationLine(bd, 'vi', 'binh-dinh-2020'));
  });
});

describe('revision summaries name the changed fields and the state move', () => {
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
