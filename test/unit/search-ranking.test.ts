import { describe, expect, it } from 'vitest';
import {
  collectCandidates,
  rank,
  type SearchClause,
  type SearchDoc,
  type SearchPlan,
} from '../../shared/domain/search';
import { legalDocument, memorySearchIndex } from '../support/search-index';

/** Ranking and filtering: equals in a stable order (newest, then by id), status, language and date bounds, whole clauses. */
const doc = (itemId: string, issuedOn: string): SearchDoc => ({
  itemId,
  language: 'vi',
  issuedOn,
  symbol: `${itemId.length}/UBND`,
  status: 'in-force',
});
const plan = (clauses: SearchClause[] = [], filters: SearchPlan['filters'] = {}): SearchPlan => ({
  reads: [],
  clauses,
  filters,
  truncated: false,
});
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));

describe('ranking through the index: equals by newest then id, filters, number matches', () => {
  it('orders equals by newest, then by id; filters status and language', () => {
    const docs = [
      legalDocument({ itemId: 'b', numberSymbol: '1/2026/QĐ-UBND', issuedOn: '2026-01-01', summary: 'giá' }),
      legalDocument({ itemId: 'a', numberSymbol: '2/2026/QĐ-UBND', issuedOn: '2026-01-01', summary: 'giá' }),
      legalDocument({
        itemId: 'c',
        numberSymbol: '3/2026/QĐ-UBND',
        issuedOn: '2026-01-02',
        summary: 'giá',
        language: 'en',
        status: 'expired',
      }),
    ];
    const index = memorySearchIndex('p', docs);
    expect(index.search({ q: 'giá' }).hits.map((h) => h.doc.itemId)).toEqual(['c', 'a', 'b']);
    expect(index.search({ q: 'giá', language: 'vi' }).hits.map((h) => h.doc.itemId)).toEqual(['a', 'b']);
    expect(index.search({ q: 'giá', status: 'expired' }).hits.map((h) => h.doc.itemId)).toEqual(['c']);
    expect(index.search({ q: 'giá', issuedFrom: '2026-01-02' }).hits.map((h) => h.doc.itemId)).toEqual(['c']);
  });

  it('counts a bare number as a number match, and every term found', () => {
    const index = memorySearchIndex('p', [
      legalDocument({ itemId: 'n', numberSymbol: '43/2026/NĐ-CP', summary: 'thuế' }),
      legalDocument({ itemId: 'w', summary: 'mục 43 thuế' }),
    ]);
    const hits = index.search({ q: 'nghị định 43 thuế' }).hits;
    expect(hits.map((h) => [h.doc.itemId, h.exact, h.clauses, h.terms])).toEqual([
      ['n', 1, 3, 3],
      ['w', 0, 1, 1], // found by the word 43; its other words are not read when a number is asked
    ]);
  });
});

describe('rank: a stable order of equals, exact symbols, the year asked for', () => {
  it('orders equals newest first, then by id, whatever order they come in', () => {
    const docs = [doc('b', '2026-01-01'), doc('a', '2026-01-01'), doc('c', '2026-01-02'), doc('d', '2025-12-31')];
    for (const order of permutations(docs)) {
      const hits = rank(
        order.map((d) => ({ doc: d, matched: new Set<string>() })),
        plan(),
      );
      expect(hits.map((h) => h.doc.itemId)).toEqual(['c', 'a', 'b', 'd']);
    }
  });

  it('counts a symbol as exact only in a number clause', () => {
    const matched = new Set(['s:1/ubnd']);
    const candidate = [{ doc: doc('a', '2026-01-01'), matched }];
    expect(rank(candidate, plan([{ kind: 'word', anyOf: [['s:1/ubnd']], required: false }]))[0]?.exact).toBe(0);
    expect(rank(candidate, plan([{ kind: 'number', anyOf: [['s:1/ubnd']], required: true }]))[0]?.exact).toBe(2);
  });

  it('puts the number whose symbol writes the year asked for before one issued that year without it', () => {
    const written = {
      itemId: 'written',
      language: 'vi',
      issuedOn: '2026-01-10',
      symbol: '12/2026/QĐ-UBND',
      status: 'in-force',
    };
    const issuedThen = {
      itemId: 'issued-then',
      language: 'vi',
      issuedOn: '2026-12-01',
      symbol: '12/QĐ-UBND',
      status: 'in-force',
    };
    const numberClause: SearchClause = { kind: 'number', anyOf: [['ny:12/2026']], required: false };
    for (const order of permutations([issuedThen, written])) {
      const hits = rank(
        order.map((d) => ({ doc: d, matched: new Set(['ny:12/2026']) })),
        plan([numberClause]),
      );
      expect(hits.map((h) => [h.doc.itemId, h.exact, h.yearWritten])).toEqual([
        ['written', 1, true],
        ['issued-then', 1, false],
      ]);
    }
    // The same for the whole symbol: "12/QĐ-UBND" issued in 2026 is also filed as s:12/2026/qd-ubnd.
    const symbolClause: SearchClause = { kind: 'number', anyOf: [['s:12/2026/qd-ubnd']], required: true };
    const bySymbol = rank(
      [issuedThen, written].map((d) => ({ doc: d, matched: new Set(['s:12/2026/qd-ubnd']) })),
      plan([symbolClause]),
    );
    expect(bySymbol.map((h) => [h.doc.itemId, h.exact])).toEqual([
      ['written', 2],
      ['issued-then', 2],
    ]);
    // Without a year in the query, the newest comes first as before.
    const bare = rank(
      [written, issuedThen].map((d) => ({ doc: d, matched: new Set(['n:12']) })),
      plan([{ kind: 'number', anyOf: [['n:12']], required: false }]),
    );
    expect(bare.map((h) => h.doc.itemId)).toEqual(['issued-then', 'written']);
  });
});

describe('collectCandidates: date bounds and whole clauses', () => {
  const read = (term: string, ...docs: SearchDoc[]) => ({ term, docs });
  const ids = (p: SearchPlan, ...results: Array<{ term: string; docs: SearchDoc[] }>) =>
    collectCandidates(p, results).map((c) => c.doc.itemId);

  it('keeps issue dates within both bounds, inclusive', () => {
    const results = read(
      'w:gia',
      doc('a', '2026-01-01'),
      doc('b', '2026-01-02'),
      doc('c', '2026-01-03'),
      doc('d', '2026-01-04'),
    );
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
