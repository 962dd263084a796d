import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

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
export const probeTable = (dynamo: DynamoDBClient, tableName: string): Promise<DependencyStatus> =>
  probe((abortSignal) => dynamo.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal }));
