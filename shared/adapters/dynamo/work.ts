import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../domain/errors';
import { keys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import type { CommitContext, UnitOfWork, WriteAction } from './unit-of-work';

/**
 * Open work: anything a unit (and maybe one person in it) must act on — a question to answer, an
 * item to review. Content and Q&A register their items here; unit merges and account closures
 * move what is open to the successor. The index keys exist only while the work is open.
 */
export interface WorkAssignment {
  readonly workId: string;
  readonly kind: string;
  readonly title: string;
  readonly unitCode: string;
  readonly assigneeId?: string;
  readonly openedAt: string;
  readonly status: 'open' | 'done';
}

const itemOf = (w: WorkAssignment) => ({
  ...keys.work(w.workId),
  type: 'WorkAssignment',
  ...w,
  ...(w.status === 'open' ? keys.openWorkOfUnit(w.unitCode, w.openedAt, w.workId) : {}),
  ...(w.status === 'open' && w.assigneeId ? keys.openWorkOfAssignee(w.assigneeId, w.openedAt, w.workId) : {}),
});

const toWork = (item: Record<string, unknown>): WorkAssignment => {
  const { workId, kind, title, unitCode, assigneeId, openedAt, status } = item as unknown as WorkAssignment;
  return { workId, kind, title, unitCode, ...(assigneeId ? { assigneeId } : {}), openedAt, status };
};

export class WorkRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Registers new open work (in the transaction of whatever opened it). */
  open(work: WorkAssignment): WriteAction {
    return {
      item: { Put: { TableName: this.tableName, Item: itemOf(work), ConditionExpression: 'attribute_not_exists(pk)' } },
      onConflict: { message: { vi: `Công việc ${work.workId} đã tồn tại`, en: `Work ${work.workId} exists already` } },
    };
  }

  openOfUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<WorkAssignment>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi2', partition: keys.openWorkOfUnit(unitCode).gsi2pk, limit, cursor },
      toWork,
    );
  }

  openOfAssignee(accountId: string, limit: number, cursor?: string): Promise<Page<WorkAssignment>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.openWorkOfAssignee(accountId).gsi1pk, limit, cursor },
      toWork,
    );
  }

  /**
   * Moves every open item of `fromUnit` to `toUnit` (unit merge or split). Each move is its own
   * small transaction, conditional on the item still being open in `fromUnit`, so any number of
   * items moves within DynamoDB's limits and a repeated call only finishes what an interrupted
   * one left. Returns how many items moved.
   */
  moveUnitWork(uow: UnitOfWork, context: CommitContext, fromUnit: string, toUnit: string): Promise<number> {
    return this.moveAll(
      uow,
      context,
      () => this.openOfUnit(fromUnit, 100),
      () => ({ unitCode: toUnit, ...keys.openWorkOfUnit(toUnit) }),
      'unitCode = :from',
      { ':from': fromUnit },
    );
  }

  /** Moves every open item assigned to `fromAccount` to `toAccount` (account closure). */
  moveAssigneeWork(uow: UnitOfWork, context: CommitContext, fromAccount: string, toAccount: string): Promise<number> {
    return this.moveAll(
      uow,
      context,
      () => this.openOfAssignee(fromAccount, 100),
      () => ({ assigneeId: toAccount, ...keys.openWorkOfAssignee(toAccount) }),
      'assigneeId = :from',
      { ':from': fromAccount },
    );
  }

  private async moveAll(
    uow: UnitOfWork,
    context: CommitContext,
    next: () => Promise<Page<WorkAssignment>>,
    /** The attributes that change (the holder and its index partition); everything else on the item stays. */
    change: (w: WorkAssignment) => Record<string, string>,
    condition: string,
    values: Record<string, string>,
  ): Promise<number> {
    let moved = 0;
    for (let page = await next(); page.items.length > 0; page = await next()) {
      const before = moved;
      for (const work of page.items) {
        // An Update, not a Put: work opened by a workflow carries more than WorkAssignment (its clock,
        // the due-index keys the escalation sweep reads), and a move must keep all of it.
        const changes = Object.entries(change(work));
        const move: WriteAction = {
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.work(work.workId),
              UpdateExpression: `SET ${changes.map((_, i) => `#c${i} = :c${i}`).join(', ')}`,
              ConditionExpression: `#status = :open AND ${condition}`,
              ExpressionAttributeNames: {
                '#status': 'status',
                ...Object.fromEntries(changes.map(([name], i) => [`#c${i}`, name])),
              },
              ExpressionAttributeValues: {
                ':open': 'open',
                ...values,
                ...Object.fromEntries(changes.map(([, value], i) => [`:c${i}`, value])),
              },
            },
          },
          onConflict: { message: { vi: 'Công việc đã được chuyển', en: 'The work moved already' } },
        };
        try {
          await uow.commit({ actions: [move] }, context);
          moved += 1;
        } catch (error) {
          // Already moved (or closed) by a concurrent or earlier call.
          if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
        }
      }
      // A page of nothing but already-moved items is the index catching up: stop.
      if (moved === before) break;
    }
    return moved;
  }
}
