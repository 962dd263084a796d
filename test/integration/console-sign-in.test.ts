import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { NEW_PASSWORD, seedTree } from '../support/directory';
import { accessibilityViolations, consoleDir, newPage } from '../support/browser';
import { ensureAccount } from '../../shared/application/bootstrap';

/** The console in Chromium: sign-in through the code flow with PKCE, the first-sign-in password step, sign-out. */
const local = useLocalStack({ consoleDir });
let page: Page;

beforeAll(async () => {
  await seedTree();
});
// A page (and browser context) per test: the language one test chose stays in its own storage, whatever the order.
beforeEach(async () => {
  page = await newPage();
});
afterEach(async () => {
  await page?.context().close();
});

describe('signing in to the console', () => {
  it('signs in through the code flow, setting a new password at first sign-in, and lands on the signed-in screen', async () => {
    const created = await ensureAccount(local.stack().services, {
      username: 'moi.a',
      fullName: 'Nguyễn Thị Mới',
      email: 'moi.a@example.gov.vn',
      unitCode: 'huyena',
      roles: ['secretary'],
    });
    await page.goto(`${local.stack().gateway.url}/console/`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByLabel('Tên đăng nhập').fill('moi.a');
    await page.getByLabel('Mật khẩu').fill(created!.temporaryPassword!);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // The new-password step, its rules said beside the field; a weak one is refused, naming the field.
    await page.getByLabel('Mật khẩu mới').fill('yeu');
    await page.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();
    await expect.poll(() => page.locator('.error-summary').count(), { timeout: 10_000 }).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Mới' }).waitFor();
    expect(new URL(page.url()).search).toBe(''); // the code and state are gone from the address
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sign-out forgets the tokens and returns to the landing screen.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  });

  it('refuses a wrong password on the sign-in page and says why, in English when asked', async () => {
    await page.goto(`${local.stack().gateway.url}/console/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill('moi.a');
    await page.getByLabel('Password').fill('Sai-Mat-Khau-1!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent(), { timeout: 10_000 })
      .toContain('Incorrect username or password');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
