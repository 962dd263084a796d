import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SearchDoc, SearchEntry, SearchRead, SearchReadResult } from '../../domain/search';
import { keys } from './keys';
import type { WriteAction } from './unit-of-work';

/**
 * Legal-document search entries (`LEGALSEARCH#<portal>#<term>`): written by the publishing
 * transaction (shared/application/content-transitions.ts), read by the public search, one Query
 * per planned read (README "Legal-document search and feeds").
 */
export class LegalSearchRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  put(portal: string, entry: SearchEntry): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.legalSearchEntry(portal, entry.term, entry.doc.issuedOn, entry.doc.itemId),
            type: 'LegalSearchEntry',
            doc: entry.doc,
          },
        },
      },
      onConflict: {
        message: {
          vi: `Không ghi được mục tìm kiếm của ${entry.doc.itemId}`,
          en: `Could not write a search entry of ${entry.doc.itemId}`,
        },
      },
    };
  }

  delete(
    portal: string,
    entry: Pick<SearchEntry, 'term'> & { doc: Pick<SearchDoc, 'issuedOn' | 'itemId'> },
  ): WriteAction {
    return {
      item: {
        Delete: {
          TableName: this.tableName,
          Key: keys.legalSearchEntry(portal, entry.term, entry.doc.issuedOn, entry.doc.itemId),
        },
      },
      onConflict: {
        message: {
          vi: `Không xóa được mục tìm kiếm của ${entry.doc.itemId}`,
          en: `Could not delete a search entry of ${entry.doc.itemId}`,
        },
      },
    };
  }

  /** One planned read: one term's partition within the issue dates, newest first, at most `limit` entries. */
  async read(portal: string, read: SearchRead): Promise<SearchReadResult> {
    const range = keys.legalSearchRange(portal, read.term, read.issuedFrom, read.issuedTo);
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': range.pk, ':from': range.skFrom, ':to': range.skTo },
        ScanIndexForward: false,
        Limit: read.limit,
      }),
    );
    return { term: read.term, docs: (out.Items ?? []).map((i) => i.doc as SearchDoc) };
  }
}
