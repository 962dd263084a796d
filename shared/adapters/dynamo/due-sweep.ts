import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Reads what is due by `horizon` on the sparse `due` index, over every shard of one kind of
 * work: one Query per shard (in parallel, paginated), never a Scan. Returns the `limit` earliest
 * by `order`, and whether more were due. Sweepers (escalation, scheduled publication) read all of
 * each shard up to the horizon, so what a late or failed run missed is found by the next one.
 */
export async function sweepDue<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: {
    readonly shards: number;
    /** The shard's partition on the index (`keys.openWorkDue(…).duePk`, `keys.scheduledPublicationDue(…).duePk`). */
    readonly duePk: (shard: number) => string;
    readonly horizon: string;
    readonly limit: number;
    /** Items a Query may return at most (keeps a page small when only a few are wanted). */
    readonly pageSize: number;
    readonly attributes: readonly string[];
    readonly read: (item: Record<string, unknown>) => T;
    readonly order: (a: T, b: T) => number;
  },
): Promise<{ found: T[]; more: boolean }> {
  const inShard = async (shard: number): Promise<{ found: T[]; more: boolean }> => {
    const found: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'due',
          KeyConditionExpression: 'duePk = :pk AND dueAt <= :horizon',
          ExpressionAttributeValues: { ':pk': options.duePk(shard), ':horizon': options.horizon },
          ProjectionExpression: options.attributes.map((_, i) => `#p${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(options.attributes.map((name, i) => [`#p${i}`, name])),
          Limit: Math.min(options.pageSize, options.limit - found.length),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) found.push(options.read(item));
      start = out.LastEvaluatedKey;
    } while (start && found.length < options.limit);
    return { found, more: start !== undefined };
  };
  const perShard = await Promise.all(Array.from({ length: options.shards }, (_, shard) => inShard(shard)));
  const all = perShard.flatMap((s) => s.found).sort(options.order);
  return { found: all.slice(0, options.limit), more: all.length > options.limit || perShard.some((s) => s.more) };
}
