import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkScreen, signInAs, switchLanguage } from '../support/console-pages';

/**
 * Units and people in the console, in Chromium: an operator creates an account (its temporary
 * password shown once), changes an account's roles, closes an account with its successor, registers
 * and disables a machine client; the chief editor delegates approval to a deputy and revokes it; a
 * secretary is refused by the API and told. axe on each screen in both languages.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;

async function pageOf(username: string, path = ''): Promise<Page> {
  const page = await newPage(1280);
  pages.push(page);
  await signInAs(page, base(), username, path);
  return page;
}
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

beforeAll(async () => {
  await seedTree();
  [people.operator, people.chief, people.deputy, people.secretary, people.leaving, people.successor] = await Promise.all([
    person(local.api, 'vanhanh.nd', 'demo', ['operator']),
    person(local.api, 'truongban.nd', 'huyena', ['chief-editor']),
    person(local.api, 'phoban.nd', 'huyena', ['deputy-editor']),
    person(local.api, 'thuky.nd', 'huyena', ['secretary']),
    person(local.api, 'btv.nghi', 'huyena', ['editor']),
    person(local.api, 'btv.nhan', 'huyena', ['editor']),
  ]);
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('units and people in the console', () => {
  it('lets an operator create an account, change roles, close an account with its successor, and register and disable a machine client', async () => {
    const page = await pageOf('vanhanh.nd', 'units/huyena/people');
    await page.locator('table.accounts').waitFor();
    expect(await page.locator('tr[data-account="btv.nghi"]').textContent()).toContain('Biên tập viên');
    await checkScreen(page, 'vi-people');

    await page.getByLabel('Họ và tên').fill('Trần Thị Lan');
    await page.getByLabel('Thư điện tử').fill('lan@example.vn');
    await page.locator('form.admin').first().getByLabel('Phóng viên').check();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').locator('code.secret').count()).toBe(1);
    const created = (await call('/units/huyena/accounts?limit=100', people.operator)).body.items.find((a: { fullName: string }) => a.fullName === 'Trần Thị Lan');
    expect(created).toMatchObject({ roles: ['reporter'], status: 'active', mustChangePassword: true });

    await page.getByRole('link', { name: 'btv.nghi' }).click();
    await page.getByRole('heading', { name: /btv\.nghi/ }).waitFor();
    await page.getByLabel('Phóng viên').check();
    await page.getByRole('button', { name: 'Lưu vai trò' }).click();
    await page.getByRole('status').waitFor();
    expect((await call(`/accounts/${people.leaving!.id}`, people.operator)).body.roles).toEqual(expect.arrayContaining(['editor', 'reporter']));
    await checkScreen(page, 'vi-account');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: /btv\.nghi/ }).waitFor();
    await checkScreen(page, 'en-account');
    await switchLanguage(page, 'vi');

    await page.getByLabel('Người nhận việc').selectOption(people.successor!.id);
    await page.getByLabel('Lý do').selectOption('transfer');
    await page.getByRole('button', { name: 'Đóng tài khoản và chuyển việc' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Số việc đã chuyển');
    expect((await call(`/accounts/${people.leaving!.id}`, people.operator)).body).toMatchObject({ status: 'closed', successorId: people.successor!.id, closedReason: 'transfer' });

    await signInAs(page, base(), 'vanhanh.nd', 'machine-clients');
    await page.getByLabel('Tên ứng dụng').fill('Hệ thống một cửa huyện A');
    await page.getByLabel('Mã đơn vị').fill('huyena');
    await page.getByLabel('portal/content.submit').check();
    await page.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();
    await page.getByRole('status').waitFor();
    const clientId = await page.getByRole('status').locator('code').first().textContent();
    expect(await page.getByRole('status').locator('code.secret').count()).toBe(1);
    await checkScreen(page, 'vi-machine-clients');
    await page.getByLabel('Mã ứng dụng').fill(clientId!);
    await page.getByRole('button', { name: 'Vô hiệu hóa', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Hệ thống một cửa huyện A');
    await switchLanguage(page, 'en');
    await checkScreen(page, 'en-machine-clients');
  });

  it('lets the chief editor delegate approval to a deputy and revoke it; a secretary is refused by the API and told', async () => {
    const page = await pageOf('truongban.nd', 'units/huyena/people');
    // The chief may not list the unit's accounts (account.read): the deputy is named by account id.
    await page.locator('#grant-deputy').fill(people.deputy!.id);
    await page.getByLabel('content.approve').check();
    await page.getByLabel('Từ', { exact: true }).fill(localInput(new Date()));
    await page.getByLabel('Đến', { exact: true }).fill(localInput(new Date(Date.now() + 7 * 86_400_000)));
    await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await page.getByRole('status').waitFor();
    const granted = (await call('/units/huyena/delegations', people.chief)).body.items;
    expect(granted).toEqual([expect.objectContaining({ deputyId: people.deputy!.id, actions: ['content.approve'] })]);
    expect(await page.locator('table.delegations').textContent()).toContain(people.deputy!.id);
    await checkScreen(page, 'vi-people-delegation');
    await switchLanguage(page, 'en');
    await page.locator('table.delegations').waitFor();
    await checkScreen(page, 'en-people-delegation');
    await switchLanguage(page, 'vi');
    await page.getByRole('button', { name: /^Thu hồi/ }).click();
    await page.getByRole('status').waitFor();
    expect((await call('/units/huyena/delegations', people.chief)).body.items[0].revokedAt).toBeDefined();

    // A secretary may not create accounts: the API says no, the console shows it.
    const secretary = await pageOf('thuky.nd', 'units/huyena/people');
    await secretary.getByLabel('Họ và tên').fill('Người Không Được Tạo');
    await secretary.getByLabel('Thư điện tử').fill('khong@example.vn');
    await secretary.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await secretary.locator('.error-summary').waitFor();
    expect(await secretary.locator('.error-summary').textContent()).toContain('account.manage');
  });
});
