import { legalForms } from '../domain/content/legal-document';
import { DomainError } from '../domain/errors';
import {
  collectCandidates,
  diffSearchEntries,
  planSearch,
  rank,
  searchTermsOf,
  type LegalSearchQuery,
  type SearchEntry,
} from '../domain/search';
import type { ContentItemRecord } from '../adapters/dynamo/content';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import type { Services } from '../composition/services';

/**
 * The legal-document search index, kept by the publishing transaction (README "Legal-document
 * search and feeds"): publication puts the document's entries, withdrawal and archive delete them.
 * The item records what it wrote (`searchIndex`), so the delete needs no read and misses nothing.
 */

/** What the item stores of its entries: their terms and the issue date that is part of their keys. */
export interface StoredSearchIndex {
  readonly issuedOn: string;
  readonly terms: readonly string[];
}

const storedEntries = (itemId: string, stored: StoredSearchIndex | undefined) =>
  (stored?.terms ?? []).map(
    (term) => ({ term, doc: { itemId, issuedOn: stored!.issuedOn } }) as unknown as SearchEntry,
  );

/** A published legal document's entries; none for other items, nor for a number the index cannot read. */
function entriesOf(record: ContentItemRecord): SearchEntry[] {
  const document = record.legalDocument;
  if (document === undefined) return [];
  try {
    return searchTermsOf({
      itemId: record.id,
      language: record.language,
      numberSymbol: document.numberSymbol,
      form: legalForms[document.form],
      issuedOn: document.issuedOn,
      status: document.effectiveness,
      title: record.title,
      summary: document.summary,
      ...(document.field !== undefined && { field: document.field }),
      issuingAuthority: document.issuingAuthority,
      signer: document.signer,
    });
  } catch (error) {
    // The schema accepts symbols without an authority code (e.g. "12/QĐ"); such a document still
    // goes online on time (BĐ 11), listed and in the feed, but search cannot key it by number.
    if (error instanceof DomainError) return [];
    throw error;
  }
}

/**
 * The writes that bring the index to the item's new state, and what the item then records
 * (`null`: remove the record). `online` is whether the item is public after the step.
 */
export function searchIndexWrites(
  s: Services,
  record: ContentItemRecord,
  online: boolean,
): { actions: WriteAction[]; stored: StoredSearchIndex | null } {
  const after = online ? entriesOf(record) : [];
  const diff = diffSearchEntries(storedEntries(record.id, record.searchIndex), after);
  const actions = [
    ...diff.delete.map((e) => s.legalSearch.delete(record.unitCode, e)),
    ...diff.put.map((e) => s.legalSearch.put(record.unitCode, e)),
  ];
  const stored = after.length > 0 ? { issuedOn: after[0]!.doc.issuedOn, terms: after.map((e) => e.term) } : null;
  return { actions, stored };
}

/** One page of the public search: bounded reads, ranked hits, each shown with its public rendition. */
export async function searchLegalDocuments(
  s: Services,
  portal: string,
  query: LegalSearchQuery,
  page: { limit: number; offset: number },
) {
  const plan = planSearch(query);
  const results = await Promise.all(plan.reads.map((read) => s.legalSearch.read(portal, read)));
  const hits = rank(collectCandidates(plan, results), plan);
  const slice = hits.slice(page.offset, page.offset + page.limit);
  // One round for the page, whatever its size (a page is at most 100 hits).
  const renditions = slice.length === 0 ? [] : await s.publishedContent.getMany(slice.map((hit) => hit.doc.itemId));
  const items = slice.flatMap((hit, i) => {
    const shown = renditions[i];
    // An entry outlives its document only if a write failed half-way, which the transaction prevents; skip it anyway.
    if (!shown || shown.status !== 'published' || shown.portal !== portal) return [];
    return [
      {
        id: hit.doc.itemId,
        title: shown.title,
        numberSymbol: hit.doc.symbol,
        ...(hit.doc.form !== undefined && { form: hit.doc.form }),
        issuedOn: hit.doc.issuedOn,
        status: hit.doc.status,
        language: hit.doc.language,
        ...(shown.legalDocument?.summary !== undefined && { summary: shown.legalDocument.summary }),
        publishedAt: shown.publishedAt,
      },
    ];
  });
  const next = page.offset + page.limit;
  return { items, truncated: plan.truncated, ...(next < hits.length && { nextCursor: String(next) }) };
}
