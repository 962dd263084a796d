import { randomUUID } from 'node:crypto';
import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { invocation } from '../../infra/local/table-permissions';
import type { FunctionKey } from '../../functions/manifest';
import { OUTBOX_ITEM_TYPE } from '../../events/outbox';

/**
 * DynamoDB Local's own cost of a write's commit (issue 22): the last TransactWriteItems each
 * function sent, as sent (marshalled), and a bare replay of it, alone, under fresh partition keys.
 * Puts are replayed as they were (attributes, index keys and conditions kept: each is a new item,
 * as a create's are); an Update, Delete or ConditionCheck of an existing item becomes a Put of its
 * key (nothing exists under the fresh key). Replayed outbox items are not relayed (their type is
 * changed): the replay is DynamoDB Local's work only, stream records included. The replay runs no code of ours but the SDK's, so a
 * write's latency less its replay's is what the handler, its reads and the gateway add.
 */
type Marshalled = NonNullable<TransactWriteItem['Put']>['Item'];

/**
 * Starts recording each function's transactions on `client` (the stack's own, which every local
 * function sends through); call before the writes it should replay.
 */
export function recordTransactions(client: DynamoDBClient) {
  const last = new Map<FunctionKey, TransactWriteItem[]>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const fn = invocation.getStore()?.function;
      if (fn && context.commandName === 'TransactWriteItemsCommand') {
        const items = (args.input as { TransactItems?: TransactWriteItem[] }).TransactItems;
        if (items) last.set(fn, structuredClone(items));
      }
      return next(args);
    },
    // After the document client has marshalled its input (before serializing): the replay sends the same values.
    { step: 'build', name: `benchBareTransaction${Math.random().toString(36).slice(2, 8)}` },
  );
  return {
    transactionOf: (fn: FunctionKey) => transactionOf(last, fn),
    bareReplay: (fn: FunctionKey, tableName: string) => bareReplay(client, last, fn, tableName),
  };
}

/** What `fn` last committed: its actions by kind and first key segment (`Put CONTENT`, `Put AUDIT`…). */
function transactionOf(
  last: ReadonlyMap<FunctionKey, TransactWriteItem[]>,
  fn: FunctionKey,
): { count: number; bytes: number; actions: string[] } | undefined {
  const items = last.get(fn);
  if (!items) return undefined;
  const actions = items.map((item) => {
    const [kind, body] = Object.entries(item).find(([, v]) => v !== undefined)! as [
      string,
      { Item?: Marshalled; Key?: Marshalled },
    ];
    return `${kind} ${String((body.Item ?? body.Key)?.pk?.S ?? '?').split('#')[0]}`;
  });
  return { count: items.length, bytes: Buffer.byteLength(JSON.stringify(items)), actions };
}

/** A bare replay of `fn`'s last transaction under fresh keys (undefined until it committed one). */
function bareReplay(
  client: DynamoDBClient,
  last: ReadonlyMap<FunctionKey, TransactWriteItem[]>,
  fn: FunctionKey,
  tableName: string,
): () => Promise<unknown> {
  return () => {
    const items = last.get(fn);
    if (!items) throw new Error(`${fn} has committed no transaction to replay yet`);
    const suffix = randomUUID();
    // Outbox items keep their size but not their type: the relay leaves them alone, so no consumer runs for a replay.
    const rekey = (m: Marshalled) => ({
      ...m,
      pk: { S: `BENCH#${suffix}#${m?.pk?.S}` },
      ...(m?.type?.S === OUTBOX_ITEM_TYPE && { type: { S: 'BenchReplay' } }),
    });
    const TransactItems = items.map((item): TransactWriteItem => {
      if (item.Put) return { Put: { ...item.Put, Item: rekey(item.Put.Item) } };
      const key = (item.Update ?? item.Delete ?? item.ConditionCheck)!.Key!;
      return { Put: { TableName: tableName, Item: rekey(key) } };
    });
    return client.send(new TransactWriteItemsCommand({ TransactItems }));
  };
}
