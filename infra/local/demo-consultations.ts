import { auditEntry } from '../../shared/domain/audit';
import { consultationPeriods } from '../../shared/domain/participation/consultation-periods';
import type { ConsultationSummary } from '../../shared/domain/participation/consultation-summary';
import type { NewConsultation } from '../../shared/adapters/dynamo/consultations';
import { draftVersionOf } from '../../shared/application/consultations';
import type { Services } from '../../shared/composition/services';

/**
 * The demo's consultations (issue 28 §7), once: on the demo portal's two published drafts, one open
 * for comment for the legal minimum from now, and one closed with its summary published, so a
 * newcomer sees both on the public pages, in the RSS and as a download. Written by the system as the
 * demo content is (audited `consultation.seed`), not through the board's steps: the closed one's
 * window lies in the past, which scheduling refuses.
 */
const DAY = 86_400_000;

export async function seedDemoConsultations(s: Services, unitCode: string, now = new Date()): Promise<number> {
  const drafts = (await s.content.ofUnit(unitCode, { limit: 100 })).items
    .filter((i) => i.category === 'draft-for-comment' && i.state === 'published' && i.language === 'vi')
    .sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  let written = 0;
  for (const [index, listed] of drafts.slice(0, 2).entries()) {
    if (await s.consultations.get(listed.id)) continue;
    const item = await s.content.get(listed.id);
    if (!item) continue;
    const open = index === 0;
    const period = consultationPeriods['provincial-legal-document'];
    const opensAt = open ? now : new Date(now.getTime() - 40 * DAY);
    const closesAt = new Date(
      (await s.calendar.deadlines()).addCalendarDays(opensAt, period.minimumCalendarDays).dueAt,
    );
    const at = now.toISOString();
    const draft = draftVersionOf(item, 1, opensAt.toISOString());
    const summary: ConsultationSummary = {
      entries: [
        {
          article: null,
          received: 'Tán thành sự cần thiết ban hành',
          commentCount: 3,
          response: 'accepted',
          reason: '',
        },
        {
          article: 2,
          received: 'Đề nghị bổ sung các cơ quan Trung ương đóng trên địa bàn',
          commentCount: 2,
          response: 'not-accepted',
          reason: 'Ngoài phạm vi quản lý của Ủy ban nhân dân tỉnh',
        },
      ],
      draftVersion: 1,
      writtenBy: 'system',
      writtenAt: at,
      approvedBy: 'system',
      approvedAt: at,
      publishedAt: at,
    };
    const record: NewConsultation = {
      id: item.id,
      unitCode: item.unitCode,
      unitPath: [...item.unitPath],
      contentId: item.id,
      language: item.language,
      title: item.title,
      documentType: 'provincial-legal-document',
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      minimumDays: period.minimumCalendarDays,
      minimumBasis: period.basis,
      state: open ? 'open' : 'published',
      version: 1,
      openClocks: [],
      participants: [],
      draft,
      scheduledBy: 'system',
      createdAt: at,
      updatedAt: at,
      openedAt: opensAt.toISOString(),
      ...(!open && { closedAt: closesAt.toISOString(), summary, publishedAt: at }),
    };
    await s.uow.commit(
      {
        actions: s.consultations.create(record),
        audits: [
          auditEntry(
            {
              scope: record.unitCode,
              actor: { id: 'system', kind: 'machine' },
              action: 'consultation.seed',
              target: { type: 'Consultation', id: record.id },
              before: null,
              after: { state: record.state, opensAt: record.opensAt, closesAt: record.closesAt },
              requestId: 'demo',
            },
            now,
          ),
        ],
      },
      { requestId: 'demo', now },
    );
    written += 1;
  }
  return written;
}
