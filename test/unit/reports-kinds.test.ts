import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { presets } from '../../shared/domain/policies';
import type { ReportKind } from '../../shared/domain/reports/kinds';
import { kindsOfPreset, reportKindOf, reportKinds } from '../../shared/domain/reports/kinds';

/**
 * The reports each seed regulation asks for (issue 27 §1; the table of docs/reports.md), as data. The table is legal
 * data, pinned here: a change to a citation, a recipient, a period or a due rule must be made in this test too.
 */
const VP = 'Văn phòng Ủy ban nhân dân tỉnh';
const STTTT = 'Sở Thông tin và Truyền thông';
const UBND = 'Ủy ban nhân dân tỉnh';
const BBT = 'Ban Biên tập Cổng Thông tin điện tử';
const BBT_TP = 'Ban Biên tập Trang thông tin điện tử thành phần';
const OPERATIONS = ['content', 'questions', 'operations', 'accounts'];
const QA = ['content', 'questions'];
const ADMINISTRATIVE = [
  { id: 'assessment', heading: 'Đánh giá chung' },
  { id: 'proposals', heading: 'Đề xuất, kiến nghị' },
];
/** NA 15.7, Phụ lục: the headings of the parts written by hand. */
const NA_APPENDIX = [
  { id: 'I', heading: 'I. CÔNG TÁC CHỈ ĐẠO, QUẢN LÝ' },
  { id: 'II.1', heading: '1. Về chấp hành các quy định của pháp luật' },
  { id: 'II.2', heading: '2. Về việc cung cấp thông tin (số lượng, chất lượng, tiến độ)' },
  { id: 'II.3', heading: '3. Công tác bảo đảm hoạt động Cổng Thông tin điện tử' },
  { id: 'III.1', heading: '1. Ưu điểm' },
  { id: 'III.2', heading: '2. Tồn tại, hạn chế' },
  { id: 'III.3', heading: '3. Nguyên nhân của tồn tại, hạn chế' },
  { id: 'IV', heading: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ HOẠT ĐỘNG NĂM' },
  { id: 'V', heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ' },
];
const after = (days: number) => ({ kind: 'after-end', days }) as const;
type Pinned = Omit<ReportKind, 'title' | 'dueBasis'>;
const periodic = (
  preset: string,
  id: string,
  citation: string,
  reportingBody: string,
  recipients: string[],
  period: ReportKind['period'],
  due: ReportKind['due'],
  figures: string[],
  extra: Partial<Pinned> = {},
): Pinned =>
  ({
    id,
    preset,
    citation,
    reportingBody,
    recipients,
    period,
    due,
    template: 'administrative',
    figures,
    sections: ADMINISTRATIVE,
    ...extra,
  }) as Pinned;
const royalty = (preset: string, citation: string): Pinned => ({
  id: 'royalty-quarterly',
  preset,
  citation,
  reportingBody: 'Ban Biên tập',
  recipients: ['Thủ trưởng cơ quan chủ quản'],
  period: { kind: 'quarter' },
  due: after(15),
  template: 'royalty',
  figures: ['royalties'],
  sections: [{ id: 'note', heading: 'Ghi chú' }],
});
// Ad hoc reports: any range of days, due 5 days after (product default), with the operations figures.
const adHoc = (preset: string, citation: string, reportingBody: string, recipients: string[]) =>
  periodic(preset, 'ad-hoc', citation, reportingBody, recipients, { kind: 'month' }, after(5), OPERATIONS, {
    adHoc: true,
  });
const CB = 'cao-bang-2015';
const TG = 'tien-giang-2024';
const QN = 'quang-ninh-2023';
const NA = 'nghe-an-2025';
const BD = 'binh-dinh-2020';
const PINNED: Pinned[] = [
  periodic(CB, 'cb-monthly', 'CB 21.1', BBT, [VP, STTTT], { kind: 'month' }, after(5), QA),
  periodic(CB, 'cb-quarterly', 'CB 21.2', VP, [UBND], { kind: 'quarter' }, after(15), QA),
  periodic(CB, 'cb-yearly', 'CB 21.2', VP, [UBND], { kind: 'year' }, after(15), QA),
  royalty(CB, 'CB 19.3'),
  adHoc(CB, 'CB 21', BBT, [VP]),
  periodic(TG, 'tg-half-yearly', 'TG 22.7', BBT_TP, [VP, STTTT], { kind: 'half-year' }, after(15), OPERATIONS, {
    filedBy: 'sub-portals',
  }),
  periodic(TG, 'tg-yearly', 'TG 22.7', BBT_TP, [VP, STTTT], { kind: 'year' }, after(15), OPERATIONS, {
    filedBy: 'sub-portals',
  }),
  royalty(TG, 'TG 14.1b'),
  adHoc(TG, 'TG 22.7 (đột xuất theo yêu cầu)', BBT_TP, [VP, STTTT]),
  periodic(
    QN,
    'qn-yearly',
    'QN 23.3',
    BBT,
    [STTTT],
    { kind: 'year-to', month: 11, day: 14 },
    { kind: 'fixed', month: 11, day: 15 },
    OPERATIONS,
  ),
  royalty(QN, 'QN 12.2'),
  adHoc(QN, 'QN 23', BBT, [STTTT]),
  periodic(
    NA,
    'na-yearly',
    'NA 15.7; Phụ lục',
    'Cơ quan báo cáo',
    [`${VP} (qua Cổng Thông tin điện tử tỉnh)`],
    { kind: 'year-to', month: 12, day: 10 },
    { kind: 'fixed', month: 12, day: 10 },
    OPERATIONS,
    { template: 'na-appendix', sections: NA_APPENDIX },
  ),
  periodic(NA, 'na-monthly', 'NA 14.4g', VP, [UBND], { kind: 'month' }, after(5), QA),
  periodic(NA, 'na-quarterly', 'NA 14.4g', VP, [UBND], { kind: 'quarter' }, after(15), QA),
  royalty(NA, 'QN 12.2 (Quy chế NA không quy định; theo mẫu của Quảng Ninh)'),
  adHoc(NA, 'NA 15.7', 'Cơ quan báo cáo', [VP]),
  periodic(BD, 'bd-quarterly', 'BĐ 19.9', VP, [UBND], { kind: 'quarter' }, after(15), OPERATIONS),
  periodic(BD, 'bd-yearly', 'BĐ 19.9', VP, [UBND], { kind: 'year' }, after(15), OPERATIONS),
  royalty(BD, 'BĐ 23.1'),
  adHoc(BD, 'BĐ 19.9', VP, [UBND]),
];
const withoutText = ({ title: _title, dueBasis: _dueBasis, ...rest }: ReportKind) => rest;
const PRODUCT_DEFAULT = 'product default: the Quy chế names no day';

/** A kind's title in both languages, and its due rule's basis: its citation, and "product default" unless fixed. */
function expectTextsOf(k: ReportKind) {
  expect(k.title.vi, k.id).toMatch(/^(Báo cáo|Bảng|Thống kê|Đánh giá)[ ,]/);
  expect(k.title.en, k.id).toMatch(/^[A-Z][a-z]+ /);
  const citation = k.citation.split(';')[0]!;
  // An ad hoc report's due day is the product's alone; a periodic one's basis starts with the article asking for it.
  expect(k.dueBasis.startsWith(citation.split(' (')[0]!), `${k.id}: ${k.dueBasis}`).toBe(!k.adHoc);
  expect(k.dueBasis.includes(PRODUCT_DEFAULT), `${k.id}: ${k.dueBasis}`).toBe(k.due.kind === 'after-end');
}

describe('report kinds', () => {
  it('are the reports the seed regulations ask for: citation, reporting body, recipients, period, due rule, form', async () => {
    expect(reportKinds.map(withoutText)).toStrictEqual(PINNED);
    // The table is built once, at import. Built again inside this test, so that mutation testing sees this test
    // read it (a mutant of module-level data is otherwise judged by no test that pins it).
    vi.resetModules();
    const fresh = await import('../../shared/domain/reports/kinds');
    expect(fresh.reportKinds.map(withoutText)).toStrictEqual(PINNED);
    expect(fresh.naAppendixSections).toStrictEqual(NA_APPENDIX);
    for (const k of fresh.reportKinds) expectTextsOf(k);
  });

  it('gives every seed preset its kinds, each with a citation, recipients, a due rule and an ad hoc report', () => {
    for (const preset of presets.filter((p) => p.id !== 'national')) {
      const kinds = kindsOfPreset(preset.id);
      expect(kinds.filter((k) => k.template !== 'royalty' && !k.adHoc).length, preset.id).toBeGreaterThan(0);
      expect(kinds.some((k) => k.id === 'royalty-quarterly')).toBe(true);
      expect(kinds.some((k) => k.adHoc)).toBe(true);
      for (const k of kinds) expect(k.citation && k.recipients.length && k.dueBasis, k.id).toBeTruthy();
    }
    expect(new Set(reportKinds.map((k) => `${k.preset}/${k.id}`)).size).toBe(reportKinds.length);
  });

  it('gives a preset without its own kinds (the national one) the ad hoc report under NĐ 42/2022, to the provincial People’s Committee', () => {
    const [national, ...more] = kindsOfPreset('national');
    expect(more).toEqual([]);
    expect(withoutText(national!)).toStrictEqual(adHoc('national', 'NĐ 42/2022/NĐ-CP', BBT, [UBND]));
    expect(national!.title).toEqual(reportKindOf(CB, 'ad-hoc').title);
    expect(national!.title).toEqual({
      vi: 'Báo cáo đột xuất tình hình hoạt động Cổng Thông tin điện tử',
      en: 'Ad hoc report on the portal’s activity',
    });
    expect(national!.dueBasis).toContain(PRODUCT_DEFAULT);
    expect(reportKindOf('national', 'ad-hoc')).toEqual(national);
  });

  it('refuses a kind the preset does not have, naming the field, the kind and the preset', () => {
    expect(reportKindOf(NA, 'na-yearly').citation).toBe('NA 15.7; Phụ lục');
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof DomainError) return { code: e.code, messages: e.messages, fields: e.fields };
      }
      return 'accepted';
    };
    const message = {
      vi: 'Không có loại báo cáo "cb-monthly" trong bộ quy định nghe-an-2025',
      en: 'No report kind "cb-monthly" in preset nghe-an-2025',
    };
    expect(refusal(() => reportKindOf(NA, 'cb-monthly'))).toStrictEqual({
      code: 'validation',
      messages: message,
      fields: [{ field: 'kind', code: 'unknown_kind', message }],
    });
    expect(refusal(() => reportKindOf('national', 'cb-monthly', 'body.kind'))).toMatchObject({
      fields: [{ field: 'body.kind' }],
    });
  });
});
