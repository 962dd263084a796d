import { categoryOf, citationLine, diffSummary, onTime, publicationApprovalRefusal, quarterOf, type ContentCategoryId } from '../domain/content';
import { DomainError, invalidField } from '../domain/errors';
import type { Role } from '../domain/roles';
// The table and the engine by path, not the barrel: the barrel also loads the Q&A table into content bundles.
import { decide } from '../domain/workflow/engine';
import type { TransitionPlan } from '../domain/workflow/types';
import { contentWorkflow, type ContentAction, type ContentState } from '../domain/workflow/tables/content';
import { contentIndexKeys, type ContentItemRecord } from '../adapters/dynamo/content';
import type { PublicRendition } from '../adapters/dynamo/published-content';
import { keys } from '../adapters/dynamo/keys';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import { applyTransition, type TransitionExtension } from './workflow-transitions';
import { requireCleanAttachments } from './content-attachments';
import { searchIndexWrites } from './legal-search';
import { contentRepository, policy, readable, workflowItemOf } from './content';
import { readInUnit } from './unit-scope';
import { receiptDueAt } from './content-clock';
import { directory } from './directory';
import { portalUnit, readPortalAhead } from './portal-units';
import type { UseCaseContext } from './context';
import { processServices } from '../composition/process-services';

/**
 * One editorial step on one item (POST /content/{id}/transitions): the workflow engine decides,
 * then the item, its revision, audit entry, clocks, event and — on publication or withdrawal — its
 * public rendition commit in one conditional transaction (shared/application/workflow-transitions.ts).
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

const PUBLISHING: ReadonlySet<ContentAction> = new Set(['publish', 'emergency-publish', 'publish-scheduled']);

const scheduleMarkers = () => processServices().scheduledPublications;

export async function transitionContentItem(ctx: UseCaseContext, id: string, request: TransitionRequest, expectedVersion?: number) {
  // A publication names its portal: read alongside the item (issue 22), guessing the caller's own.
  if (PUBLISHING.has(request.action) || request.action === 'withdraw') readPortalAhead(ctx.principal.unitCode);
  const record = readable(ctx, id, await contentRepository().get(id));
  return takeContentStep(ctx, record, request, expectedVersion);
}

/**
 * One step on an item already read: for callers that checked who may see it themselves (the
 * bulk intake actions) or that act as the system (scheduled publication), which reads nothing.
 */
export async function takeContentStep(ctx: UseCaseContext, record: ContentItemRecord, request: TransitionRequest, expectedVersion?: number) {
  const id = record.id;
  const input = {
    ...(request.comment !== undefined && { comment: request.comment }),
    ...(request.reason !== undefined && { reason: request.reason }),
    ...(request.publicNote !== undefined && { publicNote: request.publicNote }),
    ...(request.assignee !== undefined && { assignTo: { unitPath: record.unitPath, personId: request.assignee } }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
  if (request.action === 'assign' && request.assignee === undefined) {
    throw invalidField('body.assignee', { vi: 'Cần nêu biên tập viên được giao', en: 'Give the editor to assign' }, 'required');
  }
  const aggregate = workflowItemOf(record);
  // The engine's refusals (version, permission, state, separation of duties, texts) come first,
  // so nobody learns more about an item than the step they may take.
  const decision = decide(contentWorkflow, aggregate, request.action, input, ctx);
  if (!decision.ok) throw decision.error;
  await contentGuards(record, request, ctx.now);
  // A clock that counts from the portal's receipt (CB 10.1đ) starts at the first submission.
  const received = request.action === 'submit' ? await receiptDueAt(clockFactsOf(record), record.dueAt, ctx.now) : undefined;
  const portal = PUBLISHING.has(request.action) || request.action === 'withdraw' ? await portalUnit(record.unitCode) : undefined;
  const applied = await applyTransition(ctx, contentWorkflow, aggregate, request.action, input, {
    itemKey: keys.contentItem(id),
    title: record.title,
    policy: policy(),
    ...(record.dueAt !== undefined && { dueAt: { publication: record.dueAt } }),
    extend: (plan, due) => extension(record, request, plan, received === undefined ? due : { ...due, publication: received }, ctx, portal ? citationLine(portal, record.language, processServices().config.POLICY_PRESET) : ''),
  });
  const dueAt = record.dueAt ?? received ?? applied.due.publication;
  return { id, state: applied.plan.to, version: applied.plan.nextVersion, ...(dueAt !== undefined && { dueAt }) };
}

const clockFactsOf = (record: ContentItemRecord) => ({
  category: record.category as ContentCategoryId,
  legalDocument: record.legalDocument,
  eventDate: record.eventDate,
  translation: record.translationOf !== undefined,
});

/** Editorial board members an item may be assigned to (CB 17.1, 17.3). */
const BOARD_ROLES: readonly Role[] = ['editor', 'secretary', 'chief-editor', 'deputy-editor'];

/** `assign` names an active account of the unit's editorial board (400 naming body.assignee otherwise). */
export async function requireBoardMember(unitCode: string, assignee: string | undefined): Promise<void> {
  const account = assignee === undefined ? undefined : await directory().accounts.get(assignee);
  if (account && account.status === 'active' && account.unitCode === unitCode && account.roles.some((r) => BOARD_ROLES.includes(r))) return;
  throw invalidField(
    'body.assignee',
    { vi: `${assignee} không phải thành viên Ban Biên tập của ${unitCode}`, en: `${assignee} is not a member of the editorial board of ${unitCode}` },
    'not_board_member',
  );
}

/** What only content knows: emergency publication is for legal documents; scheduling needs a future time; files must be clean. */
async function contentGuards(record: ContentItemRecord, request: TransitionRequest, now: Date): Promise<void> {
  if (request.action === 'assign') await requireBoardMember(record.unitCode, request.assignee);
  if (request.action === 'emergency-publish' && !('emergencyPublication' in categoryOf(record.category as ContentCategoryId))) {
    const message = { vi: 'Chỉ văn bản mới được đăng khẩn trước khi Trưởng ban quyết định', en: 'Only legal documents may be published before the chief decides' };
    throw new DomainError('conflict', message, [{ field: 'body.action', code: 'emergency_not_allowed', message }]);
  }
  if (request.action === 'schedule') {
    if (request.publishAt === undefined) {
      throw invalidField('body.publishAt', { vi: 'Cần nêu thời điểm đăng', en: 'Give the time to publish at' }, 'required');
    }
    if (Date.parse(request.publishAt) <= now.getTime()) {
      throw invalidField('body.publishAt', { vi: 'Thời điểm đăng phải ở tương lai', en: 'The publication time must be in the future' }, 'not_future');
    }
  }
  // BĐ 7.1: the People's Committee's approval is recorded before the chief approves and before anything goes online.
  if (PUBLISHING.has(request.action) || request.action === 'schedule' || request.action === 'approve') {
    const refusal = publicationApprovalRefusal(record, policy());
    if (refusal) throw refusal;
  }
  if (PUBLISHING.has(request.action) && record.sourceWithdrawn) {
    const message = {
      vi: `Bản gốc của ${record.id} (Cổng ${record.syndicatedFrom?.portal ?? ''}) đã bị gỡ: không đăng bản này`,
      en: `The source of ${record.id} (portal ${record.syndicatedFrom?.portal ?? ''}) was withdrawn: this copy is not published`,
    };
    throw new DomainError('conflict', message, [{ field: 'syndicatedFrom', code: 'source_withdrawn', message }]);
  }
  // A syndicated copy carries its source's files, which belong to the source's portal.
  if (PUBLISHING.has(request.action)) await requireCleanAttachments(directory().attachmentStatus, record.id, record.syndicatedFrom?.portal ?? record.unitCode, record.attachments);
}

function extension(
  record: ContentItemRecord,
  request: TransitionRequest,
  plan: TransitionPlan<string, string, string>,
  due: Readonly<Record<string, string>>,
  ctx: UseCaseContext,
  citation: string,
): TransitionExtension {
  const at = ctx.now.toISOString();
  const actor = ctx.principal.id;
  const state = plan.to as ContentState;
  const set: Record<string, unknown> = { updatedAt: at };
  const remove: string[] = [];
  const next: Record<string, unknown> = {};
  switch (request.action) {
    case 'propose':
      next.lastEditedBy = actor;
      break;
    case 'schedule':
      // In UTC, as every instant on the due index, so `dueAt <= now` compares like with like.
      next.publishAt = new Date(request.publishAt!).toISOString();
      break;
    case 'assign':
      next.assignedAt = at;
      break;
    case 'emergency-publish':
      next.emergency = { by: actor, reason: plan.notes.reason, at };
      break;
    case 'confirm':
      next.emergency = { ...record.emergency, confirmedBy: actor, confirmedAt: at };
      break;
    case 'withdraw':
      Object.assign(next, { publicNote: plan.notes.publicNote, withdrawnAt: at });
      break;
    default:
  }
  const dueAt = record.dueAt ?? due.publication;
  if (dueAt !== undefined && record.dueAt === undefined) next.dueAt = dueAt;
  if (PUBLISHING.has(request.action) && record.publishedAt === undefined) {
    // "Published on time" is frozen at the first publication, and the item leaves the due index.
    Object.assign(next, { publishedAt: at, publishedOnTime: onTime(at, dueAt) });
    remove.push('duePk');
  }
  // Attribution (QN 12.2) is frozen at the first publication, whichever step publishes.
  const attribution = PUBLISHING.has(request.action) && record.attribution === undefined ? { contributors: record.contributors, frozenAt: at, quarter: quarterOf(at) } : undefined;
  if (attribution) next.attribution = attribution;
  const after = { ...record, ...next, state, updatedAt: at } as ContentItemRecord;
  Object.assign(set, next, indexKeysWithoutDue(after));
  if (after.publishedAt === undefined && after.dueAt !== undefined) Object.assign(set, keys.contentDue(record.unitCode, after.dueAt));

  const actions: WriteAction[] = [
    contentRepository().revision(record.id, {
      version: plan.nextVersion,
      at,
      actor,
      action: request.action,
      // An assignment keeps the state: its revision names what it changed.
      summary: diffSummary({ state: record.state, assignee: record.assignee?.personId }, { state, assignee: plan.next.assignee?.personId }),
    }),
  ];
  // The scheduled-publication marker lives exactly as long as the item is `scheduled`.
  if (request.action === 'schedule') actions.push(scheduleMarkers().mark(record.id, next.publishAt as string));
  else if (record.state === 'scheduled') actions.push(scheduleMarkers().clear(record.id));
  if (attribution) actions.push(contentRepository().putAttribution(record, attribution));
  if (PUBLISHING.has(request.action) || request.action === 'withdraw') actions.push(contentRepository().putPublic(rendition(after, citation)));
  // Archived: the item leaves the public API whole (its public note too), as its search entries do.
  if (request.action === 'archive' && record.publishedAt !== undefined) actions.push(contentRepository().deletePublic(record.id));
  if (PUBLISHING.has(request.action) || request.action === 'withdraw' || request.action === 'archive') {
    // The search entries change in the same transaction as what the public sees (at most 40 each way).
    const index = searchIndexWrites(directory(), after, PUBLISHING.has(request.action));
    actions.push(...index.actions);
    if (index.stored) set.searchIndex = index.stored;
    else if (record.searchIndex !== undefined) remove.push('searchIndex');
  }
  return { set, remove, work: { actions } };
}

function indexKeysWithoutDue(record: ContentItemRecord) {
  const { duePk: _duePk, dueAt: _dueAt, ...rest } = contentIndexKeys(record) as Record<string, string>;
  return rest;
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
  if (record.state === 'withdrawn') return { ...base, status: 'withdrawn', publicNote: record.publicNote!, withdrawnAt: record.withdrawnAt! };
  return {
    ...base,
    status: 'published',
    body: record.body,
    attachments: record.attachments,
    ...(record.summary !== undefined && { summary: record.summary }),
    ...(record.legalDocument !== undefined && { legalDocument: record.legalDocument }),
  };
}

export interface UnitContentFilter {
  readonly state?: ContentState | undefined;
  readonly category?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** A unit's items for its staff, without their bodies (GET /content/{id} has those). */
export async function listUnitContent(ctx: UseCaseContext, unitCode: string, filter: UnitContentFilter) {
  const page = await readInUnit(directory(), ctx.principal, 'content.read', unitCode, () =>
    contentRepository().ofUnit(unitCode, {
      limit: filter.limit,
      ...(filter.state !== undefined && { state: filter.state }),
      ...(filter.category !== undefined && { category: filter.category }),
      ...(filter.overdue && { overdueAt: ctx.now.toISOString() }),
      ...(filter.cursor !== undefined && { cursor: filter.cursor }),
    }),
  );
  return {
    items: page.items.map(({ body: _body, legalDocument, ...rest }) => ({
      ...rest,
      ...(legalDocument !== undefined && { numberSymbol: legalDocument.numberSymbol }),
      overdue: rest.publishedAt === undefined && rest.dueAt !== undefined && rest.dueAt < ctx.now.toISOString(),
    })),
    ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }),
  };
}
