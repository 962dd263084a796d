import { randomUUID } from 'node:crypto';
import { TransactionCanceledException, TransactionInProgressException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import type { LocalizedText } from '../../domain/text';
import type { PendingEvent } from '../../../events/catalogue';
import { OUTBOX_RETENTION_SECONDS, outboxEvent } from '../../../events/outbox';
import { keys } from './keys';
import { auditItem } from './audit-log';
import { holdCommit } from './held-commit';

/**
 * The unit of work: repositories describe writes as transaction actions, and `commit` sends
 * one request's actions, audit entries and domain events (as outbox items) in one
 * TransactWriteItems call. Either all of it happens or none of it does.
 */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions per transaction. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** What the caller is told when an action's condition fails, naming what changed. */
export interface ConflictReport {
  readonly message: LocalizedText;
  /**
   * `conflict` (409) by default; `precondition_failed` when the version the client named (If-Match)
   * went stale, which HTTP may answer with 412; `not_found` when the item had to exist.
   */
  readonly code?: 'conflict' | 'precondition_failed' | 'not_found' | 'too_many_requests';
  /** The request field the conflict is about, if any (e.g. `username`). */
  readonly field?: string;
}

export interface WriteAction {
  readonly item: TransactItem;
  readonly onConflict: ConflictReport;
  /**
   * When this action's condition fails, the error to throw instead of the report's, from the item
   * found (raw attribute values; the action asks for them with ReturnValuesOnConditionCheckFailure).
   * It takes precedence over other failed conditions of the same transaction.
   */
  readonly onConditionFailed?: (found: Record<string, unknown> | undefined) => Error;
}

/** Everything one step changes: item writes, their audit entries, the events they produce. */
export interface Work {
  readonly actions?: readonly WriteAction[];
  readonly audits?: readonly AuditEntry[];
  readonly events?: readonly PendingEvent[];
}

export interface CommitContext {
  readonly requestId: string;
  readonly now: Date;
}

export interface Committed {
  readonly transactionId: string;
  readonly eventIds: readonly string[];
}

/** Transactions `commitEach` keeps in flight: a few, so one run's writes neither crawl nor flood the table's partitions. */
const PARALLEL_TRANSACTIONS = 4;

/** Thrown for work that cannot fit one transaction: a programming error, callers bound their work. */
export class TransactionTooLargeError extends Error {
  constructor(readonly actions: number) {
    super(
      `A unit of work holds ${actions} actions; DynamoDB allows ${MAX_TRANSACTION_ACTIONS} per transaction. Split it into steps that each keep the invariants.`,
    );
    this.name = 'TransactionTooLargeError';
  }
}

/** Merges several pieces of work into one (they will commit together). */
export function combine(...works: readonly Work[]): Required<Work> {
  return {
    actions: works.flatMap((w) => w.actions ?? []),
    audits: works.flatMap((w) => w.audits ?? []),
    events: works.flatMap((w) => w.events ?? []),
  };
}

/** Number of transaction actions `work` needs (each audit entry and event is one Put). */
export const actionCount = (work: Work) =>
  (work.actions?.length ?? 0) + (work.audits?.length ?? 0) + (work.events?.length ?? 0);

/** The Put of an audit entry. Entries are append-only: a Put never overwrites one. */
export function auditAction(tableName: string, audit: AuditEntry): WriteAction {
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: auditItem(audit),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConflict: { message: { vi: 'Mục nhật ký đã tồn tại', en: 'The audit entry exists already' } },
  };
}

/** A conditional expression on a versioned item: new (0) or still at `expected`. */
export function versionCondition(expected: number) {
  return expected === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'version = :expectedVersion',
        ExpressionAttributeValues: { ':expectedVersion': expected },
      };
}

export class UnitOfWork {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Commits `work` atomically. A failed condition becomes the DomainError its action described
   * (409, or 412 for a stale If-Match); a concurrent transaction on the same items is a 409.
   * The transaction id is the ClientRequestToken, so the SDK's retries of this call are
   * idempotent, and it is stamped on every event so consumers can tell which change made it.
   */
  async commit(work: Work, context: CommitContext): Promise<Committed> {
    const transactionId = randomUUID();
    const { actions, eventIds } = this.actionsOf(work, context, transactionId);
    if (actions.length === 0) return { transactionId, eventIds };
    if (actions.length > MAX_TRANSACTION_ACTIONS) throw new TransactionTooLargeError(actions.length);
    assertDistinctItems(actions);
    // A route whose Idempotency-Key record joins its step's commit: sent with the record, once the response is known.
    if (holdCommit((extra) => this.send([...actions, ...extra], transactionId))) return { transactionId, eventIds };
    await this.send(actions, transactionId);
    return { transactionId, eventIds };
  }

  /**
   * Commits independent pieces of work (no two touch one item) in as few transactions as they fit,
   * a few at once: a job's many small changes in tens of round trips instead of thousands. A piece
   * whose condition fails is refused alone (the others of its transaction are sent again without it);
   * one still meeting a concurrent transaction after `attempts` tries is left for a later run. Returns, per
   * piece, whether it committed.
   */
  async commitEach(works: readonly Work[], context: CommitContext, attempts = 4): Promise<boolean[]> {
    const committed = works.map(() => false);
    const sizes = works.map(actionCount);
    const oversized = sizes.find((n) => n > MAX_TRANSACTION_ACTIONS);
    if (oversized !== undefined) throw new TransactionTooLargeError(oversized);
    const chunks: number[][] = [];
    let chunk: number[] = [];
    let size = 0;
    works.forEach((_, i) => {
      if (size + sizes[i]! > MAX_TRANSACTION_ACTIONS) {
        chunks.push(chunk);
        [chunk, size] = [[], 0];
      }
      chunk.push(i);
      size += sizes[i]!;
    });
    if (chunk.length > 0) chunks.push(chunk);
    const commitChunk = async (indexes: number[]) => {
      let pending = indexes;
      let conflicts = 0;
      while (pending.length > 0 && conflicts < attempts) {
        const transactionId = randomUUID();
        const owners: number[] = [];
        const actions = pending.flatMap((i) => {
          const own = this.actionsOf(works[i]!, context, transactionId).actions;
          owners.push(...own.map(() => i));
          return own;
        });
        assertDistinctItems(actions);
        try {
          await this.client.send(
            new TransactWriteCommand({ TransactItems: actions.map((a) => a.item), ClientRequestToken: transactionId }),
          );
          for (const i of pending) committed[i] = true;
          return;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException) && !(error instanceof TransactionInProgressException))
            throw error;
          const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
          if (reasons.some((r) => r.Code === 'ValidationError' || r.Code === 'ItemCollectionSizeLimitExceeded'))
            throw error;
          const refused = new Set(reasons.flatMap((r, n) => (r.Code === 'ConditionalCheckFailed' ? [owners[n]!] : [])));
          // Refused pieces leave at once; the rest is sent again, after a pause when another transaction held an item.
          if (refused.size === 0) {
            conflicts += 1;
            await new Promise((r) => setTimeout(r, Math.random() * 50 * conflicts));
          }
          pending = pending.filter((i) => !refused.has(i));
        }
      }
    };
    for (let next = 0; next < chunks.length; next += PARALLEL_TRANSACTIONS) {
      await Promise.all(chunks.slice(next, next + PARALLEL_TRANSACTIONS).map(commitChunk));
    }
    return committed;
  }

  /** The actions of `work`: its own, then a Put per audit entry and per event (stamped with the transaction). */
  private actionsOf(
    work: Work,
    context: CommitContext,
    transactionId: string,
  ): { actions: WriteAction[]; eventIds: string[] } {
    const occurredAt = context.now.toISOString();
    const expiresAt = Math.floor(context.now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS;
    const eventIds: string[] = [];
    const actions: WriteAction[] = [
      ...(work.actions ?? []),
      ...(work.audits ?? []).map((a) => auditAction(this.tableName, a)),
    ];
    for (const event of work.events ?? []) {
      const eventId = randomUUID();
      eventIds.push(eventId);
      const item = outboxEvent(event, { eventId, transactionId, requestId: context.requestId, occurredAt });
      actions.push({
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.outboxEvent(eventId), ...item, expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: { message: { vi: 'Sự kiện đã tồn tại', en: 'The event exists already' } },
      });
    }
    return { actions, eventIds };
  }

  private async send(actions: readonly WriteAction[], transactionId: string): Promise<void> {
    if (actions.length > MAX_TRANSACTION_ACTIONS) throw new TransactionTooLargeError(actions.length);
    assertDistinctItems(actions);
    try {
      await this.client.send(
        new TransactWriteCommand({ TransactItems: actions.map((a) => a.item), ClientRequestToken: transactionId }),
      );
    } catch (error) {
      throw translate(error, actions);
    }
  }
}

const changedMeanwhile = () =>
  new DomainError('conflict', {
    vi: 'Dữ liệu đang được thay đổi bởi một yêu cầu khác; hãy thử lại',
    en: 'The same data is being changed by another request; try again',
  });

/** The DomainError a conflict report describes (409, 412, 404 or 429, naming its field). */
export function conflictError(report: ConflictReport): DomainError {
  const code = report.code ?? 'conflict';
  return new DomainError(
    code,
    report.message,
    report.field ? [{ field: report.field, code, message: report.message }] : [],
  );
}

function translate(error: unknown, actions: readonly WriteAction[]): unknown {
  if (error instanceof TransactionInProgressException) return changedMeanwhile();
  if (!(error instanceof TransactionCanceledException)) return error;
  const reasons = error.CancellationReasons ?? [];
  const own = reasons.findIndex((r, i) => r.Code === 'ConditionalCheckFailed' && actions[i]?.onConditionFailed);
  if (own >= 0) return actions[own]!.onConditionFailed!(reasons[own]!.Item as Record<string, unknown> | undefined);
  const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
  const report = failed >= 0 ? actions[failed]?.onConflict : undefined;
  if (report) return conflictError(report);
  if (reasons.some((r) => r.Code === 'TransactionConflict')) return changedMeanwhile();
  return error;
}

const keyOf = (item: TransactItem): string => {
  const op = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
  const key =
    (item.Put ? { pk: item.Put.Item?.pk, sk: item.Put.Item?.sk } : (op as { Key?: Record<string, unknown> }).Key) ?? {};
  return `${String(op?.TableName)}|${String(key.pk)}|${String(key.sk)}`;
};

/** DynamoDB refuses two actions on one item in a transaction; say which, before sending. */
function assertDistinctItems(actions: readonly WriteAction[]): void {
  const seen = new Set<string>();
  for (const action of actions) {
    const key = keyOf(action.item);
    if (seen.has(key)) throw new Error(`Two actions on one item in a transaction: ${key}`);
    seen.add(key);
  }
}
