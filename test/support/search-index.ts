import { keys } from '../../shared/adapters/dynamo/keys';
import {
  collectCandidates,
  planSearch,
  rank,
  searchTermsOf,
  type LegalSearchQuery,
  type SearchableLegalDocument,
  type SearchDoc,
  type SearchHit,
} from '../../shared/domain/search';

/**
 * The search index as DynamoDB holds it, in memory, for unit tests of the domain: entries stored
 * under their real keys (keys.legalSearchEntry), each planned read run as DynamoDB runs a Query on
 * keys.legalSearchRange (one partition, sort key BETWEEN, newest first, Limit). It counts the
 * entries read, the figure a search's cost is made of.
 */
export function memorySearchIndex(portal: string, documents: readonly SearchableLegalDocument[]) {
  const partitions = new Map<string, Array<{ sk: string; doc: SearchDoc }>>();
  for (const document of documents) {
    for (const entry of searchTermsOf(document)) {
      const key = keys.legalSearchEntry(portal, entry.term, entry.doc.issuedOn, entry.doc.itemId);
      const items = partitions.get(key.pk) ?? [];
      items.push({ sk: key.sk, doc: entry.doc });
      partitions.set(key.pk, items);
    }
  }
  for (const items of partitions.values()) items.sort((a, b) => (a.sk < b.sk ? 1 : a.sk > b.sk ? -1 : 0));
  return {
    partitions,
    search(query: LegalSearchQuery): { hits: SearchHit[]; itemsRead: number } {
      const plan = planSearch(query);
      let itemsRead = 0;
      const results = plan.reads.map((read) => {
        const range = keys.legalSearchRange(portal, read.term, read.issuedFrom, read.issuedTo);
        const docs = (partitions.get(range.pk) ?? [])
          .filter((item) => item.sk >= range.skFrom && item.sk <= range.skTo)
          .slice(0, read.limit)
          .map((item) => item.doc);
        itemsRead += docs.length;
        return { term: read.term, docs };
      });
      return { hits: rank(collectCandidates(plan, results), plan), itemsRead };
    },
  };
}

let counter = 0;
/** A legal document with defaults, for tests. */
export function legalDocument(overrides: Partial<SearchableLegalDocument> = {}): SearchableLegalDocument {
  counter += 1;
  return {
    itemId: `c-${String(counter).padStart(5, '0')}`,
    language: 'vi',
    numberSymbol: `${counter}/2025/QĐ-UBND`,
    issuedOn: '2025-06-01',
    status: 'in-force',
    summary: 'Ban hành quy chế phối hợp quản lý nhà nước',
    ...overrides,
  };
}
