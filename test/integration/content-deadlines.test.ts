import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Publication deadlines under Bình Định's regulation (BĐ 11.3: legal documents within 2 working
 * days of issue), counted on the working calendar with Tết 2026, through the HTTP API.
 */
const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
let secretary: Person;
let chief: Person;

const legalDocument = (issuedOn: string, numberSymbol: string) => ({
  category: 'legal-document',
  language: 'vi',
  title: `Quyết định ${numberSymbol}`,
  body: '<p>Toàn văn</p>',
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol,
    issuingAuthority: 'Ủy ban nhân dân tỉnh Bình Định',
    signer: 'Phạm Anh Tuấn',
    issuedOn,
    summary: 'Ban hành quy chế',
  },
  submit: true,
});

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(local.stack().services, [
    {
      code: 'sotttt',
      name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' },
      kind: 'department',
      parentCode: 'binhdinh',
      slug: 'sotttt',
    },
  ]);
  secretary = await person(local.api, 'thuky.sotttt', 'sotttt', ['secretary']);
  chief = await person(local.api, 'truongban.sotttt', 'sotttt', ['chief-editor']);
}, 120_000);

describe('publication deadlines (Bình Định)', () => {
  it('a legal document issued Fri 13/02/2026 is due by the end of Tue 24/02/2026 (Tết), listed overdue until published late', async () => {
    const created = await call('/units/sotttt/content', secretary, {
      method: 'POST',
      body: legalDocument('2026-02-13', '12/2026/QĐ-UBND'),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // 24:00 on 24/02/2026 in Vietnam (UTC+7).
    expect((await call(`/content/${id}`, secretary)).body).toMatchObject({ dueAt: '2026-02-24T17:00:00.000Z' });
    const overdue = await call('/units/sotttt/content?overdue=true', chief);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, numberSymbol: '12/2026/QĐ-UBND' });

    // A document issued today is not overdue; one "issued" tomorrow is refused (issue 23: the clock's event is not in the future).
    const dayOf = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    const today = dayOf(Date.now());
    const fresh = await call('/units/sotttt/content', secretary, {
      method: 'POST',
      body: legalDocument(today, `7/${today.slice(0, 4)}/QĐ-UBND`),
    });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    const tomorrow = dayOf(Date.now() + 86_400_000);
    const future = await call('/units/sotttt/content', secretary, {
      method: 'POST',
      body: legalDocument(tomorrow, `8/${tomorrow.slice(0, 4)}/QĐ-UBND`),
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'body.legalDocument.issuedOn', code: 'in_future' });
    expect(
      (await call('/units/sotttt/content?overdue=true', chief)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([id]);

    for (const [who, action] of [
      [secretary, 'accept'],
      [secretary, 'propose'],
      [chief, 'approve'],
    ] as const) {
      expect((await call(`/content/${id}/transitions`, who, { method: 'POST', body: { action } })).status).toBe(200);
    }
    // The approval's clock keeps the document's own deadline.
    const work = (await local.scanAll()).find((i) => i.workId === `ContentItem#${id}#publication`);
    expect(work).toMatchObject({ status: 'open', dueAt: '2026-02-24T17:00:00.000Z', policy: 'publish.legalDocument' });
    expect(
      (await call(`/content/${id}/transitions`, secretary, { method: 'POST', body: { action: 'publish' } })).status,
    ).toBe(200);
    expect((await call(`/content/${id}`, secretary)).body).toMatchObject({
      state: 'published',
      publishedOnTime: false,
      dueAt: '2026-02-24T17:00:00.000Z',
    });
    expect((await call('/units/sotttt/content?overdue=true', chief)).body.items).toEqual([]);
  });

  it('refuses a number/symbol whose year is not the year of issue, naming the field', async () => {
    const res = await call('/units/sotttt/content', secretary, {
      method: 'POST',
      body: legalDocument('2026-02-13', '12/2025/QĐ-UBND'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.legalDocument.numberSymbol']);
  });
});
