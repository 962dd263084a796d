import { describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { useLocalStack } from '../support/local-stack';
import { tableShape } from '../../shared/adapters/backup/table-shape';
import type { FunctionKey } from '../../functions/manifest';
import { invocation } from '../../infra/local/table-permissions';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * The local stack refuses what IAM would refuse on AWS: an invoked function may touch only the
 * partitions its manifest entry grants (the same rules CDK writes as policies).
 */
const local = useLocalStack();
const table = () => local.stack().resources.tableName;
const as = <T>(fn: FunctionKey, run: () => Promise<T>) => invocation.run({ function: fn }, run);

describe('local IAM for table access', () => {
  it('lets the public calendar read the calendar partition, and nothing else', async () => {
    await expect(
      as('calendar', () =>
        local.stack().services.db.send(new GetCommand({ TableName: table(), Key: keys.calendarSchedule(2026) })),
      ),
    ).resolves.toBeDefined();
    await expect(
      as('calendar', () =>
        local.stack().services.db.send(new GetCommand({ TableName: table(), Key: keys.account('x') })),
      ),
    ).rejects.toThrow(/calendar is not allowed dynamodb:GetItem on partition ACCOUNT#x/);
  });

  it('keeps audit entries append-only even for a function that may write everything else', async () => {
    const entry = keys.auditEntry('soa', '2026-01-01T00:00:00.000Z', 'e1');
    // The unit of work's conditional create is the only way in; a Put that could overwrite an entry is refused.
    await expect(
      as('units', () =>
        local.stack().services.db.send(new PutCommand({ TableName: table(), Item: { ...entry, action: 'x' } })),
      ),
    ).rejects.toThrow(/unconditional dynamodb:PutItem on audit partition AUDIT#soa/);
    await expect(
      as('units', () =>
        local.stack().services.db.send(
          new PutCommand({
            TableName: table(),
            Item: { ...entry, action: 'x' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),
    ).resolves.toBeDefined();
    await expect(
      as('units', () =>
        local.stack().services.db.send(
          new UpdateCommand({
            TableName: table(),
            Key: entry,
            UpdateExpression: 'SET #a = :a',
            ExpressionAttributeNames: { '#a': 'action' },
            ExpressionAttributeValues: { ':a': 'y' },
          }),
        ),
      ),
    ).rejects.toThrow(/not allowed dynamodb:UpdateItem on partition AUDIT#soa/);
    await expect(
      as('units', () => local.stack().services.db.send(new GetCommand({ TableName: table(), Key: entry }))),
    ).rejects.toThrow(/AUDIT#soa/);
    await expect(
      as('audit', () => local.stack().services.db.send(new GetCommand({ TableName: table(), Key: entry }))),
    ).resolves.toBeDefined();
    // The actor's and the scope-and-actor listings of audit entries are audit partitions too (gsi1, gsi2).
    const byActor = keys.auditByActor('acc-1', '');
    await expect(
      as('accounts', () =>
        local.stack().services.db.send(
          new QueryCommand({
            TableName: table(),
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': byActor.gsi1pk },
          }),
        ),
      ),
    ).rejects.toThrow(/Query on partition ACTOR#acc-1/);
    const byScopeAndActor = keys.auditByScopeAndActor('soa', 'acc-1', '');
    await expect(
      as('content', () =>
        local.stack().services.db.send(
          new QueryCommand({
            TableName: table(),
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :p',
            ExpressionAttributeValues: { ':p': byScopeAndActor.gsi2pk },
          }),
        ),
      ),
    ).rejects.toThrow(/Query on partition AUDITBY#soa#acc-1/);
    await expect(
      as('audit', () =>
        local.stack().services.db.send(
          new QueryCommand({
            TableName: table(),
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :p',
            ExpressionAttributeValues: { ':p': byScopeAndActor.gsi2pk },
          }),
        ),
      ),
    ).resolves.toBeDefined();
  });

  it('keeps a read-write function to the partitions and indexes it names', async () => {
    await expect(
      as('uploads', () =>
        local.stack().services.db.send(new GetCommand({ TableName: table(), Key: keys.contentItem('c-1') })),
      ),
    ).rejects.toThrow(/uploads is not allowed dynamodb:GetItem on partition CONTENT#c-1/);
    await expect(
      as('content', () =>
        local.stack().services.db.send(new GetCommand({ TableName: table(), Key: keys.contentItem('c-1') })),
      ),
    ).resolves.toBeDefined();
    // The right partition on an index it was not granted.
    await expect(
      as('content', () =>
        local.stack().services.db.send(
          new QueryCommand({
            TableName: table(),
            IndexName: 'due',
            KeyConditionExpression: 'duePk = :p',
            ExpressionAttributeValues: { ':p': keys.contentOfUnit('soa').gsi1pk },
          }),
        ),
      ),
    ).rejects.toThrow(/of index due/);
  });

  it('checks table-level actions: the drill may shape, fill and drop its scratch tables, nobody may change the portal table', async () => {
    const scratch = `${table()}-drill-test`;
    const shaped = tableShape(scratch);
    await as('restoreDrill', async () => {
      await local.stack().services.dynamo.send(new CreateTableCommand(shaped));
      await local.stack().services.dynamo.send(new DescribeTableCommand({ TableName: scratch }));
      await local.stack().services.dynamo.send(
        new UpdateTimeToLiveCommand({
          TableName: scratch,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        }),
      );
      await local.stack().services.dynamo.send(
        new UpdateTableCommand({
          TableName: scratch,
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        }),
      );
      await local.stack().services.dynamo.send(new DeleteTableCommand({ TableName: scratch }));
    });
    await expect(
      as('restoreDrill', () =>
        local.stack().services.dynamo.send(
          new UpdateTableCommand({
            TableName: table(),
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
          }),
        ),
      ),
    ).rejects.toThrow(/restoreDrill is not allowed dynamodb:UpdateTable on table/);
    await expect(
      as('restoreDrill', () =>
        local.stack().services.dynamo.send(new CreateTableCommand(tableShape(`${table()}-other`))),
      ),
    ).rejects.toThrow(/CreateTable on table/);
    // Another function has no scratch tables at all, and only DescribeTable on the portal table.
    await expect(
      as('weeklyBackup', () =>
        local.stack().services.dynamo.send(new CreateTableCommand(tableShape(`${table()}-drill-x`))),
      ),
    ).rejects.toThrow(/weeklyBackup is not allowed dynamodb:CreateTable/);
    await expect(
      as('units', () => local.stack().services.dynamo.send(new DescribeTableCommand({ TableName: table() }))),
    ).rejects.toThrow(/units is not allowed dynamodb:DescribeTable/);
    await expect(
      as('health', () => local.stack().services.dynamo.send(new DescribeTableCommand({ TableName: table() }))),
    ).resolves.toBeDefined();
    await expect(
      as('health', () => local.stack().services.dynamo.send(new DeleteTableCommand({ TableName: table() }))),
    ).rejects.toThrow(/DeleteTable on table/);
  });

  it('keeps the job-run consumer to its partitions', async () => {
    await expect(
      as('recordJobRun', () =>
        local
          .stack()
          .services.db.send(new PutCommand({ TableName: table(), Item: { ...keys.unit('zz'), type: 'Unit' } })),
      ),
    ).rejects.toThrow(/AccessDenied|not allowed/);
  });
});
