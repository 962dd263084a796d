import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, type LocalEndpoints } from '../../infra/local/resources';

/**
 * What changed in a table since the last look, read from its stream instead of scanning it
 * (a Scan costs the whole table; the stream costs what was written). DynamoDB Streams writes no
 * record for a write that changes nothing, as a before/after fingerprint of a Scan would not see
 * one. This reader keeps its own shard iterators, apart from the local stack's outbox poller.
 */
export interface TableChanges {
  /** The records written since the previous call (or since `watchTable`). */
  since(): Promise<StreamRecord[]>;
}

export async function watchTable(
  dynamodb: DynamoDBClient,
  endpoints: LocalEndpoints,
  tableName: string,
): Promise<TableChanges> {
  const streams = new DynamoDBStreamsClient({
    endpoint: endpoints.dynamodb,
    region: endpoints.region,
    credentials: localCredentials(endpoints),
  });
  const streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`No stream on table ${tableName}`);
  /** Open shards and where to read each next; shards that appear later are read from their start. */
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();

  async function shardIds(): Promise<string[]> {
    const ids: string[] = [];
    let start: string | undefined;
    do {
      const out = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      ids.push(...(out.StreamDescription?.Shards ?? []).map((s) => s.ShardId!));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return ids.filter((id) => !finished.has(id));
  }

  async function iteratorOf(shardId: string, type: 'LATEST' | 'TRIM_HORIZON'): Promise<string | undefined> {
    const known = iterators.get(shardId);
    if (known) return known;
    return (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }),
      )
    ).ShardIterator;
  }

  async function read(shardId: string, type: 'LATEST' | 'TRIM_HORIZON'): Promise<StreamRecord[]> {
    const records: StreamRecord[] = [];
    let iterator = await iteratorOf(shardId, type);
    while (iterator) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      records.push(...(out.Records ?? []));
      iterator = out.NextShardIterator;
      if ((out.Records ?? []).length === 0) break;
    }
    if (iterator) iterators.set(shardId, iterator);
    else {
      iterators.delete(shardId);
      finished.add(shardId);
    }
    return records;
  }

  // Start at the end of every shard there is now.
  for (const id of await shardIds()) await read(id, 'LATEST');
  return {
    async since() {
      // The shards held open are read without describing the stream again (half the calls): a new
      // shard is only ever the child of one that closed first, so the stream is described again when
      // one of them ends, and the new ones read from their start.
      const records: StreamRecord[] = [];
      let ids = iterators.size > 0 ? [...iterators.keys()] : await shardIds();
      for (;;) {
        let closed = false;
        for (const id of ids) {
          records.push(...(await read(id, iterators.has(id) ? 'LATEST' : 'TRIM_HORIZON')));
          if (finished.has(id)) closed = true;
        }
        if (!closed) return records;
        ids = await shardIds();
      }
    },
  };
}

/**
 * The records that leave a trace: an item inserted and removed again within them (a claim that
 * was released, such as an Idempotency-Key of a refused request) nets out, as it would in a
 * before/after comparison of the table.
 */
export function lastingChanges(records: readonly StreamRecord[]): StreamRecord[] {
  const byKey = new Map<string, StreamRecord[]>();
  for (const record of records) {
    const key = JSON.stringify(record.dynamodb?.Keys ?? {});
    byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }
  return [...byKey.values()]
    .filter((rs) => !(rs[0]!.eventName === 'INSERT' && rs.at(-1)!.eventName === 'REMOVE'))
    .flat();
}
