import { DomainError } from '../domain/errors';
import { renderRss } from '../domain/feeds';
import { clausesOf } from '../domain/participation/consultation';
import {
  consultationPeriods,
  isConsultationDocumentType,
  windowDays,
} from '../domain/participation/consultation-periods';
import { summaryResponseLabels } from '../domain/participation/consultation-summary';
import { consultationWorkflow, isOpenForComment } from '../domain/participation/consultation-workflow';
import type { ConsultationRecord } from '../adapters/dynamo/consultations';
import type { ConsultationPhase } from '../adapters/dynamo/consultation-keys';
import type { Page } from '../adapters/dynamo/pagination';
import type { Services } from '../composition/services';

/**
 * What the public reads of consultations (issue 28 §1, §7): open and closed ones (never a scheduled
 * one), each with its window (calendar days as the law counts them, working days beside them), the
 * current version's articles with their khoản, and the summary once published. No staff ids.
 */
type ReadServices = Pick<Services, 'consultations' | 'calendar' | 'units'>;

const notFound = (portal: string, id: string) =>
  new DomainError('not_found', {
    vi: `Cổng ${portal} không có đợt lấy ý kiến ${id}`,
    en: `Portal ${portal} has no consultation ${id}`,
  });

/** What the public reads of a consultation besides its text (lists carry this). */
async function publicFields(s: ReadServices, record: ConsultationRecord, now: Date) {
  const calendar = await s.calendar.current(now.getTime());
  const days = windowDays(new Date(record.opensAt), new Date(record.closesAt), (d) => calendar.isWorkingDay(d));
  const period = isConsultationDocumentType(record.documentType) ? consultationPeriods[record.documentType] : undefined;
  const published = record.state === 'published' && record.summary !== undefined;
  return {
    id: record.id,
    portal: record.unitCode,
    language: record.language,
    title: record.title,
    contentId: record.contentId,
    documentType: record.documentType,
    ...(period && { documentTypeLabel: period.label }),
    state: record.state,
    stateLabel: consultationWorkflow.states[record.state].label,
    acceptingComments: isOpenForComment(record, now),
    window: {
      opensAt: record.opensAt,
      closesAt: record.closesAt,
      calendarDays: days.calendarDays,
      workingDays: days.workingDays,
      minimumCalendarDays: record.minimumDays,
      basis: record.minimumBasis,
      ...(record.simplified && { simplifiedProcedure: record.simplified.reason }),
    },
    draftVersion: record.draft.draftVersion,
    ...(published && {
      summary: {
        draftVersion: record.summary!.draftVersion,
        approvedAt: record.summary!.approvedAt,
        publishedAt: record.summary!.publishedAt,
        entries: record.summary!.entries.map((e) => ({
          ...e,
          responseLabel: summaryResponseLabels[e.response],
        })),
      },
    }),
  };
}

/** A consultation as the public reads it: with the text of its current version, read from the draft's items. */
export async function publicConsultation(s: ReadServices, record: ConsultationRecord, now: Date) {
  const [fields, draft] = await Promise.all([publicFields(s, record, now), s.consultations.currentDraft(record)]);
  const { summary, ...rest } = fields;
  return {
    ...rest,
    preamble: draft.preamble,
    articles: draft.articles.map((a) => ({ ...a, clauses: clausesOf(a.text) })),
    ...(summary && { summary }),
  };
}

export type PublicConsultation = Awaited<ReturnType<typeof publicConsultation>>;
export type ConsultationListItem = Awaited<ReturnType<typeof publicFields>> & { readonly articleCount: number };

/** A consultation as the public sees it: 404 for a scheduled one or one of another portal. */
export async function publishedConsultation(s: ReadServices, portal: string, id: string): Promise<ConsultationRecord> {
  const record = await s.consultations.get(id);
  if (!record || record.unitCode !== portal || record.state === 'scheduled') throw notFound(portal, id);
  return record;
}

export async function listPublicConsultations(
  s: ReadServices,
  portal: string,
  status: Exclude<ConsultationPhase, 'scheduled'>,
  limit: number,
  cursor: string | undefined,
  now: Date,
): Promise<{ items: ConsultationListItem[]; nextCursor?: string }> {
  const page: Page<ConsultationRecord> = await s.consultations.ofPortal(portal, status, limit, cursor);
  const items = await Promise.all(
    page.items.map(async (r) => {
      const fields = await publicFields(s, r, now);
      return { ...fields, articleCount: r.draft.articleCount };
    }),
  );
  return { items, ...(page.nextCursor && { nextCursor: page.nextCursor }) };
}

/** RSS 2.0 of a portal's consultations open for comment, newest opening first. */
export async function consultationFeed(s: ReadServices, portal: string, now: Date): Promise<string> {
  const unit = await s.units.get(portal);
  if (!unit) throw new DomainError('not_found', { vi: `Không có cổng ${portal}`, en: `No portal ${portal}` });
  const page = await s.consultations.ofPortal(portal, 'open', 50);
  const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return renderRss({
    title: `${unit.name.vi}: Dự thảo đang lấy ý kiến`,
    link: `https://${unit.domain}/`,
    description: `Dự thảo văn bản đang lấy ý kiến tổ chức, cá nhân trên Cổng thông tin điện tử ${unit.name.vi}`,
    language: 'vi',
    lastBuildDate: now,
    ttlMinutes: 5,
    items: page.items
      .filter((r) => isOpenForComment(r, now))
      .map((r) => ({
        title: r.title,
        link: `https://${unit.domain}/vi/consultations/${r.id}`,
        guid: `consultation:${r.id}:${r.draft.draftVersion}`,
        guidIsPermaLink: false,
        pubDate: new Date(r.openedAt ?? r.opensAt),
        description: `Lấy ý kiến từ ${local(r.opensAt)} đến ${local(r.closesAt)} (giờ Việt Nam); ${r.draft.articleCount} điều; phiên bản ${r.draft.draftVersion}`,
        categories: ['Dự thảo lấy ý kiến'],
      })),
  });
}
