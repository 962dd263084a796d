import { can } from '../domain/access/authorize';
import { DomainError } from '../domain/errors';
import { isComplex } from '../domain/questions';
import {
  decide,
  questionWorkflow,
  type QuestionClock,
  type QuestionState,
  type QuestionWorkflowItem,
  type TransitionInput,
} from '../domain/workflow';
import { availableSteps } from '../domain/workflow/available';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import { applyTransition } from './workflow-transitions';
import { askerAnswerClock } from './question-answer-clock';
import { readInUnit } from './unit-scope';
import { askerFor } from './question-asker';
import { questionChanges, questionGuards, questionInputs, type QuestionTransitionRequest } from './question-steps';
import type { UseCaseContext } from './context';
import type { Services } from '../composition/services';
import { deploymentPolicy } from './deployment-policy';

/**
 * The staff side of Q&A (issue 9): read a question, list a portal's or a unit's questions, the
 * board's intake (classify, refuse, route), the unit's return or answer, and the board's check of
 * the answer (approve or return it) and its sending to the asker. Each step is decided by the
 * workflow engine and commits with its audit entry, clocks and event.
 */
export { servedActions, type ServedAction } from '../domain/questions/served-actions';

export type { QuestionTransitionRequest } from './question-steps';

const notFound = (id: string) =>
  new DomainError('not_found', { vi: `Không có câu hỏi ${id}`, en: `No question ${id}` });

/** The board of the portal asked, or the unit the question is routed to (and their superiors' auditors). */
const mayRead = (ctx: UseCaseContext, record: QuestionRecord) =>
  can(ctx.principal, 'qa.read', record.unitPath, ctx.now) ||
  (record.assignee !== undefined && can(ctx.principal, 'qa.read-routed', record.assignee.unitPath, ctx.now));

/** A question the caller may not read is answered as one that does not exist (ids are sequential). */
async function readable(s: Services, ctx: UseCaseContext, id: string): Promise<QuestionRecord> {
  const record = await s.questions.get(id);
  if (!record || !mayRead(ctx, record)) throw notFound(id);
  return record;
}

const overdue = (record: QuestionRecord, now: Date) => record.dueAt !== undefined && record.dueAt < now.toISOString();

function staffView(record: QuestionRecord, now: Date) {
  const { secretHash: _secret, ...rest } = record;
  return { ...rest, overdue: overdue(record, now) };
}

/** The question as the workflow engine sees it. */
export const questionWorkflowItemOf = (record: QuestionRecord): QuestionWorkflowItem => ({
  id: record.id,
  state: record.state,
  version: record.version,
  unitPath: record.unitPath,
  openClocks: record.openClocks,
  complex: isComplex(record.complexity, record.scope),
  ...(record.assignee !== undefined && { assignee: record.assignee }),
  ...(record.submittedBy !== undefined && { submittedBy: record.submittedBy }),
  ...(record.participants !== undefined && { participants: record.participants }),
});

/**
 * The staff view: the record without the secret's hash, the escalations the job raised on it, and
 * the steps of its stage with whether this caller may take each (advisory, for a console's buttons:
 * the transition decides again).
 */
export async function readQuestion(s: Services, ctx: UseCaseContext, id: string) {
  const record = await readable(s, ctx, id);
  // Personal data: the portal's board, and the unit it is routed to if the board chose so (CB 6; NĐ 356/2025).
  const [asker, raised] = await Promise.all([
    askerFor(s, ctx.principal, record, ctx.now),
    s.questionEscalations.of(id),
  ]);
  const steps = availableSteps(questionWorkflow, questionWorkflowItemOf(record), ctx.principal, ctx.now);
  return { ...staffView(record, ctx.now), escalations: raised, steps, ...(asker !== undefined && { asker }) };
}

export interface QuestionListFilter {
  readonly view?: 'portal' | 'unit' | undefined;
  readonly stage?: QuestionState | undefined;
  readonly overdue?: boolean | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The portal's questions for its board (`view=portal`), or those routed to the unit (`view=unit`; the default for others). */
export async function listQuestions(s: Services, ctx: UseCaseContext, code: string, filter: QuestionListFilter) {
  const view = filter.view ?? (can(ctx.principal, 'qa.route', [code], ctx.now) ? 'portal' : 'unit');
  const page = await readInUnit(
    s,
    ctx.principal,
    // The portal's questions are the board's; those routed to the unit are also its own staff's.
    view === 'portal' ? 'qa.read' : 'qa.read-routed',
    code,
    () =>
      s.questions.list(code, {
        view,
        limit: filter.limit,
        ...(filter.stage !== undefined && { state: filter.stage }),
        ...(filter.overdue && { overdueAt: ctx.now.toISOString() }),
        ...(filter.cursor !== undefined && { cursor: filter.cursor }),
      }),
    ctx.now,
  );
  return {
    view,
    items: page.items.map((r) => ({
      id: r.id,
      portal: r.portal,
      field: r.field,
      title: r.title,
      stage: r.state,
      version: r.version,
      receivedAt: r.receivedAt,
      ...(r.dueAt !== undefined && { dueAt: r.dueAt }),
      ...(r.assignee !== undefined && { assignedTo: r.assignee.unitPath[0] }),
      overdue: overdue(r, ctx.now),
    })),
    ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }),
  };
}

/**
 * One Q&A step: the row of the Q&A table (shared/domain/workflow/tables/questions.ts) says what it
 * does. Its input is resolved, the engine decides once, its guards check, and its effects, with the
 * plan, become the writes the question repository builds and commits in one transaction.
 */
export async function transitionQuestion(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  request: QuestionTransitionRequest,
  expectedVersion?: number,
) {
  const record = await readable(s, ctx, id);
  const row = Object.hasOwn(questionWorkflow.transitions, request.action)
    ? questionWorkflow.transitions[request.action]
    : undefined;
  let input: TransitionInput = {
    ...(request.reason !== undefined && { reason: request.reason }),
    ...(request.comment !== undefined && { comment: request.comment }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
  for (const name of row?.input ?? []) input = { ...input, ...(await questionInputs[name](s, request)) };
  // The engine's refusals (version, permission, state, texts) come first.
  const decision = decide(questionWorkflow, questionWorkflowItemOf(record), request.action, input, ctx);
  if (!decision.ok) throw decision.error;
  const plan = decision.value;
  for (const name of row?.guards ?? []) await questionGuards[name](s, record, request, ctx);
  // A step that opens the answer clock counts it from the portal's receipt where the preset says so (CB 11.4).
  const askerClock = plan.work.open.some((o) => o.clock === 'answer')
    ? await askerAnswerClock(s, record, ctx.now)
    : undefined;
  await applyTransition<QuestionClock, typeof plan>(ctx, plan, {
    uow: s.uow,
    deadlines: s.calendar.deadlines,
    policy: deploymentPolicy(s.config),
    ...(askerClock !== undefined && { dueAt: { answer: askerClock.dueAt } }),
    writes: async (due) =>
      s.questions.stepWrites(
        record,
        plan,
        await questionChanges(row?.effects ?? [], {
          s,
          ctx,
          record,
          request,
          plan,
          due,
          ...(askerClock !== undefined && { askerClock }),
        }),
        due,
      ),
  });
  const after = await s.questions.get(id);
  return {
    id,
    stage: plan.to,
    version: plan.nextVersion,
    ...(after?.dueAt !== undefined && { dueAt: after.dueAt }),
    ...(after?.answerDueAt !== undefined && { answerDueAt: after.answerDueAt }),
    ...(after?.returnDueAt !== undefined && { returnDueAt: after.returnDueAt }),
    // A routing tells the unit its share of the asker's clock.
    ...(row?.effects?.includes('routing') &&
      askerClock !== undefined && {
        unitShare: { routedAt: ctx.now.toISOString(), workingDays: askerClock.unitWorkingDays },
      }),
  };
}
