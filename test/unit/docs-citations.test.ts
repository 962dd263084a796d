import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/regulation-map.md says where each province's rule lives in the code. These checks keep it from
 * rotting silently: every file it names exists and holds the symbol named after it, every rule row
 * names a place in the code or the issue that will build it (or says it is a people process), and
 * the docs link only inside the repo.
 */
const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const provinces = read('docs/regulation-map.md');

// `path/to/file.ts` optionally followed by `symbol`, e.g. `shared/domain/access/rules.ts` `'qa.answer'`.
const LOCATION = /`((?:shared|functions|infra|events|test)\/[\w./-]+\.(?:ts|json))`(?:[ \t]*`([^`]+)`)?/g;
const NOT_BUILT = /not built yet \(issue: ([^)]+)\)/g;
/** Open issues a row may wait for, by number, and `unfiled` for a rule no issue covers yet; docs/roadmap.md describes each one used. */
const ISSUES = ['24', '25', '26', '27', '28', 'unfiled'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const locations = [...provinces.matchAll(LOCATION)].map(([, file, symbol]) => ({ file: file!, symbol }));

/** Rows of the rule tables: the tables whose last column is `code`. */
function ruleRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let inRuleTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inRuleTable = false;
      continue;
    }
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    if (!inRuleTable && cells.at(-1) === 'code') {
      inRuleTable = true;
      continue;
    }
    if (inRuleTable) rows.push(cells);
  }
  return rows;
}

describe('docs/regulation-map.md', () => {
  it('names code locations (the parser finds them)', () => {
    expect(locations.length).toBeGreaterThan(60);
  });

  it.each(locations.map((l) => [`${l.file}${l.symbol ? ` ${l.symbol}` : ''}`, l] as const))(
    '%s exists',
    (_, { file, symbol }) => {
      expect(existsSync(resolve(root, file)), `${file} does not exist`).toBe(true);
      // A whole word, so that a rename such as adminAccountName → adminAccountNameOf is noticed.
      if (symbol)
        expect(read(file), `${symbol} does not appear in ${file}`).toMatch(
          new RegExp(`(?<![\\w$])${escape(symbol)}(?![\\w$])`),
        );
    },
  );

  it('gives every rule a place in the code, the issue that will build it, or says it is outside the software', () => {
    const rows = ruleRows(provinces);
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      const where = row.at(-1)!;
      expect(
        LOCATION.test(where) || /not built yet \(issue: |^outside the software/.test(where),
        `no code location for: ${row[0]}`,
      ).toBe(true);
      LOCATION.lastIndex = 0;
    }
  });

  it('cites an article for every rule', () => {
    const article = /\b(?:BĐ|QN|CB|NA|TG) \d+|NĐ \d+|Luật|LTCTT|Bộ luật/;
    for (const row of ruleRows(provinces)) expect(article.test(row[1] ?? ''), `no article for: ${row[0]}`).toBe(true);
  });

  it('says "not built yet" only with the issue it waits for', () => {
    for (const row of ruleRows(provinces)) {
      const where = row.at(-1)!;
      expect(where.match(/not built yet/g)?.length ?? 0, `"not built yet" without "(issue: …)" for: ${row[0]}`).toBe(
        where.match(NOT_BUILT)?.length ?? 0,
      );
    }
  });

  it('defers only to issues the roadmap describes', () => {
    const roadmap = read('docs/roadmap.md');
    const named = new Set(
      [...provinces.matchAll(NOT_BUILT)].flatMap(([, list]) => list!.split(',').map((s) => s.trim())),
    );
    for (const issue of named) {
      expect(ISSUES, `unknown issue "${issue}"`).toContain(issue);
      expect(roadmap, `docs/roadmap.md does not describe "issue: ${issue}"`).toContain(`issue: ${issue}`);
    }
  });
});

describe('documentation stands on its own', () => {
  const docs = [
    'README.md',
    ...readdirSync(resolve(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it.each(docs)('%s links only to files inside the repository', (doc) => {
    const links = [...read(doc).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)|`(\.\.\/[^`]+)`/g)].map(
      ([, link, code]) => link ?? code!,
    );
    for (const link of links.filter((l) => !/^[a-z]+:/.test(l))) {
      const target = resolve(root, dirname(doc), link);
      expect(target.startsWith(root + '/'), `${doc} points outside the repository: ${link}`).toBe(true);
      expect(existsSync(target), `${doc} links to a missing file: ${link}`).toBe(true);
    }
  });

  it('README links the province rules and the roadmap', () => {
    const readme = read('README.md');
    expect(readme).toContain('(docs/provinces.md)');
    expect(readme).toContain('(docs/roadmap.md)');
  });
});
