import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { QuestionState } from '../../domain/workflow';
import type { QuestionRecord, QuestionStepChanges, StoredAsker } from './question-records';
import { keys } from './keys';
import { decodeCursor, encodeCursor, indexCursorShape, type Page } from './pagination';
import { combine, type Work, type WriteAction } from './unit-of-work';
import { moveClockDue, openClockWork, workOfPlan } from './workflow-commit';
import { guardedUpdate } from './guarded-update';
import { chargeWindow, windowUsed } from './rate-window';
import { putQuestionFact } from './question-facts';
import { deletePublishedQuestion, putPublishedQuestion, type StoredPublishedQuestion } from './published-questions';
import type { QuestionFact } from '../../domain/questions/figures';
import type { ClockOpen, TransitionPlan } from '../../domain/workflow/types';
import type { LocalizedText } from '../../domain/text';
import type { CreationPlan } from '../../domain/workflow/engine';
import { pendingEvent, type EventDetail } from '../../../events/catalogue';

export type { AskerRecord, QuestionRecord, QuestionStepChanges, Routing, StoredAsker } from './question-records';

const STORED = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
const toRecord = (item: Record<string, unknown>): QuestionRecord =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !STORED.has(k))) as unknown as QuestionRecord;

/** The index keys a question carries in its state: the portal's listing always, the unit's while routed to one. */
export const questionIndexKeys = (r: Pick<QuestionRecord, 'portal' | 'receivedAt' | 'id' | 'routings' | 'state'>) => {
  const last = r.routings[r.routings.length - 1];
  const atUnit = last !== undefined && last.returnedAt === undefined;
  return {
    ...keys.questionsOfPortal(r.portal, r.receivedAt, r.id),
    ...(atUnit ? keys.questionsOfUnit(last.unitCode, last.routedAt, r.id) : {}),
  };
};

export interface QuestionListQuery {
  readonly view: 'portal' | 'unit';
  readonly limit: number;
  readonly state?: QuestionState;
  /** Only questions whose open stage was due before this instant. */
  readonly overdueAt?: string;
  readonly cursor?: string;
}

export class QuestionRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Everything one Q&A step writes (`questions.stepWrites(question, plan)`): the workflow fields and
   * what its effects changed, conditional on the version read; its place in the unit's list (listed
   * when routed, off it when returned); the plan's audit entry, clocks and event; the effects' writes.
   */
  stepWrites(
    record: QuestionRecord,
    plan: TransitionPlan<string, string, string>,
    changes: QuestionStepChanges,
    due: Readonly<Partial<Record<string, string>>>,
  ): Work {
    const set: Record<string, unknown> = { ...changes.set };
    const remove: string[] = [...changes.remove];
    if (changes.listedFor !== undefined)
      Object.assign(set, keys.questionsOfUnit(changes.listedFor.unitCode, changes.listedFor.at, record.id));
    if (changes.unlisted) remove.push('gsi2pk', 'gsi2sk');
    return combine(
      workOfPlan(plan, {
        tableName: this.tableName,
        itemKey: keys.question(record.id),
        dueOf: (open) => due[open.clock]!,
        title: `Câu hỏi ${record.id}`,
        extraSet: set,
        extraRemove: remove,
      }),
      { actions: changes.writes, audits: changes.audits },
    );
  }

  /** What asking writes besides its guards: the question, the asker's sealed data, the portal's "received" fact, the classification clock, audit and event. */
  askWrites(
    record: QuestionRecord,
    plan: CreationPlan<string, string>,
    asker: StoredAsker,
    detail: EventDetail<'QuestionReceived'>,
    due: Readonly<Partial<Record<string, string>>>,
  ): Work {
    return {
      actions: [
        this.create(record),
        this.createAsker(asker),
        this.fact(record.portal, { kind: 'received', questionId: record.id, at: record.receivedAt }, 1),
        ...plan.work.open.map((open) =>
          openClockWork(
            this.tableName,
            { ...plan.aggregate, owner: plan.audit.scope },
            open,
            due[open.clock]!,
            `Câu hỏi ${record.id}`,
          ),
        ),
      ],
      audits: [plan.audit],
      events: [pendingEvent('QuestionReceived', detail)],
    };
  }

  /** The duplicate guard's key an asker's record points to (erasure deletes the guard with it). */
  duplicateGuardOf(portal: string, digest: string) {
    return keys.questionDuplicate(portal, digest);
  }

  /** A per-unit figure frozen by the step that makes `step` (question-facts.ts). */
  fact(unitCode: string, fact: QuestionFact, step: number): WriteAction {
    return putQuestionFact(this.tableName, unitCode, fact, step);
  }

  publishCopy(copy: StoredPublishedQuestion): WriteAction {
    return putPublishedQuestion(this.tableName, copy);
  }

  unpublish(id: string): WriteAction {
    return deletePublishedQuestion(this.tableName, id);
  }

  /** The answer clock's work item falls due when a progress notice says the answer comes. */
  moveAnswerClock(id: string, dueAt: string): WriteAction {
    return moveClockDue(this.tableName, { type: 'Question', id }, 'answer', dueAt);
  }

  /** The asker's rating (and, if it reopens the question, what that changes): once, and only while the question is still as read. */
  rated(
    record: QuestionRecord,
    set: Readonly<Record<string, unknown>>,
    remove: readonly string[],
    message: LocalizedText,
  ): WriteAction {
    return guardedUpdate(
      this.tableName,
      keys.question(record.id),
      record.version,
      set,
      remove,
      {
        expression: 'attribute_not_exists(#rated) AND #state = :state',
        names: { '#rated': 'rating', '#state': 'state' },
        values: { ':state': record.state },
      },
      message,
    );
  }

  /** The asker's data erased: once; `remove` may name nested fields (`rating.comment`). */
  erased(
    record: QuestionRecord,
    set: Readonly<Record<string, unknown>>,
    remove: readonly string[],
    message: LocalizedText,
  ): WriteAction {
    return guardedUpdate(
      this.tableName,
      keys.question(record.id),
      record.version,
      set,
      remove,
      { expression: 'attribute_not_exists(#erasure)', names: { '#erasure': 'erasure' } },
      message,
    );
  }

  /** A clock's work item opened outside a workflow step (the asker's rating reopens the question). */
  clockOpened(id: string, open: ClockOpen<string>, dueAt: string): WriteAction {
    return openClockWork(this.tableName, { type: 'Question', id }, open, dueAt, `Câu hỏi ${id}`);
  }

  async get(id: string): Promise<QuestionRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.question(id), ConsistentRead: true }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  }

  async asker(id: string): Promise<StoredAsker | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.questionAsker(id), ConsistentRead: true }),
    );
    return out.Item
      ? ({
          questionId: out.Item.questionId,
          receivedAt: out.Item.receivedAt,
          sealed: out.Item.sealed,
          duplicateGuard: out.Item.duplicateGuard,
        } as StoredAsker)
      : undefined;
  }

  /** Destroys the asker item and the duplicate guard it caused, in the erasure's transaction. */
  eraseAsker(stored: StoredAsker): WriteAction[] {
    return [
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.questionAsker(stored.questionId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        onConflict: { message: ERASED_ALREADY },
      },
      // Unconditional: the guard may have expired (TTL) already.
      {
        item: { Delete: { TableName: this.tableName, Key: stored.duplicateGuard } },
        onConflict: { message: ERASED_ALREADY },
      },
    ];
  }

  /**
   * The day's next tracking number: one atomic ADD on the day's counter, outside the ask's
   * transaction, so concurrent asks never conflict on it (no retry, no serialisation). A number
   * taken by an ask that is then refused (a race past the rate limit or the duplicate guard, a
   * failed commit) is never used: the day's numbers may have gaps.
   */
  async nextNumber(day: string): Promise<number> {
    const out = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.questionDayCounter(day),
        UpdateExpression: 'ADD #count :one SET #type = :type',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'QuestionDayCounter' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.count);
  }

  /**
   * Whether the address has used its asks of the hour, or the same asker sent this text within the
   * window: read before a number is taken, so a refusal burns none. The transaction checks both
   * again (a concurrent ask may pass these reads).
   */
  async refusalBefore(
    sourceDigest: string,
    windowStart: string,
    max: number,
    portal: string,
    digest: string,
    now: Date,
  ): Promise<WriteAction['onConflict'] | undefined> {
    const [rate, duplicate] = await Promise.all([
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.questionAskRate(sourceDigest, windowStart),
          ConsistentRead: true,
        }),
      ),
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.questionDuplicate(portal, digest),
          ConsistentRead: true,
        }),
      ),
    ]);
    if (windowUsed(rate.Item, max)) return this.chargeAsk(sourceDigest, windowStart, max, 0).onConflict;
    if (duplicate.Item && Number(duplicate.Item.expiresAt) >= Math.floor(now.getTime() / 1000))
      return this.guardDuplicate(portal, digest, now, 0, '').onConflict;
    return undefined;
  }

  /** Counts one ask against the address's hour; refused (429) past `max`. */
  chargeAsk(sourceDigest: string, windowStart: string, max: number, expiresAt: number): WriteAction {
    const message = {
      vi: `Địa chỉ này đã gửi ${max} câu hỏi trong một giờ; hãy thử lại sau`,
      en: `This address has sent ${max} questions within an hour; try again later`,
    };
    return chargeWindow(
      this.tableName,
      keys.questionAskRate(sourceDigest, windowStart),
      'QuestionAskRate',
      max,
      expiresAt,
      message,
    );
  }

  /** One question per portal, asker and text within the window: a second is a 409 (its tracking code is not revealed). */
  guardDuplicate(portal: string, digest: string, now: Date, expiresAt: number, receivedAt: string): WriteAction {
    const message = {
      vi: 'Câu hỏi này của cùng người hỏi đã được tiếp nhận trong 24 giờ qua; hãy theo dõi bằng mã đã nhận',
      en: 'The same asker sent this question within the last 24 hours; follow it with the tracking code you received',
    };
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.questionDuplicate(portal, digest), type: 'QuestionDuplicateGuard', receivedAt, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
        },
      },
      onConflict: { message, field: 'text' },
    };
  }

  create(record: QuestionRecord): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.question(record.id), type: 'Question', ...record, ...questionIndexKeys(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: NUMBER_TAKEN, field: NUMBER_TAKEN_FIELD },
    };
  }

  createAsker(record: StoredAsker): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.questionAsker(record.questionId), type: 'QuestionAsker', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: NUMBER_TAKEN, field: NUMBER_TAKEN_FIELD },
    };
  }

  /** A page of a portal's questions (or a unit's), optionally in one state or overdue. */
  async list(code: string, query: QuestionListQuery): Promise<Page<QuestionRecord>> {
    const index = query.view === 'portal' ? 'gsi1' : 'gsi2';
    const partition = query.view === 'portal' ? keys.questionsOfPortal(code).gsi1pk : keys.questionsOfUnit(code).gsi2pk;
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':pk': partition };
    const names: Record<string, string> = { '#pk': `${index}pk` };
    if (query.state !== undefined) {
      filters.push('#state = :state');
      names['#state'] = 'state';
      values[':state'] = query.state;
    }
    if (query.overdueAt !== undefined) {
      filters.push('#dueAt < :now');
      names['#dueAt'] = 'dueAt';
      values[':now'] = query.overdueAt;
    }
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ...(filters.length > 0 && { FilterExpression: filters.join(' AND ') }),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, indexCursorShape(index, partition)),
      }),
    );
    return { items: (out.Items ?? []).map(toRecord), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}

/** The field named when another ask took the same number first: never shown, the use case retries. */
export const NUMBER_TAKEN_FIELD = 'internal.trackingNumber';
const ERASED_ALREADY = {
  vi: 'Dữ liệu cá nhân của người hỏi đã được xóa',
  en: "The asker's personal data was erased already",
};
const NUMBER_TAKEN = {
  vi: 'Số tiếp nhận vừa được dùng; hãy thử lại',
  en: 'The tracking number was just taken; try again',
};
