import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { setNow } from '../support/travel';
import { caller, person, type Person } from '../support/directory';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Issue 20 §6 and the existence oracle of §7: reading below one's own unit is for the roles that
 * need it — the editorial board, operators, auditors (shared/domain/access/rules.ts) — and an item
 * the caller may not read answers 404, as a missing one does (it answered 403). A unit's officers
 * and head read the questions routed to their unit, not every question of their portal.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

const news = (title: string) => ({ category: 'news', language: 'vi', title, body: '<p>Nội dung bản nháp</p>' });
const created = async (unit: string, who: Person, title: string) => {
  const res = await call(`/units/${unit}/content`, who, { method: 'POST', body: news(title) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(local.stack().services, [
    {
      code: 'huyena',
      name: { vi: 'Huyện A', en: 'District A' },
      kind: 'district',
      parentCode: 'binhdinh',
      slug: 'huyena',
    },
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'binhdinh', slug: 'soa' },
  ]);
  [
    people.provinceContributor,
    people.provinceReporter,
    people.provinceEditor,
    people.operator,
    people.auditor,
    people.districtContributor,
    people.secretary,
    people.provinceOfficer,
    people.provinceHead,
    people.officerA,
  ] = await Promise.all([
    person(local.api, 'ctv.tinh.rs', 'binhdinh', ['contributor']),
    person(local.api, 'pv.tinh.rs', 'binhdinh', ['reporter']),
    person(local.api, 'btv.tinh.rs', 'binhdinh', ['editor']),
    person(local.api, 'vanhanh.rs', 'binhdinh', ['operator']),
    person(local.api, 'kiemtoan.rs', 'binhdinh', ['auditor']),
    person(local.api, 'ctv.huyena.rs', 'huyena', ['contributor']),
    person(local.api, 'thuky.rs', 'binhdinh', ['secretary']),
    person(local.api, 'canbo.tinh.rs', 'binhdinh', ['unit-officer']),
    person(local.api, 'giamdoc.tinh.rs', 'binhdinh', ['unit-head']),
    person(local.api, 'canbo.soa.rs', 'soa', ['unit-officer']),
  ]);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('content below one’s unit', () => {
  it('is not for a province-level contributor or reporter: a district’s draft is a 404 to them, its list a 403', async () => {
    const draft = await created('huyena', people.districtContributor!, 'Bản nháp của huyện');
    for (const who of [people.provinceContributor!, people.provinceReporter!]) {
      const item = await call(`/content/${draft}`, who);
      expect(item.status, JSON.stringify(item.body)).toBe(404);
      expect((await call('/units/huyena/content', who)).status).toBe(403);
    }
    // The board, operators and auditors read below their unit.
    for (const who of [people.provinceEditor!, people.operator!, people.auditor!])
      expect((await call(`/content/${draft}`, who)).status).toBe(200);
    // Their own unit's items, as before.
    const own = await created('binhdinh', people.provinceContributor!, 'Bản nháp của tỉnh');
    expect((await call(`/content/${own}`, people.provinceReporter!)).status).toBe(200);
  });

  it('answers 404, as for a missing item, to a read, a step or an edit of an item the caller may not see', async () => {
    const foreign = await created('binhdinh', people.provinceContributor!, 'Tin của tỉnh');
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [foreign, missing]) {
      expect((await call(`/content/${id}`, people.districtContributor!)).status).toBe(404);
      expect(
        (
          await call(`/content/${id}/transitions`, people.districtContributor!, {
            method: 'POST',
            body: { action: 'submit' },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(`/content/${id}`, people.districtContributor!, {
            method: 'PATCH',
            body: { title: 'Sửa' },
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(404);
    }
  });
});

describe('questions below one’s unit', () => {
  it('are read by a unit’s officers and head only once routed to their unit; the board reads them all', async () => {
    const ask = async (n: number) => {
      const res = await call('/public/portals/binhdinh/questions', undefined, {
        method: 'POST',
        body: {
          asker: {
            kind: 'individual',
            fullName: 'Trần Văn Hải',
            nationality: 'Việt Nam',
            address: 'Quy Nhơn',
            phone: '0905 222 333',
            email: 'hai.tran@example.vn',
          },
          field: 'land-environment',
          title: 'Hỏi về thủ tục đất đai',
          text: `Xin hỏi thủ tục chuyển mục đích sử dụng đất gồm những bước nào? (${n})`,
          consent: { processing: true, publication: false },
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.trackingCode as string;
      await call(`/questions/${id}/transitions`, people.secretary, {
        method: 'POST',
        body: { action: 'classify', complexity: 'simple' },
      });
      return id;
    };
    const toSoa = await ask(1);
    expect(
      (
        await call(`/questions/${toSoa}/transitions`, people.secretary, {
          method: 'POST',
          body: { action: 'route', unit: 'soa' },
        })
      ).status,
    ).toBe(200);
    const toProvince = await ask(2);
    expect(
      (
        await call(`/questions/${toProvince}/transitions`, people.secretary, {
          method: 'POST',
          body: { action: 'route', unit: 'binhdinh' },
        })
      ).status,
    ).toBe(200);
    const unrouted = await ask(3);

    for (const who of [people.provinceOfficer!, people.provinceHead!]) {
      expect((await call(`/questions/${toSoa}`, who)).status).toBe(404);
      expect((await call(`/questions/${unrouted}`, who)).status).toBe(404);
      expect((await call(`/questions/${toProvince}`, who)).status).toBe(200);
      expect((await call('/units/binhdinh/questions?view=portal', who)).status).toBe(403);
    }
    expect((await call(`/questions/${toSoa}`, people.officerA!)).status).toBe(200);
    expect((await call(`/questions/${toProvince}`, people.officerA!)).status).toBe(404);
    for (const id of [toSoa, toProvince, unrouted]) {
      expect((await call(`/questions/${id}`, people.secretary!)).status).toBe(200);
      expect((await call(`/questions/${id}`, people.auditor!)).status).toBe(200);
    }
    const unitView = await call('/units/soa/questions?view=unit', people.officerA!);
    expect(unitView.status).toBe(200);
    expect(unitView.body.items.map((q: { id: string }) => q.id)).toEqual([toSoa]);
  });
});
