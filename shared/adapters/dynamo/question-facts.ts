import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localDateOf, type QuestionFact } from '../../domain/questions/figures';
import { keys } from './keys';
import { queryAll, queryMonths } from './pagination';
import type { WriteAction } from './unit-of-work';

/**
 * Frozen Q&A facts per unit (issue 9 §9). Why one item per fact rather than a counters item per
 * unit: a counters item would be written by every step of every question of the unit, so two
 * steps at once would conflict in their transactions (a spurious 409 for the loser); a fact item
 * is its own key, written once by its step's transaction, and never changes. Reads stay bounded:
 * a range of at most 366 days is at most 13 Queries, one per local month partition, each reading
 * only the unit's facts of those days (a few hundred small items a month for a busy unit).
 */
/** `step`: the question's version the step makes (1 for asking). */
export function putQuestionFact(tableName: string, unitCode: string, fact: QuestionFact, step: number): WriteAction {
  const localDate = localDateOf(new Date(fact.at));
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.questionFact(unitCode, localDate, fact.at, fact.questionId, fact.kind, step),
          type: 'QuestionFact',
          unitCode,
          localDate,
          ...fact,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConflict: { message: { vi: 'Số liệu của bước này đã được ghi', en: 'This step’s fact is recorded already' } },
  };
}

/**
 * The fact of one escalation level raised on a clock (issue 27), written in the commit that marks
 * the clock: kept apart by clock and level, since a run may raise several levels of one question at
 * one instant. Its unit is the clock's (the board's for classification, the answering unit's for
 * the answer).
 */
export function putEscalationFact(
  tableName: string,
  unitCode: string,
  fact: { questionId: string; at: string; clock: string; level: string },
): WriteAction {
  const localDate = localDateOf(new Date(fact.at));
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.questionFact(
            unitCode,
            localDate,
            fact.at,
            fact.questionId,
            `escalated.${fact.clock}.${fact.level}`,
            0,
          ),
          type: 'QuestionFact',
          unitCode,
          localDate,
          kind: 'escalated',
          ...fact,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConflict: { message: { vi: 'Đã nhắc mức này', en: 'This level was raised already' } },
  };
}

const toFact = (item: Record<string, unknown>): QuestionFact => ({
  kind: item.kind as QuestionFact['kind'],
  questionId: String(item.questionId),
  at: String(item.at),
  ...(typeof item.onTime === 'boolean' && { onTime: item.onTime }),
  ...(typeof item.rerouting === 'boolean' && { rerouting: item.rerouting }),
  ...(typeof item.workingDays === 'number' && { workingDays: item.workingDays }),
  ...(typeof item.clock === 'string' && { clock: item.clock }),
  ...(typeof item.level === 'string' && { level: item.level }),
  ...(typeof item.rating === 'string' && { rating: item.rating }),
});

export class QuestionFactRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The unit's facts of the local dates `from`..`to`, one Query per month in `months`. */
  async facts(unitCode: string, months: readonly string[], from: string, to: string): Promise<QuestionFact[]> {
    const items = await queryMonths(
      this.client,
      this.tableName,
      months,
      (month) => keys.questionFactsRange(unitCode, month, from, to),
      {
        ProjectionExpression: 'kind, questionId, #at, onTime, rerouting, workingDays, #clock, #level, rating',
        ExpressionAttributeNames: { '#at': 'at', '#clock': 'clock', '#level': 'level' },
      },
    );
    return items.map(toFact);
  }

  /** Question clocks of the unit open now and past due: the unit's open work (sparse gsi2), never the table. */
  async overdueNow(unitCode: string, now: Date): Promise<number> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      // The return clock only bounds when the unit may still return it: not a late answer.
      FilterExpression: 'aggregateType = :type AND dueAt < :now AND #clock <> :return',
      ExpressionAttributeNames: { '#clock': 'clock' },
      ExpressionAttributeValues: {
        ':pk': keys.openWorkOfUnit(unitCode).gsi2pk,
        ':type': 'Question',
        ':now': now.toISOString(),
        ':return': 'return',
      },
      ProjectionExpression: 'aggregateId',
    });
    return new Set(items.map((i) => i.aggregateId)).size;
  }
}
