import { can } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import {
  answerOf,
  endOfLocalDay,
  reopenedFields,
  isComplex,
  progressNoticeRefusal,
  progressNoticeKind,
  type ProgressNoticeKind,
  requireVietnameseText,
  workingDaysBetween,
  type Asker,
  type Complexity,
  type DraftAnswer,
  type QuestionField,
  type QuestionScope,
  type RefusalGround,
} from '../domain/questions';
import { decide, questionWorkflow, type QuestionState, type QuestionWorkflowItem, type TransitionInput, type TransitionPlan } from '../domain/workflow';
import { keys } from '../adapters/dynamo/keys';
import { availableSteps } from '../domain/workflow/available';
import { effectivePolicy } from '../domain/policies';
import { env } from '../config/env';
import { conventionsOf } from '../domain/policies/conventions';
import type { QuestionRecord, Routing } from '../adapters/dynamo/questions';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import { applyTransition, type TransitionExtension } from './workflow-transitions';
import { currentCalendar } from './calendar-service';
import { askerAnswerClock, type AskerAnswerClock } from './question-answer-clock';
import { publicCopyOf, publicationWrite, requirePublicationConsent } from './question-publication';
import { putQuestionFact } from '../adapters/dynamo/question-facts';
import { deletePublishedQuestion } from '../adapters/dynamo/published-questions';
import { readInUnit } from './unit-scope';
import { directory } from './directory';
import { questionRepository } from './questions';
import { askerFor, askerToRedact } from './question-asker';
import { answerNotAuthorised } from './answer-authorisations';
import type { UseCaseContext } from './context';

/**
 * The staff side of Q&A (issue 9): read a question, list a portal's or a unit's questions, the
 * board's intake (classify, refuse, route), the unit's return or answer, and the board's check of
 * the answer (approve or return it) and its sending to the asker. Each step is decided by the
 * workflow engine and commits with its audit entry, clocks and event.
 */
export { servedActions, type ServedAction } from '../domain/questions/served-actions';
import type { ServedAction } from '../domain/questions/served-actions';
import { processServices } from '../composition/process-services';

export interface QuestionTransitionRequest {
  readonly action: ServedAction;
  readonly answer?: DraftAnswer | undefined;
  /** progress-notice: the local date the answer is expected by (YYYY-MM-DD). */
  readonly expectedBy?: string | undefined;
  readonly unit?: string | undefined;
  readonly complexity?: Complexity | undefined;
  readonly scope?: QuestionScope | undefined;
  readonly field?: QuestionField | undefined;
  readonly ground?: RefusalGround | undefined;
  readonly reason?: string | undefined;
  readonly comment?: string | undefined;
  /** route: show the asker's data to the unit (the board's choice, audited). */
  readonly shareAskerData?: boolean | undefined;
}

const notFound = (id: string) => new DomainError('not_found', { vi: `Không có câu hỏi ${id}`, en: `No question ${id}` });

/** The board of the portal asked, or the unit the question is routed to (and their superiors' auditors). */
const mayRead = (ctx: UseCaseContext, record: QuestionRecord) =>
  can(ctx.principal, 'qa.read', record.unitPath, ctx.now) || (record.assignee !== undefined && can(ctx.principal, 'qa.read-routed', record.assignee.unitPath, ctx.now));

/** A question the caller may not read is answered as one that does not exist (ids are sequential). */
async function readable(ctx: UseCaseContext, id: string): Promise<QuestionRecord> {
  const record = await questionRepository().get(id);
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

const escalationRepository = () => processServices().questionEscalations;

/**
 * The staff view: the record without the secret's hash, the escalations the job raised on it, and
 * the steps of its stage with whether this caller may take each (advisory, for a console's buttons:
 * the transition decides again).
 */
export async function readQuestion(ctx: UseCaseContext, id: string) {
  const record = await readable(ctx, id);
  // Personal data: the portal's board, and the unit it is routed to if the board chose so (CB 6; NĐ 356/2025).
  const [asker, raised] = await Promise.all([askerFor(ctx.principal, record, ctx.now), escalationRepository().of(id)]);
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
export async function listQuestions(ctx: UseCaseContext, code: string, filter: QuestionListFilter) {
  const view = filter.view ?? (can(ctx.principal, 'qa.route', [code], ctx.now) ? 'portal' : 'unit');
  const page = await readInUnit(
    directory(), ctx.principal,
    // The portal's questions are the board's; those routed to the unit are also its own staff's.
    view === 'portal' ? 'qa.read' : 'qa.read-routed',
    code,
    () =>
      questionRepository().list(code, {
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

export async function transitionQuestion(ctx: UseCaseContext, id: string, request: QuestionTransitionRequest, expectedVersion?: number) {
  const record = await readable(ctx, id);
  const aggregate = questionWorkflowItemOf(record);
  const assignTo = request.action === 'route' ? await routeTarget(request.unit) : undefined;
  const input: TransitionInput = {
    ...(request.reason !== undefined && { reason: request.reason }),
    ...(request.comment !== undefined && { comment: request.comment }),
    ...(assignTo !== undefined && { assignTo }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
  // The engine's refusals (version, permission, state, texts) come first.
  const decision = decide(questionWorkflow, aggregate, request.action, input, ctx);
  if (!decision.ok) throw decision.error;
  if (request.action === 'classify' && request.complexity === undefined) {
    throw invalidField('body.complexity', { vi: 'Cần nêu mức độ phức tạp khi phân loại', en: 'Give the complexity to classify' }, 'required');
  }
  if (request.action === 'refuse' && request.ground === undefined) {
    throw invalidField('body.ground', { vi: 'Cần nêu căn cứ từ chối (CB 11.1)', en: 'Give the ground for refusing (CB 11.1)' }, 'required');
  }
  if (request.action === 'answer') {
    // CB 11.5 where the preset says so: the head, or an officer the head authorised for this field.
    const refusal = await answerNotAuthorised(directory(), ctx, record.assignee?.unitPath[0] ?? '', record.field);
    if (refusal) throw refusal;
    await checkAnswer(request.answer);
  }
  if (request.action === 'publish') requirePublicationConsent(record);
  let noticeKind: ProgressNoticeKind | undefined;
  if (request.action === 'progress-notice') {
    const policy = effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES);
    const complex = isComplex(record.complexity, record.scope);
    const refusal = progressNoticeRefusal(policy, { previous: record.progressNotice, expectedBy: request.expectedBy, answerDueAt: record.answerDueAt, now: ctx.now, complex });
    if (refusal) throw refusal;
    noticeKind = progressNoticeKind(policy, complex);
  }
  // What the step freezes or copies: the answer's working days on today's calendar, the asker's data to redact.
  const askerClock = request.action === 'route' || request.action === 'return-answer' ? await askerAnswerClock(record, ctx.now) : undefined;
  const facts: StepFacts = {
    ...(askerClock !== undefined && { askerClock }),
    ...(noticeKind !== undefined && { noticeKind }),
    ...(request.action === 'answer' && { answerWorkingDays: await answerWorkingDays(record, ctx.now) }),
    ...(request.action === 'publish' && { asker: await askerToRedact(id) }),
  };
  const applied = await applyTransition(ctx, questionWorkflow, aggregate, request.action, input, {
    itemKey: keys.question(id),
    title: `Câu hỏi ${id}`,
    ...(askerClock !== undefined && { dueAt: { answer: askerClock.dueAt } }),
    extend: (plan, due) => extension(record, request, plan, due, ctx, facts),
  });
  const after = await questionRepository().get(id);
  return {
    id,
    stage: applied.plan.to,
    version: applied.plan.nextVersion,
    ...(after?.dueAt !== undefined && { dueAt: after.dueAt }),
    ...(after?.answerDueAt !== undefined && { answerDueAt: after.answerDueAt }),
    ...(after?.returnDueAt !== undefined && { returnDueAt: after.returnDueAt }),
    ...(request.action === 'route' && facts.askerClock !== undefined && { unitShare: { routedAt: ctx.now.toISOString(), workingDays: facts.askerClock.unitWorkingDays } }),
  };
}

function moveAnswerClock(id: string, dueAt: string): WriteAction {
  return {
    item: {
      Update: {
        TableName: env().TABLE_NAME,
        Key: keys.work(keys.workflowClockWorkId(questionWorkflow.aggregateType, id, 'answer')),
        UpdateExpression: 'SET dueAt = :due',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':due': dueAt, ':open': 'open' },
      },
    },
    onConflict: { message: { vi: `Thời hạn trả lời của ${id} không còn mở`, en: `The answer clock of ${id} is not open` } },
  };
}

/** The unit a question is routed to, with its ancestors (the engine checks it lies within the portal). */
async function routeTarget(code: string | undefined) {
  if (code === undefined) throw invalidField('body.unit', { vi: 'Cần nêu đơn vị trả lời', en: 'Give the unit to route to' }, 'required');
  const unit = await directory().units.get(code);
  if (!unit) throw invalidField('body.unit', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');
  return { unitPath: [unit.code, ...(unit.ancestorCodes ?? (await directory().units.scopeOf(code)).slice(1))] };
}

/** An answer has Vietnamese text with diacritics, and each citation linked to a published legal document names it by its number/symbol. */
async function checkAnswer(answer: DraftAnswer | undefined): Promise<void> {
  if (answer === undefined) throw invalidField('body.answer', { vi: 'Cần nêu nội dung trả lời', en: 'Give the answer' }, 'required');
  requireVietnameseText('body.answer.text', { vi: 'Nội dung trả lời', en: 'answer text' }, answer.text);
  await Promise.all(
    answer.citations.map(async (citation, i) => {
      if (citation.contentId === undefined) return;
      const field = `body.answer.citations.${i}.contentId`;
      const document = await directory().publishedContent.get(citation.contentId);
      if (!document || document.status !== 'published' || document.legalDocument === undefined) {
        throw invalidField(field, { vi: `Không có văn bản đã đăng ${citation.contentId}`, en: `No published legal document ${citation.contentId}` }, 'not_found');
      }
      if (document.legalDocument.numberSymbol !== citation.numberSymbol) {
        const message = {
          vi: `Văn bản ${citation.contentId} có số, ký hiệu ${document.legalDocument.numberSymbol}, không phải ${citation.numberSymbol}`,
          en: `Document ${citation.contentId} is ${document.legalDocument.numberSymbol}, not ${citation.numberSymbol}`,
        };
        throw invalidField(field, message, 'mismatch');
      }
    }),
  );
}

interface StepFacts {
  /** An answer clock counted from the portal's receipt (CB 11.4), and the unit's share of it from this routing. */
  readonly askerClock?: AskerAnswerClock;
  readonly answerWorkingDays?: number;
  readonly noticeKind?: ProgressNoticeKind;
  readonly asker?: Asker | undefined;
}

/** Working days from the last routing to now, counted on the calendar in force now, to be frozen with the answer. */
async function answerWorkingDays(record: QuestionRecord, now: Date): Promise<number> {
  const routedAt = record.routings[record.routings.length - 1]?.routedAt ?? record.receivedAt;
  const calendar = await currentCalendar(now.getTime());
  return workingDaysBetween((day) => calendar.isWorkingDay(day), new Date(routedAt), now);
}

function extension(
  record: QuestionRecord,
  request: QuestionTransitionRequest,
  plan: TransitionPlan<string, string, string>,
  due: Readonly<Record<string, string>>,
  ctx: UseCaseContext,
  facts: StepFacts,
): TransitionExtension {
  const at = ctx.now.toISOString();
  const set: Record<string, unknown> = { updatedAt: at };
  const remove: string[] = [];
  // Per-unit figures (issue 9 §9): each fact frozen in the step's own transaction.
  const actions: WriteAction[] = [];
  const table = env().TABLE_NAME;
  const unitOfAssignee = record.assignee?.unitPath[0];
  const step = record.version + 1;
  switch (request.action) {
    case 'classify':
      Object.assign(set, { complexity: request.complexity, ...(request.scope !== undefined && { scope: request.scope }), ...(request.field !== undefined && { field: request.field }) });
      break;
    case 'refuse':
      // "On time" frozen with the classification clock it closes.
      set.refusal = { ground: request.ground, reason: plan.notes.reason, at, onTime: at <= record.classificationDueAt };
      remove.push('dueAt');
      break;
    case 'route': {
      const unitCode = plan.next.assignee!.unitPath[0]!;
      const routing: Routing = {
        unitCode,
        routedAt: at,
        answerDueAt: due.answer!,
        returnDueAt: due.return!,
        routedOnTime: at <= record.classificationDueAt,
        ...(facts.askerClock !== undefined && { unitWorkingDays: facts.askerClock.unitWorkingDays }),
      };
      Object.assign(set, { routings: [...record.routings, routing], answerDueAt: due.answer, returnDueAt: due.return, dueAt: due.answer }, keys.questionsOfUnit(unitCode, at, record.id));
      actions.push(
        putQuestionFact(table, record.portal, { kind: 'routed', questionId: record.id, at, onTime: routing.routedOnTime, rerouting: record.routings.length > 0 }, step),
        putQuestionFact(table, unitCode, { kind: 'received', questionId: record.id, at }, step),
      );
      if (request.shareAskerData !== true || record.erasure !== undefined) {
        remove.push('askerSharedWith');
        break;
      }
      // The board chose to show the asker's data to this unit: recorded on the question, audited apart.
      set.askerSharedWith = unitCode;
      return { set, remove, work: { actions, audits: [askerSharedAudit(record, unitCode, ctx)] } };
    }
    case 'reopen': {
      const fields = reopenedFields(record, at, due.classify!);
      Object.assign(set, fields.set);
      remove.push(...fields.remove);
      if (record.state === 'published') actions.push(deletePublishedQuestion(table, record.id));
      break;
    }
    case 'return': {
      // Re-routing will open a new answer clock; the history keeps this routing and why it came back.
      const routings = record.routings.map((r, i) =>
        i === record.routings.length - 1 ? { ...r, returnedAt: at, returnReason: plan.notes.reason, returnedOnTime: at <= r.returnDueAt } : r,
      );
      Object.assign(set, { routings, classificationDueAt: due.classify, dueAt: due.classify });
      remove.push('answerDueAt', 'returnDueAt', 'gsi2pk', 'gsi2sk', 'askerSharedWith');
      if (unitOfAssignee !== undefined) actions.push(putQuestionFact(table, unitOfAssignee, { kind: 'returned', questionId: record.id, at, onTime: routings[routings.length - 1]!.returnedOnTime! }, step));
      break;
    }
    case 'answer': {
      // "Answered on time" and the working days it took are frozen now, against the clock and calendar that ran.
      const answeredOnTime = record.dueAt === undefined || at <= record.dueAt;
      Object.assign(set, { answer: answerOf(request.answer!, ctx.principal.id, at, conventionsOf(env().POLICY_PRESET).advisoryNotice), answeredAt: at, answeredOnTime, answerWorkingDays: facts.answerWorkingDays });
      // The return clock closes with the answer (the routing history keeps its due instant).
      remove.push('dueAt', 'returnDueAt');
      if (unitOfAssignee !== undefined) {
        actions.push(putQuestionFact(table, unitOfAssignee, { kind: 'answered', questionId: record.id, at, onTime: answeredOnTime, workingDays: facts.answerWorkingDays! }, step));
      }
      break;
    }
    case 'approve-answer':
      set.approval = { by: ctx.principal.id, at };
      break;
    case 'return-answer':
      // The unit reworks it on a new answer clock; the returned answer and the board's comment are kept.
      Object.assign(set, {
        returnedAnswers: [...(record.returnedAnswers ?? []), { ...record.answer!, returnedAt: at, comment: plan.notes.comment! }],
        answerDueAt: due.answer,
        dueAt: due.answer,
      });
      remove.push('answer', 'answeredAt', 'answeredOnTime', 'answerWorkingDays');
      break;
    case 'send':
      set.sentAt = at;
      break;
    case 'publish':
      set.publishedAt = at;
      actions.push(publicationWrite(table, publicCopyOf(record, facts.asker, at)));
      break;
    case 'progress-notice': {
      if (unitOfAssignee !== undefined) actions.push(putQuestionFact(table, unitOfAssignee, { kind: 'progress-notice', questionId: record.id, at }, step));
      if (facts.noticeKind === 'report-back') {
        // BĐ 12.4: the unit reports back so the board can inform the asker; the answer clock stays.
        const expected = request.expectedBy === undefined ? {} : { expectedBy: request.expectedBy, expectedByAt: endOfLocalDay(request.expectedBy) };
        set.progressNotice = { at, by: ctx.principal.id, kind: 'report-back', ...expected };
        break;
      }
      // On time until the end of the expected day: the question and its answer clock's work item say so.
      const expectedByAt = endOfLocalDay(request.expectedBy!);
      Object.assign(set, { progressNotice: { at, by: ctx.principal.id, expectedBy: request.expectedBy, expectedByAt }, dueAt: expectedByAt });
      actions.push(moveAnswerClock(record.id, expectedByAt));
      break;
    }
  }
  return { set, remove, ...(actions.length > 0 && { work: { actions } }) };
}

const askerSharedAudit = (record: QuestionRecord, unitCode: string, ctx: UseCaseContext) =>
  auditEntry(
    {
      scope: record.portal,
      actor: { id: ctx.principal.id, kind: ctx.principal.kind },
      action: 'question.share-asker',
      target: { type: questionWorkflow.aggregateType, id: record.id },
      before: { askerSharedWith: record.askerSharedWith ?? null },
      after: { askerSharedWith: unitCode },
      requestId: ctx.requestId,
    },
    ctx.now,
  );
