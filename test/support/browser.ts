import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildConsole } from '../../console/build/build';

/**
 * Browser tests drive Debian's Chromium (apt-get install chromium) through playwright-core: no
 * browser download. One browser per worker process, kept on globalThis so that every file of the
 * worker shares it; it ends with the worker.
 * The console is built once per worker, into its own folder.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const shared = globalThis as { consoleBrowser?: Promise<Browser>; consoleBuild?: Promise<string> };

export function browser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    // Not a skip: CI must install it (.ci/run: apt-get install -y chromium), and a missing browser must fail loudly.
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH); the console's browser tests need it`,
    );
  }
  return (shared.consoleBrowser ??= chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true }));
}

/** The built console for this worker (built once; esbuild takes a fraction of a second). */
export function consoleDir(): Promise<string> {
  return (shared.consoleBuild ??= buildConsole(join(tmpdir(), `console-${randomUUID().slice(0, 8)}`)).then(
    (b) => b.outDir,
  ));
}

/** A fresh context (its own storage: tokens are in memory anyway) and page, at a given width. */
export async function newPage(width = 1280, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
  const context = await (await browser()).newContext({
    viewport: { width, height: 900 },
    locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('console page error:', error.message));
  return page;
}

/** axe-core with the WCAG 2.2 AA tags: the violations, as short lines a failing test prints. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
