import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

/**
 * One record per (event, recipient) notification (`NOTIFIED#<eventId>` / recipient): claimed
 * before the e-mail is sent, marked sent after, so that redeliveries, replays and concurrent
 * consumers send it once. Recipients are named by role (`asker`) or account id, never by address.
 */
export type ClaimOutcome = 'claimed' | 'done' | 'in-flight';

/** Kept longer than any redelivery or outbox replay (the outbox keeps events 7 days, consumers remember them 14). */
export const NOTIFICATION_RETENTION_SECONDS = 90 * 86_400;

export class NotificationClaims {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Takes the right to send: the record does not exist, or it is a claim whose lease ran out (its
   * holder died before it could mark the notification sent or release it).
   */
  async claim(
    eventId: string,
    recipient: string,
    token: string,
    now: Date,
    leaseSeconds: number,
  ): Promise<ClaimOutcome> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.notification(eventId, recipient),
            type: 'NotificationClaim',
            status: 'sending',
            token,
            claimedAt: now.toISOString(),
            leaseUntil: now.getTime() + leaseSeconds * 1000,
            expiresAt: Math.floor(now.getTime() / 1000) + NOTIFICATION_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':now': now.getTime() },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const out = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.notification(eventId, recipient), ConsistentRead: true }),
      );
      return out.Item?.status === 'sending' ? 'in-flight' : 'done';
    }
  }

  /** The e-mail was accepted: the claim becomes the lasting record. */
  async markSent(eventId: string, recipient: string, token: string, messageId: string, at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.notification(eventId, recipient),
        UpdateExpression: 'SET #status = :sent, sentAt = :at, messageId = :messageId REMOVE leaseUntil',
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':at': at.toISOString(),
          ':messageId': messageId,
          ':token': token,
        },
      }),
    );
  }

  /** The sender refused the e-mail: the claim is dropped so that a retry may send it. */
  async release(eventId: string, recipient: string, token: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.notification(eventId, recipient),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': 'token' },
          ExpressionAttributeValues: { ':token': token },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  /** Nothing to send, and why (`no-address`, `erased`): recorded once, so the decision is visible. */
  async skip(eventId: string, recipient: string, status: 'no-address' | 'erased', now: Date): Promise<void> {
    await this.client
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.notification(eventId, recipient),
            type: 'NotificationClaim',
            status,
            at: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + NOTIFICATION_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}
