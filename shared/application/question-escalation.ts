import { auditEntry } from '../domain/audit';
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
import type { DueClock } from '../adapters/dynamo/question-escalation';
import type { Work } from '../adapters/dynamo/unit-of-work';
import type { Services } from '../composition/services';

/**
 * The escalation job (issue 9 #5): on working days, reads the open question clocks due by the
 * reminder horizon (the sparse due index, sharded: never a Scan) and raises each level reached
 * (shared/domain/questions/escalation.ts) once per question, clock, due instant and level. A
 * clock's levels (its mark, log entries, audit entries and `QuestionEscalated` events) are one
 * piece of work; the run's pieces commit together, as many per transaction as fit (about 24
 * clocks), so of two runs at once one raises a clock and the other finds it raised. A closed clock
 * has no due entry; a re-opened one has a new due instant; a progress notice moved the answer's.
 */
const ACTOR = { id: 'system:question-escalation', kind: 'system' } as const;
/**
 * Open clocks read per run at most: a memory guard. All of them are read, raised or not, so clocks
 * raised already (they stay on the index until they close) never hide later ones from the job.
 */
const READ_LIMIT = 50_000;
/**
 * Clocks escalated per run at most (~24 a transaction, 4 transactions in flight); the rest wait for
 * the next run (`more`). Measured against the 300 s timeout in docs/bench.md (Escalation).
 */
const RAISE_LIMIT = 5_000;

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

export async function escalateDueQuestions(
  s: Pick<Services, 'config' | 'calendar' | 'questionEscalations' | 'questions' | 'uow'>,
  now: Date,
  requestId: string,
  limits = { read: READ_LIMIT, raise: RAISE_LIMIT },
): Promise<EscalationRun> {
  const calendar = await s.calendar.current();
  const counts = { reminder: 0, overdue: 0, veryOverdue: 0, skipped: 0 };
  if (!isWorkingDayAt(now, calendar)) return { workingDay: false, due: 0, ...counts, more: false };
  const policy = escalationPolicyOf(effectivePolicy(s.config.POLICY_PRESET, s.config.POLICY_OVERRIDES));
  const read = await s.questionEscalations.dueBy(reminderHorizon(now, policy, calendar), limits.read);
  let more = read.more;
  const raising: { levels: EscalationLevel[]; work: Work }[] = [];
  for (const clock of read.clocks) {
    const levels = levelsReached(clock.clock, clock.dueAt, now, policy, calendar).filter(
      (level) => !clock.raised.includes(level),
    );
    if (levels.length === 0) continue;
    if (raising.length === limits.raise) {
      more = true;
      break;
    }
    const portal = clock.owner ?? (await s.questions.get(clock.questionId))?.portal;
    if (portal === undefined) continue;
    raising.push({ levels, work: escalation(s, clock, levels, portal, now, requestId) });
  }
  const committed = await s.uow.commitEach(
    raising.map((r) => r.work),
    { requestId, now },
  );
  raising.forEach(({ levels }, i) => {
    for (const level of levels) {
      if (committed[i]) counts[level === 'very-overdue' ? 'veryOverdue' : level] += 1;
      else counts.skipped += 1;
    }
  });
  return { workingDay: true, due: read.clocks.length, ...counts, more };
}

/**
 * Everything raising `levels` of one clock writes: refused whole when another run raised them
 * first, or the clock closed or moved meanwhile.
 */
function escalation(
  s: Pick<Services, 'questionEscalations'>,
  clock: DueClock,
  levels: readonly EscalationLevel[],
  portal: string,
  now: Date,
  requestId: string,
): Work {
  const raised = levels.map((level) => ({ level, recipientRole: recipientOf(clock.clock, level) }));
  const details = raised.map(({ level, recipientRole }) => ({
    questionId: clock.questionId,
    portal,
    clock: clock.clock,
    level,
    dueAt: clock.dueAt,
    unitCode: clock.unitCode,
    recipientRole,
    ...(clock.assigneeId !== undefined && { assigneeId: clock.assigneeId }),
  }));
  return {
    actions: s.questionEscalations.raise(clock, raised, now),
    audits: details.map((detail) =>
      auditEntry(
        {
          scope: portal,
          actor: ACTOR,
          action: 'question.escalate',
          target: { type: 'Question', id: clock.questionId },
          before: null,
          after: detail,
          requestId,
        },
        now,
      ),
    ),
    events: details.map((detail) => pendingEvent('QuestionEscalated', detail)),
  };
}
