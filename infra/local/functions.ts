import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { invocation } from './table-permissions';
import type { Services } from '../../shared/composition/services';

const root = resolve(import.meta.dirname, '../..');

type LoadedHandler = (event: unknown, context: Context) => Promise<unknown>;

/** The functions of one local stack: each handler wired to the stack's services, and who runs after every invocation. */
export interface LocalFunctions {
  invoke(key: FunctionKey, event: unknown): Promise<unknown>;
  /** Calls `listener` after every invocation ends; returns the unsubscribe. Pollers use it to look for new work at once. */
  afterInvocations(listener: () => void): () => void;
}

/**
 * Loads the same handler modules CDK bundles, in process, and wires each to `services`, the local
 * stack's composition root (shared/composition/lambda.ts `wire`), so two stacks in one process
 * never share a client, a table or a cache. Entry points not yet wired that way read the
 * environment the stack sets (resources.ts functionEnvironment) at first use.
 */
export function createLocalFunctions(services: Services): LocalFunctions {
  const loaded = new Map<FunctionKey, Promise<LoadedHandler>>();
  const listeners = new Set<() => void>();
  const load = (key: FunctionKey) => {
    let handler = loaded.get(key);
    if (!handler) {
      const entry = pathToFileURL(resolve(root, functionDefinitions[key].entry)).href;
      handler = import(entry).then((mod: { handler?: LoadedHandler & { wire?: (s: Services) => LoadedHandler } }) => {
        if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no handler`);
        return mod.handler.wire ? mod.handler.wire(services) : mod.handler;
      });
      loaded.set(key, handler);
    }
    return handler;
  };
  return {
    async invoke(key, event) {
      const handler = await load(key);
      try {
        return await invocation.run({ function: key }, () => handler(event, lambdaContext(key)));
      } finally {
        for (const listener of listeners) listener();
      }
    },
    afterInvocations(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A Lambda context as the runtime passes it, with the function's configured timeout. On AWS every
 * request in flight has a sandbox of its own; here one process serves them all, so 64 requests at
 * once on a loaded machine queue for the same CPU and would time out where AWS would not. The test
 * suite stretches the deadline by `LOCAL_TIMEOUT_SCALE` (vitest.config.ts); `npm start` keeps 1.
 */
export function lambdaContext(key: FunctionKey): Context {
  const def = functionDefinitions[key] as { timeoutSeconds?: number; memoryMb?: number };
  const scale = Math.max(1, Number(process.env.LOCAL_TIMEOUT_SCALE ?? 1) || 1);
  const deadline = Date.now() + (def.timeoutSeconds ?? 10) * 1000 * scale;
  const name = `local-${key}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: String(def.memoryMb ?? 512),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
