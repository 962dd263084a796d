import { ConditionalCheckFailedException, DeleteItemCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from './keys';

/**
 * A named lease in the table: one holder at a time, taken with a conditional put (free, or its
 * holder's time is up) and given back by its holder only. The expiry frees a lease whose holder
 * died (a Lambda killed at its timeout); `expiresAt` is also the table's TTL attribute, so an
 * abandoned lease item goes away by itself.
 */
export type LeaseOutcome =
  | { readonly acquired: true; readonly previous?: Record<string, string> }
  | { readonly acquired: false; readonly holder: string; readonly until: string };

export async function acquireLease(
  client: DynamoDBClient, table: string, name: string, holder: string, now: Date, seconds: number, detail: Record<string, string> = {},
): Promise<LeaseOutcome> {
  const key = keys.lease(name);
  const Key = { pk: { S: key.pk }, sk: { S: key.sk } };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    const out = await client.send(
      new PutItemCommand({
        TableName: table,
        Item: {
          ...Key, holder: { S: holder }, expiresAt: { N: String(nowSeconds + seconds) }, takenAt: { S: now.toISOString() },
          ...Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, { S: v }])),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': { N: String(nowSeconds) } },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const previous = out.Attributes ? Object.fromEntries(Object.entries(out.Attributes).flatMap(([k, v]) => (v.S !== undefined ? [[k, v.S]] : []))) : undefined;
    return { acquired: true, ...(previous ? { previous } : {}) };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await client.send(new GetItemCommand({ TableName: table, Key, ConsistentRead: true }));
    const until = new Date(Number(current.Item?.expiresAt?.N ?? 0) * 1000).toISOString();
    return { acquired: false, holder: current.Item?.holder?.S ?? 'unknown', until };
  }
}

/** Gives the lease back, if this holder still has it (an expired lease may have been taken by another). */
export async function releaseLease(client: DynamoDBClient, table: string, name: string, holder: string): Promise<void> {
  const key = keys.lease(name);
  await client
    .send(
      new DeleteItemCommand({
        TableName: table,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        ConditionExpression: 'holder = :holder',
        ExpressionAttributeValues: { ':holder': { S: holder } },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}
