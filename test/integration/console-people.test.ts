import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkInBothLanguages, checkScreen, signInAs, switchLanguage } from '../support/console-pages';

/**
 * Units and people in the console, in Chromium: an operator creates an account (its temporary
 * password shown once), changes an account's roles, closes an account with its successor, registers
 * a machine client, sees it listed without its secret and disables it; the chief editor delegates
 * approval to a deputy and revokes it; a secretary sees neither form, with the reason, and a forced
 * request gets the API's 403. axe on each screen in both languages.
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
  [people.operator, people.chief, people.deputy, people.secretary, people.leaving, people.successor] =
    await Promise.all([
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
    const created = (await call('/units/huyena/accounts?limit=100', people.operator)).body.items.find(
      (a: { fullName: string }) => a.fullName === 'Trần Thị Lan',
    );
    expect(created).toMatchObject({ roles: ['reporter'], status: 'active', mustChangePassword: true });

    await page.getByRole('link', { name: 'btv.nghi' }).click();
    await page.getByRole('heading', { name: /btv\.nghi/ }).waitFor();
    await page.getByLabel('Phóng viên').check();
    await page.getByRole('button', { name: 'Lưu vai trò' }).click();
    await page.getByRole('status').waitFor();
    expect((await call(`/accounts/${people.leaving!.id}`, people.operator)).body.roles).toEqual(
      expect.arrayContaining(['editor', 'reporter']),
    );
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
    expect((await call(`/accounts/${people.leaving!.id}`, people.operator)).body).toMatchObject({
      status: 'closed',
      successorId: people.successor!.id,
      closedReason: 'transfer',
    });

    // The unit's agency systems: registered (the secret shown once), listed without it, disabled from the list.
    await signInAs(page, base(), 'vanhanh.nd', 'machine-clients?unit=huyena');
    await page.getByLabel('Tên ứng dụng').fill('Hệ thống một cửa huyện A');
    await page.getByLabel('portal/content.submit').check();
    await page.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();
    await page.getByRole('status').waitFor();
    const clientId = await page.getByRole('status').locator('code').first().textContent();
    const secret = await page.getByRole('status').locator('code.secret').textContent();
    const row = page.locator(`tr[data-client="${clientId}"]`);
    expect(await row.textContent()).toContain('Hệ thống một cửa huyện A');
    expect(await page.locator('table.clients').textContent()).not.toContain(secret!);
    await checkInBothLanguages(page, 'machine-clients', 'table.clients');
    await row.getByRole('button', { name: /^Vô hiệu hóa/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Đã vô hiệu hóa');
    expect((await call('/machine-clients?unit=huyena', people.operator)).body.items[0]).toMatchObject({
      clientId,
      status: 'disabled',
    });
  });

  it('lets the chief editor delegate approval to a deputy and revoke it; a secretary sees neither form, with the reason, and a forced request gets 403', async () => {
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

    // A secretary may not create accounts or delegate: the rule table hides the forms and says why; the API still refuses a forced request.
    const secretary = await pageOf('thuky.nd', 'units/huyena/people');
    await secretary.locator('#delegations-h').waitFor();
    expect(await secretary.locator('form.admin').count()).toBe(0);
    expect(await secretary.locator('[data-refused-form="Tạo tài khoản"]').textContent()).toContain('account.manage');
    expect(await secretary.locator('[data-refused-form="Ủy quyền mới"]').textContent()).toContain('delegation.manage');
    const forced = await call('/accounts', people.secretary, {
      method: 'POST',
      body: { fullName: 'Người Không Được Tạo', email: 'khong@example.vn', unitCode: 'huyena', roles: ['reporter'] },
    });
    expect(forced.status).toBe(403);
  });
});
