import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkInBothLanguages, checkScreen, signInAs, switchLanguage } from '../support/console-pages';

/**
 * Item review and the intake queue in the console, in Chromium: the words changed between two
 * revisions, the attachments with their safety check (pending, clean, quarantined); the intake
 * queue's bulk actions as the rule table gives them (a secretary returns, the chief rejects, a
 * contributor is only told why), with forced requests still refused by the API; axe on each screen
 * in both languages.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;
const PNG = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads/python.png')));

/** An upload declared by the contributor; the bytes sent when given, and its check awaited. */
async function upload(fileName: string, contentType: string, bytes?: Uint8Array): Promise<string> {
  const created = await call('/uploads', people.contributor, {
    method: 'POST',
    body: { fileName, contentType, size: bytes?.length ?? 1000 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const form = created.body as { uploadId: string; url: string; fields: Record<string, string> };
  if (bytes) {
    const data = new FormData();
    for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
    data.append('file', new Blob([bytes], { type: contentType }), fileName);
    expect((await fetch(form.url, { method: 'POST', body: data })).status).toBe(204);
    await eventually(
      async () =>
        (await call(`/uploads/${form.uploadId}`, people.contributor)).body?.status !== 'pending' ? true : undefined,
      15_000,
    );
  }
  return form.uploadId;
}

async function submitted(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await call('/units/huyena/content', people.contributor, {
    method: 'POST',
    body: { category: 'news', language: 'vi', title, body: '<p>Nội dung</p>', submit: true, ...extra },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function pageOf(username: string, path = '', width = 1280): Promise<Page> {
  const page = await newPage(width);
  pages.push(page);
  await signInAs(page, base(), username, path);
  return page;
}

beforeAll(async () => {
  await seedTree();
  [people.contributor, people.secretary, people.chief] = await Promise.all([
    person(local.api, 'ctv.rv', 'huyena', ['contributor']),
    person(local.api, 'thuky.rv', 'huyena', ['secretary']),
    person(local.api, 'truongban.rv', 'huyena', ['chief-editor']),
  ]);
});
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('review and the intake queue in the console', () => {
  it('shows the words changed between revisions and the attachments with their safety check, in both languages without a WCAG 2.2 AA violation', async () => {
    const [pending, clean, quarantined] = await Promise.all([
      upload('bien-ban.pdf', 'application/pdf'),
      upload('Ảnh hội nghị.png', 'image/png', PNG),
      upload('quyet-dinh.pdf', 'application/pdf', PNG),
    ]);
    const created = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: {
        category: 'news',
        language: 'vi',
        title: 'Hội nghị tổng kết năm',
        body: '<p>Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết.</p>',
        attachments: [pending, clean, quarantined],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const edited = await call(`/content/${id}`, people.contributor, {
      method: 'PATCH',
      body: {
        title: 'Hội nghị tổng kết năm 2026',
        body: '<p>Chiều nay, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết.</p><p>Đoạn mới.</p>',
      },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(
      (
        await call(`/content/${id}/transitions`, people.contributor, {
          method: 'POST',
          body: { action: 'submit' },
          headers: { 'if-match': '"2"' },
        })
      ).status,
    ).toBe(200);

    for (const width of process.env.CONSOLE_SCREENSHOTS ? [1280, 360] : [1280]) {
      const page = await pageOf('thuky.rv', `content/${id}`, width);
      for (const lang of ['vi', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.locator('.diff').first().waitFor();
        expect(await page.locator('del').allTextContents()).toEqual([expect.stringContaining('Sáng')]);
        expect(await page.locator('ins').allTextContents()).toEqual([
          expect.stringContaining('2026'),
          expect.stringContaining('Chiều'),
          expect.stringContaining('Đoạn mới.'),
        ]);
        expect(
          await page
            .locator('table.attachments tr[data-status]')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
        ).toEqual(['pending', 'clean', 'quarantined']);
        expect(await page.locator('table.attachments').textContent()).toContain(
          lang === 'vi' ? 'Bị cách ly' : 'Quarantined',
        );
        await checkScreen(page, `${lang}-review-diff`);
      }
      await switchLanguage(page, 'vi');
    }
    // The versions compared are the URL's: v1 against itself shows no change.
    const page = pages.at(-1)!;
    await page.getByLabel('Đến phiên bản').selectOption('1');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('from=1&to=1');
    await expect.poll(() => page.locator('del, ins').count(), { timeout: 10_000 }).toBe(0);
  });

  it('offers a secretary the bulk return and assign the rule table gives her, returns two items at once, and says why rejecting is not hers (a forced request gets 403)', async () => {
    const [a, b] = [await submitted('Tin trả lại một'), await submitted('Tin trả lại hai')];
    const kept = await submitted('Tin giữ lại');
    const page = await pageOf('thuky.rv', 'units/huyena/content?state=submitted');
    await page.getByLabel('Chọn: Tin trả lại một').check();
    await page.getByLabel('Chọn: Tin trả lại hai').check();
    const action = page.getByLabel('Thao tác', { exact: true });
    expect(await action.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')))).toEqual([
      'return',
      'assign',
    ]);
    // Rejecting is the chief's (content.approve): not offered, and the reason names the rule and its basis.
    expect(
      await page.locator('[data-refused-bulk]').evaluateAll((li) => li.map((l) => l.getAttribute('data-refused-bulk'))),
    ).toEqual(['reject']);
    const reason = await page.locator('[data-refused-bulk="reject"]').textContent();
    expect(reason).toContain('content.approve');
    expect(reason).toContain('BĐ 9.6');
    await action.selectOption('return');
    await page.getByLabel('Ý kiến (khi trả lại)').fill('Bổ sung nguồn tin');
    await page.getByRole('button', { name: 'Thực hiện với các mục đã chọn' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Đã thực hiện: 2');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('role'))).toBe('status');
    for (const id of [a, b]) expect((await call(`/content/${id}`, people.secretary)).body.state).toBe('returned');
    expect(await page.getByRole('link', { name: 'Tin trả lại một' }).count()).toBe(0);
    await checkScreen(page, 'vi-queue-bulk');
    await checkInBothLanguages(page, 'queue-bulk-secretary', '[data-refused-bulk]');

    // The API still decides: the refused action sent anyway is refused whole, and the item stays in the queue.
    const forced = await call('/units/huyena/content/bulk-transitions', people.secretary, {
      method: 'POST',
      body: { action: 'reject', ids: [kept], reason: 'Không phù hợp' },
    });
    expect(forced.status, JSON.stringify(forced.body)).toBe(403);
    expect((await call(`/content/${kept}`, people.secretary)).body.state).toBe('submitted');
  });

  it('offers the chief editor only the bulk reject, with the reasons for the others; a contributor gets no checkbox and no form, only the reasons', async () => {
    const refused = await submitted('Tin không duyệt hàng loạt');
    const chief = await pageOf('truongban.rv', 'units/huyena/content?state=submitted');
    await chief.getByLabel('Chọn: Tin không duyệt hàng loạt').check();
    expect(
      await chief
        .getByLabel('Thao tác', { exact: true })
        .locator('option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).toEqual(['reject']);
    expect(await chief.locator('#bulk-assignee').count()).toBe(0);
    expect(
      await chief
        .locator('[data-refused-bulk]')
        .evaluateAll((li) => li.map((l) => l.getAttribute('data-refused-bulk'))),
    ).toEqual(['return', 'assign']);
    expect(await chief.locator('[data-refused-bulk="assign"]').textContent()).toContain('content.intake');
    await checkInBothLanguages(chief, 'queue-bulk-chief', '[data-refused-bulk]');
    await chief.getByLabel('Chọn: Tin không duyệt hàng loạt').check();
    await chief.getByLabel('Lý do (khi không duyệt)').fill('Không phù hợp với chuyên mục');
    await chief.getByRole('button', { name: 'Thực hiện với các mục đã chọn' }).click();
    await expect.poll(() => chief.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Đã thực hiện: 1');
    expect((await call(`/content/${refused}`, people.chief)).body.state).toBe('rejected');

    await submitted('Tin của cộng tác viên');
    const contributor = await pageOf('ctv.rv', 'units/huyena/content?state=submitted');
    await contributor.locator('[data-refused-bulk]').first().waitFor();
    expect(await contributor.locator('form.bulk, input.pick').count()).toBe(0);
    expect(await contributor.locator('[data-refused-bulk]').count()).toBe(3);
    await checkInBothLanguages(contributor, 'queue-bulk-contributor', '[data-refused-bulk]');
    const forced = await call('/units/huyena/content/bulk-transitions', people.contributor, {
      method: 'POST',
      body: { action: 'return', ids: [refused], comment: 'Thử' },
    });
    expect(forced.status, JSON.stringify(forced.body)).toBe(403);
  });
});
