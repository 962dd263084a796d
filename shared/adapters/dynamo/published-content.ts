import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, withoutStorageKeys } from './keys';
import type { LegalDocument } from '../../domain/content';
import { decodeCursor, encodeCursor, indexCursorShape, type Page } from './pagination';

/**
 * The public renditions of content items (`PUBCONTENT#`), the only content items the public read
 * functions are granted; the staff side writes them (content.ts `putPublic`).
 */

/** What the public sees of an item: all of it while published, only the withdrawal note once withdrawn. */
export interface PublicRendition {
  readonly id: string;
  readonly portal: string;
  readonly language: string;
  readonly category: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly citation: string;
  readonly status: 'published' | 'withdrawn';
  readonly summary?: string;
  readonly body?: string;
  readonly legalDocument?: LegalDocument;
  readonly attachments?: readonly string[];
  readonly publicNote?: string;
  readonly withdrawnAt?: string;
}

const toRendition = (item: Record<string, unknown>): PublicRendition =>
  withoutStorageKeys(item) as unknown as PublicRendition;

const BATCH_GET_ATTEMPTS = 6;

/** The public read side: renditions only (its function is granted nothing else). */
export class PublishedContentRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<PublicRendition | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.publishedContent(id) }));
    return out.Item ? toRendition(out.Item) : undefined;
  }

  /**
   * The renditions of `ids` in one BatchGetItem round (at most 100 keys, a page of hits), in the
   * order asked (undefined where there is none). Keys DynamoDB leaves unprocessed under throttling
   * are asked again after 25, 50, 100… ms, up to `BATCH_GET_ATTEMPTS` rounds in all.
   */
  async getMany(ids: readonly string[]): Promise<Array<PublicRendition | undefined>> {
    const unique = [...new Set(ids)];
    if (unique.length > 100) throw new Error(`BatchGetItem takes at most 100 keys, not ${unique.length}`);
    const found = new Map<string, PublicRendition>();
    let pending: Array<Record<string, unknown>> = unique.map((id) => ({ ...keys.publishedContent(id) }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= BATCH_GET_ATTEMPTS)
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** (attempt - 1)));
      const out = await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
      );
      for (const item of out.Responses?.[this.tableName] ?? []) {
        const rendition = toRendition(item);
        found.set(rendition.id, rendition);
      }
      pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Array<Record<string, unknown>>;
    }
    return ids.map((id) => found.get(id));
  }

  async list(
    portal: string,
    language: string,
    category: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<PublicRendition>> {
    const [index, partition] =
      category === undefined
        ? (['gsi1', keys.publishedOfPortal(portal, language).gsi1pk] as const)
        : (['gsi2', keys.publishedOfPortalCategory(portal, language, category).gsi2pk] as const);
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}pk` },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, indexCursorShape(index, partition)),
      }),
    );
    return { items: (out.Items ?? []).map(toRendition), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /**
   * Every rendition of a portal in one language, oldest first, with only what a sitemap needs:
   * page after page of the portal's listing (never a Scan), each at most 1,000 small items.
   */
  async *sitemapEntries(
    portal: string,
    language: string,
  ): AsyncGenerator<Pick<PublicRendition, 'id' | 'language' | 'publishedAt' | 'withdrawnAt'>> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.publishedOfPortal(portal, language).gsi1pk },
          ProjectionExpression: 'id, #language, publishedAt, withdrawnAt',
          ExpressionAttributeNames: { '#language': 'language' },
          Limit: 1000,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        yield {
          id: String(item.id),
          language: String(item.language),
          publishedAt: String(item.publishedAt),
          ...(item.withdrawnAt !== undefined && { withdrawnAt: String(item.withdrawnAt) }),
        };
      }
      start = out.LastEvaluatedKey;
    } while (start);
  }
}
