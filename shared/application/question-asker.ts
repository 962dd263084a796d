import { auditEntry, type AuditEntry } from '../domain/audit';
import { can, requireAccess, type Principal } from '../domain/access/authorize';
import { DomainError } from '../domain/errors';
import {
  questionClocks,
  ratingRefusal,
  ratingReopens,
  reopenedFields,
  type Asker,
  type QuestionRating,
  type Rating,
} from '../domain/questions';
import { questionWorkflow } from '../domain/workflow';
import { effectivePolicy } from '../domain/policies';
import { pendingEvent, type EventDetail } from '../../events/catalogue';
import { openAsker } from '../adapters/crypto/asker-envelope';
import type { QuestionRecord } from '../adapters/dynamo/questions';
import type { Work } from '../adapters/dynamo/unit-of-work';
import { putQuestionFact } from '../adapters/dynamo/question-facts';
import type { Services } from '../composition/services';
import { questionForAsker } from './questions';
import type { UseCaseContext } from './context';

/**
 * The asker's rating and the erasure of their personal data (issue 9 §4, §7), and who on staff may
 * see that data. Each commits the question's change with its audit entry (no personal data in it)
 * in one transaction; a refused request writes nothing.
 */
interface RequestContext {
  readonly requestId: string;
  readonly now: Date;
}

const ASKER = { id: 'asker', kind: 'anonymous' } as const;

const CHANGED = { vi: 'Câu hỏi vừa thay đổi; hãy thử lại', en: 'The question just changed; try again' };
const RATED = {
  vi: 'Câu hỏi này vừa được đánh giá hoặc thay đổi; mỗi câu hỏi chỉ đánh giá một lần',
  en: 'This question was just rated or changed; once per question',
};

export interface RatingInput {
  readonly rating: Rating;
  readonly comment?: string | undefined;
}

/**
 * POST /public/questions/{trackingCode}/rating: once the answer is sent (or published), once per
 * question. "Not answered" within the reopen window reopens it for the board: the answer moves to
 * the history, the board's classification clock opens (its queue), and a QuestionReopened event.
 */
export async function rateAnswer(
  s: Pick<Services, 'config' | 'calendar' | 'questions' | 'uow'>,
  ctx: RequestContext,
  trackingCode: string,
  secret: string,
  input: RatingInput,
) {
  const record = await questionForAsker(s, trackingCode, secret);
  const refusal = ratingRefusal(record);
  if (refusal) throw refusal;
  const at = ctx.now.toISOString();
  const policy = effectivePolicy(s.config.POLICY_PRESET, s.config.POLICY_OVERRIDES);
  const deadlines = await s.calendar.deadlines();
  const window = policy.value('qa.reopenWindow');
  const sentAt = new Date(record.sentAt!);
  const windowEndsAt = (
    window.unit === 'workingDays'
      ? deadlines.addWorkingDays(sentAt, window.value)
      : deadlines.addCalendarDays(sentAt, window.value)
  ).dueAt;
  const reopened = ratingReopens(input.rating, ctx.now, windowEndsAt);
  const rating: QuestionRating = {
    rating: input.rating,
    ...(input.comment !== undefined && { comment: input.comment }),
    at,
    reopened,
  };
  const state = reopened ? questionWorkflow.transitions.reopen.to : record.state;
  const audit = auditEntry(
    {
      scope: record.portal,
      actor: ASKER,
      action: 'question.rate',
      target: { type: questionWorkflow.aggregateType, id: record.id },
      before: { state: record.state, version: record.version },
      // The comment stays out of the log: it is the asker's free text.
      after: { state, version: record.version + 1, rating: input.rating, reopened },
      requestId: ctx.requestId,
    },
    ctx.now,
  );
  // The rating of the unit's answer, frozen for the reports' figures (issue 27); the board's own answer counts for the portal.
  const ratingFact = putQuestionFact(
    s.config.TABLE_NAME,
    record.assignee?.unitPath[0] ?? record.portal,
    { kind: 'rated', questionId: record.id, at, rating: input.rating },
    record.version + 1,
  );
  let work: Work;
  if (!reopened) {
    work = {
      actions: [s.questions.rated(record, { rating, updatedAt: at }, [], RATED), ratingFact],
      audits: [audit],
    };
  } else {
    const classificationDueAt = questionClocks(policy, deadlines).classificationDue(ctx.now);
    const fields = reopenedFields(record, at, classificationDueAt);
    const clock = questionWorkflow.clocks.classify;
    const openClocks = [...record.openClocks.filter((c) => c !== 'classify'), 'classify'];
    const repo = s.questions;
    work = {
      actions: [
        repo.rated(record, { ...fields.set, rating, state, openClocks }, fields.remove, RATED),
        ratingFact,
        // Published and now reopened: off the public list until answered, sent and published again.
        ...(record.state === 'published' ? [repo.unpublish(record.id)] : []),
        repo.clockOpened(
          record.id,
          {
            clock: 'classify',
            policy: clock.policy as 'qa.classify',
            basis: clock.basis,
            assignee: { unitCode: record.portal },
            startedAt: at,
          },
          classificationDueAt,
        ),
      ],
      audits: [audit],
      events: [
        pendingEvent('WorkflowTransitioned', {
          key: `${questionWorkflow.aggregateType}#${record.id}#${record.version + 1}`,
          event: questionWorkflow.transitions.reopen.event,
          type: questionWorkflow.aggregateType,
          id: record.id,
          action: 'reopen',
          from: record.state,
          to: state,
          version: record.version + 1,
          unitCode: record.portal,
          assignedTo: record.assignee?.unitPath[0] ?? null,
          // The platform reopens it under the policy, on the asker's rating: no person, and nothing of the asker.
          actor: { id: 'asker-rating', kind: 'system' },
          at,
        } satisfies EventDetail<'WorkflowTransitioned'>),
      ],
    };
  }
  await s.uow.commit(work, ctx);
  // Not the comment: the answer is kept for Idempotency-Key replays, and erasure could not reach it there.
  return {
    trackingCode: record.id,
    stage: state,
    rating: rating.rating,
    at,
    reopened,
    reopenWindowEndsAt: windowEndsAt,
  };
}

export interface ErasureReceipt {
  readonly trackingCode: string;
  readonly erasureRequestedAt: string;
  readonly erasedAt: string;
}

const receipt = (record: QuestionRecord): ErasureReceipt => ({
  trackingCode: record.id,
  erasureRequestedAt: record.erasure!.requestedAt,
  erasedAt: record.erasure!.erasedAt,
});

/** POST /public/questions/{trackingCode}/erasure: the asker's own request (tracking code and secret). */
export async function eraseAskerData(
  s: Pick<Services, 'questions' | 'uow'>,
  ctx: RequestContext,
  trackingCode: string,
  secret: string,
): Promise<ErasureReceipt> {
  const record = await questionForAsker(s, trackingCode, secret);
  return erase(s, ctx, record, 'asker-request', ASKER, {});
}

/** POST /questions/{id}/erasure: the board (chief) carries out an authority's demand, naming the demand's document. */
export async function eraseAskerDataOnDemand(
  s: Pick<Services, 'questions' | 'uow'>,
  ctx: UseCaseContext,
  id: string,
  demandReference: string,
): Promise<ErasureReceipt> {
  const record = await s.questions.get(id);
  if (!record || !can(ctx.principal, 'qa.read', record.unitPath, ctx.now))
    throw new DomainError('not_found', { vi: `Không có câu hỏi ${id}`, en: `No question ${id}` });
  requireAccess(ctx.principal, 'qa.erase-asker', record.unitPath, ctx.now);
  return erase(
    s,
    ctx,
    record,
    'authority-demand',
    { id: ctx.principal.id, kind: ctx.principal.kind },
    { demandReference },
  );
}

/**
 * Destroys the personal data at once (NĐ 356/2025 allows 2 working days to acknowledge, 15 days to
 * complete): the asker item with its wrapped data key, and the duplicate guard (a digest of the
 * asker's identity and text). The question stays, anonymised and workable. A second request
 * answers the first one's instants.
 */
async function erase(
  s: Pick<Services, 'questions' | 'uow'>,
  ctx: RequestContext,
  record: QuestionRecord,
  on: 'asker-request' | 'authority-demand',
  actor: AuditEntry['actor'],
  extra: Record<string, string>,
): Promise<ErasureReceipt> {
  if (record.erasure) return receipt(record);
  const repo = s.questions;
  const stored = await repo.asker(record.id);
  const at = ctx.now.toISOString();
  const erasure = { requestedAt: at, erasedAt: at, on };
  // The rating's comment is the asker's free text: it goes too; the rating stays for the figures.
  const remove = ['askerSharedWith', ...(record.rating?.comment !== undefined ? ['rating.comment'] : [])];
  const work: Work = {
    actions: [
      ...(stored ? repo.eraseAsker(stored) : []),
      repo.erased(record, { erasure, updatedAt: at }, remove, CHANGED),
    ],
    audits: [
      auditEntry(
        {
          scope: record.portal,
          actor,
          action: 'question.erase-asker',
          target: { type: questionWorkflow.aggregateType, id: record.id },
          before: { askerData: stored ? 'held' : 'none' },
          after: { askerData: 'destroyed', on, erasedAt: at, ...extra },
          requestId: ctx.requestId,
        },
        ctx.now,
      ),
    ],
  };
  try {
    await s.uow.commit(work, ctx);
  } catch (error) {
    // A concurrent erasure won: answer its instants.
    const now = error instanceof DomainError ? await repo.get(record.id) : undefined;
    if (now?.erasure) return receipt(now);
    throw error;
  }
  return { trackingCode: record.id, erasureRequestedAt: at, erasedAt: at };
}

/**
 * The asker's data for staff: the portal's board (`qa.read-asker`), or the unit the question is
 * routed to when the board chose to share it (`qa.answer` there); for anyone else, nothing.
 */
export async function askerFor(
  s: Pick<Services, 'questions' | 'askerKeys'>,
  principal: Principal,
  record: QuestionRecord,
  now: Date,
): Promise<Asker | undefined> {
  const board = can(principal, 'qa.read-asker', record.unitPath, now);
  const sharedUnit =
    record.askerSharedWith !== undefined &&
    record.assignee?.unitPath[0] === record.askerSharedWith &&
    can(principal, 'qa.answer', record.assignee.unitPath, now);
  if (!board && !sharedUnit) return undefined;
  return askerToRedact(s, record.id);
}

/** The asker's data, opened (none once erased); alone, only to take it out of a publication's texts. */
export async function askerToRedact(
  s: Pick<Services, 'questions' | 'askerKeys'>,
  questionId: string,
): Promise<Asker | undefined> {
  const stored = await s.questions.asker(questionId);
  return stored ? openAsker<Asker>(s.askerKeys, questionId, stored.sealed) : undefined;
}
