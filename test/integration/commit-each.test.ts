import { describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork, type Work } from '../../shared/adapters/dynamo/unit-of-work';
import { auditEntry } from '../../shared/domain/audit';
import { pendingEvent } from '../../events/catalogue';
import { useLocalStack } from '../support/local-stack';

/**
 * `UnitOfWork.commitEach` (issue 21 #4): independent pieces of work committed together, as many
 * per transaction as DynamoDB allows (100 actions), on DynamoDB Local. A piece whose condition
 * fails is refused alone; the others of its transaction commit; a second run commits nothing again.
 */
const local = useLocalStack();
const NOW = new Date('2026-11-20T02:00:00.000Z');

/** A counter item created once (its condition refuses a second Put), with an audit entry and an event. */
function piece(table: string, n: number): Work {
  return {
    actions: [
      {
        item: {
          Put: {
            TableName: table,
            Item: { pk: `EACH#${n}`, sk: 'EACH', n },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: { message: { vi: 'Đã có', en: 'Exists already' } },
      },
    ],
    audits: [
      auditEntry(
        {
          scope: 'each',
          actor: { id: 'system:test', kind: 'system' },
          action: 'test.each',
          target: { type: 'Each', id: String(n) },
          before: null,
          after: { n },
          requestId: 'r',
        },
        NOW,
      ),
    ],
    events: [
      pendingEvent('QuestionEscalated', {
        questionId: `Q${n}`,
        portal: 'each',
        clock: 'answer',
        level: 'overdue',
        dueAt: NOW.toISOString(),
        unitCode: 'u',
        recipientRole: 'unit-head',
      }),
    ],
  };
}

describe('UnitOfWork.commitEach', () => {
  it('commits 250 pieces of 3 actions in 8 transactions, refusing only those whose condition fails, once', async () => {
    const table = local.stack().resources.tableName;
    const uow = new UnitOfWork(DynamoDBDocumentClient.from(local.clients().dynamodb), table);
    // Pieces 7 and 140 exist already: they are refused; their neighbours in the same transactions commit.
    expect(await uow.commitEach([piece(table, 7), piece(table, 140)], { requestId: 'first', now: NOW })).toEqual([
      true,
      true,
    ]);
    const pieces = Array.from({ length: 250 }, (_, n) => piece(table, n));
    const committed = await uow.commitEach(pieces, { requestId: 'run', now: NOW });
    expect(committed.flatMap((c, n) => (c ? [] : [n]))).toEqual([7, 140]);

    const items = await local.scanAll();
    expect(items.filter((i) => String(i.pk).startsWith('EACH#'))).toHaveLength(250);
    expect(items.filter((i) => i.action === 'test.each')).toHaveLength(2 + 248);
    const requestOf = (i: Record<string, unknown>) =>
      String(i.pk).startsWith('OUTBOX#') ? JSON.parse(String(i.payload)).metadata.requestId : undefined;
    const run = items.filter((i) => requestOf(i) === 'run');
    expect(run).toHaveLength(248);
    // 33 pieces (99 actions) per transaction: 250 pieces in 8, each event stamped with its transaction.
    expect(new Set(run.map((e) => e.transactionId)).size).toBe(8);

    // Run again: every piece is refused, nothing is written twice.
    expect((await uow.commitEach(pieces, { requestId: 'again', now: NOW })).every((c) => !c)).toBe(true);
    expect((await local.scanAll()).filter((i) => requestOf(i) === 'again' || i.requestId === 'again')).toEqual([]);
  });

  it('refuses a piece that cannot fit one transaction before sending anything', async () => {
    const table = local.stack().resources.tableName;
    const uow = new UnitOfWork(DynamoDBDocumentClient.from(local.clients().dynamodb), table);
    const huge: Work = { actions: Array.from({ length: 101 }, (_, n) => piece(table, 1000 + n).actions![0]!) };
    await expect(uow.commitEach([piece(table, 999), huge], { requestId: 'huge', now: NOW })).rejects.toThrow(
      /101 actions/,
    );
    expect((await local.scanAll()).filter((i) => i.pk === 'EACH#999')).toEqual([]);
  });
});
