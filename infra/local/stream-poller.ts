import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeTableCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { tableDefinition } from '../definitions/table';
import { isOutboxInsert } from '../../functions/consumers/outbox-relay';
import type { LocalFunctions } from './functions';
import { pollRhythm } from './pause';
import { localCredentials, type LocalEndpoints } from './resources';
import { withoutSdkLogging } from '../../shared/adapters/aws-clients';

/**
 * Stands in for Lambda's DynamoDB Streams event source on the local stack: reads the table's
 * stream on DynamoDB Local (DescribeStream → GetShardIterator → GetRecords, following shards as
 * they close and split), keeps the INSERTs of outbox items (the filter the event source has on
 * AWS) and hands them to the same outbox relay function, which puts them on the local event bus.
 * The position in each shard is a checkpoint, kept in a file when one is given, so a restart
 * resumes where it stopped; a batch the relay fails is read again from the failed record.
 */
export interface StreamPoller {
  /** Resolves once everything written to the stream so far has been handed to the relay. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Checkpoint {
  streamArn?: string;
  /** Per shard: the last sequence number handed over, or `closed` once the shard is finished. */
  shards: Record<string, { sequenceNumber?: string; closed?: boolean }>;
}

/** Turns on the table's stream if it is off (tables created before the outbox existed). */
async function streamArnOf(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const table = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  if (table?.StreamSpecification?.StreamEnabled && table.LatestStreamArn) return table.LatestStreamArn;
  await dynamodb.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
    }),
  );
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 30 }, { TableName: tableName });
  const arn = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  if (!arn) throw new Error(`No stream on table ${tableName}`);
  return arn;
}

/** The record as Lambda delivers it (the SDK gives a Date where Lambda gives epoch seconds). */
const asLambdaRecord = (record: StreamRecord): DynamoDBRecord =>
  ({
    ...record,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ...record.dynamodb,
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? record.dynamodb.ApproximateCreationDateTime.getTime() / 1000
        : undefined,
    },
  }) as DynamoDBRecord;

export async function startStreamPoller(options: {
  functions: LocalFunctions;
  endpoints: LocalEndpoints;
  dynamodb: DynamoDBClient;
  tableName: string;
  checkpointFile?: string;
  /** Between passes while they find records, and after a function ran (default 200 ms). */
  intervalMs?: number;
  /** Between passes once they find nothing, reached by doubling (default 1.6 s). */
  idleIntervalMs?: number;
  onError?: (error: unknown) => void;
}): Promise<StreamPoller> {
  const streams = withoutSdkLogging(
    new DynamoDBStreamsClient({
      endpoint: options.endpoints.dynamodb,
      region: options.endpoints.region,
      credentials: localCredentials(options.endpoints),
    }),
  );
  const streamArn = await streamArnOf(options.dynamodb, options.tableName);
  const file = options.checkpointFile;
  let checkpoint: Checkpoint =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Checkpoint) : { shards: {} };
  if (checkpoint.streamArn !== streamArn) checkpoint = { streamArn, shards: {} };
  const save = () => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(checkpoint));
  };
  const iterators = new Map<string, string>();

  async function shardsOf(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const known = iterators.get(shardId);
    if (known) return known;
    const sequenceNumber = checkpoint.shards[shardId]?.sequenceNumber;
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(sequenceNumber
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequenceNumber }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  /** Reads one shard as far as it has records now. Returns false when nothing was read. */
  async function readShard(shardId: string): Promise<boolean> {
    let read = false;
    for (;;) {
      const iterator = await iteratorFor(shardId);
      if (!iterator) {
        checkpoint.shards[shardId] = { ...checkpoint.shards[shardId], closed: true };
        save();
        return read;
      }
      let out;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        iterators.delete(shardId);
        if (error instanceof ExpiredIteratorException) continue;
        if (error instanceof TrimmedDataAccessException) {
          checkpoint.shards[shardId] = {};
          continue;
        }
        throw error;
      }
      const records = out.Records ?? [];
      if (records.length > 0) {
        read = true;
        const batch = records.map(asLambdaRecord);
        const outbox = batch.filter(isOutboxInsert);
        const response =
          outbox.length > 0
            ? ((await options.functions.invoke('outboxRelay', {
                Records: outbox,
              } satisfies DynamoDBStreamEvent)) as DynamoDBBatchResponse)
            : { batchItemFailures: [] };
        const failedAt = response.batchItemFailures[0]?.itemIdentifier;
        if (failedAt) {
          // As on AWS: retry from the failed record on.
          const index = batch.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt);
          const before = batch[index - 1]?.dynamodb?.SequenceNumber;
          if (before) checkpoint.shards[shardId] = { sequenceNumber: before };
          iterators.delete(shardId);
          save();
          return read;
        }
        checkpoint.shards[shardId] = { sequenceNumber: records.at(-1)!.dynamodb!.SequenceNumber! };
        save();
      }
      if (out.NextShardIterator) iterators.set(shardId, out.NextShardIterator);
      else {
        iterators.delete(shardId);
        checkpoint.shards[shardId] = { ...checkpoint.shards[shardId], closed: true };
        save();
        return read;
      }
      if (records.length === 0) return read;
    }
  }

  /** One pass over every open shard, parents before their children. */
  async function pass(): Promise<boolean> {
    const shards = await shardsOf();
    const ids = new Set(shards.map((s) => s.ShardId!));
    let read = false;
    for (const shard of shards) {
      const id = shard.ShardId!;
      if (checkpoint.shards[id]?.closed) continue;
      const parent = shard.ParentShardId;
      if (parent && ids.has(parent) && !checkpoint.shards[parent]?.closed) continue;
      if (await readShard(id)) read = true;
    }
    return read;
  }

  // Passes never overlap: the loop and drain() take turns, so no record is handed over twice.
  let turn: Promise<unknown> = Promise.resolve();
  const serialPass = (): Promise<boolean> => {
    const next = turn.then(pass);
    turn = next.catch(() => undefined);
    return next;
  };
  let stopped = false;
  const rhythm = pollRhythm(options.intervalMs ?? 200, options.idleIntervalMs ?? 1600);
  // Outbox records come from functions' commits: after one ran, look again soon.
  const unsubscribe = options.functions.afterInvocations(rhythm.nudge);
  const loop = async () => {
    while (!stopped) {
      const read = await serialPass().catch((error: unknown) => {
        options.onError?.(error);
        return false;
      });
      if (!stopped) await rhythm.after(read);
    }
  };
  const done = loop();
  return {
    async drain() {
      while (await serialPass()) {
        // keep reading until a pass finds nothing new
      }
    },
    async stop() {
      stopped = true;
      unsubscribe();
      rhythm.stop();
      await done;
      streams.destroy();
    },
  };
}
