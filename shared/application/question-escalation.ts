import { auditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { effectivePolicy } from '../domain/policies';
import {
  escalationPolicyOf,
  isWorkingDayAt,
  levelsReached,
  recipientOf,
  reminderHorizon,
  type EscalationLevel,
} from '../domain/questions/escalation';
import { pendingEvent } from '../../events/catalogue';
import { ESCALATION_RAISED_FIELD, CLOCK_MOVED_FIELD, type DueClock } from '../adapters/dynamo/question-escalation';
import { env } from '../config/env';
import { currentCalendar } from './calendar-service';
import { processServices } from '../composition/process-services';

/**
 * The escalation job (issue 9 #5): on working days, reads the open question clocks due by the
 * reminder horizon (the sparse due index, sharded: never a Scan) and raises each level reached
 * (shared/domain/questions/escalation.ts) once per question, clock, due instant and level: its
 * marker, the clock's mark, an audit entry and a `QuestionEscalated` event commit in one
 * transaction, so of two runs at once one raises it and the other finds it raised. A closed clock
 * has no due entry; a re-opened one has a new due instant; a progress notice moved the answer's.
 */
const ACTOR = { id: 'system:question-escalation', kind: 'system' } as const;
/** Clocks read per run; more are left for the next run (`more`). */
const BATCH = 1000;
/** Two transactions on one item at once: the loser tries again, then finds the level raised. */
const ATTEMPTS = 4;

const repos = () => {
  const s = processServices();
  return { escalation: s.questionEscalations, questions: s.questions, uow: s.uow };
};

export interface EscalationRun {
  /** false: a day off by the calendar in force; nothing was read. */
  readonly workingDay: boolean;
  /** Open clocks read from the due index. */
  readonly due: number;
  readonly reminder: number;
  readonly overdue: number;
  readonly veryOverdue: number;
  /** Levels reached but raised by another run meanwhile, or whose clock closed or moved. */
  readonly skipped: number;
  readonly more: boolean;
}

export async function escalateDueQuestions(now: Date, requestId: string): Promise<EscalationRun> {
  const calendar = await currentCalendar();
  const counts = { reminder: 0, overdue: 0, veryOverdue: 0, skipped: 0 };
  if (!isWorkingDayAt(now, calendar)) return { workingDay: false, due: 0, ...counts, more: false };
  const policy = escalationPolicyOf(effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES));
  const { clocks, more } = await repos().escalation.dueBy(reminderHorizon(now, policy, calendar), BATCH);
  for (const clock of clocks) {
    const levels = levelsReached(clock.clock, clock.dueAt, now, policy, calendar).filter((level) => !clock.raised.includes(level));
    if (levels.length === 0) continue;
    const portal = clock.owner ?? (await repos().questions.get(clock.questionId))?.portal;
    if (portal === undefined) continue;
    for (const level of levels) {
      if (await raise(clock, level, portal, now, requestId)) counts[level === 'very-overdue' ? 'veryOverdue' : level] += 1;
      else counts.skipped += 1;
    }
  }
  return { workingDay: true, due: clocks.length, ...counts, more };
}

/** Commits one escalation; false when it was raised already, or its clock closed or moved. */
async function raise(clock: DueClock, level: EscalationLevel, portal: string, now: Date, requestId: string): Promise<boolean> {
  const recipientRole = recipientOf(clock.clock, level);
  const detail = {
    questionId: clock.questionId,
    portal,
    clock: clock.clock,
    level,
    dueAt: clock.dueAt,
    unitCode: clock.unitCode,
    recipientRole,
    ...(clock.assigneeId !== undefined && { assigneeId: clock.assigneeId }),
  };
  const audit = auditEntry(
    { scope: portal, actor: ACTOR, action: 'question.escalate', target: { type: 'Question', id: clock.questionId }, before: null, after: detail, requestId },
    now,
  );
  for (let attempt = 1; ; attempt += 1) {
    try {
      await repos().uow.commit({ actions: repos().escalation.raise(clock, level, now, recipientRole), audits: [audit], events: [pendingEvent('QuestionEscalated', detail)] }, { requestId, now });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'conflict') throw error;
      if (error.fields.some((f) => f.field === ESCALATION_RAISED_FIELD || f.field === CLOCK_MOVED_FIELD)) return false;
      // A concurrent transaction on the same items: try again, then the condition decides.
      if (attempt >= ATTEMPTS) return false;
      await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
    }
  }
}
