import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCES_DOC, parseSuite, provincesMarkdown, suites } from '../conformance/catalogue';
import { provincePresets } from '../../shared/domain/policies/presets';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** docs/provinces.md is what the conformance suites say (issue 23 #8), never a hand-kept copy. */
describe('docs/provinces.md', () => {
  it('is the list the conformance suites print (run `npm run provinces` after changing a suite)', () => {
    expect(
      readFileSync(PROVINCES_DOC, 'utf8') === provincesMarkdown(),
      'docs/provinces.md is stale: run `npm run provinces`',
    ).toBe(true);
  });

  it('has one suite per seed config, each starting its own deployment', () => {
    const configs = readdirSync(resolve(import.meta.dirname, '../../infra/config/provinces'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(suites().map((s) => s.configFile.split('/').at(-1))).toEqual(configs);
    expect(configs).toHaveLength(provincePresets.length);
  });

  it('lists every test by its article, and every rule not built yet with the issue that builds it', () => {
    for (const suite of suites()) {
      expect(suite.tests.filter((t) => !t.waitsFor).length, suite.file).toBeGreaterThanOrEqual(6);
      for (const t of suite.tests) expect(t.name, suite.file).toMatch(/^(?:BĐ|QN|CB|NA|TG) \d+(?:\.\d+[a-zđ]?)?/);
      for (const t of suite.tests.filter((x) => x.waitsFor))
        expect(t.waitsFor).toMatch(/^issue (?:23 — seeds-clocks|2[4-9])$/);
    }
  });

  it('reads names and issues from the source, and refuses a suite it could not list faithfully', () => {
    const suite = (body: string) =>
      `const s = conformance('binhdinh.json');\ndescribe('Bình Định', () => {\n${body}\n});`;
    expect(
      parseSuite(
        'x.test.ts',
        suite(
          "test('BĐ 12.4: the unit answers', async () => {});\ntest.todo('BĐ 7.1: approval — issue 23 — seeds-clocks');\nit('BĐ 9.3: it\\'s cited', () => {});",
        ),
      ),
    ).toEqual({
      file: 'test/conformance/x.test.ts',
      title: 'Bình Định',
      configFile: 'infra/config/provinces/binhdinh.json',
      tests: [
        { name: 'BĐ 12.4: the unit answers' },
        { name: 'BĐ 7.1: approval', waitsFor: 'issue 23 — seeds-clocks' },
        { name: "BĐ 9.3: it's cited" },
      ],
    });
    expect(() => parseSuite('x.test.ts', suite('test(name, async () => {});'))).toThrow(
      /not named by a string literal/,
    );
    expect(() => parseSuite('x.test.ts', suite("test('the unit answers', async () => {});"))).toThrow(
      /does not start with its article/,
    );
    expect(() => parseSuite('x.test.ts', suite("test.todo('BĐ 7.1: approval');"))).toThrow(
      /does not end with the issue/,
    );
    expect(() => parseSuite('x.test.ts', suite("test.skip('BĐ 7.1: approval', () => {});"))).toThrow(/\.skip/);
    expect(() => parseSuite('x.test.ts', "describe('Bình Định', () => {});")).toThrow(
      /conformance\('<config>\.json'\)/,
    );
  });
});
