import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLocalStack } from '../support/local-stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { accessibilityViolations, consoleDir, newPage } from '../support/browser';
import { signInAs, switchLanguage } from '../support/console-pages';
import { seedConsultation } from '../support/consultation-seed';

/**
 * Reflow and zoom (WCAG 2.2 1.4.10, 1.4.4) on every screen of the console, in Chromium: at 320 px
 * (400 % of 1280), at 640 px (200 % zoom of a 1280 px window) and with the text at 200 %, nothing
 * makes the page scroll sideways (wide tables scroll inside their own focusable region); at 360 px
 * axe finds no WCAG 2.2 AA violation, in Vietnamese and in English.
 */
const local = useLocalStack({ consoleDir });
const call = caller(local.api);
const people: Record<string, Person> = {};
const pages: Page[] = [];
const base = () => local.stack().gateway.url;

const step = async (path: string, who: Person, body: Record<string, unknown>) => {
  const version = (await call(path, who)).body.version;
  const res = await call(`${path}/transitions`, who, { method: 'POST', body, headers: { 'if-match': `"${version}"` } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const screens: Array<{ name: string; who: 'thuky.lo' | 'kiemtra.lo'; path: () => string; ready: string }> = [];
let item: string;
let question: string;
let incident: string;
let consultation: string;

beforeAll(async () => {
  await seedTree();
  [people.contributor, people.secretary, people.auditor] = await Promise.all([
    person(local.api, 'ctv.lo', 'huyena', ['contributor']),
    person(local.api, 'thuky.lo', 'huyena', ['secretary']),
    person(local.api, 'kiemtra.lo', 'demo', ['auditor']),
  ]);
  const long =
    'Thông báo về việc tổ chức lấy ý kiến nhân dân đối với dự thảo điều chỉnh quy hoạch chung xây dựng đô thị giai đoạn 2026–2035';
  const created = await call('/units/huyena/content', people.contributor, {
    method: 'POST',
    body: { category: 'news', language: 'vi', title: long, body: '<p>Bản đầu.</p>' },
  });
  item = created.body.id;
  expect(
    (
      await call(`/content/${item}`, people.contributor, {
        method: 'PATCH',
        body: { body: '<p>Bản sửa, dài hơn một chút.</p>' },
        headers: { 'if-match': '"1"' },
      })
    ).status,
  ).toBe(200);
  await step(`/content/${item}`, people.contributor!, { action: 'submit' });
  const asked = await call('/public/portals/huyena/questions', undefined, {
    method: 'POST',
    body: {
      asker: {
        kind: 'individual',
        fullName: 'Nguyễn Thị Mai',
        nationality: 'Việt Nam',
        address: '5 Trần Phú',
        phone: '0905 111 333',
        email: 'mai@example.vn',
      },
      field: 'education-health',
      title: long,
      text: 'Xin hỏi thủ tục chuyển trường cho học sinh tiểu học giữa hai huyện trong tỉnh gồm những giấy tờ gì?',
      consent: { processing: true, publication: true },
    },
  });
  question = asked.body.trackingCode;
  await step(`/questions/${question}`, people.secretary!, { action: 'classify', complexity: 'simple' });
  await step(`/questions/${question}`, people.secretary!, { action: 'route', unit: 'xaa' });
  const reported = await call('/incidents', people.secretary, {
    method: 'POST',
    body: {
      title: long,
      description: 'Trang tra cứu thủ tục hành chính trả lỗi khi tìm kiếm theo lĩnh vực.',
      severity: 'medium',
      affectedServices: ['portal', 'search'],
    },
  });
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  incident = reported.body.id;
  consultation = (
    await seedConsultation({
      unitCode: 'huyena',
      unitPath: ['huyena', 'demo'],
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
  ).id;
  const commented = await call(`/public/portals/huyena/consultations/${consultation}/comments`, undefined, {
    method: 'POST',
    body: {
      commenter: {
        kind: 'individual',
        fullName: 'Nguyễn Thị Mai',
        nationality: 'Việt Nam',
        address: '5 Trần Phú',
        phone: '0905 111 333',
        email: 'mai@example.vn',
      },
      article: 2,
      text: `${long}: đề nghị bổ sung quy định về thời gian họp chợ đêm và trách nhiệm của Ban quản lý chợ.`,
      consent: { processing: true, publication: true },
    },
  });
  expect(commented.status, JSON.stringify(commented.body)).toBe(201);
  screens.push(
    { name: 'home', who: 'thuky.lo', path: () => '', ready: '.cards' },
    { name: 'queue', who: 'thuky.lo', path: () => 'units/huyena/content?state=submitted', ready: 'form.bulk' },
    { name: 'review', who: 'thuky.lo', path: () => `content/${item}`, ready: '.diff' },
    { name: 'questions', who: 'thuky.lo', path: () => 'units/huyena/questions?view=portal', ready: 'table' },
    { name: 'question', who: 'thuky.lo', path: () => `questions/${question}`, ready: '#routings-h' },
    { name: 'figures', who: 'thuky.lo', path: () => 'units/huyena/figures', ready: '#qa-figures' },
    { name: 'audit', who: 'kiemtra.lo', path: () => `units/huyena/audit?target=${item}`, ready: 'table.audit' },
    { name: 'jobs', who: 'kiemtra.lo', path: () => 'jobs', ready: 'table.jobs' },
    { name: 'people', who: 'kiemtra.lo', path: () => 'units/huyena/people', ready: 'table.accounts' },
    // An auditor reads but does not manage: the forms' places hold their reasons.
    {
      name: 'account',
      who: 'kiemtra.lo',
      path: () => `accounts/${people.contributor!.id}`,
      ready: '[data-refused-form]',
    },
    { name: 'machine clients', who: 'kiemtra.lo', path: () => 'machine-clients?unit=huyena', ready: '#clients-h' },
    { name: 'unit', who: 'kiemtra.lo', path: () => 'units/huyena', ready: 'table.history' },
    { name: 'security checks', who: 'kiemtra.lo', path: () => 'security-checks', ready: 'dl.calendar' },
    { name: 'incidents', who: 'thuky.lo', path: () => 'incidents', ready: 'form.step' },
    { name: 'incident', who: 'thuky.lo', path: () => `incidents/${incident}`, ready: 'table.timeline' },
    { name: 'consultations', who: 'thuky.lo', path: () => 'units/huyena/consultations', ready: 'table.consultations' },
    { name: 'consultation', who: 'thuky.lo', path: () => `consultations/${consultation}`, ready: 'li.comment' },
  );
}, 120_000);
afterAll(async () => {
  await Promise.all(pages.map((p) => p.context().close()));
});

/** How far the page scrolls sideways (0: it reflows), and what sticks out when it does. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as any).document;
    const over = d.documentElement.scrollWidth - d.documentElement.clientWidth;
    if (over <= 0) return 0;
    const out = [...d.querySelectorAll('body *')]
      .filter((e: any) => e.getBoundingClientRect().right > d.documentElement.clientWidth + 1 && !e.closest('.scroll'))
      .slice(0, 3)
      .map((e: any) => `${e.tagName.toLowerCase()}.${e.className}`);
    return `${over} px: ${out.join(', ')}`;
  });

describe('the console at 320 px, at 200 % zoom and with 200 % text', () => {
  it('reflows every screen without sideways scrolling, and axe finds nothing at 360 px in either language', async () => {
    const signedIn: Record<string, Page> = {};
    for (const screen of screens) {
      let page = signedIn[screen.who];
      if (!page) {
        page = signedIn[screen.who] = await newPage(360);
        pages.push(page);
        await signInAs(page, base(), screen.who, screen.path());
      } else {
        // Within the page (tokens live in memory): as a link inside the console does.
        await page.evaluate((path) => {
          const g = globalThis as any;
          g.history.pushState(null, '', `/console/${path}`);
          g.dispatchEvent(new g.PopStateEvent('popstate'));
        }, screen.path());
      }
      await page.locator(screen.ready).first().waitFor();
      for (const lang of ['vi', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.locator(screen.ready).first().waitFor();
        expect(await accessibilityViolations(page), `${screen.name} at 360 px (${lang})`).toEqual([]);
      }
      await switchLanguage(page, 'vi');
      for (const width of [320, 640]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await sideways(page), `${screen.name} at ${width} px`).toBe(0);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => ((globalThis as any).document.documentElement.style.fontSize = '200%'));
      expect(await sideways(page), `${screen.name} with 200 % text`).toBe(0);
      await page.evaluate(() => ((globalThis as any).document.documentElement.style.fontSize = ''));
      await page.setViewportSize({ width: 360, height: 800 });
    }
    // Fifteen screens, two axe runs each: about a minute alone, several under a full `npm test`.
  }, 300_000);
});
