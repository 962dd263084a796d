import {
  categoryOf,
  citationLine,
  diffSummary,
  onTime,
  publicationApprovalRefusal,
  quarterOf,
  type ContentCategoryId,
} from '../domain/content';
import { DomainError, invalidField } from '../domain/errors';
import type { Role } from '../domain/roles';
import type { TransitionInput, TransitionPlan } from '../domain/workflow/types';
import type {
  ContentAction,
  ContentClock,
  ContentEffect,
  ContentGuard,
  ContentInput,
  ContentState,
} from '../domain/workflow/tables/content';
import type { ContentItemRecord, ContentStepChanges } from '../adapters/dynamo/content';
import type { PublicRendition } from '../adapters/dynamo/published-content';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import { requireCleanAttachments } from './content-attachments';
import { searchIndexWrites } from './legal-search';
import { policy } from './content';
import { receiptDueAt } from './content-clock';
import type { Services } from '../composition/services';
import type { UseCaseContext } from './context';

/**
 * The functions the rows of the content table name (shared/domain/workflow/tables/content.ts):
 * each row says which input, guards and effects its step has; here is what each one does. Typed as
 * records over the names, so a name without a function (or the reverse) does not compile.
 */
export interface TransitionRequest {
  readonly action: ContentAction;
  readonly comment?: string | undefined;
  readonly reason?: string | undefined;
  readonly publicNote?: string | undefined;
  readonly publishAt?: string | undefined;
  /** `assign`: the account id of the editor who will work on the item (checked by the caller). */
  readonly assignee?: string | undefined;
}

/** One step being taken, as its guards and effects see it; effects add to `set`, `remove` and `writes` in row order. */
export interface ContentStep {
  /** The root's services: the repositories the effects write through. */
  readonly s: Services;
  readonly ctx: UseCaseContext;
  readonly record: ContentItemRecord;
  readonly request: TransitionRequest;
  readonly plan: TransitionPlan<ContentState, ContentAction, ContentClock>;
  readonly due: Readonly<Partial<Record<ContentClock, string>>>;
  readonly at: string;
  readonly set: Partial<Record<keyof ContentItemRecord, unknown>>;
  readonly remove: (keyof ContentItemRecord)[];
  readonly writes: WriteAction[];
}

/** The item as it will be after the step, with what the effects so far set. */
const after = (step: ContentStep) => ({ ...step.record, ...step.set, state: step.plan.to }) as ContentItemRecord;

/** Input only content has, resolved before the engine decides (a missing one is refused first). */
export const contentInputs: Readonly<
  Record<ContentInput, (record: ContentItemRecord, request: TransitionRequest) => Partial<TransitionInput>>
> = {
  editor: (record, request) => {
    if (request.assignee === undefined)
      throw invalidField(
        'assignee',
        { vi: 'Cần nêu biên tập viên được giao', en: 'Give the editor to assign' },
        'required',
      );
    return { assignTo: { unitPath: record.unitPath, personId: request.assignee } };
  },
};

/** Editorial board members an item may be assigned to (CB 17.1, 17.3). */
const BOARD_ROLES: readonly Role[] = ['editor', 'secretary', 'chief-editor', 'deputy-editor'];

/** `assign` names an active account of the unit's editorial board (400 naming the assignee otherwise). */
export async function requireBoardMember(
  s: Pick<Services, 'accounts'>,
  unitCode: string,
  assignee: string | undefined,
): Promise<void> {
  const account = assignee === undefined ? undefined : await s.accounts.get(assignee);
  if (
    account &&
    account.status === 'active' &&
    account.unitCode === unitCode &&
    account.roles.some((r) => BOARD_ROLES.includes(r))
  )
    return;
  throw invalidField(
    'assignee',
    {
      vi: `${assignee} không phải thành viên Ban Biên tập của ${unitCode}`,
      en: `${assignee} is not a member of the editorial board of ${unitCode}`,
    },
    'not_board_member',
  );
}

/** What only content checks, after the engine's refusals (so nobody learns more than the step they may take). */
export const contentGuards: Readonly<
  Record<
    ContentGuard,
    (s: Services, record: ContentItemRecord, request: TransitionRequest, now: Date) => void | Promise<void>
  >
> = {
  'board-member': (s, record, request) => requireBoardMember(s, record.unitCode, request.assignee),
  'legal-document-only': (_s, record) => {
    if ('emergencyPublication' in categoryOf(record.category as ContentCategoryId)) return;
    const message = {
      vi: 'Chỉ văn bản mới được đăng khẩn trước khi Trưởng ban quyết định',
      en: 'Only legal documents may be published before the chief decides',
    };
    throw new DomainError('conflict', message, [{ field: 'action', code: 'emergency_not_allowed', message }]);
  },
  'publish-at-future': (_s, _record, request, now) => {
    if (request.publishAt === undefined)
      throw invalidField('publishAt', { vi: 'Cần nêu thời điểm đăng', en: 'Give the time to publish at' }, 'required');
    if (Date.parse(request.publishAt) <= now.getTime()) {
      throw invalidField(
        'publishAt',
        { vi: 'Thời điểm đăng phải ở tương lai', en: 'The publication time must be in the future' },
        'not_future',
      );
    }
  },
  // BĐ 7.1: the People's Committee's approval is recorded before the chief approves and before anything goes online.
  'peoples-committee-approval': (s, record) => {
    const refusal = publicationApprovalRefusal(record, policy(s));
    if (refusal) throw refusal;
  },
  'source-not-withdrawn': (_s, record) => {
    if (!record.sourceWithdrawn) return;
    const message = {
      vi: `Bản gốc của ${record.id} (Cổng ${record.syndicatedFrom?.portal ?? ''}) đã bị gỡ: không đăng bản này`,
      en: `The source of ${record.id} (portal ${record.syndicatedFrom?.portal ?? ''}) was withdrawn: this copy is not published`,
    };
    throw new DomainError('conflict', message, [{ field: 'syndicatedFrom', code: 'source_withdrawn', message }]);
  },
  // A syndicated copy carries its source's files, which belong to the source's portal.
  'clean-attachments': (s, record) =>
    requireCleanAttachments(
      s.attachmentStatus,
      record.id,
      record.syndicatedFrom?.portal ?? record.unitCode,
      record.attachments,
    ),
};

/** What each effect changes on the item or writes beside it. */
export const contentEffects: Readonly<
  Record<Exclude<ContentEffect, 'creation-revision'>, (step: ContentStep) => void | Promise<void>>
> = {
  // A clock that counts from the portal's receipt (CB 10.1đ) starts at the first submission.
  'receipt-due': async ({ s, set, record, ctx }) => {
    const received = await receiptDueAt(s, clockFactsOf(record), record.dueAt, ctx.now);
    if (record.dueAt === undefined && received !== undefined) set.dueAt = received;
  },
  // An assignment keeps the state: its revision names what it changed.
  revision: ({ s, record, plan, request, at, ctx, writes }) => {
    const summary = diffSummary(
      { state: record.state, assignee: record.assignee?.personId },
      { state: plan.to, assignee: plan.next.assignee?.personId },
    );
    writes.push(
      s.content.revision(record.id, {
        version: plan.nextVersion,
        at,
        actor: ctx.principal.id,
        action: request.action,
        summary,
      }),
    );
  },
  proposer: ({ set, ctx }) => void (set.lastEditedBy = ctx.principal.id),
  'assigned-at': ({ set, at }) => void (set.assignedAt = at),
  // In UTC, as every instant on the due index, so `dueAt <= now` compares like with like.
  'publish-at': ({ set, request }) => void (set.publishAt = new Date(request.publishAt!).toISOString()),
  'publication-due': ({ set, record, due }) => {
    if (record.dueAt === undefined && due.publication !== undefined) set.dueAt = due.publication;
  },
  emergency: ({ set, plan, ctx, at }) => void (set.emergency = { by: ctx.principal.id, reason: plan.notes.reason, at }),
  'emergency-confirmed': ({ set, record, ctx, at }) =>
    void (set.emergency = { ...record.emergency, confirmedBy: ctx.principal.id, confirmedAt: at }),
  'public-note': ({ set, plan, at }) => void Object.assign(set, { publicNote: plan.notes.publicNote, withdrawnAt: at }),
  // "Published on time" is frozen at the first publication (the adapter takes the item off the due index).
  'first-publication': ({ set, record, due, at }) => {
    if (record.publishedAt === undefined)
      Object.assign(set, { publishedAt: at, publishedOnTime: onTime(at, record.dueAt ?? due.publication) });
  },
  // Attribution (QN 12.2) is frozen at the first publication, whichever step publishes.
  attribution: ({ s, set, record, at, writes }) => {
    if (record.attribution !== undefined) return;
    const attribution = { contributors: record.contributors, frozenAt: at, quarter: quarterOf(at) };
    set.attribution = attribution;
    writes.push(s.content.putAttribution(record, attribution));
  },
  // The scheduled-publication marker lives exactly as long as the item is `scheduled`.
  'schedule-marker': (step) =>
    void step.writes.push(step.s.content.scheduleMarker(step.record.id, step.set.publishAt as string)),
  'schedule-marker-cleared': ({ s, record, writes }) => {
    if (record.state === 'scheduled') writes.push(s.content.scheduleMarkerCleared(record.id));
  },
  'public-rendition': async (step) => {
    const portal = await step.s.portalUnits.get(step.record.unitCode);
    step.writes.push(
      step.s.content.putPublic(
        rendition(after(step), portal ? citationLine(portal, step.record.language, step.s.config.POLICY_PRESET) : ''),
      ),
    );
  },
  // Archived: the item leaves the public API whole (its public note too), as its search entries do.
  'public-removed': ({ s, record, writes }) => {
    if (record.publishedAt !== undefined) writes.push(s.content.deletePublic(record.id));
  },
  // The search entries change in the same transaction as what the public sees (at most 40 each way).
  'search-entries-listed': (step) => searchEntries(step, true),
  'search-entries-removed': (step) => searchEntries(step, false),
};

function searchEntries(step: ContentStep, online: boolean): void {
  const index = searchIndexWrites(step.s, after(step), online);
  step.writes.push(...index.actions);
  if (index.stored) step.set.searchIndex = index.stored;
  else if (step.record.searchIndex !== undefined) step.remove.push('searchIndex');
}

const clockFactsOf = (record: ContentItemRecord) => ({
  category: record.category as ContentCategoryId,
  legalDocument: record.legalDocument,
  eventDate: record.eventDate,
  translation: record.translationOf !== undefined,
});

/** Runs a row's effects in order and returns what they change, for the repository to write. */
export async function contentChanges(
  effects: readonly ContentEffect[],
  base: Omit<ContentStep, 'set' | 'remove' | 'writes' | 'at'>,
): Promise<ContentStepChanges> {
  const step: ContentStep = {
    ...base,
    at: base.ctx.now.toISOString(),
    set: { updatedAt: base.ctx.now.toISOString() },
    remove: [],
    writes: [],
  };
  for (const name of effects) if (name !== 'creation-revision') await contentEffects[name](step);
  return { set: step.set, remove: step.remove, writes: step.writes };
}

/** The public rendition: the whole item while online; after a withdrawal, only its note. */
export function rendition(record: ContentItemRecord, citation: string): PublicRendition {
  const base = {
    id: record.id,
    portal: record.unitCode,
    language: record.language,
    category: record.category,
    title: record.title,
    publishedAt: record.publishedAt!,
    citation,
  };
  if (record.state === 'withdrawn')
    return { ...base, status: 'withdrawn', publicNote: record.publicNote!, withdrawnAt: record.withdrawnAt! };
  return {
    ...base,
    status: 'published',
    body: record.body,
    attachments: record.attachments,
    ...(record.summary !== undefined && { summary: record.summary }),
    ...(record.legalDocument !== undefined && { legalDocument: record.legalDocument }),
  };
}
