import { invalidField } from '../domain/errors';
// The search folding by path: the barrel would bring the legal-number parser and the planner.
import { searchWords, tokenize } from '../domain/search/normalize';
import type { Services } from '../composition/services';

/** The public list of published questions (issue 9 §8): redacted copies only, for the public Q&A function. */

/** Words of `q`, folded as the copies' terms are ("thue dat" meets "thuế đất"); at most 8. */
export function queryWords(q: string): string[] {
  const words = searchWords(q);
  const chosen = (words.length > 0 ? words : [...new Set(tokenize(q))]).slice(0, 8);
  if (chosen.length === 0) {
    throw invalidField('q', {
      vi: 'Từ khóa tìm kiếm không có chữ hoặc số nào',
      en: 'The search has no letter or digit',
    });
  }
  return chosen;
}

export interface PublishedQuestionListQuery {
  readonly q?: string | undefined;
  readonly field?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export async function listPublishedQuestions(s: Services, portal: string, query: PublishedQuestionListQuery) {
  const words = query.q === undefined ? undefined : queryWords(query.q);
  const page = await s.publishedQuestions.list({
    portal,
    field: query.field,
    words,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items, ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }) };
}
