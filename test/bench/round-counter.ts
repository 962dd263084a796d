import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { invocation } from '../../infra/local/table-permissions';
import type { FunctionKey } from '../../functions/manifest';

/**
 * DynamoDB calls and sequential rounds of one request of one function (as
 * test/integration/write-rounds.test.ts counts them): a middleware on the process's client, calls
 * of other functions (the local consumers run in this process too) left out. A round is a set of
 * calls in flight together.
 */
interface Call {
  readonly command: string;
  readonly start: number;
  end: number;
}

/** The clients the counter is on (each local stack has its own). */
const installed = new WeakSet<DynamoDBClient>();
let counting: { fn: FunctionKey; calls: Call[] } | undefined;

function install(dynamo: DynamoDBClient): void {
  if (installed.has(dynamo)) return;
  installed.add(dynamo);
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const current = counting;
      if (!current || invocation.getStore()?.function !== current.fn) return next(args);
      const call: Call = {
        command: (context.commandName ?? '?').replace(/Command$/, ''),
        start: performance.now(),
        end: Infinity,
      };
      current.calls.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    },
    { step: 'initialize', name: 'benchRoundCounter' },
  );
}

/** Runs one request `fn` and says which calls function `of` made for it, in how many rounds. */
export async function countRounds<T>(
  dynamo: DynamoDBClient,
  of: FunctionKey,
  fn: () => Promise<T>,
): Promise<{ result: T; calls: string[]; rounds: number; beforeCommit: number }> {
  install(dynamo);
  const calls: Call[] = [];
  counting = { fn: of, calls };
  try {
    const result = await fn();
    const openers = calls.filter((c, i) => calls.slice(0, i).every((earlier) => earlier.end <= c.start));
    const commit = calls.findIndex((c) => c.command === 'TransactWriteItems');
    const beforeCommit = commit < 0 ? openers.length : openers.filter((c) => c.start < calls[commit]!.start).length;
    return { result, calls: calls.map((c) => c.command), rounds: openers.length, beforeCommit };
  } finally {
    counting = undefined;
  }
}
