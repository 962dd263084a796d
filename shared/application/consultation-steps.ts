import { DomainError, invalidField } from '../domain/errors';
import { summaryRefusal } from '../domain/participation/consultation-summary';
import {
  consultationWorkflow,
  type ConsultationAction,
  type ConsultationEffect,
  type ConsultationGuard,
} from '../domain/participation/consultation-workflow';
import type { ConsultationRecord } from '../adapters/dynamo/consultations';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import type { ConsultationDraftVersion } from '../domain/participation/consultation';
import { headingOf } from '../adapters/dynamo/consultation-drafts';
import {
  checkedWindow,
  draftVersionOf,
  publishedDraft,
  type ConsultationServices,
  type ConsultationStepInput,
} from './consultations';
import type { UseCaseContext } from './context';

/**
 * The consultation table's guards and effects by name (consultation-workflow.ts), as the content and
 * Q&A step tables: a name without its function does not compile. Guards refuse before anything is
 * written; effects say what the step sets on the consultation and writes beside it.
 */
interface StepArgs {
  readonly s: ConsultationServices;
  readonly ctx: UseCaseContext;
  readonly record: ConsultationRecord;
  readonly input: ConsultationStepInput;
  readonly at: string;
}
interface Changes {
  readonly set: Record<string, unknown>;
  readonly writes: WriteAction[];
  /** The version of the draft the step takes in (its text, which the consultation item does not hold). */
  draft?: ConsultationDraftVersion;
}

const guards: Readonly<Record<ConsultationGuard, (a: StepArgs) => Promise<void> | void>> = {
  // Opening now: the window from now to the announced close must still meet the minimum.
  'window-still-long-enough': async ({ s, ctx, record, at }) => {
    await checkedWindow(
      s,
      {
        documentType: record.documentType,
        opensAt: at,
        closesAt: record.closesAt,
        ...(record.simplified && { simplifiedReason: record.simplified.reason }),
      },
      ctx.now,
    );
  },
  'closing-instant-reached': ({ ctx, record }) => {
    if (ctx.now.getTime() >= Date.parse(record.closesAt)) return;
    const message = {
      vi: `Chưa đến thời điểm đóng lấy ý kiến đã công bố (${record.closesAt}); không rút ngắn thời hạn đã công bố`,
      en: `The announced closing instant (${record.closesAt}) has not come; the announced period is not shortened`,
    };
    throw new DomainError('conflict', message, [{ field: 'action', code: 'not_yet_closing', message }]);
  },
  'summary-complete': async ({ s, record, input }) => {
    if (input.summary === undefined)
      throw invalidField(
        'summary',
        { vi: 'Cần bản tổng hợp theo từng điều', en: 'The summary, article by article, is required' },
        'required',
      );
    const refusal = summaryRefusal(input.summary, (await s.consultations.currentDraft(record)).articles);
    if (refusal) throw refusal;
  },
};

const effects: Readonly<Record<ConsultationEffect, (a: StepArgs, c: Changes) => Promise<void> | void>> = {
  opened: ({ input, at }, { set }) => {
    set.openedAt = at;
    // Opened by hand: the window starts now (the scheduler opens at the announced instant).
    if (input.action === 'open') set.opensAt = at;
  },
  closed: ({ at }, { set }) => {
    set.closedAt = at;
  },
  'draft-version': async ({ s, ctx, record, input, at }, changes) => {
    const { set, writes } = changes;
    if (input.contentId === undefined)
      throw invalidField(
        'contentId',
        {
          vi: 'Cần mã tin, bài đã đăng chứa phiên bản mới của dự thảo',
          en: 'The published item holding the new version is required',
        },
        'required',
      );
    const item = await publishedDraft(
      s,
      input.contentId,
      { field: 'contentId' },
      { ...ctx, unitCode: record.unitCode },
    );
    if (item.id === record.contentId && item.version === record.draft.contentVersion)
      throw invalidField(
        'contentId',
        { vi: 'Đây là phiên bản dự thảo đang lấy ý kiến', en: 'This is the version already open for comment' },
        'same_version',
      );
    const draft = draftVersionOf(item, record.draft.draftVersion + 1, at);
    // The consultation keeps the version's heading; its text goes to the version's own items.
    Object.assign(set, { draft: headingOf(draft), contentId: item.id, title: item.title });
    writes.push(...s.consultations.draftItems(record.id, draft, 'contentId'));
    changes.draft = draft;
  },
  summary: ({ ctx, record, input, at }, { set }) => {
    set.summary = {
      entries: input.summary ?? [],
      draftVersion: record.draft.draftVersion,
      writtenBy: ctx.principal.id,
      writtenAt: at,
    };
  },
  'summary-approved': ({ ctx, record, at }, { set }) => {
    if (record.summary) set.summary = { ...record.summary, approvedBy: ctx.principal.id, approvedAt: at };
  },
  published: ({ record, at }, { set }) => {
    if (!record.summary) return;
    set.summary = { ...record.summary, publishedAt: at };
    set.publishedAt = at;
  },
};

/** What a step changes besides the workflow fields: its guards in order, then its effects in order. */
export async function consultationStepChanges(
  s: ConsultationServices,
  ctx: UseCaseContext,
  record: ConsultationRecord,
  input: ConsultationStepInput,
): Promise<Changes> {
  const at = ctx.now.toISOString();
  const args: StepArgs = { s, ctx, record, input, at };
  const changes: Changes = { set: { updatedAt: at }, writes: [] };
  const transition = consultationWorkflow.transitions[input.action as ConsultationAction];
  for (const guard of transition.guards ?? []) await guards[guard](args);
  for (const effect of transition.effects ?? []) await effects[effect](args, changes);
  return changes;
}
