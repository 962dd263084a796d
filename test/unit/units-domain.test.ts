import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import {
  adminAccountName,
  assertLevelAllowed,
  assertOffices,
  assertDistinctParts,
  assertMergeable,
  assertParentAllowed,
  assertSlugAllowed,
  assertSplitKind,
  defaultSlugOf,
  domainOf,
  languageDomains,
  mayHaveChildren,
  reservedSlugs,
  slugOf,
  unitKinds,
} from '../../shared/domain/units/unit';

/** Sub-portal domains, admin account names and the unit hierarchy (QN 4, TG 4, NA 10.2d). */
const province = { kind: 'province' as const, slug: 'binhdinh', domain: 'binhdinh.gov.vn' };
const district = { kind: 'district' as const, slug: 'phucat', domain: 'phucat.binhdinh.gov.vn' };

const failure = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('slugs', () => {
  it('folds diacritics, drops everything but lower-case letters and digits, and keeps 40 characters', () => {
    expect(slugOf('Sở Thông tin và Truyền thông')).toBe('sothongtinvatruyenthong');
    expect(slugOf('Phường 1, Quận 3')).toBe('phuong1quan3');
    expect(slugOf('Xã Cát Tân'.normalize('NFD'))).toBe('xacattan');
    expect(slugOf('Ủy ban nhân dân huyện Phù Cát, tỉnh Bình Định và các đơn vị')).toBe(
      'uybannhandanhuyenphucattinhbinhdinhvacac',
    );
    expect(slugOf('Ủy ban nhân dân huyện Phù Cát, tỉnh Bình Định và các đơn vị')).toHaveLength(40);
  });
});

describe('reserved labels, and split units keep the source’s kind', () => {
  it('refuses every reserved label, naming the field, and accepts others', () => {
    for (const slug of reservedSlugs) {
      const error = (() => {
        try {
          assertSlugAllowed(slug, 'into.0.slug');
        } catch (e) {
          return e as DomainError;
        }
      })();
      expect(error, slug).toBeInstanceOf(DomainError);
      expect(error!.code).toBe('validation');
      expect(error!.fields).toEqual([
        {
          field: 'into.0.slug',
          code: 'reserved',
          message: expect.objectContaining({ en: expect.stringContaining(`"${slug}" is reserved`) }),
        },
      ]);
    }
    expect(['en', 'zh', 'www']).toSatisfy((slugs: string[]) => slugs.every((s) => reservedSlugs.has(s)));
    expect(() => assertSlugAllowed('sotttt')).not.toThrow();
  });

  it('keeps split units to the source’s kind', () => {
    expect(() => assertSplitKind({ kind: 'department' }, 'department', 'into.0.kind')).not.toThrow();
    try {
      assertSplitKind({ kind: 'department' }, 'district', 'into.0.kind');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields).toEqual([
        {
          field: 'into.0.kind',
          code: 'invalid_kind',
          message: expect.objectContaining({ en: 'Units split from a department must be departments too' }),
        },
      ]);
    }
  });
});

describe('domains', () => {
  it('gives the province its own domain', () => {
    expect(domainOf('province', 'binhdinh.gov.vn', [])).toBe('binhdinh.gov.vn');
  });

  it('needs the parent of any other unit', () => {
    expect(() => domainOf('department', 'sotttt', [])).toThrow('a non-province unit needs its parent');
  });

  it('puts a unit under its parent’s domain', () => {
    expect(domainOf('commune', 'cattan', [district, province])).toBe('cattan.phucat.binhdinh.gov.vn');
  });

  it('gives language subdomains to the provincial portal only, none for Vietnamese', () => {
    expect(languageDomains({ kind: 'province', domain: 'binhdinh.gov.vn', languages: ['vi'] })).toEqual({});
    expect(languageDomains({ kind: 'province', domain: 'binhdinh.gov.vn', languages: ['en', 'vi'] })).toStrictEqual({
      en: 'en.binhdinh.gov.vn',
    });
    expect(languageDomains({ kind: 'district', domain: 'phucat.binhdinh.gov.vn', languages: ['vi', 'en'] })).toEqual(
      {},
    );
  });
});

describe('admin account names (NA 10.2d)', () => {
  it('admin for the province, admin.<unit> below it, admin.<district>.<commune> in three levels', () => {
    expect(adminAccountName({ kind: 'province', slug: 'binhdinh' }, [])).toBe('admin');
    expect(adminAccountName({ kind: 'department', slug: 'sotttt' }, [province])).toBe('admin.sotttt');
    expect(adminAccountName({ kind: 'commune', slug: 'phuongmot' }, [province])).toBe('admin.phuongmot');
    expect(adminAccountName({ kind: 'commune', slug: 'cattan' }, [district, province])).toBe('admin.phucat.cattan');
  });

  it('runs from the top down, whatever the depth', () => {
    const upper = { kind: 'district' as const, slug: 'tren' };
    expect(
      adminAccountName({ kind: 'commune', slug: 'xa' }, [{ kind: 'district', slug: 'duoi' }, upper, province]),
    ).toBe('admin.tren.duoi.xa');
  });
});

describe('which unit may sit under which', () => {
  const active = (kind: 'province' | 'department' | 'district' | 'commune', code: string = kind) => ({
    kind,
    status: 'active' as const,
    code,
  });

  it('a province has no parent', () => {
    expect(() => assertParentAllowed('province', undefined)).not.toThrow();
    const error = failure(() => assertParentAllowed('province', active('province', 'demo')));
    const message = { vi: 'Tỉnh không có đơn vị cấp trên', en: 'A province has no parent' };
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation');
    expect(error.messages).toStrictEqual(message);
    expect(error.fields).toStrictEqual([{ field: 'parentCode', code: 'invalid', message }]);
  });

  it('departments and districts sit under the province; communes under a district or the province', () => {
    for (const [kind, parent] of [
      ['department', 'province'],
      ['district', 'province'],
      ['commune', 'district'],
      ['commune', 'province'],
    ] as const) {
      expect(() => assertParentAllowed(kind, active(parent)), `${kind} under ${parent}`).not.toThrow();
    }
  });

  it('refuses any other parent, or none, naming the kinds allowed', () => {
    const underDepartment = failure(() => assertParentAllowed('commune', active('department')));
    const message = {
      vi: 'Đơn vị loại commune phải trực thuộc district hoặc province',
      en: 'A commune must sit under a district or province',
    };
    expect(underDepartment.code).toBe('validation');
    expect(underDepartment.messages).toStrictEqual(message);
    expect(underDepartment.fields).toStrictEqual([{ field: 'parentCode', code: 'invalid_parent', message }]);
    expect(failure(() => assertParentAllowed('department', undefined)).messages).toStrictEqual({
      vi: 'Đơn vị loại department phải trực thuộc province',
      en: 'A department must sit under a province',
    });
    for (const kind of ['department', 'district'] as const) {
      for (const parent of ['department', 'district', 'commune'] as const) {
        expect(
          failure(() => assertParentAllowed(kind, active(parent))).fields[0]?.code,
          `${kind} under ${parent}`,
        ).toBe('invalid_parent');
      }
    }
    expect(failure(() => assertParentAllowed('commune', active('commune'))).fields[0]?.code).toBe('invalid_parent');
  });

  it('refuses a parent that was merged or split', () => {
    for (const status of ['merged', 'split'] as const) {
      const error = failure(() => assertParentAllowed('commune', { kind: 'district', status, code: 'phucat' }));
      const message = { vi: 'Đơn vị cấp trên phucat không còn hoạt động', en: 'Parent phucat is no longer active' };
      expect(error.code).toBe('validation');
      expect(error.messages).toStrictEqual(message);
      expect(error.fields).toStrictEqual([{ field: 'parentCode', code: 'inactive_parent', message }]);
    }
  });
});

describe('mayHaveChildren (a rename cascade looks only below these)', () => {
  it('is true exactly for the kinds some kind may sit under: the province and a district', () => {
    expect(unitKinds.filter(mayHaveChildren)).toEqual(['province', 'district']);
  });
});

describe('a unit merge never takes the province, nor merges a unit into its own units', () => {
  it('never takes the province as a source (403)', () => {
    const error = failure(() => assertMergeable(['demo'], ['soa', 'demo'], 'sources.0'));
    expect(error.code).toBe('forbidden');
    expect(error.messages).toEqual({ vi: 'Không thể sáp nhập cấp tỉnh', en: 'The province cannot be merged' });
  });

  it('never merges a unit into one of its own units (400 naming the field)', () => {
    const error = failure(() => assertMergeable(['hoaian', 'demo'], ['xa1', 'hoaian', 'demo'], 'sources.1'));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([
      {
        field: 'sources.1',
        code: 'inside_source',
        message: {
          vi: expect.stringContaining('hoaian'),
          en: 'hoaian cannot merge into xa1, which is one of its own units',
        },
      },
    ]);
    expect(error.fields[0]!.message.vi).toBe('Không thể sáp nhập hoaian vào đơn vị trực thuộc nó (xa1)');
  });

  it('takes siblings and cousins', () => {
    expect(() => assertMergeable(['xa1', 'hoaian', 'demo'], ['xa2', 'hoaian', 'demo'], 'sources.0')).not.toThrow();
    expect(() => assertMergeable(['xa1', 'hoaian', 'demo'], ['hoaian', 'demo'], 'sources.0')).not.toThrow();
  });
});

describe('a unit split takes distinct codes and domains only', () => {
  const part = (code: string, domain: string) => ({ code, domain });

  it('refuses a part named like the source or like another part, and a domain used twice, naming the part', () => {
    const source = failure(() => assertDistinctParts('hoaian', [part('hoaian', 'a.gov.vn')]));
    expect(source.fields).toEqual([
      {
        field: 'into.0.code',
        code: 'duplicate',
        message: { vi: 'Mã đơn vị hoaian bị dùng hai lần', en: 'Unit code hoaian is used twice' },
      },
    ]);
    const code = failure(() =>
      assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'b.gov.vn'), part('a', 'c.gov.vn')]),
    );
    expect(code.fields[0]).toMatchObject({ field: 'into.2.code', code: 'duplicate' });
    const domain = failure(() => assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'a.gov.vn')]));
    expect(domain.code).toBe('validation');
    expect(domain.fields).toEqual([
      {
        field: 'into.1.slug',
        code: 'duplicate',
        message: { vi: 'Tên miền a.gov.vn bị dùng hai lần', en: 'Domain a.gov.vn is used twice' },
      },
    ]);
  });

  it('takes distinct parts', () => {
    expect(() => assertDistinctParts('hoaian', [part('a', 'a.gov.vn'), part('b', 'b.gov.vn')])).not.toThrow();
  });
});

describe('default labels as the regulations write them (QN 4.1–4.3, TG 4.3)', () => {
  it('a province keeps its whole name, level words included; a commune drops its level, even after stray spaces', () => {
    expect(defaultSlugOf('province', 'Thành phố Hồ Chí Minh')).toBe('thanhphohochiminh');
    expect(defaultSlugOf('commune', '  Phường Quang Trung')).toBe('quangtrung');
    expect(defaultSlugOf('district', 'Thành phố Cẩm Phả ')).toBe('campha');
  });

  it('an agency takes the initials of the words of its name, not of its numbers or dashes', () => {
    expect(defaultSlugOf('department', 'Trung tâm Cấp cứu 115')).toBe('ttcc');
    expect(defaultSlugOf('department', 'Sở Tài chính – Kế hoạch')).toBe('stckh');
    expect(defaultSlugOf('department', 'Văn phòng UBND tỉnh')).toBe('vpubndt');
  });
});

describe('each refusal of a unit’s shape names its field and says why in both languages', () => {
  it('reserved labels, a split into another kind, districts on two levels, offices the preset lacks or lists twice', () => {
    expect(failure(() => assertSlugAllowed('admin')).fields).toEqual([
      {
        field: 'slug',
        code: 'reserved',
        message: {
          vi: 'Tên miền "admin" được dành riêng cho cổng; hãy chọn tên khác',
          en: 'The label "admin" is reserved for the portal; choose another',
        },
      },
    ]);
    const split = failure(() => assertSplitKind({ kind: 'department' }, 'district', 'into.0.kind'));
    expect(split.code).toBe('validation');
    expect(split.fields).toEqual([
      {
        field: 'into.0.kind',
        code: 'invalid_kind',
        message: {
          vi: 'Đơn vị tách ra phải cùng loại department với đơn vị gốc',
          en: 'Units split from a department must be departments too',
        },
      },
    ]);
    const levels = failure(() => assertLevelAllowed('district', { value: 2, basis: 'NA 1.2a' }));
    expect(levels.code).toBe('validation');
    expect(levels.fields).toEqual([
      {
        field: 'kind',
        code: 'no_district_level',
        message: {
          vi: 'Tỉnh có hai cấp chính quyền địa phương, không có cấp huyện (NA 1.2a): hãy tạo xã, phường trực thuộc tỉnh',
          en: 'The province has two levels of local government and no districts (NA 1.2a): create communes and wards under the province',
        },
      },
    ]);
    const office = { slug: 'vanphong', name: { vi: 'Văn phòng', en: 'Office' } };
    const none = failure(() => assertOffices([office], undefined));
    expect(none.code).toBe('validation');
    expect(none.fields[0]?.message).toEqual({
      vi: 'Quy chế của tỉnh không quy định phòng ban trong đơn vị',
      en: 'The province’s regulation names no offices within a unit',
    });
    const twice = failure(() => assertOffices([office, office], { basis: 'NA 3' }, 'offices'));
    expect(twice.code).toBe('validation');
    expect(twice.fields).toEqual([
      {
        field: 'offices.1.slug',
        code: 'duplicate',
        message: { vi: 'Phòng ban vanphong bị liệt kê hai lần', en: 'Office vanphong is listed twice' },
      },
    ]);
    expect(failure(() => assertDistinctParts('hoaian', [{ code: 'hoaian', domain: 'a.gov.vn' }])).code).toBe(
      'validation',
    );
  });
});
