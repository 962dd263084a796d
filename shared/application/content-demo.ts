import { randomUUID } from 'node:crypto';
import { auditEntry } from '../domain/audit';
import { citationLine, contentCategoryIds, categoryOf, diffSummary, type ContentCategoryId } from '../domain/content';
import type { ContentItemRecord } from '../adapters/dynamo/content';
import { contentRepository } from './content';
import { rendition } from './content-transitions';
import { searchIndexWrites } from './legal-search';
import { directory } from './directory';
import { bootstrapContext } from './context';

/**
 * Local demo only: a few published items of every category in a demo portal, so a newcomer sees a
 * living portal (issue 8 #10). Written as published, with their revision and an audit entry by the
 * system; nothing is written when the portal has items already.
 */
const titles: Record<ContentCategoryId, readonly string[]> = {
  news: ['Khai trương Cổng thông tin điện tử mới', 'Hội nghị chuyển đổi số năm 2026'],
  direction: ['Chỉ đạo triển khai dịch vụ công trực tuyến toàn trình'],
  'legal-document': ['Quyết định ban hành Quy chế quản lý Cổng thông tin điện tử'],
  'draft-for-comment': ['Lấy ý kiến dự thảo Quy định về chia sẻ dữ liệu'],
  'administrative-procedure': ['Thủ tục cấp giấy phép bưu chính'],
  'plan-project': ['Kế hoạch chuyển đổi số giai đoạn 2026–2030'],
  procurement: ['Thông báo mời thầu thiết bị mạng'],
  statistics: ['Số liệu thống kê hạ tầng viễn thông quý III'],
  'financial-report': ['Công khai dự toán ngân sách năm 2026'],
  announcement: ['Thông báo lịch tiếp công dân tháng 12'],
  spokesperson: ['Người phát ngôn và thông tin liên hệ'],
  leaders: ['Tiểu sử Giám đốc Sở'],
  advertising: ['Giới thiệu Ngày hội sách điện tử'],
};

export async function seedDemoContent(unitCode: string): Promise<number> {
  const repo = contentRepository();
  if ((await repo.ofUnit(unitCode, { limit: 1 })).items.length > 0) return 0;
  const unit = await directory().units.get(unitCode);
  if (!unit) return 0;
  const ctx = bootstrapContext();
  const at = ctx.now.toISOString();
  const citation = citationLine(unit.name.vi, unit.domain);
  let written = 0;
  for (const category of contentCategoryIds) {
    for (const title of titles[category]) {
      const seeded: ContentItemRecord = {
        id: randomUUID(),
        unitCode,
        unitPath: [unitCode, ...(unit.ancestorCodes ?? [])],
        category,
        language: 'vi',
        title,
        summary: title,
        body: `<p>${title}. Nội dung minh họa của Cổng thông tin điện tử ${unit.name.vi}.</p>`,
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
      const index = searchIndexWrites(directory(), seeded, true);
      const record: ContentItemRecord = index.stored ? { ...seeded, searchIndex: index.stored } : seeded;
      const actor = { id: 'system', kind: 'machine' as const };
      await directory().uow.commit(
        {
          actions: [
            repo.create(record),
            repo.revision(record.id, { version: 1, at, actor: 'system', action: 'seed', summary: diffSummary(undefined, { ...record }) }),
            repo.putPublic(rendition(record, citation)),
            ...index.actions,
          ],
          audits: [auditEntry({ scope: unitCode, actor, action: 'content.seed', target: { type: 'ContentItem', id: record.id }, before: null, after: { state: 'published', title }, requestId: ctx.requestId }, ctx.now)],
        },
        ctx,
      );
      written += 1;
    }
  }
  return written;
}
