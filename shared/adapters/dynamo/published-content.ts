import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

  async list(portal: string, language: string, category: string | undefined, limit: number, cursor?: string): Promise<Page<PublicRendition>> {
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
  async *sitemapEntries(portal: string, language: string): AsyncGenerator<Pick<PublicRendition, 'id' | 'language' | 'publishedAt' | 'withdrawnAt'>> {
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
        yield { id: String(item.id), language: String(item.language), publishedAt: String(item.publishedAt), ...(item.withdrawnAt !== undefined && { withdrawnAt: String(item.withdrawnAt) }) };
      }
      start = out.LastEvaluatedKey;
    } while (start);
  }
}
