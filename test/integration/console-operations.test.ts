import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkInBothLanguages as inBothLanguages, signInAs } from '../support/console-pages';

/**
 * Incidents, security checks, units and the forms the rule table hides, in Chromium: a secretary
 * reports an incident by keyboard only and is told why the register and the status are not hers;
 * an operator moves it to resolved; an operator records a security check, an auditor reads it and
 * is told why she may not record one; an operator creates, renames, merges and splits units, a
 * secretary sees the reasons instead of the forms. Every hidden form's request, forced, still gets
 * the API's 403. axe (WCAG 2.2 AA) on each new screen in both languages.
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
/** Tab (never the mouse) until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}
const localInput = (d: Date, seconds = false) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, seconds ? 19 : 16);

beforeAll(async () => {
  await seedTree();
  [people.operator, people.secretary, people.auditor] = await Promise.all([
    person(local.api, 'vanhanh.vh', 'demo', ['operator']),
    person(local.api, 'thuky.vh', 'huyena', ['secretary']),
    person(local.api, 'kiemtra.vh', 'demo', ['auditor']),
  ]);
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('incidents in the console', () => {
  it('takes a secretary’s report by keyboard only, tells her why the register and the status are not hers, and lets the operator resolve it', async () => {
    const page = await pageOf('thuky.vh', 'incidents');
    const register = page.locator('[data-refused-form="Sổ theo dõi sự cố"]');
    expect(await register.textContent()).toContain('incident.manage');
    await inBothLanguages(page, 'incidents', 'form.step');

    await page.locator('main h1').focus();
    await tabTo(page, '#incident-title');
    await page.keyboard.type('Cổng không truy cập được');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trang chủ trả lỗi 502 từ 8 giờ sáng.');
    await page.keyboard.press('Tab'); // the first severity: arrows move within the group
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#incident-service-0');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit].primary');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Sự cố: Cổng không truy cập được' });
    await heading.waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const reported = (await call(`/incidents/${id}`, people.operator)).body;
    expect(reported).toMatchObject({
      severity: 'high',
      affectedServices: ['portal'],
      status: 'reported',
      unitCode: 'huyena',
      reportedBy: people.secretary!.id,
    });
    // Her own incident: notes yes, the status no (the reason is said, and the API refuses a forced move).
    expect(await page.locator('[data-refused-form="status"]').textContent()).toContain('Chỉ Quản trị vận hành');
    expect(await page.locator('#entry-status').count()).toBe(0);
    const forced = await call(`/incidents/${id}/timeline`, people.secretary, {
      method: 'POST',
      body: { note: 'Tự đóng', status: 'resolved' },
    });
    expect(forced.status).toBe(403);
    await inBothLanguages(page, 'incident', 'table.timeline');

    const operator = await pageOf('vanhanh.vh', 'incidents');
    await operator.getByRole('link', { name: 'Cổng không truy cập được' }).click();
    await operator.locator('#entry-status').waitFor();
    await operator.getByLabel('Ghi chú').fill('Khởi động lại máy chủ ứng dụng');
    await operator.getByLabel('Chuyển trạng thái').selectOption('investigating');
    await operator.getByRole('button', { name: 'Ghi diễn biến' }).click();
    await operator.getByRole('status').waitFor();
    expect(await operator.locator('dd[data-status]').getAttribute('data-status')).toBe('investigating');
    // Only where the domain lets it go next: "reported" is not offered again.
    expect(await operator.locator('#entry-status option').allTextContents()).toEqual([
      'Giữ nguyên',
      'Đã khắc phục tạm thời',
      'Đã giải quyết',
    ]);
    await operator.getByLabel('Ghi chú').fill('Đã khôi phục');
    await operator.getByLabel('Chuyển trạng thái').selectOption('resolved');
    await operator.getByLabel('Khôi phục lúc').fill(localInput(new Date(), true));
    await operator.getByRole('button', { name: 'Ghi diễn biến' }).click();
    await expect.poll(() => operator.locator('dd[data-status]').getAttribute('data-status')).toBe('resolved');
    const resolved = (await call(`/incidents/${id}`, people.operator)).body;
    expect(resolved.status).toBe('resolved');
    expect(resolved.restoredAt).not.toBeNull();
    expect(resolved.timeline.map((e: { status?: string }) => e.status)).toEqual([
      'reported',
      'investigating',
      'resolved',
    ]);
  });
});

describe('security checks in the console', () => {
  it('records an operator’s check with its findings; an auditor reads it and is told why she may not record one', async () => {
    const page = await pageOf('vanhanh.vh', 'security-checks');
    await page.getByLabel('Thời điểm kiểm tra').fill(localInput(new Date(Date.now() - 86_400_000)));
    await page.getByLabel('Đơn vị, người kiểm tra').fill('Đội ứng cứu sự cố tỉnh');
    await page.getByLabel('Phạm vi kiểm tra').fill('Cổng tỉnh và các cổng thành phần');
    await page.locator('#finding-0-title').fill('Thiếu tiêu đề bảo mật HSTS');
    await page.locator('#finding-0-severity').selectOption('medium');
    await page.locator('#finding-0-remediation').fill('Bật HSTS tại CDN');
    await page.getByRole('button', { name: 'Ghi nhận kết quả kiểm tra' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('table.checks').textContent()).toContain('Thiếu tiêu đề bảo mật HSTS');
    const listed = (await call('/security-checks', people.auditor)).body;
    expect(listed.items[0]).toMatchObject({
      performedBy: 'Đội ứng cứu sự cố tỉnh',
      findings: [{ title: 'Thiếu tiêu đề bảo mật HSTS', severity: 'medium', remediation: 'Bật HSTS tại CDN' }],
    });
    expect(listed.calendar.dueAt).not.toBeNull();
    await inBothLanguages(page, 'security-checks', 'table.checks');

    const auditor = await pageOf('kiemtra.vh', 'security-checks');
    await auditor.locator('table.checks').waitFor();
    expect(await auditor.locator('form.step').count()).toBe(0);
    expect(await auditor.locator('[data-refused-form="Ghi nhận kết quả kiểm tra"]').textContent()).toContain(
      'security-check.manage',
    );
    const forced = await call('/security-checks', people.auditor, {
      method: 'POST',
      body: { performedAt: new Date().toISOString(), performedBy: 'x', scope: 'y', findings: [] },
    });
    expect(forced.status).toBe(403);
  });
});

describe('units in the console', () => {
  it('lets an operator create, rename, merge and split units; a secretary sees the reasons, and a forced request gets 403', async () => {
    const page = await pageOf('vanhanh.vh', 'units/huyena');
    for (const [code, vi, en] of [
      ['xa-dong', 'Xã Đông', 'Dong Commune'],
      ['xa-tay', 'Xã Tây', 'Tay Commune'],
    ]) {
      await page.locator('#new-code').fill(code!);
      await page.locator('#new-vi').fill(vi!);
      await page.locator('#new-en').fill(en!);
      await page.locator('#new-kind').selectOption('commune');
      await page.getByRole('button', { name: 'Tạo đơn vị trực thuộc' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .textContent()
            .catch(() => ''),
        )
        .toContain(vi!);
    }
    expect((await call('/units/xa-dong', undefined)).body.unit).toMatchObject({
      parentCode: 'huyena',
      kind: 'commune',
      status: 'active',
    });
    await inBothLanguages(page, 'unit', 'table.history');

    await page.locator('#children-h + ul').getByRole('link', { name: 'Xã Tây' }).click();
    await page.getByRole('heading', { name: 'Xã Tây (xa-tay)' }).waitFor();
    await page.locator('#rename-vi').fill('Xã Tây Sơn');
    await page.locator('#rename-en').fill('Tay Son Commune');
    await page.getByRole('button', { name: 'Đổi tên' }).click();
    await page.getByRole('heading', { name: 'Xã Tây Sơn (xa-tay)' }).waitFor();
    await page.getByLabel('Mã các đơn vị sáp nhập').fill('xa-dong');
    await page.getByRole('button', { name: 'Sáp nhập vào đơn vị này' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .textContent()
          .catch(() => ''),
      )
      .toContain('Sáp nhập');
    expect((await call('/units/xa-dong', undefined)).body.unit).toMatchObject({
      status: 'merged',
      successorCode: 'xa-tay',
    });

    for (const n of [0, 1]) {
      await page.locator(`#part-${n}-code`).fill(`xa-tay-${n + 1}`);
      await page.locator(`#part-${n}-vi`).fill(`Xã Tây ${n + 1}`);
      await page.locator(`#part-${n}-en`).fill(`Tay ${n + 1} Commune`);
    }
    await page.getByLabel('Đơn vị mới 2').check();
    await page.getByRole('button', { name: 'Chia tách đơn vị này' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .textContent()
          .catch(() => ''),
      )
      .toContain('xa-tay-2');
    expect((await call('/units/xa-tay', undefined)).body.unit).toMatchObject({
      status: 'split',
      successorCode: 'xa-tay-2',
    });
    expect((await call('/units/xa-tay-1', undefined)).body.unit).toMatchObject({
      parentCode: 'huyena',
      kind: 'commune',
    });
    expect(await page.locator('.refused').textContent()).toContain('không còn hoạt động');

    const secretary = await pageOf('thuky.vh', 'units/huyena');
    await secretary.locator('table.history').waitFor();
    expect(await secretary.locator('form.step').count()).toBe(0);
    const reasons = await secretary.locator('[data-refused-form]').allTextContents();
    expect(reasons).toHaveLength(4);
    for (const reason of reasons) expect(reason).toContain('unit.manage');
    const forced = await call('/units', people.secretary, {
      method: 'POST',
      body: { code: 'xa-lau', name: { vi: 'Xã Lậu', en: 'Lau' }, kind: 'commune', parentCode: 'huyena' },
    });
    expect(forced.status).toBe(403);
  });
});
