import type { PolicyRuleId } from '../policies/rules';
import type { LocalizedText } from '../text';

/**
 * What a portal publishes, by category: the information a state agency's portal must provide
 * (NĐ 42/2022 Điều 4) as the seed provinces group it. Each category names the publication deadline
 * that applies to it (shared/domain/policies) and, for legal documents, that items carry the
 * document's own metadata (legal-document.ts).
 */
export interface ContentCategory {
  readonly label: LocalizedText;
  /** The publication clock (BĐ 11, CB 10.1); `publish.other` for everything without its own. */
  readonly publishPolicy: PolicyRuleId;
  readonly basis: string;
  /** Items carry a legal document's metadata (form, number/symbol, authority…). */
  readonly legalDocument?: true;
  /** Only these may be published before the chief's decision, with a reason (the emergency path). */
  readonly emergencyPublication?: true;
  /** Paid or third-party content: the chief's approval is what makes it publishable at all. */
  readonly advertising?: true;
}

const category = (
  vi: string,
  en: string,
  publishPolicy: PolicyRuleId,
  basis: string,
  extra: Partial<ContentCategory> = {},
): ContentCategory => ({
  label: { vi, en },
  publishPolicy,
  basis,
  ...extra,
});

export const contentCategories = {
  news: category('Tin tức, sự kiện', 'News and events', 'publish.news', 'NĐ 42/2022 Điều 4; BĐ 8.2c, 11.2'),
  direction: category(
    'Thông tin chỉ đạo, điều hành',
    'Direction and administration',
    'publish.news',
    'NĐ 42/2022 Điều 4; BĐ 8.2b, 11.2',
  ),
  'legal-document': category(
    'Văn bản quy phạm pháp luật, văn bản quản lý',
    'Legal and administrative documents',
    'publish.legalDocument',
    'NĐ 42/2022 Điều 4; BĐ 11.3; CB 10.1c',
    {
      legalDocument: true,
      emergencyPublication: true,
    },
  ),
  'draft-for-comment': category(
    'Dự thảo lấy ý kiến',
    'Drafts for public comment',
    'publish.draftForComment',
    'NĐ 42/2022 Điều 4; BĐ 11.3; CB 10.1đ',
  ),
  'administrative-procedure': category(
    'Thủ tục hành chính',
    'Administrative procedures',
    'publish.administrativeProcedure',
    'NĐ 42/2022 Điều 4; BĐ 11.3',
  ),
  'legal-guidance': category(
    'Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật',
    'Legal dissemination and guidance',
    'publish.legalGuidance',
    'NĐ 42/2022 Điều 4; CB 10.1b',
  ),
  'plan-project': category(
    'Chiến lược, quy hoạch, kế hoạch, dự án',
    'Plans and projects',
    'publish.strategyInvestment',
    'NĐ 42/2022 Điều 4; CB 10.1d',
  ),
  procurement: category(
    'Đấu thầu, mua sắm công',
    'Procurement',
    'publish.strategyInvestment',
    'NĐ 42/2022 Điều 4; CB 10.1d',
  ),
  'science-call': category(
    'Thông báo, đăng ký, tuyển chọn chương trình, đề tài khoa học',
    'Calls for science programmes',
    'publish.scienceCall',
    'NĐ 42/2022 Điều 4; CB 10.1e',
  ),
  'science-approval': category(
    'Phê duyệt chương trình, nghiệm thu đề tài khoa học',
    'Science programmes approved or accepted',
    'publish.scienceApproval',
    'NĐ 42/2022 Điều 4; CB 10.1e',
  ),
  statistics: category('Thông tin thống kê', 'Statistics', 'publish.statistics', 'NĐ 42/2022 Điều 4; CB 10.1f'),
  'financial-report': category(
    'Báo cáo tài chính, ngân sách',
    'Financial reports',
    'publish.other',
    'NĐ 42/2022 Điều 4',
  ),
  announcement: category('Thông báo', 'Announcements', 'publish.other', 'NĐ 42/2022 Điều 4'),
  spokesperson: category(
    'Người phát ngôn, thông tin liên hệ',
    'Spokesperson and contact information',
    'publish.other',
    'NĐ 42/2022 Điều 4',
  ),
  leaders: category('Tiểu sử lãnh đạo', "Leaders' profiles", 'publish.other', 'NĐ 42/2022 Điều 4'),
  'useful-information': category(
    'Thông tin cần biết, liên kết',
    'Notices and links',
    'publish.afterApproval',
    'NĐ 42/2022 Điều 4; BĐ 8.2g, 11.4',
  ),
  advertising: category('Quảng cáo', 'Advertising', 'publish.afterApproval', 'NĐ 42/2022 Điều 4; BĐ 7, 8.2g, 11.4', {
    advertising: true,
  }),
} as const satisfies Record<string, ContentCategory>;

export type ContentCategoryId = keyof typeof contentCategories;
export const contentCategoryIds = Object.keys(contentCategories) as [ContentCategoryId, ...ContentCategoryId[]];

export const categoryOf = (id: ContentCategoryId): ContentCategory => contentCategories[id];
