import { describe, expect, it } from 'vitest';
import { assertAccountName, defaultAccountName } from '../../shared/domain/accounts/naming';
import { conventionsOf, presetConventions } from '../../shared/domain/policies/conventions';
import { presetIds } from '../../shared/domain/policies/presets';
import { assertLevelAllowed, assertOffices, defaultSlugOf } from '../../shared/domain/units/unit';
import { DomainError } from '../../shared/domain/errors';

/** What the presets prescribe besides clocks (issue 23 #5–6), as data: names, offices, levels, wording. */
const refusal = (f: () => void) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).fields?.[0];
  }
  throw new Error('not refused');
};

describe('conventions per preset', () => {
  it('has conventions for every preset, the national ones for an unknown id', () => {
    expect(Object.keys(presetConventions).sort()).toEqual([...presetIds].sort());
    expect(conventionsOf('no-such-preset')).toBe(presetConventions.national);
  });

  it('gives the advisory notice to Cao Bằng alone (CB 11.6), and names account rules and two levels for Nghệ An alone', () => {
    const withNotice = presetIds.filter((id) => conventionsOf(id).advisoryNotice);
    expect(withNotice).toEqual(['cao-bang-2015']);
    expect(conventionsOf('cao-bang-2015').advisoryNotice?.vi).toMatch(/chỉ có ý nghĩa tham khảo.*\(CB 11\.6\)\.$/);
    expect(presetIds.filter((id) => conventionsOf(id).accountNames)).toEqual(['nghe-an-2025']);
    expect(presetIds.filter((id) => conventionsOf(id).levels.value === 2)).toEqual(['nghe-an-2025']);
    for (const id of presetIds) expect(conventionsOf(id).sourceLine.basis).toMatch(/\b(?:BĐ|QN|CB|NA|TG) \d+|NĐ \d+/);
  });
});

describe('account names (NA 10.2d)', () => {
  const naming = conventionsOf('nghe-an-2025').accountNames;
  const sotttt = {
    code: 'sotttt',
    kind: 'department' as const,
    slug: 'sotttt',
    offices: [{ slug: 'vanphong', name: { vi: 'Văn phòng', en: 'Office' } }],
  };

  it.each(['admin.sotttt', 'admin.vanphong.sotttt'])('takes %s on sotttt', (name) => {
    expect(() => assertAccountName(name, sotttt, naming)).not.toThrow();
  });

  it.each([
    'nguyenvana',
    'admin.sokhcn',
    'admin',
    'admin.khac.sotttt',
    'admin.vanphong.sokhcn',
    'quantri.sotttt',
    'admin.vanphong.x.sotttt',
  ])('refuses %s on sotttt, naming body.username and the rule', (name) => {
    const field = refusal(() => assertAccountName(name, sotttt, naming));
    expect(field).toMatchObject({ field: 'username', code: 'account_name' });
    expect(field?.message.vi).toContain('NA 10.2d');
    expect(field?.message.en).toContain('admin.sotttt or admin.<office>.sotttt');
  });

  it('takes an account of any of the unit’s offices, and lists them all when it refuses one', () => {
    const twoOffices = {
      ...sotttt,
      offices: [...sotttt.offices, { slug: 'thanhtra', name: { vi: 'Thanh tra', en: 'Inspectorate' } }],
    };
    expect(() => assertAccountName('admin.thanhtra.sotttt', twoOffices, naming)).not.toThrow();
    const field = refusal(() => assertAccountName('admin.khac.sotttt', twoOffices, naming));
    expect(field?.message.vi).toContain('(phòng ban của đơn vị: vanphong, thanhtra)');
    expect(field?.message.en).toContain('(its offices: vanphong, thanhtra)');
  });

  it('refuses an office account on a unit without offices, saying it has none, as a validation error', () => {
    const noOffices = { code: 'socongthuong', kind: 'department' as const, slug: 'soct' };
    expect(() => assertAccountName('admin.soct', noOffices, naming)).not.toThrow();
    let error: unknown;
    try {
      assertAccountName('admin.vanphong.soct', noOffices, naming, 'accounts.0.username');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).fields[0]).toMatchObject({ field: 'accounts.0.username', code: 'account_name' });
    expect((error as DomainError).messages.en).toBe(
      `Accounts on unit socongthuong are named admin.soct or admin.<office>.soct (its offices: —); "admin.vanphong.soct" does not follow it (${naming?.basis})`,
    );
  });

  it('takes any name where the preset prescribes none', () => {
    expect(() => assertAccountName('nguyenvana', sotttt, conventionsOf('binh-dinh-2020').accountNames)).not.toThrow();
  });

  it('names an account by its unit when no name is given: admin.<unit> under NA, the unit admin chain elsewhere', () => {
    const commune = { kind: 'commune' as const, slug: 'cattan' };
    const district = { kind: 'district' as const, slug: 'phucat' };
    expect(defaultAccountName(commune, [district, { kind: 'province', slug: 'nghean' }], naming)).toBe('admin.cattan');
    expect(defaultAccountName(commune, [district, { kind: 'province', slug: 'binhdinh' }], undefined)).toBe(
      'admin.phucat.cattan',
    );
  });
});

describe('levels and offices', () => {
  it('refuses a district on two levels (NA 1.2a), takes it on three', () => {
    expect(refusal(() => assertLevelAllowed('district', conventionsOf('nghe-an-2025').levels))).toMatchObject({
      field: 'kind',
      code: 'no_district_level',
    });
    expect(() => assertLevelAllowed('commune', conventionsOf('nghe-an-2025').levels)).not.toThrow();
    expect(() => assertLevelAllowed('district', conventionsOf('quang-ninh-2023').levels)).not.toThrow();
  });

  it('takes offices only where the preset names them, each once', () => {
    const office = { slug: 'vanphong', name: { vi: 'Văn phòng', en: 'Office' } };
    expect(() => assertOffices([office], conventionsOf('nghe-an-2025').offices)).not.toThrow();
    expect(() => assertOffices(undefined, undefined)).not.toThrow();
    expect(refusal(() => assertOffices([office], conventionsOf('binh-dinh-2020').offices))).toMatchObject({
      field: 'offices',
      code: 'offices_not_in_preset',
    });
    expect(refusal(() => assertOffices([office, office], conventionsOf('nghe-an-2025').offices))).toMatchObject({
      field: 'offices.1.slug',
      code: 'duplicate',
    });
  });
});

describe('default domain labels (QN 4.1–4.3, TG 4.3)', () => {
  it.each([
    ['department', 'Sở Thông tin và Truyền thông', 'sttvtt'], // QN 4.1's example
    ['department', 'Thanh tra Tỉnh', 'ttt'], // QN 4.1's example
    ['department', 'Văn phòng UBND tỉnh', 'vpubndt'], // an acronym kept whole
    ['district', 'Thành phố Cẩm Phả', 'campha'], // QN 4.2's example
    ['district', 'Thị xã Cai Lậy', 'cailay'], // TG 4.3b writes txcailay as an exception, given by the operator
    ['district', 'Huyện Phù Cát', 'phucat'],
    ['district', 'Quận 3', 'quan3'], // only a number: the level stays
    ['commune', 'Phường Quang Trung', 'quangtrung'], // QN 4.3's example
    ['commune', 'Thị trấn Cái Bè', 'caibe'],
    ['commune', 'Xã Cát Tân'.normalize('NFD'), 'cattan'],
    ['commune', 'Phường 1', 'phuong1'],
    ['province', 'Tỉnh Quảng Ninh', 'tinhquangninh'],
  ] as const)('a %s named %s gets %s', (kind, name, slug) => {
    expect(defaultSlugOf(kind, name)).toBe(slug);
  });
});
