import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import type { Authorizer } from '../../infra/local/gateway';
import { localClients, type LocalEndpoints } from '../../infra/local/resources';

/**
 * Gives a test file its own local stack (own table, buckets and queues under a unique prefix)
 * on the run's shared emulators, started before its tests and stopped after them.
 */
export function useLocalStack(options: { retryDelaySeconds?: number; authorizer?: Authorizer } = {}) {
  const state: { stack?: LocalStack } = {};
  const endpoints: LocalEndpoints = {
    dynamodb: inject('dynamodbEndpoint'),
    s3sqs: inject('s3sqsEndpoint'),
    region: 'ap-southeast-1',
  };
  beforeAll(async () => {
    state.stack = await startLocalStack({
      endpoints,
      prefix: `t${randomUUID().slice(0, 8)}`,
      retryDelaySeconds: options.retryDelaySeconds ?? 0,
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
    });
  });
  afterAll(async () => {
    await state.stack?.stop();
  });
  const stack = () => {
    if (!state.stack) throw new Error('local stack not started');
    return state.stack;
  };
  return {
    stack,
    clients: () => localClients(endpoints),
    api: (path: string, init?: RequestInit) => fetch(`${stack().gateway.url}${path}`, init),
  };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
