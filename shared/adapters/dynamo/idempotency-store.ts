import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  BeginOutcome,
  EarlierOutcome,
  IdempotencyStore,
  PeekOutcome,
  StoredResponse,
} from '../../http/idempotency-store';
import { keys } from './keys';
import { holdingCommit } from './held-commit';
import { MAX_ITEM_BYTES } from './item-size';
import type { WriteAction } from './unit-of-work';

/** Raw attribute values (a transaction's cancellation reasons carry them unconverted). */
type RawItem = Record<string, { S?: string; N?: string }>;

/** Thrown by the record's action when another request with the key committed first. */
class KeyTaken extends Error {
  constructor(readonly found: RawItem | undefined) {
    super('Idempotency-Key record written by another request');
  }
}

/** Room for the stored response within DynamoDB's item limit, beside the record's keys, fingerprint and times. */
const MAX_STORED_RESPONSE_BYTES = MAX_ITEM_BYTES - 8 * 1024;

/**
 * The response as stored: whole when it fits in the record's item; otherwise without its body, as
 * a secret field is (a replay answers the status and headers, and names `body` in
 * Idempotent-Redacted, so the client reads the resource again), never a record too large to write.
 */
export function storedResponse(response: StoredResponse): string {
  const whole = JSON.stringify(response);
  if (Buffer.byteLength(whole) <= MAX_STORED_RESPONSE_BYTES) return whole;
  return JSON.stringify({ ...response, body: '', redacted: [...(response.redacted ?? []), 'body'] });
}

/** The claim's condition: no record, an expired one, or a claim whose lock ran out. */
const CLAIMABLE = 'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockedUntil < :now)';

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
          ConditionExpression: CLAIMABLE,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { kind: 'started' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return earlierOf((error.Item ?? {}) as RawItem, fingerprint);
    }
  }

  async peek(scope: string, fingerprint: string, now: Date): Promise<PeekOutcome> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(scope), ConsistentRead: true }),
    );
    const item = out.Item;
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (
      !item ||
      Number(item.expiresAt) < nowSeconds ||
      (item.status === 'in_progress' && Number(item.lockedUntil) < nowSeconds)
    )
      return { kind: 'absent' };
    const raw: RawItem = {
      fingerprint: { S: String(item.fingerprint) },
      status: { S: String(item.status) },
      ...(typeof item.response === 'string' && { response: { S: item.response } }),
    };
    return earlierOf(raw, fingerprint);
  }

  async joinCommit<R>(
    scope: string,
    fingerprint: string,
    now: Date,
    earlier: Promise<PeekOutcome>,
    step: () => Promise<R>,
    stored: (value: R) => StoredResponse | undefined,
  ): Promise<{ kind: 'done'; value: R } | EarlierOutcome> {
    // Known already (the caller's read took longer): a replay runs nothing of the step.
    const known = await Promise.race([earlier, Promise.resolve(undefined)]);
    if (known && known.kind !== 'absent') return known;
    // The step's reads run alongside the record's; nothing it holds is sent before the record is known absent.
    const stepping = holdingCommit(
      step,
      earlier.then((seen) => {
        if (seen.kind !== 'absent') throw new Error('A request with this Idempotency-Key was made before');
      }),
    );
    stepping.catch(() => undefined);
    const seen = await earlier;
    if (seen.kind !== 'absent') return seen;
    const { value, held } = await stepping;
    const response = stored(value);
    const record = response && this.record(scope, fingerprint, response, now);
    try {
      if (held) await held.send(record ? [record] : []);
      // A step that changed nothing: its answer is kept all the same (one Put, the same condition).
      else if (record)
        await this.client.send(
          new PutCommand({
            ...(record.item.Put as ConstructorParameters<typeof PutCommand>[0]),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        return this.earlierFound(scope, fingerprint, now, error.Item as RawItem | undefined);
      if (error instanceof KeyTaken) return this.earlierFound(scope, fingerprint, now, error.found);
      throw error;
    }
    return { kind: 'done', value };
  }

  /** The completed record as one action of the step's transaction. */
  private record(scope: string, fingerprint: string, response: StoredResponse, now: Date): WriteAction {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(scope),
            status: 'completed',
            fingerprint,
            response: storedResponse(response),
            completedAt: now.toISOString(),
            expiresAt: nowSeconds + this.ttlSeconds,
          },
          ConditionExpression: CLAIMABLE,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'in_progress' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConflict: {
        message: { vi: 'Khóa Idempotency-Key vừa được dùng', en: 'The Idempotency-Key was just used' },
        field: 'idempotencyKey',
      },
      onConditionFailed: (found) => new KeyTaken(found as RawItem | undefined),
    };
  }

  private async earlierFound(
    scope: string,
    fingerprint: string,
    now: Date,
    found: RawItem | undefined,
  ): Promise<EarlierOutcome> {
    if (found?.fingerprint) return earlierOf(found, fingerprint);
    const again = await this.peek(scope, fingerprint, now);
    return again.kind === 'absent' ? { kind: 'in_progress' } : again;
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
          ':response': storedResponse(response),
          ':at': now.toISOString(),
        },
      }),
    );
  }

  async release(scope: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.idempotency(scope),
          ConditionExpression: '#status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'in_progress' },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}

/** What a record another request left says to this one. */
function earlierOf(old: RawItem, fingerprint: string): EarlierOutcome {
  if (old.fingerprint?.S !== fingerprint) return { kind: 'mismatch' };
  if (old.status?.S !== 'completed' || !old.response?.S) return { kind: 'in_progress' };
  return { kind: 'replay', response: JSON.parse(old.response.S) as StoredResponse };
}
