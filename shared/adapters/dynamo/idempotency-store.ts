import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BeginOutcome, IdempotencyStore, StoredResponse } from '../../http/idempotency-store';
import { keys } from './keys';

/**
 * Idempotency records, one partition per key (no hot partition), kept for `ttlSeconds` and
 * removed by DynamoDB TTL. An in-progress claim expires after `lockSeconds`, so a request that
 * died half-way does not block its retries for ever.
 */
export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ttlSeconds: number,
    private readonly lockSeconds = 60,
  ) {}

  async begin(scope: string, fingerprint: string, now: Date): Promise<BeginOutcome> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(scope),
            status: 'in_progress',
            fingerprint,
            lockedUntil: nowSeconds + this.lockSeconds,
            expiresAt: nowSeconds + this.ttlSeconds,
          },
          ConditionExpression:
            'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { kind: 'started' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = (error.Item ?? {}) as Record<string, { S?: string; N?: string }>;
      if (old.fingerprint?.S !== fingerprint) return { kind: 'mismatch' };
      if (old.status?.S !== 'completed' || !old.response?.S) return { kind: 'in_progress' };
      return { kind: 'replay', response: JSON.parse(old.response.S) as StoredResponse };
    }
  }

  async complete(scope: string, response: StoredResponse, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.idempotency(scope),
        UpdateExpression: 'SET #status = :completed, #response = :response, completedAt = :at REMOVE lockedUntil',
        ConditionExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: {
          ':completed': 'completed',
          ':inProgress': 'in_progress',
          ':response': JSON.stringify(response),
          ':at': now.toISOString(),
        },
      }),
    );
  }

  async release(scope: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: keys.idempotency(scope),
        ConditionExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inProgress': 'in_progress' },
      }),
    ).catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
  }
}
