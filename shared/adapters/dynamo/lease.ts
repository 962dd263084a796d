import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

/**
 * A named lease in the table: one holder at a time, taken with a conditional put (free, or its
 * holder's time is up) and given back by its holder only. The expiry frees a lease whose holder
 * died (a Lambda killed at its timeout); `expiresAt` is also the table's TTL attribute, so an
 * abandoned lease item goes away by itself. Through the document client, as every item of the
 * portal table (the drill's low-level client is for its scratch tables: test/infra/table-grants.test.ts).
 */
export type LeaseOutcome =
  | { readonly acquired: true; readonly previous?: Record<string, string> }
  | { readonly acquired: false; readonly holder: string; readonly until: string };

const documents = (client: DynamoDBClient) => DynamoDBDocumentClient.from(client);

export async function acquireLease(
  client: DynamoDBClient,
  table: string,
  name: string,
  holder: string,
  now: Date,
  seconds: number,
  detail: Record<string, string> = {},
): Promise<LeaseOutcome> {
  const key = keys.lease(name);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    const out = await documents(client).send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: key.pk,
          sk: key.sk,
          holder,
          expiresAt: nowSeconds + seconds,
          takenAt: now.toISOString(),
          ...detail,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const previous = out.Attributes
      ? (Object.fromEntries(Object.entries(out.Attributes).filter(([, v]) => typeof v === 'string')) as Record<
          string,
          string
        >)
      : undefined;
    return { acquired: true, ...(previous ? { previous } : {}) };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await documents(client).send(
      new GetCommand({ TableName: table, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
    );
    const until = new Date(Number(current.Item?.expiresAt ?? 0) * 1000).toISOString();
    return { acquired: false, holder: String(current.Item?.holder ?? 'unknown'), until };
  }
}

/** Gives the lease back, if this holder still has it (an expired lease may have been taken by another). */
export async function releaseLease(client: DynamoDBClient, table: string, name: string, holder: string): Promise<void> {
  const key = keys.lease(name);
  await documents(client)
    .send(
      new DeleteCommand({
        TableName: table,
        Key: { pk: key.pk, sk: key.sk },
        ConditionExpression: 'holder = :holder',
        ExpressionAttributeValues: { ':holder': holder },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}

/**
 * Extends the lease by `seconds` from now, if this holder still has it: a run split into steps
 * (a state machine) renews it at each step, so only a run that stopped stepping loses it.
 */
export async function renewLease(
  client: DynamoDBClient,
  table: string,
  name: string,
  holder: string,
  now: Date,
  seconds: number,
  detail: Record<string, string> = {},
): Promise<boolean> {
  const key = keys.lease(name);
  try {
    await documents(client).send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: key.pk,
          sk: key.sk,
          holder,
          expiresAt: Math.floor(now.getTime() / 1000) + seconds,
          renewedAt: now.toISOString(),
          ...detail,
        },
        ConditionExpression: 'holder = :holder',
        ExpressionAttributeValues: { ':holder': holder },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The lease's item as strings (holder, details), if anybody holds it. */
export async function leaseOf(
  client: DynamoDBClient,
  table: string,
  name: string,
): Promise<Record<string, string> | undefined> {
  const key = keys.lease(name);
  const out = await documents(client).send(
    new GetCommand({ TableName: table, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
  );
  return out.Item
    ? (Object.fromEntries(Object.entries(out.Item).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
    : undefined;
}
