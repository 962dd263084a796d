import { describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { useLocalStack } from '../support/local-stack';
import { documentClient } from '../../shared/adapters/aws-clients';
import { invocation } from '../../infra/local/table-permissions';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * The local stack refuses what IAM would refuse on AWS: an invoked function may touch only the
 * partitions its manifest entry grants (the same rules CDK writes as policies).
 */
const local = useLocalStack();
const table = () => local.stack().resources.tableName;
const as = <T>(fn: 'calendar' | 'recordJobRun' | 'units' | 'audit', run: () => Promise<T>) => invocation.run({ function: fn }, run);

describe('local IAM for table access', () => {
  it('lets the public calendar read the calendar partition, and nothing else', async () => {
    await expect(as('calendar', () => documentClient().send(new GetCommand({ TableName: table(), Key: keys.calendarSchedule(2026) })))).resolves.toBeDefined();
    await expect(as('calendar', () => documentClient().send(new GetCommand({ TableName: table(), Key: keys.account('x') })))).rejects.toThrow(/calendar is not allowed dynamodb:GetItem on partition ACCOUNT#x/);
  });

  it('keeps audit entries append-only even for a function that may write everything else', async () => {
    const entry = keys.auditEntry('soa', '2026-01-01T00:00:00.000Z', 'e1');
    await expect(as('units', () => documentClient().send(new PutCommand({ TableName: table(), Item: { ...entry, action: 'x' } })))).resolves.toBeDefined();
    await expect(
      as('units', () => documentClient().send(new UpdateCommand({ TableName: table(), Key: entry, UpdateExpression: 'SET #a = :a', ExpressionAttributeNames: { '#a': 'action' }, ExpressionAttributeValues: { ':a': 'y' } }))),
    ).rejects.toThrow(/not allowed dynamodb:UpdateItem on partition AUDIT#soa/);
    await expect(as('units', () => documentClient().send(new GetCommand({ TableName: table(), Key: entry })))).rejects.toThrow(/AUDIT#soa/);
    await expect(as('audit', () => documentClient().send(new GetCommand({ TableName: table(), Key: entry })))).resolves.toBeDefined();
  });

  it('keeps the job-run consumer to its partitions', async () => {
    await expect(as('recordJobRun', () => documentClient().send(new PutCommand({ TableName: table(), Item: { ...keys.unit('zz'), type: 'Unit' } })))).rejects.toThrow(/AccessDenied|not allowed/);
  });
});
