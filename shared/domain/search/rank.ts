import type { SearchClause, SearchPlan } from './plan';
import { parseLegalNumber } from './legal-number';
import { term, verifiableTermsOf, type SearchDoc } from './terms';

/** What one planned read returned: the entries' carried documents, newest first. */
export interface SearchReadResult {
  readonly term: string;
  readonly docs: readonly SearchDoc[];
}

/** A document found by at least one read, with every term it was found under or has by its identity. */
export interface SearchCandidate {
  readonly doc: SearchDoc;
  readonly matched: ReadonlySet<string>;
}

export interface SearchHit {
  readonly doc: SearchDoc;
  /** 2: its exact number/symbol was asked for; 1: its number (and year); 0: neither. */
  readonly exact: 0 | 1 | 2;
  /**
   * The year the query wrote with the number ("12/2026") is written in its symbol too
   * ("12/2026/QĐ-UBND"), not only its year of issue ("12/QĐ-UBND", issued in 2026).
   */
  readonly yearWritten: boolean;
  /** How many of the query's clauses it satisfies. */
  readonly clauses: number;
  /** How many distinct terms of the query's clauses it has. */
  readonly terms: number;
}

const satisfies = (clause: SearchClause, matched: ReadonlySet<string>) =>
  clause.anyOf.some((terms) => terms.every((t) => matched.has(t)));

/**
 * Merges the reads of a plan into candidates, one per document, keeping only those that pass the
 * plan's filters (status, language, issue dates), satisfy every required clause and, when the
 * query has words, at least one of them.
 */
export function collectCandidates(plan: SearchPlan, results: readonly SearchReadResult[]): SearchCandidate[] {
  const byId = new Map<string, { doc: SearchDoc; matched: Set<string> }>();
  for (const result of results) {
    for (const doc of result.docs) {
      // The carried terms serve the matching only; hits show the document without them.
      const { terms: _carried, ...shown } = doc;
      const found = byId.get(doc.itemId) ?? { doc: shown, matched: new Set<string>(verifiableTermsOf(doc)) };
      found.matched.add(result.term);
      for (const t of doc.terms ?? []) found.matched.add(t);
      byId.set(doc.itemId, found);
    }
  }
  const { status, language, issuedFrom, issuedTo } = plan.filters;
  const required = plan.clauses.filter((c) => c.required);
  // The reader's own words (q) must bring something: a document matching only the filters is not an answer to them.
  const asked = plan.clauses.filter((c) => !c.required);
  return [...byId.values()].filter(
    ({ doc, matched }) =>
      (status === undefined || doc.status === status) &&
      (language === undefined || doc.language === language) &&
      (issuedFrom === undefined || doc.issuedOn >= issuedFrom) &&
      (issuedTo === undefined || doc.issuedOn <= issuedTo) &&
      required.every((c) => satisfies(c, matched)) &&
      (asked.length === 0 || asked.some((c) => satisfies(c, matched))),
  );
}

function exactness(plan: SearchPlan, matched: ReadonlySet<string>): 0 | 1 | 2 {
  let exact: 0 | 1 | 2 = 0;
  for (const clause of plan.clauses) {
    if (clause.kind !== 'number') continue;
    for (const t of clause.anyOf.flat()) {
      if (!matched.has(t)) continue;
      if (t.startsWith('s:')) return 2;
      if (t.startsWith('ny:') || t.startsWith('n:')) exact = 1;
    }
  }
  return exact;
}

/**
 * Whether the number and year the query asked for (`ny:12/2026`, or a symbol with its year,
 * `s:12/2026/qd-ubnd`) are written so in the document's symbol, not only its year of issue.
 */
function yearWritten(plan: SearchPlan, doc: SearchDoc, matched: ReadonlySet<string>): boolean {
  const symbol = parseLegalNumber(doc.symbol);
  if (symbol?.year === undefined) return false;
  const numberYear = term.numberYear(symbol.number, symbol.year);
  const symbolPrefix = term.symbol(`${symbol.number}/${symbol.year}/`);
  return plan.clauses.some(
    (c) =>
      c.kind === 'number' &&
      c.anyOf.flat().some((t) => matched.has(t) && (t === numberYear || t.startsWith(symbolPrefix))),
  );
}

/**
 * Best first: the exact number/symbol asked for, then its number with the year written in its
 * symbol, then its number; then documents satisfying more clauses, then found under more terms;
 * then the newest; ties by id, so pages are stable.
 */
export function rank(candidates: readonly SearchCandidate[], plan: SearchPlan): SearchHit[] {
  const queryTerms = [...new Set(plan.clauses.flatMap((c) => c.anyOf.flat()))];
  return candidates
    .map(({ doc, matched }) => ({
      doc,
      exact: exactness(plan, matched),
      yearWritten: yearWritten(plan, doc, matched),
      clauses: plan.clauses.filter((c) => satisfies(c, matched)).length,
      terms: queryTerms.filter((t) => matched.has(t)).length,
    }))
    .sort(
      (a, b) =>
        b.exact - a.exact ||
        Number(b.yearWritten) - Number(a.yearWritten) ||
        b.clauses - a.clauses ||
        b.terms - a.terms ||
        (a.doc.issuedOn < b.doc.issuedOn ? 1 : a.doc.issuedOn > b.doc.issuedOn ? -1 : 0) ||
        (a.doc.itemId < b.doc.itemId ? -1 : a.doc.itemId > b.doc.itemId ? 1 : 0),
    );
}
