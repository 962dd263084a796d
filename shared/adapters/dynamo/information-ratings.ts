import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RatingFact, RatingTarget } from '../../domain/participation/rating';
import { keys } from './keys';
import { queryMonths } from './pagination';
import type { WriteAction } from './unit-of-work';

/**
 * Ratings of information (issue 28 §5). Four kinds of item, none holding an address:
 * - the day's key (`RATINGKEY#<day>`): 32 random bytes, created by the first rating of the day
 *   (a conditional put: concurrent first ratings agree on one), expiring an hour after the day;
 * - the vote guard (`RATINGVOTE#<token>`): its existence refuses the token's second vote; it holds
 *   nothing else, not even which rating it allowed;
 * - the source's hourly count (`RATINGRATE#<bucket>`), for the rate limit;
 * - the rating itself, a frozen fact per unit and month (`RATINGS#<unit>#<month>`).
 */
export interface RatedTarget {
  readonly unitCode: string;
  readonly category: string;
}

const toFact = (item: Record<string, unknown>): RatingFact => ({
  id: String(item.id),
  targetKind: item.targetKind as RatingFact['targetKind'],
  targetId: String(item.targetId),
  unitCode: String(item.unitCode),
  category: String(item.category),
  scale: item.scale as RatingFact['scale'],
  value: Number(item.value),
  ...(typeof item.reason === 'string' && { reason: item.reason as RatingFact['reason'] }),
  ...(typeof item.text === 'string' && { text: item.text }),
  at: String(item.at),
  localDate: String(item.localDate),
});

export class InformationRatingRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The key of `day`, made on first use; `expiresAt` (epoch seconds) lets the table delete it after the day. */
  async dayKey(day: string, expiresAt: number): Promise<Buffer> {
    const read = async () => {
      const out = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.ratingDayKey(day), ConsistentRead: true }),
      );
      return typeof out.Item?.secret === 'string' ? Buffer.from(out.Item.secret, 'base64') : undefined;
    };
    const found = await read();
    if (found) return found;
    const secret = randomBytes(32);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.ratingDayKey(day), type: 'RatingDayKey', secret: secret.toString('base64'), expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return secret;
    } catch (error) {
      // Another first rating of the day made it at the same moment: use theirs.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const theirs = await read();
      if (!theirs) throw error;
      return theirs;
    }
  }

  /** The token's one vote: a second of the same day fails its condition (409, naming the target). */
  vote(token: string, expiresAt: number): WriteAction {
    const message = {
      vi: 'Bạn đã đánh giá thông tin này hôm nay; mỗi ngày chỉ một lần',
      en: 'You have rated this information today already; once a day',
    };
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.ratingVote(token), type: 'RatingVote', expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message, field: 'target' },
    };
  }

  /** Counts one rating against the source's hour; refused (429) past `max`. */
  chargeSource(bucket: string, max: number, expiresAt: number): WriteAction {
    const message = {
      vi: `Đã gửi ${max} đánh giá trong một giờ; hãy thử lại sau`,
      en: `${max} ratings were sent within an hour; try again later`,
    };
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.ratingRate(bucket),
          UpdateExpression: 'SET ratings = if_not_exists(ratings, :zero) + :one, expiresAt = :expiresAt, #type = :type',
          ConditionExpression: 'attribute_not_exists(ratings) OR ratings < :max',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':max': max,
            ':expiresAt': expiresAt,
            ':type': 'RatingRate',
          },
        },
      },
      onConflict: { code: 'too_many_requests', message },
    };
  }

  put(fact: RatingFact): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.ratingFact(fact.unitCode, fact.localDate, fact.at, fact.id),
            ...keys.ratingsOfTarget(fact.targetKind, fact.targetId, fact.at, fact.id),
            type: 'InformationRating',
            ...fact,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Đánh giá đã được ghi', en: 'The rating is recorded already' } },
    };
  }

  /** The unit's ratings of the local dates `from`..`to`, one Query per month in `months`. */
  async facts(unitCode: string, months: readonly string[], from: string, to: string): Promise<RatingFact[]> {
    const items = await queryMonths(
      this.client,
      this.tableName,
      months,
      (month) => keys.ratingFactsRange(unitCode, month, from, to),
      {},
    );
    return items.map(toFact);
  }

  /**
   * The owning unit and category of a published target, or undefined when nothing published has
   * that id. An item's unit is its portal's; an answer's is the unit that answered it (the board's
   * portal for its own answers), as the Q&A rating facts count it.
   */
  async publishedTarget(target: RatingTarget): Promise<RatedTarget | undefined> {
    if (target.kind === 'content') {
      const out = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.publishedContent(target.id),
          ProjectionExpression: 'portal, category, #status',
          ExpressionAttributeNames: { '#status': 'status' },
        }),
      );
      if (out.Item?.status !== 'published') return undefined;
      return { unitCode: String(out.Item.portal), category: String(out.Item.category) };
    }
    const [copy, question] = await Promise.all([
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.publishedQuestion(target.id),
          ProjectionExpression: 'portal, #field',
          ExpressionAttributeNames: { '#field': 'field' },
        }),
      ),
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.question(target.id), ProjectionExpression: 'assignee' }),
      ),
    ]);
    if (!copy.Item) return undefined;
    const assignee = question.Item?.assignee as { unitPath?: string[] } | undefined;
    return {
      unitCode: assignee?.unitPath?.[0] ?? String(copy.Item.portal),
      category: `answer:${String(copy.Item.field)}`,
    };
  }
}
