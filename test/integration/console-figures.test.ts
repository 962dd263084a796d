import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkScreen, signInAs, switchLanguage } from '../support/console-pages';

/**
 * Figures, job runs and audit trails in the console, in Chromium: a unit's Q&A figures and its
 * publication on-time rate as the API gives them; every job with its last and next run; the audit
 * trail of one item (GET /audit with `target`); axe on each screen in both languages.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

async function pageOf(username: string, path = '', width = 1280): Promise<Page> {
  const page = await newPage(width);
  pages.push(page);
  await signInAs(page, base(), username, path);
  return page;
}
const step = async (path: string, who: Person, body: Record<string, unknown>) => {
  const version = (await call(path, who)).body.version;
  const res = await call(`${path}/transitions`, who, { method: 'POST', body, headers: { 'if-match': `"${version}"` } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

let published: string;
beforeAll(async () => {
  await seedTree();
  [people.contributor, people.secretary, people.chief, people.head, people.auditor, people.operator] =
    await Promise.all([
      person(local.api, 'ctv.sl', 'huyena', ['contributor']),
      person(local.api, 'thuky.sl', 'huyena', ['secretary']),
      person(local.api, 'truongban.sl', 'huyena', ['chief-editor']),
      person(local.api, 'chutich.sl', 'xaa', ['unit-head']),
      person(local.api, 'kiemtra.sl', 'demo', ['auditor']),
      person(local.api, 'vanhanh.sl', 'demo', ['operator']),
    ]);
  // A question routed and answered, an item published: facts for the figures and the audit trail.
  const asked = await call('/public/portals/huyena/questions', undefined, {
    method: 'POST',
    body: {
      asker: {
        kind: 'individual',
        fullName: 'Lê Văn Tám',
        nationality: 'Việt Nam',
        address: '12 Lê Lợi',
        phone: '0905 000 222',
        email: 'tam@example.vn',
      },
      field: 'finance-tax',
      title: 'Hỏi về lệ phí trước bạ',
      text: 'Xin hỏi lệ phí trước bạ khi đăng ký xe máy lần đầu được tính thế nào?',
      consent: { processing: true, publication: false },
    },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const q = `/questions/${asked.body.trackingCode}`;
  await step(q, people.secretary!, { action: 'classify', complexity: 'simple' });
  await step(q, people.secretary!, { action: 'route', unit: 'xaa' });
  await step(q, people.head!, {
    action: 'answer',
    answer: {
      text: 'Lệ phí trước bạ xe máy lần đầu là 2 % giá tính lệ phí do Ủy ban nhân dân tỉnh ban hành.',
      citations: [],
    },
  });
  const created = await call('/units/huyena/content', people.contributor, {
    method: 'POST',
    body: { category: 'news', language: 'vi', title: 'Tin đã đăng', body: '<p>Nội dung</p>', submit: true },
  });
  expect(created.status).toBe(201);
  published = created.body.id;
  const c = `/content/${published}`;
  await step(c, people.secretary!, { action: 'accept' });
  await step(c, people.secretary!, { action: 'propose' });
  await step(c, people.chief!, { action: 'approve' });
  await step(c, people.secretary!, { action: 'publish' });
}, 120_000);
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('figures, jobs and audit trails in the console', () => {
  it("shows a unit's Q&A and publication figures as the API gives them, in both languages", async () => {
    const expected = (
      await call(`/units/huyena/question-figures?from=${today().slice(0, 8)}01&to=${today()}`, people.secretary)
    ).body;
    expect(expected).toMatchObject({ routed: 1, routedWithinOneWorkingDay: 1 });
    const latest = (await call('/units/huyena/content?state=published&limit=50', people.secretary)).body
      .items as Array<{ dueAt?: string; publishedOnTime?: boolean }>;
    const withDeadline = latest.filter((i) => i.dueAt !== undefined);
    // News has a publication deadline (policy): the item published here counts, on time.
    expect(withDeadline.filter((i) => i.publishedOnTime).length).toBeGreaterThanOrEqual(1);
    for (const width of process.env.CONSOLE_SCREENSHOTS ? [1280, 360] : [1280]) {
      const page = await pageOf('thuky.sl', '', width);
      for (const lang of ['vi', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        await page
          .getByRole('link', { name: lang === 'vi' ? 'Số liệu' : 'Figures' })
          .first()
          .click();
        await page.locator('#qa-figures').waitFor();
        const cells = async (key: string) => page.locator(`tr[data-figure="${key}"] td`).allTextContents();
        expect((await cells('routed-on-time'))[0]).toBe(String(expected.routedWithinOneWorkingDay));
        expect((await cells('routed-on-time'))[1]).toBe('100\u00a0%');
        expect(await page.locator('#qa-figures thead').textContent()).toContain(lang === 'vi' ? 'Chỉ tiêu' : 'Figure');
        expect((await cells('published-on-time'))[0]).toBe(
          String(withDeadline.filter((i) => i.publishedOnTime).length),
        );
        await checkScreen(page, `${lang}-figures`);
      }
      await switchLanguage(page, 'vi');
    }
  });

  it('lists every job with its last and next run for an operator, and one job’s runs', async () => {
    await local.stack().runJob('escalate-questions');
    const page = await pageOf('vanhanh.sl', 'jobs');
    await page.locator('table.jobs').waitFor();
    expect(await page.locator('tr[data-job="escalate-questions"]').textContent()).toContain('Thành công');
    await checkScreen(page, 'vi-jobs');
    await page.getByRole('link', { name: 'escalate-questions' }).click();
    await page.getByRole('heading', { name: 'Các lần chạy — escalate-questions' }).waitFor();
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(1);
    // A secretary may not read them: the API's refusal is said.
    const secretary = await pageOf('thuky.sl', 'jobs');
    await secretary.locator('.error-summary').waitFor();
  });

  it("shows one item's audit trail to an auditor: only that item's entries (GET /audit with target)", async () => {
    const api = (await call(`/audit?unit=huyena&target=${published}&limit=100`, people.auditor)).body.items as Array<{
      target: { id: string };
      action: string;
    }>;
    expect(api.length).toBeGreaterThanOrEqual(6);
    expect(api.every((e) => e.target.id === published)).toBe(true);
    expect(api.map((e) => e.action)).toEqual(expect.arrayContaining(['content.create', 'content.publish']));
    const bad = await call(`/audit?target=${published}`, people.auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('query.target');

    const page = await pageOf('kiemtra.sl', `content/${published}`);
    await page.getByRole('link', { name: 'Nhật ký của mục này' }).click();
    await page.locator('table.audit').waitFor();
    expect(await page.locator('table.audit tbody tr').count()).toBe(api.length);
    await checkScreen(page, 'vi-audit-item');
    await switchLanguage(page, 'en');
    await page.locator('table.audit').waitFor();
    await checkScreen(page, 'en-audit-item');
  });
});
