import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildConsole, CONSOLE_BUDGET_BYTES, type ConsoleBuild } from '../../console/build/build';
import type { LocalStack } from '../../infra/local/stack';
import { caller, NEW_PASSWORD, person, seedTree } from '../support/directory';
import { CHROMIUM } from '../support/browser';
import { fmt, report } from './report';

/** The console's first-screen weight against its budget (issue 25: ≤ 60 KB gzipped JS + CSS). */
export async function benchConsoleSize(): Promise<ConsoleBuild> {
  const build = await buildConsole();
  const total = build.gzipBytes.js + build.gzipBytes.css;
  report(
    'console first screen JS + CSS (gzip -9)',
    `${fmt(total / 1024, 1)} KB of ${fmt(CONSOLE_BUDGET_BYTES / 1024)} KB budget (JS ${fmt(build.gzipBytes.js / 1024, 1)}, CSS ${fmt(build.gzipBytes.css / 1024, 1)})${total > CONSOLE_BUDGET_BYTES ? ' OVER BUDGET' : ''}`,
  );
  return build;
}

/**
 * Time to first render of the intake queue in Chromium on the local stack: from submitting the
 * sign-in page to the queue's table on screen (redirect, code exchange, /me, the list), and an
 * in-app return to the queue from an item. Median of 5.
 */
export async function benchConsoleRender(stack: LocalStack): Promise<void> {
  if (!existsSync(CHROMIUM)) return report('console time to first render', `not measured: no Chromium at ${CHROMIUM}`);
  const api = (path: string, init?: RequestInit) => fetch(`${stack.gateway.url}${path}`, init);
  await seedTree();
  const contributor = await person(api, 'bench.console.ctv', 'huyena', ['contributor']);
  await person(api, 'bench.console.thuky', 'huyena', ['secretary']);
  const call = caller(api);
  for (let i = 0; i < 25; i++) {
    await call('/units/huyena/content', contributor, {
      method: 'POST',
      body: { category: 'news', language: 'vi', title: `Tin ${i}`, body: '<p>Nội dung</p>', submit: true },
    });
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const signIn: number[] = [];
  const back: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${stack.gateway.url}/console/units/huyena/content?state=submitted`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByLabel('Tên đăng nhập').fill('bench.console.thuky');
      await page.getByLabel('Mật khẩu').fill(NEW_PASSWORD);
      let start = performance.now();
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.locator('table tbody tr').first().waitFor();
      signIn.push(performance.now() - start);
      await page.getByRole('link', { name: 'Tin 0', exact: true }).click();
      await page.locator('.steps').waitFor();
      start = performance.now();
      await page.goBack();
      await page.locator('table tbody tr').first().waitFor();
      back.push(performance.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  report('console: sign-in submitted → intake queue rendered', `${fmt(median(signIn), 0)} ms (median of 5, 25 items)`);
  report('console: back from an item → intake queue rendered', `${fmt(median(back), 0)} ms (median of 5)`);
}
