import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  QueryCommand,
  ResourceNotFoundException,
  type AttributeValue,
  DescribeTimeToLiveCommand,
  UpdateTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../../infra/definitions/table';

/**
 * A new table shaped like the portal's (keys, every GSI, TTL; the stream after loading), from the one table
 * definition: DynamoDB's own restore and import leave the stream and TTL to be set again by hand.
 */
export function tableShape(tableName: string): CreateTableCommandInput {
  const def = tableDefinition;
  const attributes = new Set<string>([def.partitionKey, def.sortKey]);
  for (const index of def.indexes) attributes.add(index.partitionKey).add(index.sortKey);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Turns the stream on once the items are in: restored items (old outbox events among them) must
 * not reach a consumer as new INSERTs, and DynamoDB Local writes ~2.5× slower with a stream on.
 */
export async function enableStream(client: DynamoDBClient, tableName: string): Promise<void> {
  const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  if (table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 120 }, { TableName: tableName });
}

/**
 * The marker a restore writes into the table it creates, first thing after creating it, naming
 * its restore id (checkpoint.ts): a table without this restore's marker is never written to.
 * (A tag set at creation would be neater, but DynamoDB Local does not support tagging: one
 * mechanism for both, reached with the actions the drill already holds, BatchWriteItem and Query.)
 * Removed once the restore checks out; never part of the digest.
 */
export const RESTORE_MARKER = { pk: 'RESTORE#MARKER', sk: 'RESTORE#MARKER' } as const;
export const isRestoreMarker = (item: Record<string, AttributeValue>) =>
  item.pk?.S === RESTORE_MARKER.pk && item.sk?.S === RESTORE_MARKER.sk;
const markerKey = { pk: { S: RESTORE_MARKER.pk }, sk: { S: RESTORE_MARKER.sk } };

/** The restore id in the table's marker: undefined when the table does not exist, null when it has no marker. */
export async function restoreMarkerOf(client: DynamoDBClient, tableName: string): Promise<string | null | undefined> {
  try {
    const out = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': markerKey.pk, ':sk': markerKey.sk },
        ConsistentRead: true,
      }),
    );
    return out.Items?.[0]?.restoreId?.S ?? null;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

export async function writeRestoreMarker(
  client: DynamoDBClient,
  tableName: string,
  restoreId: string,
  backupId: string,
): Promise<void> {
  await client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [tableName]: [
          { PutRequest: { Item: { ...markerKey, restoreId: { S: restoreId }, backupId: { S: backupId } } } },
        ],
      },
    }),
  );
}

export async function removeRestoreMarker(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new BatchWriteItemCommand({ RequestItems: { [tableName]: [{ DeleteRequest: { Key: markerKey } }] } }),
  );
}

/** Creates the table, or finds it there already (another restore's, or any table). Returns whether it was created now. */
export async function createShapedTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  let created = true;
  try {
    await client.send(new CreateTableCommand(tableShape(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    created = false;
  }
  await waitUntilTableExists({ client, maxWaitTime: 120 }, { TableName: tableName });
  // Checked, not assumed: a restore killed between creating the table and this call sets it on resuming.
  await enableTimeToLive(client, tableName);
  return created;
}

/** TTL on the definition's attribute, unless it is on already (an imported table has none). */
export async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
}
