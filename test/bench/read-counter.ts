import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { invocation } from '../../infra/local/table-permissions';
import type { FunctionKey } from '../../functions/manifest';

/**
 * Counts what DynamoDB returns to one function of the local stack: items read and the capacity
 * DynamoDB reports. A middleware on the process's DynamoDB client (the one every in-process handler
 * uses, as infra/local/table-permissions.ts checks it), so no application code changes; it asks
 * for `ReturnConsumedCapacity: TOTAL` on the calls it counts, which changes no result.
 */
export interface ReadTally {
  calls: number;
  /** TransactWriteItems calls (not in `calls`, `items` or `capacityUnits`). */
  transactions: number;
  items: number;
  capacityUnits: number;
  byCommand: Record<string, number>;
}

const empty = (): ReadTally => ({ transactions: 0, calls: 0, items: 0, capacityUnits: 0, byCommand: {} });

type Output = {
  Count?: number;
  Item?: unknown;
  Responses?: Record<string, unknown[]>;
  ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>;
};

/** Items a read returned: a Query's or Scan's count, a GetItem's item, a BatchGetItem's responses. */
function itemsOf(output: Output): number {
  if (typeof output.Count === 'number') return output.Count;
  if (output.Responses) return Object.values(output.Responses).reduce((sum, items) => sum + items.length, 0);
  return output.Item ? 1 : 0;
}

const capacityOf = (output: Output) =>
  [output.ConsumedCapacity ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);

const READS = new Set([
  'GetCommand',
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetCommand',
  'BatchGetItemCommand',
]);

/** The clients the counter is on (each local stack has its own). */
const installed = new WeakSet<DynamoDBClient>();
let counting: { fn: FunctionKey; tally: ReadTally } | undefined;

export function installReadCounter(dynamo: DynamoDBClient): void {
  if (installed.has(dynamo)) return;
  installed.add(dynamo);
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const current = counting;
      if (!current || invocation.getStore()?.function !== current.fn) return next(args);
      if (context.commandName === 'TransactWriteItemsCommand' || context.commandName === 'TransactWriteCommand')
        current.tally.transactions += 1;
      if (!READS.has(context.commandName ?? '')) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as Output;
      current.tally.calls += 1;
      current.tally.items += itemsOf(output);
      current.tally.capacityUnits += capacityOf(output);
      const command = (context.commandName ?? '?').replace(/(Item)?Command$/, '');
      current.tally.byCommand[command] = (current.tally.byCommand[command] ?? 0) + 1;
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchReadCounter' },
  );
}

/** Runs `fn` and returns what function `of` read meanwhile (runs must not overlap). */
export async function countReads<T>(
  dynamo: DynamoDBClient,
  of: FunctionKey,
  fn: () => Promise<T>,
): Promise<{ result: T; reads: ReadTally }> {
  installReadCounter(dynamo);
  const tally = empty();
  counting = { fn: of, tally };
  try {
    return { result: await fn(), reads: tally };
  } finally {
    counting = undefined;
  }
}
