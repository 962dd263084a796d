import { describe, expect, test } from 'vitest';
import { lawMakingRound } from '../support/law-making';
import { conformance } from '../support/conformance';

/**
 * Tiền Giang's Quy chế (QĐ 79/2024/QĐ-UBND), article by article, through the public API of a
 * deployment of infra/config/provinces/tiengiang.json. docs/provinces.md lists these names
 * (npm run provinces).
 */
const tg = conformance('tiengiang.json');

const unit = async (body: Record<string, unknown>) => {
  const res = await tg.call('/units', tg.people.operator, { method: 'POST', body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.domain as string;
};

describe('Tiền Giang (tien-giang-2024)', () => {
  test('TG 4.2: the provincial portal is tiengiang.gov.vn, its English version en.tiengiang.gov.vn', async () => {
    const res = await tg.call(`/units/${tg.province}`, undefined);
    expect(res.body.unit).toMatchObject({ domain: 'tiengiang.gov.vn', languageDomains: { en: 'en.tiengiang.gov.vn' } });
  });

  test('TG 4.3a: an agency’s page takes its abbreviation (Sở Tài chính → stc.tiengiang.gov.vn)', async () => {
    await tg.at('2026-03-02T09:00:00');
    expect(
      await unit({
        code: 'sotaichinh',
        kind: 'department',
        parentCode: tg.province,
        name: { vi: 'Sở Tài chính', en: 'Department of Finance' },
      }),
    ).toBe('stc.tiengiang.gov.vn');
  });

  test('TG 4.3b–c: districts and communes take their full names without their level; Thị xã Cai Lậy is txcailay', async () => {
    await tg.at('2026-03-02T09:00:00');
    expect(
      await unit({
        code: 'caibe',
        kind: 'district',
        parentCode: tg.province,
        name: { vi: 'Huyện Cái Bè', en: 'Cái Bè District' },
      }),
    ).toBe('caibe.tiengiang.gov.vn');
    expect(
      await unit({
        code: 'haumybac',
        kind: 'commune',
        parentCode: 'caibe',
        name: { vi: 'Xã Hậu Mỹ Bắc', en: 'Hậu Mỹ Bắc Commune' },
      }),
    ).toBe('haumybac.caibe.tiengiang.gov.vn');
    expect(
      await unit({
        code: 'txcailay',
        kind: 'district',
        parentCode: tg.province,
        slug: 'txcailay',
        name: { vi: 'Thị xã Cai Lậy', en: 'Cai Lậy Town' },
      }),
    ).toBe('txcailay.tiengiang.gov.vn');
  });

  test('TG 16.2: a security check every 6 months', async () => {
    await tg.at('2026-03-02T09:00:00');
    const res = await tg.call('/security-checks', tg.people.operator, {
      method: 'POST',
      body: { performedAt: new Date().toISOString(), performedBy: 'Đội vận hành', scope: 'Toàn bộ Cổng', findings: [] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.calendar).toMatchObject({
      periodMonths: 6,
      basis: expect.stringContaining('TG 16.2'),
      dueAt: expect.stringMatching(/^2026-09-0[12]/),
    });
  });

  test('TG 16.3: an incident is restored within 24 hours', async () => {
    await tg.at('2026-03-02T09:00:00');
    const reported = await tg.call('/incidents', tg.people.operator, {
      method: 'POST',
      body: {
        title: 'Cổng chậm',
        description: 'Cổng tải chậm từ 07:00.',
        severity: 'medium',
        affectedServices: ['portal'],
        detectedAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
      },
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const restored = await tg.call(`/incidents/${reported.body.id}/timeline`, tg.people.operator, {
      method: 'POST',
      body: {
        note: 'Đã khởi động lại',
        status: 'resolved',
        restoredAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.restore).toMatchObject({ hours: 4, withinRestoreLimit: true });
  });

  test('TG 22.6: answers come promptly: with no number of its own, within the national 15 working days', async () => {
    await tg.at('2026-03-02T09:00:00');
    const q = await tg.asked();
    await tg.routed(q);
    const seen = await tg.status(q);
    expect(seen.answerDueAt).toBe('2026-03-23T17:00:00.000Z');
  });

  test('TG 22.7: reports every 6 months and every year', async () => {
    await tg.at('2026-03-02T09:00:00');
    const kinds = (await tg.reportKinds()).filter((k) => k.citation === 'TG 22.7').map((k) => k.id);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
  });

  test('TG 23.1: re-used content names its source and its address', async () => {
    await tg.at('2026-03-02T09:00:00');
    expect((await tg.published(tg.province, { title: 'Lễ hội Nghinh Ông' })).citation).toBe(
      'Theo Cổng thông tin điện tử tỉnh Tiền Giang (tiengiang.gov.vn)',
    );
  });

  test('TG 10.1: people take part in law-making and policy on the portal (NĐ 42/2022 Điều 8): drafts open for comment', () =>
    lawMakingRound(tg));
});
