import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sweepDue } from './due-sweep';
import { queryAll } from './pagination';
import type { EscalationLevel, RecipientRole } from '../../domain/questions/escalation';
import type { QuestionClock } from '../../domain/workflow/tables/questions';
import { keys, WORK_DUE_SHARDS } from './keys';
import { putEscalationFact } from './question-facts';
import type { WriteAction } from './unit-of-work';

/**
 * The question clocks on the sparse due index (`DUEWORK#Question#<shard>`, only while open) and
 * the writes of escalating one: the clock's work item, marked with each level raised for its due
 * instant and conditioned on the clock being still open and still due then (a clock closed,
 * re-opened or moved by a progress notice meanwhile does not escalate on what the job read before;
 * a re-opened clock is a new Put, due later than any level raised on the old one). Each level is
 * also logged in its question's log (`QESCALATIONS#<id>` / `<raisedAt>#<clock>#<level>`, no TTL:
 * history), so the question's staff view lists what was raised (issue 25).
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
const attributeOf: Record<EscalationLevel, string> = {
  reminder: 'escalatedReminder',
  overdue: 'escalatedOverdue',
  'very-overdue': 'escalatedVeryOverdue',
};
const PROJECTION = [
  'workId',
  'aggregateId',
  'clock',
  'dueAt',
  'unitCode',
  'assigneeId',
  'owner',
  ...Object.values(attributeOf),
];

/** One escalation raised on a question, as its staff view shows it. */
export interface RaisedEscalation {
  readonly clock: QuestionClock;
  readonly level: EscalationLevel;
  readonly dueAt: string;
  readonly raisedAt: string;
  readonly unitCode: string;
  readonly recipientRole: RecipientRole;
}

const CLOCK_MOVED_FIELD = 'internal.clockMoved';

function toDueClock(item: Record<string, unknown>): DueClock {
  const dueAt = String(item.dueAt);
  const raised = (Object.entries(attributeOf) as [EscalationLevel, string][])
    .filter(([, name]) => item[name] === dueAt)
    .map(([level]) => level);
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
      pageSize: 1000,
      attributes: PROJECTION,
      read: toDueClock,
      order: (a, b) => a.dueAt.localeCompare(b.dueAt) || a.workId.localeCompare(b.workId),
    });
    return { clocks: found, more };
  }

  /** The escalations raised on a question, oldest first (one Query of its partition). */
  async of(questionId: string): Promise<RaisedEscalation[]> {
    const { pk } = keys.questionEscalationsOf(questionId);
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
    return items.map(
      (i) =>
        ({
          clock: i.clock,
          level: i.level,
          dueAt: i.dueAt,
          raisedAt: i.raisedAt,
          unitCode: i.unitCode,
          recipientRole: i.recipientRole,
        }) as RaisedEscalation,
    );
  }

  /**
   * The writes of the levels a run raises on one clock: the clock's mark (one attribute per level,
   * set to the due instant: the one record that it was raised, read back by `dueBy`), conditioned on
   * the clock being still open, still due then and not yet marked (so a second or concurrent run
   * is refused), and an entry per level in the question's log (what the staff view lists).
   */
  raise(
    clock: DueClock,
    levels: readonly { level: EscalationLevel; recipientRole: RecipientRole }[],
    now: Date,
  ): WriteAction[] {
    const names = Object.fromEntries(levels.map(({ level }, i) => [`#l${i}`, attributeOf[level]]));
    const notYet = levels.map((_, i) => `(attribute_not_exists(#l${i}) OR #l${i} <> :due)`);
    const mark: WriteAction = {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.work(clock.workId),
          UpdateExpression: `SET ${levels.map((_, i) => `#l${i} = :due`).join(', ')}`,
          ConditionExpression: ['#status = :open AND dueAt = :due', ...notYet].join(' AND '),
          ExpressionAttributeNames: { '#status': 'status', ...names },
          ExpressionAttributeValues: { ':open': 'open', ':due': clock.dueAt },
        },
      },
      onConflict: {
        message: {
          vi: 'Thời hạn đã đóng, đã đổi hoặc đã được nhắc',
          en: 'The clock closed, moved or was raised already',
        },
        field: CLOCK_MOVED_FIELD,
      },
    };
    const raisedAt = now.toISOString();
    const log = levels.map(
      ({ level, recipientRole }): WriteAction => ({
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
        onConflict: {
          message: { vi: 'Đã nhắc mức này', en: 'This level was raised already' },
          field: CLOCK_MOVED_FIELD,
        },
      }),
    );
    // And the unit's frozen fact of each level, for the reports' figures (issue 27), in the same commit.
    const facts = levels.map(({ level }) =>
      putEscalationFact(this.tableName, clock.unitCode, {
        questionId: clock.questionId,
        at: raisedAt,
        clock: clock.clock,
        level,
      }),
    );
    return [mark, ...log, ...facts];
  }
}
