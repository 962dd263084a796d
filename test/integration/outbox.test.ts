import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { eventually, useLocalStack } from '../support/local-stack';
import { commitWork } from '../support/directory';
import { pendingEvent, type EventDetail } from '../../events/catalogue';
import { JobRunRepository } from '../../shared/adapters/dynamo/job-runs';
import { DomainError } from '../../shared/domain/errors';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * The transactional outbox end to end on the local stack: unit of work → table stream →
 * outbox relay → local event bus → SQS → consumer (the job-run ledger).
 */
const local = useLocalStack();
const root = resolve(import.meta.dirname, '../..');

const run = (runId: string): EventDetail<'JobRunFinished'> => {
  const at = new Date().toISOString();
  return {
    job: 'outbox-test',
    runId,
    trigger: 'manual',
    startedAt: at,
    finishedAt: at,
    outcome: 'succeeded',
    summary: {},
  };
};

/** The ledger items of a job, once at least `min` exist. */
const ledgerOf = (job: string, min = 1) =>
  eventually(async () => {
    const out = await local.clients().dynamodb.send(
      new QueryCommand({
        TableName: local.stack().resources.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `JOB#${job}` } },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).length >= min ? out.Items!.map((i) => i.runId!.S!) : undefined;
  }, 20_000);

const jobRuns = () => new JobRunRepository(local.stack().services.db, local.stack().resources.tableName);

describe('transactional outbox', () => {
  it('delivers an event whose writer died right after the commit', async () => {
    const runId = randomUUID();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(root, 'test/support/programs/commit-then-die.ts')],
      {
        cwd: root,
        env: { ...process.env, RUN_ID: runId },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, sig) => done(sig)));
    expect(signal).toBe('SIGKILL');
    expect(out).toMatch(/^committed /);
    expect(await ledgerOf('crash-test')).toEqual([runId]);
  });

  it('publishes nothing for a change that did not commit', async () => {
    const failed = randomUUID();
    // The event rides with a write whose condition fails: the transaction is cancelled whole.
    const refused = commitWork({
      actions: [
        {
          item: {
            ConditionCheck: {
              TableName: local.stack().resources.tableName,
              Key: keys.unit('no-such-unit'),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          onConflict: { message: { vi: 'Đơn vị không còn', en: 'The unit is gone' } },
        },
      ],
      events: [pendingEvent('JobRunFinished', run(failed))],
    });
    await expect(refused).rejects.toMatchObject({ code: 'conflict', messages: { en: 'The unit is gone' } });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    // A later event that did commit arrives; the refused one never does.
    const later = randomUUID();
    await commitWork({ events: [pendingEvent('JobRunFinished', run(later))] });
    await local.stack().outbox.drain();
    expect(await ledgerOf('outbox-test')).toEqual([later]);
  });

  it('processes an event once per consumer, however often it is delivered', async () => {
    const runId = randomUUID();
    const detail = { ...run(runId), job: 'twice' };
    const envelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'JobRunFinished',
      source: 'portal.jobs',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'ap-southeast-1',
      resources: [],
      detail: {
        metadata: {
          eventId: randomUUID(),
          transactionId: randomUUID(),
          requestId: 'test',
          occurredAt: new Date().toISOString(),
        },
        data: detail,
      },
    };
    const { sqs } = local.clients();
    // At-least-once: the same event (same event id, new envelope id) delivered twice, even at once.
    await Promise.all(
      [1, 2].map((n) =>
        sqs.send(
          new SendMessageCommand({
            QueueUrl: local.stack().resources.queueUrls.jobRuns,
            MessageBody: JSON.stringify({ ...envelope, id: `${envelope.id}-${n}` }),
          }),
        ),
      ),
    );
    await ledgerOf('twice');
    // Both deliveries consumed (none waiting, none in flight), then count.
    await eventually(async () => {
      const out = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: local.stack().resources.queueUrls.jobRuns,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return Number(out.Attributes?.ApproximateNumberOfMessages) +
        Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible) ===
        0
        ? true
        : undefined;
    });
    expect(await jobRuns().stats('twice')).toMatchObject({ runs: 1, lastRunId: runId });
    // The ledger expires: each run carries its TTL.
    const ledger = await local.clients().dynamodb.send(
      new QueryCommand({
        TableName: local.stack().resources.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'JOB#twice' } },
      }),
    );
    expect(Number(ledger.Items?.[0]?.expiresAt?.N)).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
  });
});
