import { DomainError } from '../errors';
import type { LocalizedText } from '../text';
import type { DueRule, PeriodRule } from './periods';

/**
 * The reports each seed regulation asks for (issue 27 §1), as data: who reports to whom, over which
 * period, by when, with which figures and in which document form. Where a Quy chế names no due day
 * the value is a product default, said so in `dueBasis` (a deployment may ask for another).
 */
export type TemplateId = 'na-appendix' | 'administrative' | 'royalty';
export type FigureGroup = 'content' | 'questions' | 'operations' | 'accounts' | 'royalties';

export interface TextSection {
  readonly id: string;
  readonly heading: string;
}

export interface ReportKind {
  readonly id: string;
  readonly preset: string;
  readonly title: LocalizedText;
  readonly citation: string;
  /** The reporting body (its head approves: never whoever generated or edited the report). */
  readonly reportingBody: string;
  /** "Kính gửi": the recipients. */
  readonly recipients: readonly string[];
  readonly period: PeriodRule;
  /** Any range of days may be asked for as well (TG 22.7 "đột xuất", and the operator's ad hoc reports). */
  readonly adHoc?: true;
  /**
   * Who files it: the provincial portal's board (default), or each unit's sub-portal board (TG 22.7: every unit
   * below the province runs a sub-portal), for which the scheduled job drafts one report per unit.
   */
  readonly filedBy?: 'portal' | 'sub-portals';
  readonly due: DueRule;
  readonly dueBasis: string;
  readonly template: TemplateId;
  readonly figures: readonly FigureGroup[];
  /** Free-text sections, written before approval (audited). */
  readonly sections: readonly TextSection[];
}

const PRODUCT_DUE = 'mặc định của hệ thống: Quy chế không nêu ngày / product default: the Quy chế names no day';
const OPERATIONS: readonly FigureGroup[] = ['content', 'questions', 'operations', 'accounts'];
const administrativeSections: readonly TextSection[] = [
  { id: 'assessment', heading: 'Đánh giá chung' },
  { id: 'proposals', heading: 'Đề xuất, kiến nghị' },
];
/** NA 15.7 Phụ lục: the sections written by hand (II.2 and II.3 carry the figures, with an optional note). */
export const naAppendixSections: readonly TextSection[] = [
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

const royalty = (preset: string, citation: string): ReportKind => ({
  id: 'royalty-quarterly',
  preset,
  title: { vi: 'Bảng tổng hợp nhuận bút tin, bài đã đăng', en: 'Royalty tally of published items' },
  citation,
  reportingBody: 'Ban Biên tập',
  recipients: ['Thủ trưởng cơ quan chủ quản'],
  period: { kind: 'quarter' },
  due: { kind: 'after-end', days: 15 },
  dueBasis: `${citation} (hàng quý); ${PRODUCT_DUE}`,
  template: 'royalty',
  figures: ['royalties'],
  sections: [{ id: 'note', heading: 'Ghi chú' }],
});

const adHoc = (preset: string, citation: string, reportingBody: string, recipients: readonly string[]): ReportKind => ({
  id: 'ad-hoc',
  preset,
  title: {
    vi: 'Báo cáo đột xuất tình hình hoạt động Cổng Thông tin điện tử',
    en: 'Ad hoc report on the portal’s activity',
  },
  citation,
  reportingBody,
  recipients,
  period: { kind: 'month' },
  adHoc: true,
  due: { kind: 'after-end', days: 5 },
  dueBasis: PRODUCT_DUE,
  template: 'administrative',
  figures: OPERATIONS,
  sections: administrativeSections,
});

export const reportKinds: readonly ReportKind[] = [
  // Cao Bằng, QĐ 31/2015/QĐ-UBND.
  {
    id: 'cb-monthly',
    preset: 'cao-bang-2015',
    title: {
      vi: 'Báo cáo tình hình cung cấp, cập nhật thông tin, sử dụng các dịch vụ công',
      en: 'Monthly report on information provided and updated, and use of public services',
    },
    citation: 'CB 21.1',
    reportingBody: 'Ban Biên tập Cổng Thông tin điện tử',
    recipients: ['Văn phòng Ủy ban nhân dân tỉnh', 'Sở Thông tin và Truyền thông'],
    period: { kind: 'month' },
    due: { kind: 'after-end', days: 5 },
    dueBasis: `CB 21.1 (định kỳ hàng tháng); ${PRODUCT_DUE}`,
    template: 'administrative',
    figures: ['content', 'questions'],
    sections: administrativeSections,
  },
  ...(['quarter', 'year'] as const).map(
    (kind): ReportKind => ({
      id: kind === 'quarter' ? 'cb-quarterly' : 'cb-yearly',
      preset: 'cao-bang-2015',
      title: {
        vi: 'Thống kê, đánh giá kết quả cung cấp thông tin của các cơ quan, đơn vị',
        en: 'Statistics and assessment of each unit’s information provision',
      },
      citation: 'CB 21.2',
      reportingBody: 'Văn phòng Ủy ban nhân dân tỉnh',
      recipients: ['Ủy ban nhân dân tỉnh'],
      period: { kind },
      due: { kind: 'after-end', days: 15 },
      dueBasis: `CB 21.2 (theo từng quý, năm; thông báo cho các cơ quan, đơn vị); ${PRODUCT_DUE}`,
      template: 'administrative',
      figures: ['content', 'questions'],
      sections: administrativeSections,
    }),
  ),
  royalty('cao-bang-2015', 'CB 19.3'),
  adHoc('cao-bang-2015', 'CB 21', 'Ban Biên tập Cổng Thông tin điện tử', ['Văn phòng Ủy ban nhân dân tỉnh']),
  // Tiền Giang, QĐ 79/2024/QĐ-UBND.
  ...(['half-year', 'year'] as const).map(
    (kind): ReportKind => ({
      id: kind === 'half-year' ? 'tg-half-yearly' : 'tg-yearly',
      preset: 'tien-giang-2024',
      title: {
        vi: 'Báo cáo tình hình hoạt động của Trang thông tin điện tử thành phần',
        en: 'Report on the sub-portal’s activity',
      },
      citation: 'TG 22.7',
      filedBy: 'sub-portals',
      reportingBody: 'Ban Biên tập Trang thông tin điện tử thành phần',
      recipients: ['Văn phòng Ủy ban nhân dân tỉnh', 'Sở Thông tin và Truyền thông'],
      period: { kind },
      due: { kind: 'after-end', days: 15 },
      dueBasis: `TG 22.7 (báo cáo 6 tháng, báo cáo năm); ${PRODUCT_DUE}`,
      template: 'administrative',
      figures: OPERATIONS,
      sections: administrativeSections,
    }),
  ),
  royalty('tien-giang-2024', 'TG 14.1b'),
  adHoc('tien-giang-2024', 'TG 22.7 (đột xuất theo yêu cầu)', 'Ban Biên tập Trang thông tin điện tử thành phần', [
    'Văn phòng Ủy ban nhân dân tỉnh',
    'Sở Thông tin và Truyền thông',
  ]),
  // Quảng Ninh, QĐ 05/2023/QĐ-UBND.
  {
    id: 'qn-yearly',
    preset: 'quang-ninh-2023',
    title: {
      vi: 'Báo cáo kết quả hoạt động của Cổng Thông tin điện tử',
      en: 'Yearly report on the results of the portal’s activity',
    },
    citation: 'QN 23.3',
    reportingBody: 'Ban Biên tập Cổng Thông tin điện tử',
    recipients: ['Sở Thông tin và Truyền thông'],
    // "Định kỳ ngày 15 tháng 11 hàng năm": the twelve months up to the day before, so the report of 15/11 covers them whole.
    period: { kind: 'year-to', month: 11, day: 14 },
    due: { kind: 'fixed', month: 11, day: 15 },
    dueBasis: 'QN 23.3 (định kỳ ngày 15 tháng 11 hàng năm)',
    template: 'administrative',
    figures: OPERATIONS,
    sections: administrativeSections,
  },
  royalty('quang-ninh-2023', 'QN 12.2'),
  adHoc('quang-ninh-2023', 'QN 23', 'Ban Biên tập Cổng Thông tin điện tử', ['Sở Thông tin và Truyền thông']),
  // Nghệ An, QĐ 80/2025/QĐ-UBND.
  {
    id: 'na-yearly',
    preset: 'nghe-an-2025',
    title: {
      vi: 'Báo cáo tình hình hoạt động của Cổng Thông tin điện tử',
      en: 'Yearly report on the portal’s activity (NA appendix)',
    },
    citation: 'NA 15.7; Phụ lục',
    reportingBody: 'Cơ quan báo cáo',
    recipients: ['Văn phòng Ủy ban nhân dân tỉnh (qua Cổng Thông tin điện tử tỉnh)'],
    period: { kind: 'year-to', month: 12, day: 10 },
    // "chậm nhất trước ngày 11/12": by the end of 10/12, which is also the cut-off (see periods.ts).
    due: { kind: 'fixed', month: 12, day: 10 },
    dueBasis: 'NA 15.7 (chậm nhất trước ngày 11/12 hàng năm; số liệu từ 10/12 năm trước đến 10/12)',
    template: 'na-appendix',
    figures: OPERATIONS,
    sections: naAppendixSections,
  },
  ...(['month', 'quarter'] as const).map(
    (kind): ReportKind => ({
      id: kind === 'month' ? 'na-monthly' : 'na-quarterly',
      preset: 'nghe-an-2025',
      title: {
        vi: 'Đánh giá tình hình cung cấp thông tin trên Cổng Thông tin điện tử',
        en: 'Assessment of information provision on the portal',
      },
      citation: 'NA 14.4g',
      reportingBody: 'Văn phòng Ủy ban nhân dân tỉnh',
      recipients: ['Ủy ban nhân dân tỉnh'],
      period: { kind },
      due: { kind: 'after-end', days: kind === 'month' ? 5 : 15 },
      dueBasis: `NA 14.4g (hàng tháng, quý, năm); ${PRODUCT_DUE}`,
      template: 'administrative',
      figures: ['content', 'questions'],
      sections: administrativeSections,
    }),
  ),
  // QĐ 80/2025 names no royalty tally: the product offers QN 12.2's, cited as such.
  royalty('nghe-an-2025', 'QN 12.2 (Quy chế NA không quy định; theo mẫu của Quảng Ninh)'),
  adHoc('nghe-an-2025', 'NA 15.7', 'Cơ quan báo cáo', ['Văn phòng Ủy ban nhân dân tỉnh']),
  // Bình Định, QĐ …/2020/QĐ-UBND (dự thảo): "định kỳ", no period named; quarterly and yearly as product defaults.
  ...(['quarter', 'year'] as const).map(
    (kind): ReportKind => ({
      id: kind === 'quarter' ? 'bd-quarterly' : 'bd-yearly',
      preset: 'binh-dinh-2020',
      title: {
        vi: 'Báo cáo định kỳ hoạt động Cổng Thông tin điện tử tỉnh',
        en: 'Periodic report on the provincial portal’s activity',
      },
      citation: 'BĐ 19.9',
      reportingBody: 'Văn phòng Ủy ban nhân dân tỉnh',
      recipients: ['Ủy ban nhân dân tỉnh'],
      period: { kind },
      due: { kind: 'after-end', days: 15 },
      dueBasis: `BĐ 19.9 (định kỳ; kỳ quý và năm là mặc định của hệ thống); ${PRODUCT_DUE}`,
      template: 'administrative',
      figures: OPERATIONS,
      sections: administrativeSections,
    }),
  ),
  royalty('binh-dinh-2020', 'BĐ 23.1'),
  adHoc('binh-dinh-2020', 'BĐ 19.9', 'Văn phòng Ủy ban nhân dân tỉnh', ['Ủy ban nhân dân tỉnh']),
];

/** The report kinds of a deployment's preset (the national preset has the ad hoc report only). */
export const kindsOfPreset = (preset: string): readonly ReportKind[] => {
  const own = reportKinds.filter((k) => k.preset === preset);
  return own.length > 0
    ? own
    : [{ ...adHoc(preset, 'NĐ 42/2022/NĐ-CP', 'Ban Biên tập Cổng Thông tin điện tử', ['Ủy ban nhân dân tỉnh']) }];
};

export function reportKindOf(preset: string, id: string, field = 'kind'): ReportKind {
  const kind = kindsOfPreset(preset).find((k) => k.id === id);
  if (kind) return kind;
  const message = {
    vi: `Không có loại báo cáo "${id}" trong bộ quy định ${preset}`,
    en: `No report kind "${id}" in preset ${preset}`,
  };
  throw new DomainError('validation', message, [{ field, code: 'unknown_kind', message }]);
}
