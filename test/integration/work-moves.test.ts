import { describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { useLocalStack } from '../support/local-stack';
import { commitWork } from '../support/directory';
import { keys } from '../../shared/adapters/dynamo/keys';
import { openClockWork } from '../../shared/adapters/dynamo/workflow-commit';

/**
 * Moving open work (a unit merge or split, an account closure) changes only who holds it: a
 * workflow clock's work keeps its clock, policy and due-index keys, so the escalation sweep still
 * finds it after the move.
 */
const local = useLocalStack();
const context = () => ({ requestId: 'test-move', now: new Date() });

async function clockWork(id: string, unitCode: string, personId?: string) {
  const open = {
    clock: 'answer',
    policy: 'qa.answer',
    basis: 'BĐ 12.4',
    assignee: { unitCode, ...(personId ? { personId } : {}) },
    startedAt: '2026-03-02T02:00:00.000Z',
  } as never;
  await commitWork({
    actions: [
      openClockWork(
        local.stack().resources.tableName,
        { type: 'Question', id },
        open,
        '2026-03-06T17:00:00.000Z',
        `Câu hỏi ${id}`,
      ),
    ],
  });
  return keys.workflowClockWorkId('Question', id, 'answer');
}

const stored = async (workId: string) =>
  (
    await local
      .stack()
      .services.db.send(new GetCommand({ TableName: local.stack().resources.tableName, Key: keys.work(workId) }))
  ).Item!;

describe('moving open work', () => {
  it('to another unit keeps the clock and its due-index keys', async () => {
    const workId = await clockWork('q1', 'soa');
    const before = await stored(workId);
    const { work, uow } = local.stack().services;
    expect(await work.moveUnitWork(uow, context(), 'soa', 'sob')).toBe(1);
    const after = await stored(workId);
    expect(after).toStrictEqual({ ...before, unitCode: 'sob', gsi2pk: keys.openWorkOfUnit('sob').gsi2pk });
    expect(after.dueAt).toBe('2026-03-06T17:00:00.000Z');
    expect((await work.openOfUnit('sob', 10)).items.map((w) => w.workId)).toEqual([workId]);
    expect((await work.openOfUnit('soa', 10)).items).toEqual([]);
  });

  it('to another person keeps the clock and its due-index keys', async () => {
    const workId = await clockWork('q2', 'soc', 'acc-old');
    const before = await stored(workId);
    const { work, uow } = local.stack().services;
    expect(await work.moveAssigneeWork(uow, context(), 'acc-old', 'acc-new')).toBe(1);
    expect(await stored(workId)).toStrictEqual({
      ...before,
      assigneeId: 'acc-new',
      gsi1pk: keys.openWorkOfAssignee('acc-new').gsi1pk,
    });
    expect(await work.moveAssigneeWork(uow, context(), 'acc-old', 'acc-new')).toBe(0);
  });
});
