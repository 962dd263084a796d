import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { env } from '../config/env';
import { dynamoClient } from './aws-clients';

/** One dependency's answer to a cheap question, as /health and the dependency-check job report it. */
export interface DependencyStatus {
  readonly status: 'ok' | 'error';
  readonly latencyMs?: number;
  readonly error?: string;
  /** For results recorded by the dependency-check job: when it checked. */
  readonly checkedAt?: string;
}

const TIMEOUT_MS = 2_000;

export async function probe(check: (signal: AbortSignal) => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await check(AbortSignal.timeout(TIMEOUT_MS));
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 'error', latencyMs: Math.round(performance.now() - started), error: name };
  }
}

/** The table answers DescribeTable: the only probe that needs no client beyond DynamoDB's. */
export const probeTable = (): Promise<DependencyStatus> =>
  probe((abortSignal) =>
    dynamoClient().send(new DescribeTableCommand({ TableName: env().TABLE_NAME }), { abortSignal }),
  );
