import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The README stays a ten-minute read and every page it (or a docs page) links exists: details live
 * in docs/, and a moved or renamed page fails here rather than in a reader's browser.
 */
const root = resolve(import.meta.dirname, '../..');
const markdown = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Relative link targets of a Markdown file, without their #fragment (http(s) and mailto links are not ours). */
const relativeLinks = (text: string): string[] =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0]!);

describe('docs', () => {
  it('keeps the README under 250 lines', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });

  it.each(markdown)('%s links only to files that exist', (file) => {
    const missing = relativeLinks(readFileSync(join(root, file), 'utf8')).filter(
      (target) => !existsSync(resolve(root, dirname(file), target)),
    );
    expect(missing).toEqual([]);
  });

  it('finds relative links and ignores absolute ones and fragments', () => {
    expect(relativeLinks('[a](docs/x.md) [b](https://e.vn/y) [c](#here) [d](y.md#part) [e](mailto:a@b.vn)')).toEqual([
      'docs/x.md',
      'y.md',
    ]);
  });
});
