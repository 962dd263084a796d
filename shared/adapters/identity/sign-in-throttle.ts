import { createHash } from 'node:crypto';
import { BatchWriteCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { passwordPolicy } from '../../domain/accounts/password-policy';
import { keys, type Key } from '../dynamo/keys';

/**
 * Sign-in throttling of the local identity provider, with atomic counters (conditional updates,
 * never read-modify-write), at two levels:
 *
 * - per (username, source): 5 failures in a row from one client address lock that address out
 *   for 15 minutes (the policy's lockout). An anonymous guesser therefore locks out only itself,
 *   never the province's only operator signing in from elsewhere;
 * - per username, all sources together: at most 25 failures per 15-minute window, after which
 *   every source is refused until the window ends. This caps distributed guessing at 25 per 15
 *   minutes (5 sources' worth); the price is that an attacker with 5+ addresses can lock an
 *   account for at most 15 minutes at a time, which we judge better than unlimited guesses from
 *   a botnet (Cognito itself locks per user, whatever the source).
 *
 * An attempt is charged before its outcome is known and refunded when it succeeds, so parallel
 * guesses cannot slip past the limit between a read and a write. Counters are keyed by a digest
 * of the username as typed, whether or not such an account exists: unknown usernames lock exactly
 * as known ones do, so a lock reveals nothing.
 */
export const SOURCE_FAILURES_BEFORE_LOCK = passwordPolicy.lockoutAfterFailures.value;
export const ACCOUNT_FAILURES_PER_WINDOW = 5 * SOURCE_FAILURES_BEFORE_LOCK;
const WINDOW_MS = passwordPolicy.lockoutMinutes.value * 60_000;

export interface Attempt {
  readonly sourceKey: Key;
  readonly windowKey: Key;
  readonly sourceFailures: number;
}

const digest = (username: string) => createHash('sha256').update(username, 'utf8').digest('base64url');
const epochSeconds = (ms: number) => Math.floor(ms / 1000);

export class SignInThrottle {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  /** Counts one attempt against the source and the username's window; undefined when either is exhausted. */
  async charge(username: string, source: string): Promise<Attempt | undefined> {
    const now = this.now().getTime();
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const name = digest(username);
    const sourceKey = keys.signInSource(name, source);
    const windowKey = keys.signInWindow(name, new Date(windowStart).toISOString());
    const sourceFailures = await this.add(sourceKey, {
      condition:
        '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now) AND (attribute_not_exists(failures) OR failures < :max)',
      values: { ':now': new Date(now).toISOString(), ':max': SOURCE_FAILURES_BEFORE_LOCK },
      expiresAt: epochSeconds(now) + 86_400,
    });
    if (sourceFailures === undefined) return undefined;
    const windowFailures = await this.add(windowKey, {
      condition: 'attribute_not_exists(failures) OR failures < :max',
      values: { ':max': ACCOUNT_FAILURES_PER_WINDOW },
      expiresAt: epochSeconds(windowStart + WINDOW_MS) + 3600,
    });
    if (windowFailures === undefined) {
      await this.refund(sourceKey);
      return undefined;
    }
    return { sourceKey, windowKey, sourceFailures };
  }

  /** The attempt failed: its charge stays; the one that reaches the limit locks its source. */
  async failed(attempt: Attempt): Promise<void> {
    if (attempt.sourceFailures < SOURCE_FAILURES_BEFORE_LOCK) return;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: attempt.sourceKey,
        UpdateExpression: 'SET lockedUntil = :until, failures = :zero',
        ExpressionAttributeValues: { ':until': new Date(this.now().getTime() + WINDOW_MS).toISOString(), ':zero': 0 },
      }),
    );
  }

  /** The attempt succeeded: the source starts afresh; the window keeps other sources' failures. */
  async succeeded(attempt: Attempt): Promise<void> {
    await Promise.all([
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: attempt.sourceKey,
          UpdateExpression: 'SET failures = :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      ),
      this.refund(attempt.windowKey),
    ]);
  }

  /** An operator's unlock: every source and window of the username starts afresh. */
  async clear(username: string): Promise<void> {
    const { pk } = keys.signInThrottleOf(digest(username));
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += 25) {
        const batch = items.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
        await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch } }));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /** Adds one failure when the condition holds; the new count, or undefined when refused. */
  private async add(
    key: Key,
    opts: { condition: string; values: Record<string, unknown>; expiresAt: number },
  ): Promise<number | undefined> {
    try {
      const out = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression:
            'SET failures = if_not_exists(failures, :zero) + :one, expiresAt = :expiresAt, #type = :type',
          ConditionExpression: opts.condition,
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ...opts.values,
            ':zero': 0,
            ':one': 1,
            ':expiresAt': opts.expiresAt,
            ':type': 'SignInThrottle',
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.failures);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  private async refund(key: Key): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET failures = failures - :one',
          ConditionExpression: 'failures > :zero',
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}
