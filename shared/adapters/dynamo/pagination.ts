import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../domain/errors';

/** Opaque cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * What a cursor of one query must look like: exactly the key attributes DynamoDB returns for it
 * (the table's, plus the index's), the query's own partition, and (for a ranged query) a sort key
 * inside the range. Anything else would reach DynamoDB as an invalid ExclusiveStartKey (a 500):
 * it is a 400 naming query.cursor instead.
 */
export interface CursorShape {
  /** Key attribute → the value it must have (the partition), or null (any non-empty string). */
  readonly attributes: Readonly<Record<string, string | null>>;
  /** The sort key attribute and the inclusive range its value must fall in. */
  readonly range?: { readonly attribute: string; readonly from: string; readonly to: string };
}

/** Key attributes of the table, and of each index besides the table's. */
const TABLE_KEYS = ['pk', 'sk'] as const;
const MAX_KEY_LENGTH = 1024;

export const indexCursorShape = (index: 'gsi1' | 'gsi2', partition: string): CursorShape => ({
  attributes: { pk: null, sk: null, [`${index}pk`]: partition, [`${index}sk`]: null },
});

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

const invalidCursor = () => {
  const message = { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' };
  return new DomainError('validation', message, [{ field: 'cursor', code: 'invalid_cursor', message }]);
};

function fitsShape(value: unknown, shape: CursorShape): value is Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  const expected = Object.keys(shape.attributes);
  if (entries.length !== expected.length) return false;
  for (const [name, v] of entries) {
    if (!Object.hasOwn(shape.attributes, name)) return false;
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_KEY_LENGTH) return false;
    const required = shape.attributes[name];
    if (required !== null && v !== required) return false;
  }
  if (shape.range) {
    const sortKey = (value as Record<string, string>)[shape.range.attribute];
    if (sortKey === undefined || sortKey < shape.range.from || sortKey > shape.range.to) return false;
  }
  return true;
}

/** The ExclusiveStartKey of a cursor, if it is one this query could have produced. */
export function decodeCursor(
  cursor: string | undefined,
  shape: CursorShape = { attributes: Object.fromEntries(TABLE_KEYS.map((k) => [k, null])) },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!fitsShape(value, shape)) throw invalidCursor();
  return value;
}

type QueryClient = { send(command: QueryCommand): Promise<QueryCommandOutput> };

/** One page of an index partition, in sort-key order (or newest first), mapped to domain objects. */
export async function queryIndexPage<T>(
  client: QueryClient,
  tableName: string,
  query: {
    index: 'gsi1' | 'gsi2';
    partition: string;
    limit: number;
    cursor?: string | undefined;
    newestFirst?: boolean;
  },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: query.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': `${query.index}pk` },
      ExpressionAttributeValues: { ':pk': query.partition },
      ScanIndexForward: !query.newestFirst,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, indexCursorShape(query.index, query.partition)),
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** Every item of a table partition whose sort key starts with `prefix` (small partitions only). */
export async function queryPrefix<T>(
  client: QueryClient,
  tableName: string,
  key: { pk: string; skPrefix: string; limit?: number; newestFirst?: boolean; consistent?: boolean },
  map: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.skPrefix },
      ScanIndexForward: !key.newestFirst,
      ...(key.limit ? { Limit: key.limit } : {}),
      ...(key.consistent ? { ConsistentRead: true } : {}),
    }),
  );
  return (out.Items ?? []).map(map);
}

/** Every item of one query, following LastEvaluatedKey across pages (small partitions only). */
export async function queryAll(
  client: QueryClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Every item of a fact partition per month (`<KIND>FACTS#<unit>#<month>`), each read between the sort keys its
 * `range` gives: the months of a period in parallel, one key-range Query each.
 */
export async function queryMonths(
  client: QueryClient,
  tableName: string,
  months: readonly string[],
  range: (month: string) => { readonly pk: string; readonly skFrom: string; readonly skTo: string },
  projection: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'>,
): Promise<Record<string, unknown>[]> {
  const pages = await Promise.all(
    months.map((month) => {
      const r = range(month);
      return queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': r.pk, ':from': r.skFrom, ':to': r.skTo },
        ...projection,
      });
    }),
  );
  return pages.flat();
}
