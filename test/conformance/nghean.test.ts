import { describe, expect, test } from 'vitest';
import { lawMakingRound } from '../support/law-making';
import { conformance, DEPT } from '../support/conformance';
import { person, signIn, NEW_PASSWORD } from '../support/directory';
import { setNow } from '../support/travel';

/**
 * Nghệ An's Quy chế (QĐ 80/2025/QĐ-UBND), article by article, through the public API of a
 * deployment of infra/config/provinces/nghean.json. docs/provinces.md lists these names
 * (npm run provinces).
 */
const na = conformance('nghean.json');

const newAccount = (username: string | undefined, unitCode = DEPT) =>
  na.call('/accounts', na.people.operator, {
    method: 'POST',
    body: {
      ...(username && { username }),
      fullName: 'Nguyễn Văn A',
      email: `${username ?? 'moi'}@nghean.gov.vn`,
      unitCode,
      roles: ['editor'],
    },
  });

describe('Nghệ An (nghe-an-2025)', () => {
  test('NA 1.2a: two levels of local government: a district is refused', async () => {
    await na.at('2026-03-02T09:00:00');
    const res = await na.call('/units', na.people.operator, {
      method: 'POST',
      body: {
        code: 'dienchau',
        kind: 'district',
        parentCode: na.province,
        name: { vi: 'Huyện Diễn Châu', en: 'Diễn Châu District' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body.kind', code: 'no_district_level' })]);
    expect(res.body.i18n.vi.title + JSON.stringify(res.body.errors)).toContain('NA 1.2a');
  });

  test('NA 1.2a: communes and wards sit directly under the province', async () => {
    await na.at('2026-03-02T09:00:00');
    const res = await na.call('/units', na.people.operator, {
      method: 'POST',
      body: {
        code: 'vinhhung',
        kind: 'commune',
        parentCode: na.province,
        name: { vi: 'Phường Vinh Hưng', en: 'Vinh Hưng Ward' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.domain).toBe('vinhhung.nghean.gov.vn');
  });

  test('NA 3.3: re-used content names its source, the portal and its address', async () => {
    await na.at('2026-03-02T09:00:00');
    expect((await na.published(na.province, { title: 'Lễ hội Làng Sen' })).citation).toBe(
      'Theo Cổng thông tin điện tử tỉnh Nghệ An (nghean.gov.vn)',
    );
  });

  test('NA 10.2d: “nguyenvana” and “admin.sokhcn” on unit sotttt are refused, naming the rule', async () => {
    await na.at('2026-03-02T09:00:00');
    for (const username of ['nguyenvana', 'admin.sokhcn', 'admin.khongco.sotttt', 'admin.thuky.sokhcn']) {
      const res = await newAccount(username);
      expect(res.status, username).toBe(400);
      expect(res.body.errors, username).toEqual([
        expect.objectContaining({ field: 'body.username', code: 'account_name' }),
      ]);
      expect(res.body.errors[0].message.vi).toContain('admin.sotttt hoặc admin.<phòng ban>.sotttt');
    }
  });

  test('NA 10.2d: accounts are named admin.<unit> or admin.<office>.<unit>, the office one of the unit’s', async () => {
    await na.at('2026-03-02T09:00:00');
    const unit = await na.call(`/units/${DEPT}`, undefined);
    const offices = [
      ...unit.body.unit.offices,
      { slug: 'kehoach', name: { vi: 'Phòng Kế hoạch – Tài chính', en: 'Planning and Finance Office' } },
    ];
    const renamed = await na.call(`/units/${DEPT}`, na.people.operator, {
      method: 'PATCH',
      body: { name: unit.body.unit.name, offices },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await newAccount('admin.kehoach.sotttt')).status).toBe(201);
    // Without a name, the account is the unit's own: admin.<unit>.
    const commune = await na.call('/units', na.people.operator, {
      method: 'POST',
      body: {
        code: 'hunghoa',
        kind: 'commune',
        parentCode: na.province,
        name: { vi: 'Xã Hưng Hòa', en: 'Hưng Hòa Commune' },
      },
    });
    expect(commune.status).toBe(201);
    const byDefault = await newAccount(undefined, 'hunghoa');
    expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(201);
    expect(byDefault.body.account?.username ?? byDefault.body.username).toBe('admin.hunghoa');
  });

  test('NA 10.2d: offices are named only where the preset names them, each once', async () => {
    await na.at('2026-03-02T09:00:00');
    const office = { slug: 'vanphong', name: { vi: 'Văn phòng', en: 'Office' } };
    const res = await na.call('/units', na.people.operator, {
      method: 'POST',
      body: {
        code: 'sokhcn',
        kind: 'department',
        parentCode: na.province,
        name: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
        offices: [office, office],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body.offices.1.slug', code: 'duplicate' })]);
  });

  test('NA 10.2đ: a password changed on 31/01 must be renewed by the end of 30/04 (3 calendar months)', async () => {
    setNow('2026-01-31T10:00:00');
    const p = await person(na.local.api, 'admin.nghean', na.province, ['operator']);
    setNow('2026-04-30T23:59:00');
    const lastMinute = await na.call(`/units/${na.province}/accounts`, {
      ...p,
      token: await signIn(na.local.api, p.username, NEW_PASSWORD),
    });
    expect(lastMinute.status, JSON.stringify(lastMinute.body)).toBe(200);
    setNow('2026-05-01T00:00:00');
    const nextDay = await na.call(`/units/${na.province}/accounts`, {
      ...p,
      token: await signIn(na.local.api, p.username, NEW_PASSWORD),
    });
    expect(nextDay.status).toBe(403);
    expect(nextDay.body.type).toMatch(/password-change-required$/);
  });

  test('NA 14.4g and 15.7: monthly figures and the annual report on the Phụ lục template', async () => {
    await na.at('2026-03-02T09:00:00');
    const kinds = (await na.reportKinds()).map((k) => [k.id, k.citation]);
    expect(kinds).toContainEqual(['na-yearly', 'NA 15.7; Phụ lục']);
    expect(kinds.some(([, citation]) => citation === 'NA 14.4g')).toBe(true);
  });

  test('NA 7: people take part in law-making and policy on the portal: drafts open for comment, article by article', () =>
    lawMakingRound(na));
});
