import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../domain/errors';

/** Opaque cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  const message = { vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' };
  throw new DomainError('validation', message, [{ field: 'query.cursor', code: 'invalid_cursor', message }]);
}

type QueryClient = { send(command: QueryCommand): Promise<QueryCommandOutput> };

/** One page of an index partition, in sort-key order (or newest first), mapped to domain objects. */
export async function queryIndexPage<T>(
  client: QueryClient,
  tableName: string,
  query: { index: 'gsi1' | 'gsi2'; partition: string; limit: number; cursor?: string | undefined; newestFirst?: boolean },
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
      ExclusiveStartKey: decodeCursor(query.cursor),
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** Every item of a table partition whose sort key starts with `prefix` (small partitions only). */
export async function queryPrefix<T>(
  client: QueryClient,
  tableName: string,
  key: { pk: string; skPrefix: string; limit?: number; newestFirst?: boolean },
  map: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.skPrefix },
      ScanIndexForward: !key.newestFirst,
      ...(key.limit ? { Limit: key.limit } : {}),
    }),
  );
  return (out.Items ?? []).map(map);
}
