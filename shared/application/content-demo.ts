import { randomUUID } from 'node:crypto';
import { auditEntry } from '../domain/audit';
import { citationLine, contentCategoryIds, categoryOf, diffSummary, type ContentCategoryId } from '../domain/content';
import type { ContentItemRecord } from '../adapters/dynamo/content';
import { rendition } from './content-transitions';
import { searchIndexWrites } from './legal-search';
import { bootstrapContext } from './context';
import type { Services } from '../composition/services';
import type { Unit } from '../domain/units/unit';

/**
 * Local demo only: a few published items of every category in a demo portal, so a newcomer sees a
 * living portal (issue 8 #10). Written as published, with their revision and an audit entry by the
 * system; nothing is written when the portal has items already.
 */
const titles: Record<ContentCategoryId, readonly string[]> = {
  news: ['Khai trương Cổng thông tin điện tử mới', 'Hội nghị chuyển đổi số năm 2026'],
  direction: ['Chỉ đạo triển khai dịch vụ công trực tuyến toàn trình'],
  'legal-document': ['Quyết định ban hành Quy chế quản lý Cổng thông tin điện tử'],
  'draft-for-comment': [
    'Lấy ý kiến dự thảo Quy định về chia sẻ dữ liệu',
    'Lấy ý kiến dự thảo Quy chế phối hợp cung cấp thông tin',
  ],
  'administrative-procedure': ['Thủ tục cấp giấy phép bưu chính'],
  'legal-guidance': ['Hướng dẫn thực hiện Luật Chuyển đổi số'],
  'plan-project': ['Kế hoạch chuyển đổi số giai đoạn 2026–2030'],
  procurement: ['Thông báo mời thầu thiết bị mạng'],
  'science-call': ['Thông báo tuyển chọn đề tài khoa học cấp tỉnh năm 2027'],
  'science-approval': ['Phê duyệt danh mục đề tài khoa học cấp tỉnh năm 2026'],
  statistics: ['Số liệu thống kê hạ tầng viễn thông quý III'],
  'financial-report': ['Công khai dự toán ngân sách năm 2026'],
  announcement: ['Thông báo lịch tiếp công dân tháng 12'],
  spokesperson: ['Người phát ngôn và thông tin liên hệ'],
  leaders: ['Tiểu sử Giám đốc Sở'],
  'useful-information': ['Liên kết Cổng Dịch vụ công quốc gia'],
  advertising: ['Giới thiệu Ngày hội sách điện tử'],
};

/** The provincial portal's foreign-language versions carry at least its organisation and contacts (BĐ 6.2, NĐ 42 Điều 7.2; QN 15: English and Chinese). */
const translations: Record<string, ReadonlyArray<{ category: ContentCategoryId; title: string; body: string }>> = {
  en: [
    {
      category: 'news',
      title: 'The provincial e-information portal opens its new version',
      body: 'Demonstration content of the English version.',
    },
    {
      category: 'spokesperson',
      title: 'Spokesperson and contact details',
      body: 'Demonstration content: the spokesperson, telephone and e-mail.',
    },
  ],
  zh: [
    { category: 'news', title: '省电子信息门户网站新版上线', body: '中文版演示内容。' },
    { category: 'spokesperson', title: '新闻发言人及联系方式', body: '演示内容：新闻发言人、电话和电子邮箱。' },
  ],
};

/** A demo draft's text in articles and clauses, so its consultation has articles to comment on (issue 28). */
const demoDraftBody = (title: string) =>
  [
    `<p>${title.replace(/^Lấy ý kiến d/u, 'D')} (dự thảo minh họa)</p>`,
    '<p>Điều 1. Phạm vi điều chỉnh</p><p>Văn bản này quy định việc chia sẻ, cung cấp thông tin giữa các cơ quan, đơn vị.</p>',
    '<p>Điều 2. Đối tượng áp dụng</p><p>1. Các sở, ban, ngành của tỉnh.</p><p>2. Ủy ban nhân dân các xã, phường.</p>',
    '<p>Điều 3. Hiệu lực thi hành</p><p>Văn bản này có hiệu lực kể từ ngày ký.</p>',
  ].join('');

interface DemoItem {
  readonly category: ContentCategoryId;
  readonly language: string;
  readonly title: string;
  readonly body: string;
}

export async function seedDemoContent(s: Services, unitCode: string): Promise<number> {
  const unit = await s.units.get(unitCode);
  if (!unit) return 0;
  const items = contentCategoryIds.flatMap((category) =>
    titles[category].map((title) => ({
      category,
      language: 'vi',
      title,
      body:
        category === 'draft-for-comment'
          ? demoDraftBody(title)
          : `<p>${title}. Nội dung minh họa của Cổng thông tin điện tử ${unit.name.vi}.</p>`,
    })),
  );
  return seedItems(s, unit, items);
}

/** A few items in each of the portal's other languages (QN: English and Chinese), each with the source line in its language. */
export async function seedDemoTranslations(s: Services, unitCode: string): Promise<number> {
  const unit = await s.units.get(unitCode);
  if (!unit) return 0;
  const items = unit.languages.flatMap((language) =>
    (translations[language] ?? []).map((i) => ({ ...i, language, body: `<p>${i.body}</p>` })),
  );
  return seedItems(s, unit, items);
}

async function seedItems(s: Services, unit: Unit, items: readonly DemoItem[]): Promise<number> {
  const repo = s.content;
  const unitCode = unit.code;
  const existing = (await repo.ofUnit(unitCode, { limit: 100 })).items;
  const languages = new Set(items.map((i) => i.language));
  // Seeded once per language: a second start finds them and writes nothing.
  if (existing.some((i) => languages.has(i.language))) return 0;
  const ctx = bootstrapContext();
  const at = ctx.now.toISOString();
  let written = 0;
  for (const { category, language, title, body } of items) {
    {
      const seeded: ContentItemRecord = {
        id: randomUUID(),
        unitCode,
        unitPath: [unitCode, ...(unit.ancestorCodes ?? [])],
        category,
        language,
        title,
        summary: title,
        body,
        ...(categoryOf(category).legalDocument && {
          legalDocument: {
            form: 'quyet-dinh' as const,
            numberSymbol: `${written + 1}/2026/QĐ-UBND`,
            issuingAuthority: 'Ủy ban nhân dân tỉnh',
            signer: 'Chủ tịch Ủy ban nhân dân tỉnh',
            issuedOn: '2026-01-05',
            summary: title,
            effectiveness: 'in-force' as const,
            relations: [],
          },
        }),
        attachments: [],
        contributors: [{ name: 'Ban Biên tập', share: 100 }],
        state: 'published',
        version: 1,
        openClocks: [],
        publishPolicy: categoryOf(category).publishPolicy,
        createdBy: 'system',
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
        publishedOnTime: true,
      };
      // Demo legal documents are searchable like published ones.
      const index = searchIndexWrites(s, seeded, true);
      const record: ContentItemRecord = index.stored ? { ...seeded, searchIndex: index.stored } : seeded;
      const actor = { id: 'system', kind: 'machine' as const };
      await s.uow.commit(
        {
          actions: [
            repo.create(record),
            repo.revision(record.id, {
              version: 1,
              at,
              actor: 'system',
              action: 'seed',
              summary: diffSummary(undefined, { ...record }),
            }),
            repo.putPublic(rendition(record, citationLine(unit, language, s.config.POLICY_PRESET))),
            ...index.actions,
          ],
          audits: [
            auditEntry(
              {
                scope: unitCode,
                actor,
                action: 'content.seed',
                target: { type: 'ContentItem', id: record.id },
                before: null,
                after: { state: 'published', title },
                requestId: ctx.requestId,
              },
              ctx.now,
            ),
          ],
        },
        ctx,
      );
      written += 1;
    }
  }
  return written;
}
