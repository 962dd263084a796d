import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { queryIndexPage, type Page } from './pagination';

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

  async open(work: WorkAssignment): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: itemOf(work), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  openOfUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<WorkAssignment>> {
    return queryIndexPage(this.client, this.tableName, { index: 'gsi2', partition: keys.openWorkOfUnit(unitCode).gsi2pk, limit, cursor }, toWork);
  }

  openOfAssignee(accountId: string, limit: number, cursor?: string): Promise<Page<WorkAssignment>> {
    return queryIndexPage(this.client, this.tableName, { index: 'gsi1', partition: keys.openWorkOfAssignee(accountId).gsi1pk, limit, cursor }, toWork);
  }

  /**
   * Moves every open item of `fromUnit` to `toUnit` (unit merge or split). Each move is
   * conditional on the item still being open in `fromUnit`, so a repeated call only finishes
   * what an interrupted one left. Returns how many items moved.
   */
  async moveUnitWork(fromUnit: string, toUnit: string): Promise<number> {
    return this.moveAll(
      () => this.openOfUnit(fromUnit, 100),
      (w) => ({ ...w, unitCode: toUnit }),
      'unitCode = :from',
      { ':from': fromUnit },
    );
  }

  /** Moves every open item assigned to `fromAccount` to `toAccount` (account closure). */
  async moveAssigneeWork(fromAccount: string, toAccount: string): Promise<number> {
    return this.moveAll(
      () => this.openOfAssignee(fromAccount, 100),
      (w) => ({ ...w, assigneeId: toAccount }),
      'assigneeId = :from',
      { ':from': fromAccount },
    );
  }

  private async moveAll(
    next: () => Promise<Page<WorkAssignment>>,
    change: (w: WorkAssignment) => WorkAssignment,
    condition: string,
    values: Record<string, string>,
  ): Promise<number> {
    let moved = 0;
    for (let page = await next(); page.items.length > 0; page = await next()) {
      const before = moved;
      for (const work of page.items) {
        const target = itemOf(change(work));
        try {
          await this.client.send(
            new PutCommand({
              TableName: this.tableName,
              Item: target,
              ConditionExpression: `#status = :open AND ${condition}`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open', ...values },
            }),
          );
          moved += 1;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
      // A page of nothing but already-moved items is the index catching up: stop.
      if (moved === before) break;
    }
    return moved;
  }
}

