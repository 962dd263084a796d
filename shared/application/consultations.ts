import { pendingEvent } from '../../events/catalogue';
import { can, requireAccess } from '../domain/access/authorize';
import { DomainError, invalidField } from '../domain/errors';
import { draftPlainText, splitArticles, type ConsultationDraftVersion } from '../domain/participation/consultation';
import {
  consultationPeriods,
  isConsultationDocumentType,
  windowRefusal,
  consultationDocumentTypes,
} from '../domain/participation/consultation-periods';
import type { SummaryEntry } from '../domain/participation/consultation-summary';
import {
  consultationWorkflow,
  type ConsultationAction,
  type ConsultationWorkflowItem,
} from '../domain/participation/consultation-workflow';
import { decide, decideCreation } from '../domain/workflow/engine';
import type { ConsultationRecord, NewConsultation } from '../adapters/dynamo/consultations';
import { headingOf } from '../adapters/dynamo/consultation-drafts';
import type { ContentItemRecord } from '../adapters/dynamo/content-record';
import type { Services } from '../composition/services';
import { applyTransition } from './workflow-transitions';
import { policy } from './content';
import { consultationStepChanges } from './consultation-steps';
import { commitContext, type UseCaseContext } from './context';

/**
 * Consultations on drafts (issue 28 §1, §4): the board schedules a published draft for comment
 * (the creation step: its window checked against the minimum period of its kind), the scheduler or
 * the board opens and closes it, the board takes in new versions while it is open, the drafting unit
 * writes the summary, someone else approves it, the board publishes it. Every step is one decision
 * of the workflow table and one commit: the consultation, its audit entry and its event together.
 */
export type ConsultationServices = Pick<Services, 'config' | 'uow' | 'content' | 'consultations' | 'calendar'>;

export interface ScheduleInput {
  readonly documentType?: string | undefined;
  readonly opensAt?: string | undefined;
  readonly closesAt?: string | undefined;
  readonly simplifiedReason?: string | undefined;
}

export interface ConsultationStepInput extends ScheduleInput {
  readonly action: ConsultationAction | 'schedule';
  readonly reason?: string | undefined;
  /** `newVersion`: the published content item holding the draft's new text. */
  readonly contentId?: string | undefined;
  /** `writeSummary`: the whole summary (it replaces what was written before). */
  readonly summary?: readonly SummaryEntry[] | undefined;
}

const actorOf = (ctx: UseCaseContext) => ({ id: ctx.principal.id, kind: ctx.principal.kind });
const notFound = (id: string) =>
  new DomainError('not_found', { vi: `Không có đợt lấy ý kiến ${id}`, en: `No consultation ${id}` });

/** The draft's text as a published content item of category `draft-for-comment` of the portal `unitCode` (if given). */
export async function publishedDraft(
  s: ConsultationServices,
  contentId: string,
  /** The field naming the draft; `routeId` when it is the route's own id (missing: 404, not 400). */
  { field, routeId = false }: { readonly field: string; readonly routeId?: boolean },
  access: { readonly principal: UseCaseContext['principal']; readonly now: Date; readonly unitCode?: string },
): Promise<ContentItemRecord> {
  const item = await s.content.get(contentId);
  const refuse = (vi: string, en: string, code: string) => invalidField(field, { vi, en }, code);
  if (!item) {
    const message = { vi: `Không có tin, bài ${contentId}`, en: `No content item ${contentId}` };
    // The route's own id: 404, as for any missing item; a body field naming a missing item: 400.
    throw routeId ? new DomainError('not_found', message) : invalidField(field, message, 'not_found');
  }
  // Who may not manage the portal's consultations learns nothing more of its items.
  requireAccess(access.principal, 'consultation.manage', item.unitPath, access.now);
  if (access.unitCode !== undefined && item.unitCode !== access.unitCode)
    throw refuse(
      `Dự thảo ${contentId} thuộc Cổng ${item.unitCode}, không phải ${access.unitCode}`,
      `Draft ${contentId} belongs to portal ${item.unitCode}, not ${access.unitCode}`,
      'other_portal',
    );
  if (item.category !== 'draft-for-comment')
    throw refuse(
      `Tin, bài ${contentId} không thuộc mục "Dự thảo lấy ý kiến"`,
      `Item ${contentId} is not in the category draft-for-comment`,
      'not_a_draft',
    );
  if (item.state !== 'published')
    throw refuse(
      `Dự thảo ${contentId} chưa được đăng (trạng thái "${item.state}")`,
      `Draft ${contentId} is not published (state "${item.state}")`,
      'not_published',
    );
  return item;
}

/** A version of the draft, split into its articles, from a published item. */
export function draftVersionOf(item: ContentItemRecord, draftVersion: number, at: string): ConsultationDraftVersion {
  const { preamble, articles } = splitArticles(draftPlainText(item.body));
  return { draftVersion, contentVersion: item.version, title: item.title, preamble, articles, takenAt: at };
}

const instant = (value: string | undefined, field: string): Date => {
  const parsed = value === undefined ? Number.NaN : Date.parse(value);
  if (Number.isNaN(parsed))
    throw invalidField(
      field,
      { vi: 'Cần một thời điểm ISO 8601 có múi giờ', en: 'An ISO 8601 instant with its offset is required' },
      value === undefined ? 'required' : 'invalid',
    );
  return new Date(parsed);
};

/** The window the board asked for, checked against the minimum period of the draft's kind. */
export async function checkedWindow(s: ConsultationServices, input: ScheduleInput, now: Date) {
  const documentType = input.documentType;
  if (documentType === undefined || !isConsultationDocumentType(documentType))
    throw invalidField(
      'documentType',
      {
        vi: `Loại dự thảo phải là một trong: ${consultationDocumentTypes.join(', ')}`,
        en: `The kind of draft must be one of: ${consultationDocumentTypes.join(', ')}`,
      },
      documentType === undefined ? 'required' : 'invalid',
    );
  const opensAt = instant(input.opensAt, 'opensAt');
  const closesAt = instant(input.closesAt, 'closesAt');
  const period = consultationPeriods[documentType];
  // No statutory minimum: any close after the opening will do.
  const earliest =
    period.minimumCalendarDays > 0
      ? (await s.calendar.deadlines()).addCalendarDays(opensAt, period.minimumCalendarDays)
      : { dueAt: opensAt.toISOString(), dueLocalText: { vi: opensAt.toISOString(), en: opensAt.toISOString() } };
  const refusal = windowRefusal({
    opensAt,
    closesAt,
    now,
    period,
    simplifiedReason: input.simplifiedReason,
    earliestClose: new Date(earliest.dueAt),
    earliestCloseText: earliest.dueLocalText,
  });
  if (refusal) throw refusal;
  return { documentType, opensAt, closesAt, period };
}

/**
 * What a step leaves: the consultation, and the version of the draft it took in when it took one
 * (schedule, newVersion). The step's commit may still be held when the route answers (an
 * Idempotency-Key joins it), so that text comes from here, not from a read of what is not yet written.
 */
export interface ConsultationStepResult {
  readonly record: ConsultationRecord;
  readonly draft?: ConsultationDraftVersion;
}

/** The creation step: a published draft of the caller's portal scheduled for comment. */
export async function scheduleConsultation(
  s: ConsultationServices,
  ctx: UseCaseContext,
  contentId: string,
  input: ScheduleInput,
): Promise<ConsultationStepResult> {
  const item = await publishedDraft(s, contentId, { field: 'id', routeId: true }, ctx);
  const { documentType, opensAt, closesAt, period } = await checkedWindow(s, input, ctx.now);
  const at = ctx.now.toISOString();
  const draft = draftVersionOf(item, 1, at);
  const aggregate: ConsultationWorkflowItem = {
    id: contentId,
    state: 'scheduled',
    version: 1,
    unitPath: item.unitPath,
    openClocks: [],
  };
  const plan = decideCreation(consultationWorkflow, 'schedule', aggregate, ctx, {
    after: {
      contentId,
      documentType,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      articles: draft.articles.length,
      ...(input.simplifiedReason !== undefined && { simplifiedReason: input.simplifiedReason }),
    },
  });
  const record: NewConsultation = {
    id: contentId,
    unitCode: item.unitCode,
    unitPath: [...item.unitPath],
    contentId,
    language: item.language,
    title: item.title,
    documentType,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    minimumDays: period.minimumCalendarDays,
    minimumBasis: period.basis,
    ...(input.simplifiedReason !== undefined && { simplified: { reason: input.simplifiedReason } }),
    state: 'scheduled',
    version: 1,
    openClocks: [],
    participants: [],
    draft,
    scheduledBy: ctx.principal.id,
    createdAt: at,
    updatedAt: at,
  };
  await s.uow.commit(
    {
      actions: s.consultations.create(record),
      audits: [plan.audit],
      events: [
        pendingEvent('ConsultationScheduled', {
          id: contentId,
          unitCode: item.unitCode,
          documentType,
          opensAt: record.opensAt,
          closesAt: record.closesAt,
          draftVersion: 1,
          articles: draft.articles.length,
          actor: actorOf(ctx),
          at,
        }),
      ],
    },
    commitContext(ctx),
  );
  return { record: { ...record, draft: headingOf(draft) }, draft };
}

/** One staff (or scheduler) step on a consultation; `schedule` creates it. */
export async function transitionConsultation(
  s: ConsultationServices,
  ctx: UseCaseContext,
  id: string,
  input: ConsultationStepInput,
  expectedVersion?: number,
): Promise<ConsultationStepResult> {
  if (input.action === 'schedule') return scheduleConsultation(s, ctx, id, input);
  const record = await s.consultations.get(id);
  if (!record) throw notFound(id);
  const aggregate: ConsultationWorkflowItem = {
    id,
    state: record.state,
    version: record.version,
    unitPath: record.unitPath,
    openClocks: [],
    participants: record.participants ?? [],
  };
  const decision = decide(
    consultationWorkflow,
    aggregate,
    input.action,
    {
      ...(input.reason !== undefined && { reason: input.reason }),
      ...(expectedVersion !== undefined && { expectedVersion }),
    },
    ctx,
  );
  if (!decision.ok) throw decision.error;
  const plan = decision.value;
  const { set, writes, draft } = await consultationStepChanges(s, ctx, record, input);
  const applied = await applyTransition(ctx, plan, {
    uow: s.uow,
    // A consultation's steps open no clock: its instants are the board's (opensAt, closesAt).
    deadlines: s.calendar.deadlines,
    policy: policy(s),
    writes: () => {
      const work = s.consultations.stepWrites(plan, record, set);
      return { ...work, actions: [...(work.actions ?? []), ...writes] };
    },
  });
  return {
    record: {
      ...record,
      ...(set as Partial<ConsultationRecord>),
      state: applied.plan.to,
      version: applied.plan.nextVersion,
      participants: applied.plan.next.participants,
    },
    ...(draft && { draft }),
  };
}

/**
 * A consultation as its portal's staff see it (any state, the summary before publication, with who
 * wrote and approved it): whoever may read the portal's content; to anyone else it does not exist.
 */
export async function staffConsultation(
  s: ConsultationServices,
  ctx: UseCaseContext,
  id: string,
): Promise<ConsultationRecord> {
  const record = await s.consultations.get(id);
  if (!record || !can(ctx.principal, 'content.read', record.unitPath, ctx.now)) throw notFound(id);
  return record;
}
