import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import type { Authorizer } from '../../infra/local/gateway';
import { localClients, type LocalEndpoints } from '../../infra/local/resources';
import type { DeploymentConfig } from '../../infra/config/deployment';
import type { CoreServices, Services } from '../../shared/composition/services';
import type { IdentityProvider } from '../../shared/application/identity-provider';
import type { AskChallenge } from '../../shared/application/ask-challenge';

/**
 * scrypt cost of the stand-in's password hashes in tests: 2^10 (~4 ms a hash) instead of 2^15
 * (~100 ms), which the suite would otherwise spend hundreds of times. Tests about the hashing
 * itself (timing, the default cost) ask for `passwordHashing: 'default'`.
 */
const TEST_SCRYPT_N = 2 ** 10;

/**
 * The stack the running test file started: files run one after another in a worker, each starting
 * its own. The support helpers (directory.ts, log-capture.ts…) reach the file's services through it,
 * so that they need no stack argument; a test file itself uses `local.stack().services`.
 */
const fileStack: { current?: LocalStack } = {};

/** The services of the test file's own stack (its composition root: shared/composition/services.ts). */
export function fileServices(): Services {
  if (!fileStack.current) throw new Error('no local stack started in this file (useLocalStack)');
  return fileStack.current.services;
}

/** For a script that starts its own stack (the bench): the support helpers reach its services. */
export function adoptStack(stack: LocalStack): void {
  fileStack.current = stack;
}

/**
 * Gives a test file its own local stack (own table, buckets and queues under a unique prefix)
 * on the run's shared emulators, started before its tests and stopped after them.
 */
export function useLocalStack(
  options: {
    retryDelaySeconds?: number;
    authorizer?: Authorizer;
    config?: DeploymentConfig;
    passwordHashing?: 'cheap' | 'default';
    /** The identity provider the stack's root wires (default: the local stand-in). */
    identity?: (services: CoreServices) => IdentityProvider;
    /** A human check on asking, as a province's root may wire one (shared/application/ask-challenge.ts). */
    askChallenge?: AskChallenge;
    /** Serve a built console at /console/ (test/support/browser.ts builds it). */
    consoleDir?: () => Promise<string>;
  } = {},
) {
  const state: { stack?: LocalStack } = {};
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const endpoints: LocalEndpoints = {
    dynamodb: inject('dynamodbEndpoint'),
    s3sqs: inject('s3sqsEndpoint'),
    region: 'ap-southeast-1',
    // The file's own DynamoDB database (global-setup.ts): no file pays for another's stream records.
    // DynamoDB Local takes letters and digits only in an access key, as the prefix is.
    accessKeyId: prefix,
  };
  beforeAll(async () => {
    state.stack = await startLocalStack({
      endpoints,
      prefix,
      retryDelaySeconds: options.retryDelaySeconds ?? 0,
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
      ...(options.config ? { config: options.config } : {}),
      ...((options.passwordHashing ?? 'cheap') === 'cheap' ? { scryptN: TEST_SCRYPT_N } : {}),
      ...(options.consoleDir ? { consoleDir: await options.consoleDir() } : {}),
      ...(options.identity ? { identity: options.identity } : {}),
      ...(options.askChallenge ? { askChallenge: options.askChallenge } : {}),
    });
    fileStack.current = state.stack;
  });
  afterAll(async () => {
    if (fileStack.current === state.stack) delete fileStack.current;
    await state.stack?.stop();
  });
  const stack = () => {
    if (!state.stack) throw new Error('local stack not started');
    return state.stack;
  };
  // One set of SDK clients per file: a new client per call opens new connections every time.
  let clients: ReturnType<typeof localClients> | undefined;
  return {
    stack,
    clients: () => (clients ??= localClients(endpoints)),
    api: (path: string, init?: RequestInit) => fetch(`${stack().gateway.url}${path}`, init),
    /** Runs the dependency-check job and waits until its run is recorded, so /health answers 200 (not 503). */
    async monitored(): Promise<void> {
      await stack().runJob('dependency-check');
      // A loaded host can hold the table probe past its deadline for a while (a 503 "degraded" is /health's answer then).
      await eventually(
        async () => ((await fetch(`${stack().gateway.url}/health`)).status === 200 ? true : undefined),
        60_000,
      );
    },
    /** Every item of this file's table, read consistently (tests may scan; the application never does). */
    async scanAll(): Promise<Array<Record<string, any>>> {
      const items: Array<Record<string, any>> = [];
      let start: Record<string, any> | undefined;
      do {
        const out = await (clients ??= localClients(endpoints)).dynamodb.send(
          new ScanCommand({ TableName: stack().resources.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  // The monotonic clock: tests may fake Date (and freeze it) while they wait.
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
