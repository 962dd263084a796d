import { describe, expect, it } from 'vitest';
import { collectCandidates, rank, type SearchClause, type SearchDoc, type SearchPlan } from '../../shared/domain/search';

/** Ranking and filtering on hand-made plans: stable order of equals, date bounds, whole clauses. */
const doc = (itemId: string, issuedOn: string): SearchDoc => ({ itemId, language: 'vi', issuedOn, symbol: `${itemId.length}/UBND`, status: 'in-force' });
const plan = (clauses: SearchClause[] = [], filters: SearchPlan['filters'] = {}): SearchPlan => ({ reads: [], clauses, filters, truncated: false });
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1 ? [[...items]] : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));

describe('rank', () => {
  it('orders equals newest first, then by id, whatever order they come in', () => {
    const docs = [doc('b', '2026-01-01'), doc('a', '2026-01-01'), doc('c', '2026-01-02'), doc('d', '2025-12-31')];
    for (const order of permutations(docs)) {
      const hits = rank(order.map((d) => ({ doc: d, matched: new Set<string>() })), plan());
      expect(hits.map((h) => h.doc.itemId)).toEqual(['c', 'a', 'b', 'd']);
    }
  });

  it('counts a symbol as exact only in a number clause', () => {
    const matched = new Set(['s:1/ubnd']);
    const candidate = [{ doc: doc('a', '2026-01-01'), matched }];
    expect(rank(candidate, plan([{ kind: 'word', anyOf: [['s:1/ubnd']], required: false }]))[0]?.exact).toBe(0);
    expect(rank(candidate, plan([{ kind: 'number', anyOf: [['s:1/ubnd']], required: true }]))[0]?.exact).toBe(2);
  });
});

describe('collectCandidates', () => {
  const read = (term: string, ...docs: SearchDoc[]) => ({ term, docs });
  const ids = (p: SearchPlan, ...results: Array<{ term: string; docs: SearchDoc[] }>) => collectCandidates(p, results).map((c) => c.doc.itemId);

  it('keeps issue dates within both bounds, inclusive', () => {
    const results = read('w:gia', doc('a', '2026-01-01'), doc('b', '2026-01-02'), doc('c', '2026-01-03'), doc('d', '2026-01-04'));
    expect(ids(plan([], { issuedFrom: '2026-01-02', issuedTo: '2026-01-03' }), results)).toEqual(['b', 'c']);
    expect(ids(plan([], { issuedTo: '2026-01-02' }), results)).toEqual(['a', 'b']);
    expect(ids(plan([], { issuedFrom: '2026-01-03' }), results)).toEqual(['c', 'd']);
  });

  it('a clause of several terms needs all of them', () => {
    const clause: SearchClause = { kind: 'word', anyOf: [['w:gia', 'w:dat']], required: true };
    const both = read('w:dat', doc('a', '2026-01-01'), doc('b', '2026-01-01'));
    expect(ids(plan([clause]), read('w:gia', doc('a', '2026-01-01')), both)).toEqual(['a']);
  });
});
