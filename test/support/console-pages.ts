import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { NEW_PASSWORD } from './directory';
import { accessibilityViolations } from './browser';

/** Steps of the console's browser tests: sign in through the sign-in page, check a screen. */
export async function signInAs(page: Page, base: string, username: string, path = '') {
  await page.goto(`${base}/console/${path}`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** No WCAG 2.2 AA violation on the screen shown; with CONSOLE_SCREENSHOTS set, also a picture of it for docs/console/. */
export async function checkScreen(page: Page, name: string) {
  await page.locator('main h1').waitFor();
  expect(await accessibilityViolations(page), name).toEqual([]);
  if (process.env.CONSOLE_SCREENSHOTS) {
    const dir = resolve(import.meta.dirname, '../../docs/console');
    mkdirSync(dir, { recursive: true });
    const width = page.viewportSize()?.width ?? 1280;
    await page.screenshot({ path: resolve(dir, `${name}-${width}.png`), fullPage: true });
  }
}

/** Switches the console's language and waits for the screen drawn in it (the toggle names the other language). */
export async function switchLanguage(page: Page, to: 'vi' | 'en') {
  await page.getByRole('button', { name: to === 'en' ? 'English' : 'Tiếng Việt' }).click();
  await page.getByRole('button', { name: to === 'en' ? 'Tiếng Việt' : 'English' }).waitFor();
}

/** axe in both languages; with CONSOLE_SCREENSHOTS, pictures at 1280 and 360 px too. */
export async function checkInBothLanguages(page: Page, name: string, ready: string) {
  for (const lang of ['vi', 'en'] as const) {
    if (lang === 'en') await switchLanguage(page, 'en');
    await page.locator(ready).first().waitFor();
    await checkScreen(page, `${lang}-${name}`);
    if (process.env.CONSOLE_SCREENSHOTS) {
      await page.setViewportSize({ width: 360, height: 900 });
      await checkScreen(page, `${lang}-${name}`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }
  await switchLanguage(page, 'vi');
  await page.locator(ready).first().waitFor();
}
