import { afterAll, beforeAll, expect, vi } from 'vitest';
import { resolve } from 'node:path';
import { useLocalStack } from './local-stack';
import { caller, person, signIn, NEW_PASSWORD, type Person } from './directory';
import { httpFrom } from './http-from';
import { setNow } from './travel';
import { staffNames } from './staff-names';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { demoAskers } from '../../infra/local/demo-questions';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * One province's deployment for its conformance suite (issue 23 #8): the stack of its seed config,
 * started once per file, with a department (`sotttt`) and the people who take the regulation's
 * steps, named as the preset wants (NA 10.2d). Every test sets its own instant (`at`, a local time
 * in Việt Nam) and signs everyone in again there, so the tests pass in any order and on any date.
 * The people are made on Mon 02/03/2026; every instant a test uses lies before the end of the 3
 * months their passwords last (NA 10.2đ). CB 11.4's receipt test goes back to February: a password
 * changed after "now" has not expired, so they sign in there too.
 */
export const DEPT = 'sotttt';
const root = resolve(import.meta.dirname, '../..');

export function conformance(configFile: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  const config = loadDeploymentConfig(resolve(root, 'infra/config/provinces', configFile));
  const local = useLocalStack({ config });
  const call = caller(local.api);
  const people: Record<string, Person> = {};
  const province = config.province.code;
  const staff = staffNames(config.policyPreset);
  let addresses = 0;

  beforeAll(async () => {
    setNow('2026-03-02T08:00:00');
    await ensureProvince(
      local.stack().services,
      { vi: config.province.name, en: config.province.nameEn },
      staff.officesFor(['thuky', 'truongban', 'vanhanh']),
    );
    const deptOffices = staff.officesFor(['thuky', 'truongban', 'giamdoc', 'canbo']);
    await ensureUnits(local.stack().services, [
      {
        code: DEPT,
        name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' },
        kind: 'department',
        parentCode: province,
        slug: DEPT,
        ...(deptOffices && { offices: deptOffices }),
      },
    ]);
    const made: Array<[string, string, string, Parameters<typeof person>[3]]> = [
      ['secretary', staff.name('thuky', province), province, ['secretary']],
      ['chief', staff.name('truongban', province), province, ['chief-editor']],
      ['operator', staff.name('vanhanh', province), province, ['operator']],
      ['deptSecretary', staff.name('thuky', DEPT), DEPT, ['secretary']],
      ['deptChief', staff.name('truongban', DEPT), DEPT, ['chief-editor']],
      ['deptHead', staff.name('giamdoc', DEPT), DEPT, ['unit-head']],
      ['deptOfficer', staff.name('canbo', DEPT), DEPT, ['unit-officer']],
    ];
    for (const [key, username, unit, roles] of made) people[key] = await person(local.api, username, unit, roles);
  }, 180_000);
  afterAll(() => void vi.useRealTimers());

  /** Moves the clock to a local instant and signs everyone in again (access tokens last an hour). */
  async function at(localTime: string): Promise<void> {
    setNow(localTime);
    await Promise.all(
      Object.entries(people).map(
        async ([key, p]) => void (people[key] = { ...p, token: await signIn(local.api, p.username, NEW_PASSWORD) }),
      ),
    );
  }

  /** Asks a question on the provincial portal as the preset's first demo asker (its required fields), from a fresh address. */
  async function ask(overrides: Record<string, unknown> = {}, asker: Record<string, unknown> = {}) {
    addresses += 1;
    const res = await httpFrom(local.stack().gateway.url, `/public/portals/${province}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      from: `127.0.3.${addresses}`,
      body: JSON.stringify({
        asker: { ...demoAskers(config.policyPreset)[0], ...asker },
        field: 'labour-social',
        title: `Hỏi về chế độ trợ cấp số ${addresses}`,
        text: `Xin hỏi người lao động nghỉ việc cần chuẩn bị hồ sơ gì để hưởng trợ cấp, lần hỏi số ${addresses}?`,
        consent: { processing: true, publication: false },
        ...overrides,
      }),
    });
    return { status: res.status, body: res.json };
  }

  /** Asks, expecting 201; the tracking code and the asker's secret. */
  async function asked(): Promise<{ trackingCode: string; secret: string; classificationDueAt: string }> {
    const res = await ask();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const status = async (q: { trackingCode: string; secret: string }) => {
    const res = await call(`/public/questions/${q.trackingCode}`, undefined, {
      headers: { 'x-question-secret': q.secret },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  const step = async (id: string, who: string, body: Record<string, unknown>) => {
    const res = await call(`/questions/${id}/transitions`, people[who], { method: 'POST', body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** Classifies and routes a question to the department, as the provincial board's secretary. */
  async function routed(
    q: { trackingCode: string },
    classification: Record<string, unknown> = { complexity: 'simple', scope: 'single-unit' },
  ) {
    await step(q.trackingCode, 'secretary', { action: 'classify', ...classification });
    return step(q.trackingCode, 'secretary', { action: 'route', unit: DEPT });
  }

  /** An item written, reviewed, approved and published on `unit`'s portal by its own board; its public rendition. */
  async function published(unit: string, item: { category?: string; language?: string; title: string; body?: string }) {
    const [secretary, chief] = unit === province ? ['secretary', 'chief'] : ['deptSecretary', 'deptChief'];
    const created = await call(`/units/${unit}/content`, people[secretary], {
      method: 'POST',
      body: {
        category: item.category ?? 'news',
        language: item.language ?? 'vi',
        title: item.title,
        body: `<p>${item.body ?? item.title}</p>`,
        submit: true,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    for (const [who, action] of [
      [secretary, 'accept'],
      [secretary, 'propose'],
      [chief, 'approve'],
      [secretary, 'publish'],
    ] as const) {
      const res = await call(`/content/${id}/transitions`, people[who], { method: 'POST', body: { action } });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const online = await call(`/public/portals/${unit}/content/${id}`, undefined);
    expect(online.status, JSON.stringify(online.body)).toBe(200);
    return online.body;
  }

  /** The report kinds of the deployment's preset, as GET /reports lists them. */
  async function reportKinds(): Promise<Array<{ id: string; citation: string }>> {
    const res = await call('/reports', people.secretary);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.kinds;
  }

  return { config, local, call, people, province, staff, at, ask, asked, status, step, routed, published, reportKinds };
}
