import { auditEntry } from '../domain/audit';
import { invalidField } from '../domain/errors';
import {
  answerOf,
  endOfLocalDay,
  isComplex,
  progressNoticeKind,
  progressNoticeRefusal,
  reopenedFields,
  requireVietnameseText,
  workingDaysBetween,
  type Complexity,
  type DraftAnswer,
  type QuestionField,
  type QuestionScope,
  type RefusalGround,
} from '../domain/questions';
import type { ServedAction } from '../domain/questions/served-actions';
import type { TransitionInput, TransitionPlan } from '../domain/workflow/types';
import {
  questionWorkflow,
  type QuestionAction,
  type QuestionClock,
  type QuestionEffect,
  type QuestionGuard,
  type QuestionInput,
  type QuestionState,
} from '../domain/workflow/tables/questions';
import type { QuestionRecord, QuestionStepChanges, Routing } from '../adapters/dynamo/questions';
import type { AuditEntry } from '../domain/audit';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import { conventionsOf } from '../domain/policies/conventions';
import type { AskerAnswerClock } from './question-answer-clock';
import { publicCopyOf, requirePublicationConsent } from './question-publication';
import { askerToRedact } from './question-asker';
import { answerNotAuthorised } from './answer-authorisations';
import type { Services } from '../composition/services';
import { deploymentPolicy } from './deployment-policy';
import type { UseCaseContext } from './context';

/**
 * The functions the rows of the Q&A table name (shared/domain/workflow/tables/questions.ts): each
 * row says which input, guards and effects its step has; here is what each one does.
 */
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

/** One step being taken, as its effects see it; they add to `set`, `remove`, `writes` and `audits`. */
export interface QuestionStep {
  readonly s: Services;
  readonly ctx: UseCaseContext;
  readonly record: QuestionRecord;
  readonly request: QuestionTransitionRequest;
  readonly plan: TransitionPlan<QuestionState, QuestionAction, QuestionClock>;
  readonly due: Readonly<Partial<Record<QuestionClock, string>>>;
  /** An answer clock counted from the portal's receipt (CB 11.4), and the unit's share of it from this routing. */
  readonly askerClock?: AskerAnswerClock;
  readonly at: string;
  /** The question's version after the step: each figure it freezes is keyed by it. */
  readonly version: number;
  readonly set: Partial<Record<keyof QuestionRecord, unknown>>;
  readonly remove: (keyof QuestionRecord)[];
  readonly writes: WriteAction[];
  readonly audits: AuditEntry[];
  listedFor?: { readonly unitCode: string; readonly at: string };
  unlisted?: boolean;
}

/** The unit a question is routed to, with its ancestors (the engine checks it lies within the portal). */
export const questionInputs: Readonly<
  Record<QuestionInput, (s: Services, request: QuestionTransitionRequest) => Promise<Partial<TransitionInput>>>
> = {
  unit: async (s, { unit: code }) => {
    if (code === undefined)
      throw invalidField('unit', { vi: 'Cần nêu đơn vị trả lời', en: 'Give the unit to route to' }, 'required');
    const unit = await s.units.get(code);
    if (!unit) throw invalidField('unit', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');
    return {
      assignTo: { unitPath: [unit.code, ...(unit.ancestorCodes ?? (await s.units.scopeOf(code)).slice(1))] },
    };
  },
};

export const questionGuards: Readonly<
  Record<
    QuestionGuard,
    (
      s: Services,
      record: QuestionRecord,
      request: QuestionTransitionRequest,
      ctx: UseCaseContext,
    ) => void | Promise<void>
  >
> = {
  'complexity-given': (_s, _record, request) => {
    if (request.complexity === undefined)
      throw invalidField(
        'complexity',
        { vi: 'Cần nêu mức độ phức tạp khi phân loại', en: 'Give the complexity to classify' },
        'required',
      );
  },
  'ground-given': (_s, _record, request) => {
    if (request.ground === undefined)
      throw invalidField(
        'ground',
        { vi: 'Cần nêu căn cứ từ chối (CB 11.1)', en: 'Give the ground for refusing (CB 11.1)' },
        'required',
      );
  },
  // CB 11.5 where the preset says so: the head, or an officer the head authorised for this field.
  'answerer-authorised': async (s, record, _request, ctx) => {
    const refusal = await answerNotAuthorised(s, ctx, record.assignee?.unitPath[0] ?? '', record.field);
    if (refusal) throw refusal;
  },
  'answer-checked': (s, _record, request) => checkAnswer(s, request.answer),
  'publication-consent': (_s, record) => requirePublicationConsent(record),
  'progress-notice-allowed': (s, record, request, ctx) => {
    const policy = deploymentPolicy(s.config);
    const refusal = progressNoticeRefusal(policy, {
      previous: record.progressNotice,
      expectedBy: request.expectedBy,
      answerDueAt: record.answerDueAt,
      now: ctx.now,
      complex: isComplex(record.complexity, record.scope),
    });
    if (refusal) throw refusal;
  },
};

/** An answer has Vietnamese text with diacritics, and each citation linked to a published legal document names it by its number/symbol. */
async function checkAnswer(s: Pick<Services, 'publishedContent'>, answer: DraftAnswer | undefined): Promise<void> {
  if (answer === undefined)
    throw invalidField('answer', { vi: 'Cần nêu nội dung trả lời', en: 'Give the answer' }, 'required');
  requireVietnameseText('answer.text', { vi: 'Nội dung trả lời', en: 'answer text' }, answer.text);
  await Promise.all(
    answer.citations.map(async (citation, i) => {
      if (citation.contentId === undefined) return;
      const field = `answer.citations.${i}.contentId`;
      const document = await s.publishedContent.get(citation.contentId);
      if (!document || document.status !== 'published' || document.legalDocument === undefined) {
        throw invalidField(
          field,
          {
            vi: `Không có văn bản đã đăng ${citation.contentId}`,
            en: `No published legal document ${citation.contentId}`,
          },
          'not_found',
        );
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

/** Working days from the last routing to now, counted on the calendar in force now, to be frozen with the answer. */
async function answerWorkingDays(s: Pick<Services, 'calendar'>, record: QuestionRecord, now: Date): Promise<number> {
  const routedAt = record.routings[record.routings.length - 1]?.routedAt ?? record.receivedAt;
  const calendar = await s.calendar.current(now.getTime());
  return workingDaysBetween((day) => calendar.isWorkingDay(day), new Date(routedAt), now);
}

/** What each effect changes on the question or writes beside it (per-unit figures, issue 9 §9: each frozen in the step's own transaction). */
export const questionEffects: Readonly<Record<QuestionEffect, (step: QuestionStep) => void | Promise<void>>> = {
  classification: ({ set, request }) =>
    void Object.assign(set, {
      complexity: request.complexity,
      ...(request.scope !== undefined && { scope: request.scope }),
      ...(request.field !== undefined && { field: request.field }),
    }),
  // "On time" frozen with the classification clock it closes.
  refusal: ({ set, remove, record, request, plan, at }) => {
    set.refusal = { ground: request.ground, reason: plan.notes.reason, at, onTime: at <= record.classificationDueAt };
    remove.push('dueAt');
  },
  routing: (step) => {
    const { s, record, plan, due, at, set, remove, writes, ctx, request } = step;
    const unitCode = plan.next.assignee!.unitPath[0]!;
    const routing: Routing = {
      unitCode,
      routedAt: at,
      answerDueAt: due.answer!,
      returnDueAt: due.return!,
      routedOnTime: at <= record.classificationDueAt,
      ...(step.askerClock !== undefined && { unitWorkingDays: step.askerClock.unitWorkingDays }),
    };
    Object.assign(set, {
      routings: [...record.routings, routing],
      answerDueAt: due.answer,
      returnDueAt: due.return,
      dueAt: due.answer,
    });
    step.listedFor = { unitCode, at };
    writes.push(
      s.questions.fact(
        record.portal,
        {
          kind: 'routed',
          questionId: record.id,
          at,
          onTime: routing.routedOnTime,
          rerouting: record.routings.length > 0,
        },
        step.version,
      ),
      s.questions.fact(unitCode, { kind: 'received', questionId: record.id, at }, step.version),
    );
    if (request.shareAskerData !== true || record.erasure !== undefined) {
      remove.push('askerSharedWith');
      return;
    }
    // The board chose to show the asker's data to this unit: recorded on the question, audited apart.
    set.askerSharedWith = unitCode;
    step.audits.push(
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
      ),
    );
  },
  // Re-routing will open a new answer clock; the history keeps this routing and why it came back.
  'routing-returned': (step) => {
    const { s, record, plan, due, at, set, remove, writes } = step;
    const routings = record.routings.map((r, i) =>
      i === record.routings.length - 1
        ? { ...r, returnedAt: at, returnReason: plan.notes.reason, returnedOnTime: at <= r.returnDueAt }
        : r,
    );
    Object.assign(set, { routings, classificationDueAt: due.classify, dueAt: due.classify });
    remove.push('answerDueAt', 'returnDueAt', 'askerSharedWith');
    step.unlisted = true;
    const unit = record.assignee?.unitPath[0];
    if (unit !== undefined)
      writes.push(
        s.questions.fact(
          unit,
          { kind: 'returned', questionId: record.id, at, onTime: routings[routings.length - 1]!.returnedOnTime! },
          step.version,
        ),
      );
  },
  // On time until the end of the expected day: the question and its answer clock's work item say so.
  'progress-notice': (step) => {
    const { s, set, record, request, ctx, at, writes } = step;
    // Frozen for the reports (issue 27): the unit gave a progress notice (CB 11.4) or reported back (BĐ 12.4).
    const unit = record.assignee?.unitPath[0];
    if (unit !== undefined)
      writes.push(s.questions.fact(unit, { kind: 'progress-notice', questionId: record.id, at }, step.version));
    if (progressNoticeKind(deploymentPolicy(s.config), isComplex(record.complexity, record.scope)) === 'report-back') {
      // BĐ 12.4: the unit reports back so the board can inform the asker; the answer clock stays.
      const expected =
        request.expectedBy === undefined
          ? {}
          : { expectedBy: request.expectedBy, expectedByAt: endOfLocalDay(request.expectedBy) };
      set.progressNotice = { at, by: ctx.principal.id, kind: 'report-back', ...expected };
      return;
    }
    const expectedByAt = endOfLocalDay(request.expectedBy!);
    Object.assign(set, {
      progressNotice: { at, by: ctx.principal.id, expectedBy: request.expectedBy, expectedByAt },
      dueAt: expectedByAt,
    });
    writes.push(s.questions.moveAnswerClock(record.id, expectedByAt));
  },
  // "Answered on time" and the working days it took are frozen now, against the clock and calendar that ran.
  answer: async (step) => {
    const { s, record, request, ctx, at, set, remove, writes } = step;
    const workingDays = await answerWorkingDays(s, record, ctx.now);
    const answeredOnTime = record.dueAt === undefined || at <= record.dueAt;
    Object.assign(set, {
      answer: answerOf(request.answer!, ctx.principal.id, at, conventionsOf(s.config.POLICY_PRESET).advisoryNotice),
      answeredAt: at,
      answeredOnTime,
      answerWorkingDays: workingDays,
    });
    // The return clock closes with the answer (the routing history keeps its due instant).
    remove.push('dueAt', 'returnDueAt');
    const unit = record.assignee?.unitPath[0];
    if (unit !== undefined)
      writes.push(
        s.questions.fact(
          unit,
          { kind: 'answered', questionId: record.id, at, onTime: answeredOnTime, workingDays },
          step.version,
        ),
      );
  },
  approval: ({ set, ctx, at }) => void (set.approval = { by: ctx.principal.id, at }),
  // The unit reworks it on a new answer clock; the returned answer and the board's comment are kept.
  'answer-returned': ({ set, remove, record, plan, due, at }) => {
    Object.assign(set, {
      returnedAnswers: [
        ...(record.returnedAnswers ?? []),
        { ...record.answer!, returnedAt: at, comment: plan.notes.comment! },
      ],
      answerDueAt: due.answer,
      dueAt: due.answer,
    });
    remove.push('answer', 'answeredAt', 'answeredOnTime', 'answerWorkingDays');
  },
  sent: ({ set, at }) => void (set.sentAt = at),
  // The public copy leaves out the asker's data (redacted from the text too).
  'public-copy': async ({ s, set, record, at, writes }) => {
    set.publishedAt = at;
    writes.push(s.questions.publishCopy(publicCopyOf(record, await askerToRedact(s, record.id), at)));
  },
  reopened: ({ s, set, remove, record, due, at, writes }) => {
    const fields = reopenedFields(record, at, due.classify!);
    Object.assign(set, fields.set);
    remove.push(...(fields.remove as (keyof QuestionRecord)[]));
    if (record.state === 'published') writes.push(s.questions.unpublish(record.id));
  },
};

/** Runs a row's effects in order and returns what they change, for the repository to write. */
export async function questionChanges(
  effects: readonly QuestionEffect[],
  base: Pick<QuestionStep, 's' | 'ctx' | 'record' | 'request' | 'plan' | 'due' | 'askerClock'>,
): Promise<QuestionStepChanges> {
  const at = base.ctx.now.toISOString();
  const step: QuestionStep = {
    ...base,
    at,
    version: base.record.version + 1,
    set: { updatedAt: at },
    remove: [],
    writes: [],
    audits: [],
  };
  for (const name of effects) await questionEffects[name](step);
  return {
    set: step.set,
    remove: step.remove,
    writes: step.writes,
    audits: step.audits,
    ...(step.listedFor !== undefined && { listedFor: step.listedFor }),
    ...(step.unlisted === true && { unlisted: true }),
  };
}
