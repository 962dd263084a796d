import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sweepDue } from './due-sweep';
import { queryAll } from './pagination';
import type { EscalationLevel, RecipientRole } from '../../domain/questions/escalation';
import type { QuestionClock } from '../../domain/workflow/tables/questions';
import { keys, WORK_DUE_SHARDS } from './keys';
import type { WriteAction } from './unit-of-work';

/**
 * The question clocks on the sparse due index (`DUEWORK#Question#<shard>`, only while open) and
 * the writes of one escalation: its marker (`ESCALATION#<question>#<clock>#<dueAt>#<level>`, put
 * only if absent) and the clock's work item, marked with the level for that due instant and
 * conditioned on the clock being still open and still due then (a clock closed, re-opened or
 * moved by a progress notice meanwhile does not escalate on what the job read before). Each one is
 * also logged in its question's log (`QESCALATIONS#<id>` / `<raisedAt>#<clock>#<level>`, no TTL: history),
 * so the question's staff view lists what was raised (issue 25).
 */
export interface DueClock {
  readonly workId: string;
  readonly questionId: string;
  readonly clock: QuestionClock;
  readonly dueAt: string;
  readonly unitCode: string;
  readonly assigneeId?: string;
  /** The question's portal (work opened before owners were kept has none: the caller reads the question). */
  readonly owner?: string;
  /** Levels already raised for this due instant. */
  readonly raised: readonly EscalationLevel[];
}

const QUESTION = 'Question';
const attributeOf: Record<EscalationLevel, string> = { reminder: 'escalatedReminder', overdue: 'escalatedOverdue', 'very-overdue': 'escalatedVeryOverdue' };
const PROJECTION = ['workId', 'aggregateId', 'clock', 'dueAt', 'unitCode', 'assigneeId', 'owner', ...Object.values(attributeOf)];

/** Markers outlive any clock: a year and a month. */
const MARKER_TTL_SECONDS = 400 * 86_400;

/** One escalation raised on a question, as its staff view shows it. */
export interface RaisedEscalation {
  readonly clock: QuestionClock;
  readonly level: EscalationLevel;
  readonly dueAt: string;
  readonly raisedAt: string;
  readonly unitCode: string;
  readonly recipientRole: RecipientRole;
}

export const ESCALATION_RAISED_FIELD = 'internal.escalationRaised';
export const CLOCK_MOVED_FIELD = 'internal.clockMoved';

function toDueClock(item: Record<string, unknown>): DueClock {
  const dueAt = String(item.dueAt);
  const raised = (Object.entries(attributeOf) as [EscalationLevel, string][]).filter(([, name]) => item[name] === dueAt).map(([level]) => level);
  return {
    workId: String(item.workId),
    questionId: String(item.aggregateId),
    clock: item.clock as QuestionClock,
    dueAt,
    unitCode: String(item.unitCode),
    ...(typeof item.assigneeId === 'string' && { assigneeId: item.assigneeId }),
    ...(typeof item.owner === 'string' && { owner: item.owner }),
    raised,
  };
}

export class QuestionEscalationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Every open question clock due by `horizon`, earliest first, at most `limit`: one Query per shard, never a Scan. */
  async dueBy(horizon: string, limit: number): Promise<{ clocks: DueClock[]; more: boolean }> {
    const { found, more } = await sweepDue(this.client, this.tableName, {
      shards: WORK_DUE_SHARDS,
      duePk: (shard) => keys.openWorkDue(QUESTION, shard).duePk,
      horizon,
      limit,
      pageSize: 500,
      attributes: PROJECTION,
      read: toDueClock,
      order: (a, b) => a.dueAt.localeCompare(b.dueAt) || a.workId.localeCompare(b.workId),
    });
    return { clocks: found, more };
  }

  /** The escalations raised on a question, oldest first (one Query of its partition). */
  async of(questionId: string): Promise<RaisedEscalation[]> {
    const { pk } = keys.questionEscalationsOf(questionId);
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
    return items.map((i) => ({ clock: i.clock, level: i.level, dueAt: i.dueAt, raisedAt: i.raisedAt, unitCode: i.unitCode, recipientRole: i.recipientRole }) as RaisedEscalation);
  }

  /** The marker, the clock's mark and the question's log entry of one escalation: the first two refuse a second time. */
  raise(clock: DueClock, level: EscalationLevel, now: Date, recipientRole: RecipientRole): WriteAction[] {
    const marker: WriteAction = {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.questionEscalation(clock.questionId, clock.clock, clock.dueAt, level),
            type: 'QuestionEscalation',
            questionId: clock.questionId,
            clock: clock.clock,
            dueAt: clock.dueAt,
            level,
            raisedAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Đã nhắc mức này', en: 'This level was raised already' }, field: ESCALATION_RAISED_FIELD },
    };
    const mark: WriteAction = {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.work(clock.workId),
          UpdateExpression: 'SET #level = :due',
          ConditionExpression: '#status = :open AND dueAt = :due AND (attribute_not_exists(#level) OR #level <> :due)',
          ExpressionAttributeNames: { '#status': 'status', '#level': attributeOf[level] },
          ExpressionAttributeValues: { ':open': 'open', ':due': clock.dueAt },
        },
      },
      onConflict: { message: { vi: 'Thời hạn đã đóng, đã đổi hoặc đã được nhắc', en: 'The clock closed, moved or was raised already' }, field: CLOCK_MOVED_FIELD },
    };
    const raisedAt = now.toISOString();
    const log: WriteAction = {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.questionEscalationLog(clock.questionId, raisedAt, clock.clock, level),
            type: 'QuestionEscalationLog',
            clock: clock.clock,
            level,
            dueAt: clock.dueAt,
            raisedAt,
            unitCode: clock.unitCode,
            recipientRole,
          },
        },
      },
      onConflict: { message: { vi: 'Đã nhắc mức này', en: 'This level was raised already' }, field: ESCALATION_RAISED_FIELD },
    };
    return [marker, mark, log];
  }
}
