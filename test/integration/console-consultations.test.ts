import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { consoleDir, newPage } from '../support/browser';
import { checkInBothLanguages, signInAs } from '../support/console-pages';
import { seedQuestionUnits } from '../support/log-capture';
import { postComment, seedConsultation } from '../support/consultation-seed';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * The board's moderation of consultation comments in the console, in Chromium: the portal's
 * consultations, one opened, its comments a page at a time ("more" past the API's 25), one hidden
 * with a reason and one published by keyboard only, the API's problem for a reason too short linked
 * to its field, a comment without consent to publication offered only hiding; the states read back
 * through the API (and the public list). Someone outside the board is told why there is no list.
 * axe finds nothing on either screen in either language.
 */
const local = useLocalStack({
  consoleDir,
  config: loadDeploymentConfig('infra/config/provinces/binhdinh.json'),
  askChallenge: { verify: async () => true },
});
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;
const COMMENTS = 27;
let consultationId = '';
const codes: string[] = [];

const comment = (i: number, publication = true) =>
  postComment(base(), consultationId, i, { publication, network: '127.0.12' });

async function pageOf(username: string, path = ''): Promise<Page> {
  const page = await newPage(1280);
  pages.push(page);
  await signInAs(page, base(), username, path);
  return page;
}

/** Tab (never the mouse) until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

const moderationStates = async () => {
  const states = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const res = await call(
      `/consultations/${consultationId}/comments${cursor ? `?cursor=${cursor}` : ''}`,
      people.secretary,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const c of res.body.items) states.set(c.code, c.state);
    cursor = res.body.nextCursor;
  } while (cursor);
  return states;
};

beforeAll(async () => {
  await seedQuestionUnits();
  [people.secretary, people.chief, people.contributor] = await Promise.all([
    person(local.api, 'thuky.cons', 'binhdinh', ['secretary']),
    person(local.api, 'truongban.cons', 'binhdinh', ['chief-editor']),
    person(local.api, 'ctv.cons', 'binhdinh', ['contributor']),
  ]);
  const now = Date.now();
  consultationId = (
    await seedConsultation({
      unitCode: 'binhdinh',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    })
  ).id;
  // One at a time, so the order of receipt is the order posted; the first without consent to publication.
  for (let i = 1; i <= COMMENTS; i += 1) codes.push(await comment(i, i !== 1));
}, 180_000);
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

describe('moderating consultation comments in the console', { shuffle: false }, () => {
  it('hides one with a reason and publishes another by keyboard only; the API shows both', async () => {
    const page = await pageOf('thuky.cons');
    await tabTo(page, 'nav a[href$="/units/binhdinh/consultations"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Lấy ý kiến dự thảo — binhdinh' }).waitFor();
    await tabTo(page, `a[href$="/consultations/${consultationId}"]`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dự thảo Quy định quản lý chợ' }).waitFor();
    const [first, second, third] = codes as [string, string, string];
    // The first comment's author did not consent to publication: hiding only, and why.
    const card = (code: string) => page.locator(`li.comment[data-code="${code}"]`);
    expect(await card(first).locator('[data-moderate=publish]').count()).toBe(0);
    expect(await card(first).textContent()).toContain('không đồng ý công khai');
    expect(await card(second).locator('[data-moderate=publish]').count()).toBe(1);

    // A reason of one letter: the API's problem, its field linked to the reason's input.
    const reason = `#hide-reason-${second.replaceAll('.', '-')}`;
    await tabTo(page, reason);
    await page.keyboard.type('x');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe('error-summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe(reason.slice(1));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Nội dung không liên quan đến dự thảo');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain(`Đã ẩn ý kiến ${second}`);
    // The focus follows the outcome, so a keyboard or screen-reader user hears it.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await card(second).getAttribute('data-state')).toBe('hidden');
    expect(await card(second).textContent()).toContain('Nội dung không liên quan đến dự thảo');

    await tabTo(page, `li.comment[data-code="${third}"] [data-moderate=publish]`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Đã đăng ý kiến ${third}`);
    expect(await card(third).getAttribute('data-state')).toBe('published');

    const states = await moderationStates();
    expect(states.get(first)).toBe('pending');
    expect(states.get(second)).toBe('hidden');
    expect(states.get(third)).toBe('published');
    const published = await call(`/public/portals/binhdinh/consultations/${consultationId}/comments`, undefined);
    expect(published.body.items.map((c: { code: string }) => c.code)).toEqual([third]);
    const hidden = await call(`/consultations/${consultationId}/comments`, people.secretary);
    expect(hidden.body.items.find((c: { code: string }) => c.code === second)?.hidden?.reason).toBe(
      'Nội dung không liên quan đến dự thảo',
    );
  });

  it('shows the comments past the first page behind "more"', async () => {
    const page = await pageOf('thuky.cons', `consultations/${consultationId}`);
    await page.locator('li.comment').first().waitFor();
    expect(await page.locator('li.comment').count()).toBe(25);
    await page.getByRole('link', { name: 'Xem thêm' }).click();
    await page.locator(`li.comment[data-code="${codes[25]}"]`).waitFor();
    expect(await page.locator('li.comment').evaluateAll((l) => l.map((e) => e.getAttribute('data-code')))).toEqual(
      codes.slice(25),
    );
    expect(await page.getByRole('link', { name: 'Xem thêm' }).count()).toBe(0);
  });

  it('tells someone outside the board why there is no list, and no API call lets them moderate', async () => {
    const page = await pageOf('ctv.cons', `consultations/${consultationId}`);
    await page.locator('#comments-h').waitFor();
    expect(await page.locator('li.comment').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby=comments-h] .refused').textContent()).toContain(
      'consultation.moderate',
    );
    const forced = await call(`/consultation-comments/${codes[3]}/moderation`, people.contributor, {
      method: 'POST',
      body: { action: 'publish' },
    });
    expect(forced.status).toBe(403);
  });

  it('has no WCAG 2.2 AA violation on the consultations and moderation screens in either language', async () => {
    const page = await pageOf('thuky.cons', 'units/binhdinh/consultations');
    await checkInBothLanguages(page, 'consultations', 'table.consultations');
    await page.getByRole('link', { name: 'Dự thảo Quy định quản lý chợ' }).click();
    await checkInBothLanguages(page, 'consultation-moderation', 'li.comment');
  });

  it('takes the board’s steps: closes, writes the summary (the API’s problem linked to its field), approves and publishes it', async () => {
    const now = Date.now();
    const ended = await seedConsultation({
      unitCode: 'binhdinh',
      opensAt: new Date(now - 40 * 86_400_000).toISOString(),
      closesAt: new Date(now - 3_600_000).toISOString(),
    });
    const secretary = await pageOf('thuky.cons', `consultations/${ended.id}`);
    await secretary.locator('[data-step=close]').waitFor();
    // Whoever may not take a step is told why: the chief editor's approval is not the secretary's.
    expect(await secretary.locator('button[data-action=publishSummary]').count()).toBe(0);
    await secretary.locator('button[data-action=close]').click();
    await expect.poll(() => secretary.getByRole('status').textContent()).toContain('đóng lấy ý kiến');
    expect(await secretary.locator('dl.facts').first().textContent()).toContain('Đã kết thúc lấy ý kiến');

    await secretary.getByLabel('Ý kiến nhận được (để trống nếu không có)').first().fill('Đề nghị làm rõ phạm vi');
    await secretary.getByLabel('Số ý kiến').first().fill('2');
    await secretary.getByLabel('Tiếp thu, giải trình').first().selectOption('not-accepted');
    await secretary.locator('button[data-action=writeSummary]').click();
    await secretary.locator('.error-summary a').click();
    expect(await secretary.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe(
      'writeSummary-0-reason',
    );
    await secretary.locator('#writeSummary-0-reason').fill('Ngoài phạm vi điều chỉnh của quy định');
    await secretary.locator('button[data-action=writeSummary]').click();
    await expect.poll(() => secretary.getByRole('status').textContent()).toContain('soạn bản tổng hợp');
    expect(await secretary.locator('[data-refused=approveSummary]').textContent()).toContain(
      'consultation.approve-summary',
    );

    const chief = await pageOf('truongban.cons', `consultations/${ended.id}`);
    await chief.locator('button[data-action=approveSummary]').click();
    await expect.poll(() => chief.getByRole('status').textContent()).toContain('duyệt bản tổng hợp');
    await checkInBothLanguages(chief, 'consultation-steps', '[data-step=publishSummary]');
    await chief.locator('button[data-action=publishSummary]').click();
    await expect.poll(() => chief.getByRole('status').textContent()).toContain('đăng kết quả lấy ý kiến');

    const read = await call(`/consultations/${ended.id}`, people.secretary);
    expect(read.body).toMatchObject({
      state: 'published',
      summary: {
        writtenBy: people.secretary!.id,
        approvedBy: people.chief!.id,
        entries: [
          {
            article: null,
            received: 'Đề nghị làm rõ phạm vi',
            commentCount: 2,
            response: 'not-accepted',
            reason: 'Ngoài phạm vi điều chỉnh của quy định',
          },
        ],
      },
    });
  });
});
