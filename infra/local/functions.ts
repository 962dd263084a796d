import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { invocation } from './table-permissions';

/**
 * Loads the same handler modules CDK bundles, in process. Handlers read their environment at
 * first use, so the caller sets process.env (resources.ts functionEnvironment) before loading.
 */
const root = resolve(import.meta.dirname, '../..');
const loaded = new Map<FunctionKey, Promise<(event: unknown, context: Context) => Promise<unknown>>>();

export function loadHandler(key: FunctionKey) {
  let handler = loaded.get(key);
  if (!handler) {
    const entry = pathToFileURL(resolve(root, functionDefinitions[key].entry)).href;
    handler = import(entry).then((mod: { handler?: (event: unknown, context: Context) => Promise<unknown> }) => {
      if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no handler`);
      return mod.handler;
    });
    loaded.set(key, handler);
  }
  return handler;
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

const invocationListeners = new Set<() => void>();

/** Calls `listener` after every invocation ends; returns the unsubscribe. Pollers use it to look for new work at once. */
export function afterInvocations(listener: () => void): () => void {
  invocationListeners.add(listener);
  return () => invocationListeners.delete(listener);
}

export async function invoke(key: FunctionKey, event: unknown): Promise<unknown> {
  const handler = await loadHandler(key);
  try {
    return await invocation.run({ function: key }, () => handler(event, lambdaContext(key)));
  } finally {
    for (const listener of invocationListeners) listener();
  }
}
