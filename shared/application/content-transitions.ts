// The table and the engine by path, not the barrel: the barrel also loads the Q&A table into content bundles.
import { decide } from '../domain/workflow/engine';
import type { TransitionInput } from '../domain/workflow/types';
import { contentWorkflow, type ContentState } from '../domain/workflow/tables/content';
import type { ContentItemRecord } from '../adapters/dynamo/content';
import { applyTransition } from './workflow-transitions';
import { contentChanges, contentGuards, contentInputs, type TransitionRequest } from './content-steps';
import { policy, readable, workflowItemOf } from './content';
import { readInUnit } from './unit-scope';
import type { Services } from '../composition/services';
import type { UseCaseContext } from './context';

export { rendition, requireBoardMember, type TransitionRequest } from './content-steps';

/**
 * One editorial step on one item (POST /content/{id}/transitions): the row of the content table
 * (shared/domain/workflow/tables/content.ts) says everything the step does. Its input is resolved,
 * the engine decides once, its guards check, and its effects, with the plan, become the writes the
 * content repository builds: the item, its revision, audit entry, clocks, event and — on
 * publication or withdrawal — its public rendition commit in one conditional transaction.
 */
export async function transitionContentItem(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  request: TransitionRequest,
  expectedVersion?: number,
  /** The item's read, if the caller started it already (read ahead with the caller's: issue 22). */
  itemRead: Promise<ContentItemRecord | undefined> = s.content.get(id),
) {
  // A step that renders the item for the public names its portal: read alongside the item (issue 22), guessing the caller's own.
  if (rowOf(request)?.effects?.includes('public-rendition')) s.portalUnits.readAhead(ctx.principal.unitCode);
  const record = readable(ctx, id, await itemRead);
  return takeContentStep(s, ctx, record, request, expectedVersion);
}

const rowOf = (request: TransitionRequest) =>
  Object.hasOwn(contentWorkflow.transitions, request.action) ? contentWorkflow.transitions[request.action] : undefined;

/**
 * One step on an item already read: for callers that checked who may see it themselves (the
 * bulk intake actions) or that act as the system (scheduled publication), which reads nothing.
 */
export async function takeContentStep(
  s: Services,
  ctx: UseCaseContext,
  record: ContentItemRecord,
  request: TransitionRequest,
  expectedVersion?: number,
) {
  const row = rowOf(request);
  let input: TransitionInput = {
    ...(request.comment !== undefined && { comment: request.comment }),
    ...(request.reason !== undefined && { reason: request.reason }),
    ...(request.publicNote !== undefined && { publicNote: request.publicNote }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
  for (const name of row?.input ?? []) input = { ...input, ...contentInputs[name](record, request) };
  // The engine's refusals (version, permission, state, separation of duties, texts) come first,
  // so nobody learns more about an item than the step they may take.
  const decision = decide(contentWorkflow, workflowItemOf(record), request.action, input, ctx);
  if (!decision.ok) throw decision.error;
  const plan = decision.value;
  for (const name of row?.guards ?? []) await contentGuards[name](s, record, request, ctx.now);
  let setDueAt: string | undefined;
  const applied = await applyTransition(ctx, plan, {
    uow: s.uow,
    deadlines: s.calendar.deadlines,
    policy: policy(s),
    ...(record.dueAt !== undefined && { dueAt: { publication: record.dueAt } }),
    writes: async (due) => {
      const changes = await contentChanges(row?.effects ?? [], { s, ctx, record, request, plan, due });
      setDueAt = changes.set.dueAt as string | undefined;
      return s.content.stepWrites(record, plan, changes, due);
    },
  });
  // A deadline the step set (counted from the receipt at submission), else the clock it opened.
  const dueAt = record.dueAt ?? setDueAt ?? applied.due.publication;
  return { id: record.id, state: plan.to, version: plan.nextVersion, ...(dueAt !== undefined && { dueAt }) };
}

export interface UnitContentFilter {
  readonly state?: ContentState | undefined;
  readonly category?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** A unit's items for its staff, without their bodies (GET /content/{id} has those). */
export async function listUnitContent(s: Services, ctx: UseCaseContext, unitCode: string, filter: UnitContentFilter) {
  const page = await readInUnit(s, ctx.principal, 'content.read', unitCode, () =>
    s.content.ofUnit(unitCode, {
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
