import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkScreen, signInAs, switchLanguage } from '../support/console-pages';

/**
 * Q&A in the console, in Chromium: a question asked on the public API is classified and routed by
 * the board's secretary, answered with a citation by the unit, approved by the chief editor, sent
 * by the secretary, and then seen by the asker's lookup (tracking code and secret). The escalations
 * the job raised show on the question; axe finds nothing on the Q&A screens in either language.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const pages: Page[] = [];
const people: Record<string, Person> = {};
const base = () => local.stack().gateway.url;

let asked = 0;
async function ask(title: string) {
  const res = await call('/public/portals/huyena/questions', undefined, {
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
      title,
      text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu? (${(asked += 1)})`,
      consent: { processing: true, publication: true },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { trackingCode: string; secret: string; classificationDueAt: string };
}

async function pageOf(username: string, path = '', width = 1280): Promise<Page> {
  const page = await newPage(width);
  pages.push(page);
  await signInAs(page, base(), username, path);
  return page;
}

/** Presses a step's button and waits for the outcome. */
async function take(page: Page, action: string) {
  await page.locator(`button[data-action="${action}"]`).click();
  await page.getByRole('status').waitFor();
}

beforeAll(async () => {
  await seedTree();
  [people.secretary, people.chief, people.head] = await Promise.all([
    person(local.api, 'thuky.hd', 'huyena', ['secretary']),
    person(local.api, 'truongban.hd', 'huyena', ['chief-editor']),
    person(local.api, 'chutich.xaa', 'xaa', ['unit-head']),
  ]);
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('questions in the console', () => {
  it('classifies, routes, answers with a citation, approves and sends a question; the asker’s lookup shows the answer', async () => {
    const { trackingCode, secret } = await ask('Hỏi về cấp giấy chứng nhận quyền sử dụng đất');

    const secretary = await pageOf('thuky.hd');
    await secretary.getByRole('navigation').getByRole('link', { name: 'Hỏi đáp' }).click();
    await secretary.getByRole('link', { name: 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất' }).click();
    await secretary.getByRole('heading', { name: 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất' }).waitFor();
    // The board sees the asker's data; the steps it may take are the API's.
    expect(await secretary.locator('#asker-h + dl').textContent()).toContain('Phạm Thị Hồng Nhung');
    await secretary.getByLabel('Mức độ').selectOption('simple');
    await take(secretary, 'classify');
    expect(await secretary.locator('.facts').first().textContent()).toContain('Đã phân loại');
    // A unit that is not within the portal: the API's refusal, its field linked to the input.
    await secretary.getByLabel('Mã đơn vị trả lời').fill('khongco');
    await secretary.locator('button[data-action="route"]').click();
    await secretary.locator('.error-summary').waitFor();
    await secretary.locator('.error-summary a').click();
    expect(await secretary.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('route-unit');
    await secretary.getByLabel('Mã đơn vị trả lời').fill('xaa');
    await take(secretary, 'route');
    // The secretary may not answer: not offered, the reason said.
    expect(await secretary.locator('button[data-action="answer"]').count()).toBe(0);
    expect(await secretary.locator('[data-refused=answer]').textContent()).toContain('qa.answer');

    // The unit's inbox, opened by its address.
    const head = await pageOf('chutich.xaa', 'units/xaa/questions?view=unit');
    await head.getByRole('link', { name: 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất' }).click();
    await head
      .getByLabel('Nội dung trả lời')
      .fill(
        'Hồ sơ gồm đơn đăng ký cấp giấy chứng nhận theo mẫu và giấy tờ về quyền sử dụng đất; nộp tại Bộ phận một cửa của xã.',
      );
    await head.getByLabel('Số, ký hiệu').fill('101/2024/NĐ-CP');
    await head.getByLabel('Trích yếu').fill('Quy định về điều tra cơ bản đất đai; đăng ký, cấp giấy chứng nhận');
    await head.getByLabel('Ngày ban hành').fill('2024-07-29');
    await head.getByLabel('Cơ quan ban hành').fill('Chính phủ');
    await take(head, 'answer');
    // The unit does not see the asker's data unless the board shared it.
    expect(await head.locator('#asker-h + p').textContent()).toContain('Ban biên tập');
    expect(await head.locator('.citations-list').textContent()).toContain('101/2024/NĐ-CP');

    const chief = await pageOf('truongban.hd', `questions/${trackingCode}`);
    await chief.getByRole('heading', { name: 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất' }).waitFor();
    await take(chief, 'approve-answer');

    await secretary.reload();
    await signInAs(secretary, base(), 'thuky.hd', `questions/${trackingCode}`);
    await take(secretary, 'send');
    expect(await secretary.locator('.facts').first().textContent()).toContain('Đã gửi');

    const lookup = await call(`/public/questions/${trackingCode}`, undefined, {
      headers: { 'x-question-secret': secret },
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      stage: 'sent',
      answer: {
        text: expect.stringContaining('Bộ phận một cửa'),
        citations: [{ numberSymbol: '101/2024/NĐ-CP', issuer: 'Chính phủ' }],
      },
    });
  });

  it('shows the escalations the job raised on a question, with no WCAG 2.2 AA violation on the Q&A screens in either language', async () => {
    // Asked three weeks ago (the API's clock set back for the request), never classified.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 21 * 86_400_000);
    const { trackingCode, classificationDueAt } = await ask('Câu hỏi chưa được phân loại').finally(() =>
      vi.useRealTimers(),
    );
    // The escalation job run as of later instants: the last hour of the classification's last day, then the days after it.
    const due = Date.parse(classificationDueAt);
    for (const at of [
      due - 3_600_000,
      ...Array.from({ length: 8 }, (_, i) => due + (i + 1) * 86_400_000 + 3_600_000),
    ]) {
      await local.stack().runJob('escalate-questions', { at: new Date(at).toISOString() });
    }
    const widths = process.env.CONSOLE_SCREENSHOTS ? [1280, 360] : [1280];
    for (const width of widths) {
      const page = await pageOf('thuky.hd', 'units/huyena/questions?view=portal&overdue=true', width);
      for (const lang of ['vi', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.locator('table').waitFor();
        await checkScreen(page, `${lang}-questions-overdue`);
        await page.getByRole('link', { name: 'Câu hỏi chưa được phân loại' }).click();
        await page.locator('table.escalations').waitFor();
        expect(
          await page
            .locator('table.escalations tr[data-level]')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level'))),
        ).toEqual(expect.arrayContaining(['overdue', 'very-overdue']));
        expect(await page.locator('table.escalations').textContent()).toContain(
          lang === 'vi' ? 'Trưởng Ban biên tập' : 'Chief editor',
        );
        await checkScreen(page, `${lang}-question-escalations`);
        await page.goBack();
      }
      await switchLanguage(page, 'vi');
    }
    // Every escalation the API lists is on the screen.
    const read = await call(`/questions/${trackingCode}`, people.secretary);
    expect(read.body.escalations.length).toBeGreaterThanOrEqual(2);
    const page = pages.at(-1)!;
    await page.getByRole('link', { name: 'Câu hỏi chưa được phân loại' }).click();
    await page.locator('table.escalations').waitFor();
    expect(await page.locator('table.escalations tr[data-level]').count()).toBe(read.body.escalations.length);
  });
});
