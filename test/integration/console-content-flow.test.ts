import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkScreen, signInAs } from '../support/console-pages';

/**
 * The content workflow in the console, in Chromium: a contributor's item taken in and proposed by
 * the secretary, approved by the chief and published, then seen in the public API; separation of
 * duties shown before a button is pressed (and still enforced by the API); every screen checked
 * by axe in both languages; the same flow by keyboard only.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;

async function submitted(title: string, by = people.contributor!): Promise<string> {
  const body = {
    category: 'news',
    language: 'vi',
    title,
    body: '<p>Nội dung <strong>chính</strong></p>',
    submit: true,
  };
  const created = await call('/units/huyena/content', by, { method: 'POST', body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function pageOf(username: string, width = 1280): Promise<Page> {
  const page = await newPage(width);
  pages.push(page);
  await signInAs(page, base(), username);
  return page;
}

/** Presses the step's button on the item's review screen and waits for the step to be done. */
async function take(page: Page, label: RegExp) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('status').waitFor();
}

beforeAll(async () => {
  await seedTree();
  people.contributor = await person(local.api, 'ctv.a', 'huyena', ['contributor']);
  people.secretary = await person(local.api, 'thuky.a', 'huyena', ['secretary']);
  people.chief = await person(local.api, 'truongban.a', 'huyena', ['chief-editor']);
  // A chief who also writes: may submit, may never approve what they submitted.
  people.writingChief = await person(local.api, 'truongban.viet.a', 'huyena', ['chief-editor', 'reporter']);
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('content in the console', () => {
  it('takes a contributor’s item through the secretary and the chief to publication, seen in the public API', async () => {
    const id = await submitted('Khai trương Cổng thông tin');
    const secretary = await pageOf('thuky.a');
    await secretary.getByRole('navigation').getByRole('link', { name: 'Hàng chờ tin, bài' }).click();
    await secretary.getByRole('heading', { name: 'Hàng chờ tin, bài — huyena' }).waitFor();
    await secretary.getByRole('link', { name: 'Khai trương Cổng thông tin' }).click();
    await take(secretary, /^Tiếp nhận$/);
    await take(secretary, /^Trình duyệt$/);
    // The secretary may not approve: the button is absent and the reason is said.
    expect(await secretary.getByRole('button', { name: /^Duyệt$/ }).count()).toBe(0);
    expect(await secretary.locator('[data-refused=approve]').textContent()).toContain('content.approve');

    const chief = await newPage();
    pages.push(chief);
    // Filters live in the URL: the queue of items awaiting a decision, opened by its address.
    await signInAs(chief, base(), 'truongban.a', 'units/huyena/content?state=pending-decision');
    expect(await chief.getByLabel('Trạng thái').inputValue()).toBe('pending-decision');
    await chief.getByRole('link', { name: 'Khai trương Cổng thông tin' }).click();
    await take(chief, /^Duyệt$/);

    await secretary.reload();
    await signInAs(secretary, base(), 'thuky.a', `content/${id}`);
    await take(secretary, /^Đăng$/);
    const published = await call(`/public/portals/huyena/content/${id}`, undefined);
    expect(published.status).toBe(200);
    expect(published.body.title).toBe('Khai trương Cổng thông tin');
  });

  it('shows a submitter who is also chief no approve button, with the reason; a forced request still gets 403', async () => {
    const id = await submitted('Bài của Trưởng ban', people.writingChief);
    for (const action of ['accept', 'propose']) {
      const version = (await call(`/content/${id}`, people.secretary)).body.version;
      expect(
        (
          await call(`/content/${id}/transitions`, people.secretary, {
            method: 'POST',
            body: { action },
            headers: { 'if-match': `"${version}"` },
          })
        ).status,
      ).toBe(200);
    }
    const chief = await newPage();
    pages.push(chief);
    // A link to the item: after sign-in the console returns to it.
    await signInAs(chief, base(), 'truongban.viet.a', `content/${id}`);
    await chief.getByRole('heading', { name: 'Bài của Trưởng ban' }).waitFor();
    expect(await chief.getByRole('button', { name: /^Duyệt$/ }).count()).toBe(0);
    // The reason names every way the chief took part (created and submitted it), as the API's rule says.
    const refusal = await chief.locator('[data-refused=approve]').textContent();
    expect(refusal).toContain('Phân tách nhiệm vụ');
    expect(refusal).toContain('đã gửi mục này');
    // The API decides all the same.
    const forced = await call(`/content/${id}/transitions`, people.writingChief, {
      method: 'POST',
      body: { action: 'approve' },
    });
    expect(forced.status).toBe(403);
    expect(forced.body.i18n.vi.detail).toContain('đã gửi mục này');
  });

  it('has no WCAG 2.2 AA violation on any screen, in Vietnamese and in English', async () => {
    const id = await submitted('Tin chờ tiếp nhận');
    const asked = await call('/public/portals/huyena/questions', undefined, {
      method: 'POST',
      body: {
        asker: {
          kind: 'individual',
          fullName: 'Phạm Thị Hồng Nhung',
          nationality: 'Việt Nam',
          address: '123 Xuân Diệu',
          phone: '0905 123 456',
          email: 'nhung@example.vn',
        },
        field: 'land-environment',
        title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
        text: 'Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu?',
        consent: { processing: true, publication: true },
      },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    // 360 px too when taking the screenshots of docs/console/ (CONSOLE_SCREENSHOTS=1): axe is the slow part.
    for (const width of process.env.CONSOLE_SCREENSHOTS ? [1280, 360] : [1280]) {
      const page = await pageOf('thuky.a', width);
      for (const lang of ['vi', 'en']) {
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        await checkScreen(page, `${lang}-home`);
        await page
          .getByRole('link', { name: lang === 'vi' ? 'Hàng chờ tin, bài' : 'Content queue' })
          .first()
          .click();
        await page.locator('table').waitFor();
        await checkScreen(page, `${lang}-queue`);
        await page.getByRole('link', { name: 'Tin chờ tiếp nhận' }).click();
        await page.locator('.steps').waitFor();
        await checkScreen(page, `${lang}-review`);
        await page
          .getByRole('link', { name: lang === 'vi' ? 'Hỏi đáp' : 'Questions' })
          .first()
          .click();
        await page.locator('table').waitFor();
        await checkScreen(page, `${lang}-questions`);
        await page
          .getByRole('link', { name: lang === 'vi' ? 'Hàng chờ tin, bài' : 'Content queue' })
          .first()
          .click();
      }
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    }
    expect(id).toBeTruthy();
  });

  it('takes an item in and proposes it with the keyboard only', async () => {
    await submitted('Tin bằng bàn phím');
    const page = await pageOf('thuky.a');
    const focusOn = async (text: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(
          () => (globalThis as any).document.activeElement?.textContent?.trim() ?? '',
        );
        if (focused === text) return;
      }
      throw new Error(`could not reach "${text}" with Tab`);
    };
    await focusOn('Hàng chờ tin, bài');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hàng chờ tin, bài — huyena' }).waitFor();
    await focusOn('Tin bằng bàn phím');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tin bằng bàn phím' }).waitFor();
    await focusOn('Tiếp nhận');
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    await focusOn('Trình duyệt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('trình duyệt');
    // The focus follows the outcome, so a keyboard or screen-reader user hears it.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('role'))).toBe('status');
  });
});
