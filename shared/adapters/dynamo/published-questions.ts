import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { decodeCursor, encodeCursor, indexCursorShape, type Page } from './pagination';
import type { WriteAction } from './unit-of-work';

/**
 * Published questions (issue 9 §3, §8): the redacted public copy, apart from the question
 * (`PUBQUESTION#<id>`), listed per portal (gsi1) and per portal and field (gsi2) by publication
 * instant. The public function may read these and nothing else.
 *
 * Search without a Scan and without term postings: `q` is matched against the folded words each
 * copy carries (`terms`), while reading the listing partition newest first, at most
 * SEARCH_READ_BUDGET copies per request; a page that ran out of budget before `limit` matches
 * ends with a cursor to go on from. Why not postings as for legal documents: a portal publishes a
 * few hundred questions a year, each with a long text (up to 300 distinct words: postings would
 * be 300 writes per publication, beyond one transaction's 100 actions), and a reader typing
 * "thue dat" wants the newest matching answers first, which this order gives directly.
 */
export interface PublishedQuestion {
  readonly id: string;
  readonly portal: string;
  readonly field: string;
  readonly title: string;
  readonly text: string;
  readonly answer: {
    readonly text: string;
    readonly citations: readonly {
      numberSymbol: string;
      summary: string;
      issuedOn: string;
      issuer: string;
      contentId?: string;
    }[];
    readonly advisoryNotice?: { vi: string; en: string };
    readonly answeredAt: string;
  };
  readonly receivedAt: string;
  readonly publishedAt: string;
}

export interface StoredPublishedQuestion extends PublishedQuestion {
  /** Folded search words of the title, question and answer (searchWords). */
  readonly terms: readonly string[];
}

/** Copies read per request at most when `q` filters (about 2 KB each: 100 KB read, ~25 RCU eventually consistent). */
export const SEARCH_READ_BUDGET = 200;

const PUBLIC_FIELDS = ['id', 'portal', 'field', 'title', 'text', 'answer', 'receivedAt', 'publishedAt'] as const;
const toPublic = (item: Record<string, unknown>): PublishedQuestion =>
  Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, item[k]])) as unknown as PublishedQuestion;

/** A reopened question leaves the public list until it is answered, sent and published again. */
export function deletePublishedQuestion(tableName: string, id: string): WriteAction {
  return {
    item: { Delete: { TableName: tableName, Key: keys.publishedQuestion(id) } },
    onConflict: {
      message: {
        vi: `Không gỡ được bản đã đăng của câu hỏi ${id}`,
        en: `Could not remove the published copy of question ${id}`,
      },
    },
  };
}

export function putPublishedQuestion(tableName: string, copy: StoredPublishedQuestion): WriteAction {
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.publishedQuestion(copy.id),
          type: 'PublishedQuestion',
          ...copy,
          ...keys.publishedQuestionsOfPortal(copy.portal, copy.publishedAt, copy.id),
          ...keys.publishedQuestionsOfField(copy.portal, copy.field, copy.publishedAt, copy.id),
        },
        // No condition: the question's own versioned update allows one publication per `sent`; a question
        // reopened and sent again is published again over its old copy (new texts, new instant, same key).
      },
    },
    onConflict: { message: { vi: 'Không thể đăng câu hỏi', en: 'The question could not be published' } },
  };
}

export interface PublishedQuestionQuery {
  readonly portal: string;
  readonly field?: string | undefined;
  /** Every word must be among the copy's terms. */
  readonly words?: readonly string[] | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export class PublishedQuestionRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(query: PublishedQuestionQuery): Promise<Page<PublishedQuestion>> {
    const index = query.field === undefined ? 'gsi1' : 'gsi2';
    const partition =
      query.field === undefined
        ? keys.publishedQuestionsOfPortal(query.portal).gsi1pk
        : keys.publishedQuestionsOfField(query.portal, query.field).gsi2pk;
    let startKey: Record<string, unknown> | undefined = decodeCursor(query.cursor, indexCursorShape(index, partition));
    const words = query.words ?? [];
    const matches = (item: Record<string, unknown>) => {
      const terms = new Set(item.terms as string[]);
      return words.every((w) => terms.has(w));
    };
    const found: Record<string, unknown>[] = [];
    // Without words, one read of limit + 1: the extra copy says whether there is a next page.
    let budget = words.length === 0 ? query.limit + 1 : SEARCH_READ_BUDGET;
    while (budget > 0) {
      const out = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': `${index}pk` },
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: Math.min(budget, 100),
          ExclusiveStartKey: startKey,
        }),
      );
      const items = (out.Items ?? []) as Record<string, unknown>[];
      budget -= items.length;
      for (const item of items) {
        if (!matches(item)) continue;
        found.push(item);
        if (found.length === query.limit) {
          // The page ends at this copy: the next one starts after it (its keys are a valid start key).
          const last = item;
          const hasMore = item !== items[items.length - 1] || out.LastEvaluatedKey !== undefined;
          const next = {
            pk: last.pk,
            sk: last.sk,
            [`${index}pk`]: last[`${index}pk`],
            [`${index}sk`]: last[`${index}sk`],
          };
          return { items: found.map(toPublic), ...(hasMore && { nextCursor: encodeCursor(next)! }) };
        }
      }
      startKey = out.LastEvaluatedKey;
      if (!startKey) break;
    }
    return { items: found.map(toPublic), ...(startKey !== undefined && { nextCursor: encodeCursor(startKey)! }) };
  }
}
