import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, SOURCE, TARGET } from '../../console/build/api-types';
import { buildConsole, CONSOLE_BUDGET_BYTES } from '../../console/build/build';

/** The console's build: types from the served contract, fingerprinted assets, the budget, its own type-check (DOM). */
describe('the console build', () => {
  it('has API types derived from the OpenAPI document the API serves now (else: npm run console:build)', () => {
    const stale = readFileSync(TARGET, 'utf8') !== generate(JSON.parse(readFileSync(SOURCE, 'utf8')));
    expect(stale, 'console/src/api.generated.ts is stale: run `npm run console:build`').toBe(false);
  });

  it('writes fingerprinted assets that index.html names, within the 60 KB gzipped first-screen budget', async () => {
    const out = await buildConsole(mkdtempSync(join(tmpdir(), 'console-build-')));
    expect(out.script).toMatch(/^main-[A-Z0-9]{8}\.js$/);
    expect(out.style).toMatch(/^style-[A-Z0-9]{8}\.css$/);
    expect(readdirSync(join(out.outDir, 'assets')).sort()).toEqual([out.script, out.style].sort());
    const index = readFileSync(join(out.outDir, 'index.html'), 'utf8');
    expect(index).toContain(`src="assets/${out.script}"`);
    expect(index).toContain(`href="assets/${out.style}"`);
    expect(out.gzipBytes.js + out.gzipBytes.css).toBeLessThanOrEqual(CONSOLE_BUDGET_BYTES);
  });

  it('type-checks against the DOM (console/tsconfig.json)', () => {
    const tsc = resolve(import.meta.dirname, '../../node_modules/.bin/tsc');
    expect(() =>
      execFileSync(tsc, ['-p', 'console/tsconfig.json', '--noEmit'], {
        cwd: resolve(import.meta.dirname, '../..'),
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
