import * as z from 'zod/mini';
import { DomainError } from '../errors';
import { foldDiacritics, nfc } from '../text';

/**
 * Units: the provincial portal and its sub-portals. Province → departments/agencies and
 * districts → communes, or (two-level local government, since 7/2025) province → communes.
 * Units are merged, renamed and split, keeping their history; old codes keep resolving.
 */
export const unitKinds = ['province', 'department', 'district', 'commune'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Which kind may sit under which (QN 4, TG 4; the two-level shape puts communes under the province). */
export const allowedParents: Record<UnitKind, readonly UnitKind[]> = {
  province: [],
  department: ['province'],
  district: ['province'],
  commune: ['district', 'province'],
};

/** Whether a unit of this kind can have units below it (a commune cannot: nothing may sit under it). */
export const mayHaveChildren = (kind: UnitKind): boolean => unitKinds.some((k) => allowedParents[k].includes(kind));

export const unitCodeSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/));
/** A domain label: no diacritics, no spaces (QN 4, TG 4). */
export const slugSchema = z.string().check(z.regex(/^[a-z0-9]{1,40}$/));

export interface UnitHistoryEntry {
  readonly at: string;
  readonly event: 'created' | 'renamed' | 'merged-into' | 'absorbed' | 'split-into' | 'split-from';
  readonly detail: Record<string, unknown>;
}

export interface Unit {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly kind: UnitKind;
  readonly parentCode: string | null;
  /**
   * Codes of the ancestors, parent first, up to the province. Codes never change and a unit
   * never moves, so access checks read one item. Absent on units stored before it existed.
   */
  readonly ancestorCodes?: readonly string[];
  readonly slug: string;
  readonly domain: string;
  readonly languages: readonly string[];
  readonly status: 'active' | 'merged' | 'split';
  /** Where a merged or split unit's work went. */
  readonly successorCode?: string;
  /** Earlier domains, kept so that links to them still resolve. */
  readonly formerDomains: readonly string[];
  /** Offices (phòng ban) within the unit, where the preset names them (NA 10.2d); absent: none. */
  readonly offices?: readonly Office[];
  readonly version: number;
}

/** An office (phòng ban) within a unit: its abbreviation names accounts `admin.<office>.<unit>` (NA 10.2d). */
export interface Office {
  readonly slug: string;
  readonly name: { readonly vi: string; readonly en: string };
}

/**
 * Labels a unit may not take: they name the portal's language versions (`en.<tinh>.gov.vn`,
 * QN 4) and the hosts every portal needs (issue 12 #3).
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  // language versions of a portal
  'vi',
  'en',
  'zh',
  'fr',
  'ru',
  'ja',
  'ko',
  'lo',
  'km',
  'de',
  'es',
  // hosts and services
  'www',
  'api',
  'mail',
  'smtp',
  'imap',
  'pop',
  'mx',
  'ns',
  'ns1',
  'ns2',
  'dns',
  'ftp',
  'cdn',
  'static',
  'media',
  'assets',
  'admin',
  'auth',
  'login',
  'sso',
  'id',
  'console',
  'portal',
  'cms',
  'vpn',
  'webmail',
  'autodiscover',
  'status',
  'test',
  'dev',
  'staging',
]);

export function assertSlugAllowed(slug: string, field = 'slug'): void {
  if (!reservedSlugs.has(slug)) return;
  const message = {
    vi: `Tên miền "${slug}" được dành riêng cho cổng; hãy chọn tên khác`,
    en: `The label "${slug}" is reserved for the portal; choose another`,
  };
  throw new DomainError('validation', message, [{ field, code: 'reserved', message }]);
}

/**
 * A split's new units take the source's place under its parent, so they must be of the source's
 * kind: a department splits into departments, never into a district (issue 12 #1).
 */
export function assertSplitKind(source: Pick<Unit, 'kind'>, kind: UnitKind, field: string): void {
  if (kind === source.kind) return;
  const message = {
    vi: `Đơn vị tách ra phải cùng loại ${source.kind} với đơn vị gốc`,
    en: `Units split from a ${source.kind} must be ${source.kind}s too`,
  };
  throw new DomainError('validation', message, [{ field, code: 'invalid_kind', message }]);
}

/** `Sở Thông tin và Truyền thông` → `sothongtinvatruyenthong`; operators usually give a short slug instead. */
export function slugOf(name: string): string {
  return foldDiacritics(nfc(name))
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40);
}

/** The words that name a local government's level, not the place (QN 4.2–4.3, TG 4.3b–c write `campha`, `quangtrung.uongbi`). */
const LEVEL_WORDS = /^(?:thành phố|thị xã|thị trấn|huyện|quận|xã|phường)\s+(?=\p{L})/iu;

/**
 * The domain label a unit gets when the operator gives none, as the regulations write them:
 * an agency's abbreviation, the initials of its name (QN 4.1: Sở Thông tin và Truyền thông →
 * `sttvtt`, Thanh tra Tỉnh → `ttt`; TG 4.3a), acronyms kept whole (UBND); a district's or commune's
 * full name without its level (QN 4.2: Thành phố Cẩm Phả → `campha`; QN 4.3: Phường Quang Trung →
 * `quangtrung`; TG 4.3b–c). A name that is only a number keeps its level ("Phường 1" → `phuong1`).
 */
export function defaultSlugOf(kind: UnitKind, name: string): string {
  const clean = nfc(name).trim();
  if (kind === 'department') {
    const words = clean.split(/[\s,;–-]+/u).filter((w) => /\p{L}/u.test(w));
    return slugOf(words.map((w) => (w.length > 1 && w === w.toLocaleUpperCase('vi') ? w : w.charAt(0))).join(''));
  }
  if (kind === 'province') return slugOf(clean);
  return slugOf(clean.replace(LEVEL_WORDS, ''));
}

/**
 * The sub-portal domain (QN 4, TG 4): `tencoquan.<tinh>.gov.vn`, `tenhuyen.<tinh>.gov.vn`,
 * `tenxa.tenhuyen.<tinh>.gov.vn` (three levels) or `tenxa.<tinh>.gov.vn` (two levels).
 * `ancestors` runs from the parent up to (and including) the province.
 */
export function domainOf(
  kind: UnitKind,
  slug: string,
  ancestors: readonly Pick<Unit, 'kind' | 'slug' | 'domain'>[],
): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: both branches of `ancestors.length === 0` give the slug
  if (kind === 'province') return ancestors.length === 0 ? slug : slug;
  const parent = ancestors[0];
  if (!parent) throw new Error('a non-province unit needs its parent');
  return `${slug}.${parent.domain}`;
}

/** Language versions of a portal: the provincial portal's English site is `en.<tinh>.gov.vn` (TG 4.2b). */
export function languageDomains(unit: Pick<Unit, 'kind' | 'domain' | 'languages'>): Record<string, string> {
  if (unit.kind !== 'province') return {};
  return Object.fromEntries(unit.languages.filter((l) => l !== 'vi').map((l) => [l, `${l}.${unit.domain}`]));
}

/** The unit admin account's name (NA 10.2d): `admin.<unit>` or `admin.<dept>.<unit>`. */
export function adminAccountName(
  unit: Pick<Unit, 'kind' | 'slug'>,
  ancestors: readonly Pick<Unit, 'kind' | 'slug'>[],
): string {
  const chain = [
    ...ancestors
      .filter((a) => a.kind !== 'province')
      .reverse()
      .map((a) => a.slug),
    unit.slug,
  ];
  return unit.kind === 'province' ? 'admin' : `admin.${chain.join('.')}`;
}

/**
 * A deployment on two levels of local government (NA 1.2a: sở, ban, ngành and phường, xã) has no
 * districts: creating or splitting into one is refused, naming the field and the article.
 */
export function assertLevelAllowed(
  kind: UnitKind,
  levels: { readonly value: 2 | 3; readonly basis: string },
  field = 'kind',
): void {
  if (kind !== 'district' || levels.value === 3) return;
  const message = {
    vi: `Tỉnh có hai cấp chính quyền địa phương, không có cấp huyện (${levels.basis}): hãy tạo xã, phường trực thuộc tỉnh`,
    en: `The province has two levels of local government and no districts (${levels.basis}): create communes and wards under the province`,
  };
  throw new DomainError('validation', message, [{ field, code: 'no_district_level', message }]);
}

/** Offices exist only where the preset names them, and each abbreviation once. */
export function assertOffices(
  offices: readonly Office[] | undefined,
  named: { readonly basis: string } | undefined,
  field = 'offices',
): void {
  if (offices === undefined) return;
  if (!named) {
    const message = {
      vi: 'Quy chế của tỉnh không quy định phòng ban trong đơn vị',
      en: 'The province’s regulation names no offices within a unit',
    };
    throw new DomainError('validation', message, [{ field, code: 'offices_not_in_preset', message }]);
  }
  const seen = new Set<string>();
  offices.forEach((office, i) => {
    if (seen.has(office.slug)) {
      const message = {
        vi: `Phòng ban ${office.slug} bị liệt kê hai lần`,
        en: `Office ${office.slug} is listed twice`,
      };
      throw new DomainError('validation', message, [{ field: `${field}.${i}.slug`, code: 'duplicate', message }]);
    }
    seen.add(office.slug);
  });
}

export function assertParentAllowed(kind: UnitKind, parent: Pick<Unit, 'kind' | 'status' | 'code'> | undefined): void {
  if (kind === 'province') {
    if (parent)
      throw new DomainError('validation', { vi: 'Tỉnh không có đơn vị cấp trên', en: 'A province has no parent' }, [
        {
          field: 'parentCode',
          code: 'invalid',
          message: { vi: 'Tỉnh không có đơn vị cấp trên', en: 'A province has no parent' },
        },
      ]);
    return;
  }
  const message = {
    vi: `Đơn vị loại ${kind} phải trực thuộc ${allowedParents[kind].join(' hoặc ')}`,
    en: `A ${kind} must sit under a ${allowedParents[kind].join(' or ')}`,
  };
  if (!parent || !allowedParents[kind].includes(parent.kind)) {
    throw new DomainError('validation', message, [{ field: 'parentCode', code: 'invalid_parent', message }]);
  }
  if (parent.status !== 'active') {
    const inactive = {
      vi: `Đơn vị cấp trên ${parent.code} không còn hoạt động`,
      en: `Parent ${parent.code} is no longer active`,
    };
    throw new DomainError('validation', inactive, [
      { field: 'parentCode', code: 'inactive_parent', message: inactive },
    ]);
  }
}

/**
 * A merge ends its source and hands its place to the target, so the province (the root) is never a
 * source, and neither is a unit the target sits inside (the target would become its own ancestor's
 * successor, and the source's other units would hang under a unit that no longer is).
 */
export function assertMergeable(sourcePath: readonly string[], targetPath: readonly string[], field: string): void {
  const source = sourcePath[0]!;
  if (sourcePath.length === 1) {
    throw new DomainError('forbidden', { vi: 'Không thể sáp nhập cấp tỉnh', en: 'The province cannot be merged' });
  }
  if (targetPath.includes(source)) {
    const message = {
      vi: `Không thể sáp nhập ${source} vào đơn vị trực thuộc nó (${targetPath[0]})`,
      en: `${source} cannot merge into ${targetPath[0]}, which is one of its own units`,
    };
    throw new DomainError('validation', message, [{ field, code: 'inside_source', message }]);
  }
}

/**
 * The parts of a split are new units, each its own code and domain: one named twice (or the source
 * itself) would be two writes of one item in one transaction, which DynamoDB refuses outright.
 */
export function assertDistinctParts(sourceCode: string, parts: readonly Pick<Unit, 'code' | 'domain'>[]): void {
  const codes = new Set([sourceCode]);
  const domains = new Set<string>();
  parts.forEach((part, i) => {
    if (codes.has(part.code)) {
      const message = { vi: `Mã đơn vị ${part.code} bị dùng hai lần`, en: `Unit code ${part.code} is used twice` };
      throw new DomainError('validation', message, [{ field: `into.${i}.code`, code: 'duplicate', message }]);
    }
    if (domains.has(part.domain)) {
      const message = { vi: `Tên miền ${part.domain} bị dùng hai lần`, en: `Domain ${part.domain} is used twice` };
      throw new DomainError('validation', message, [{ field: `into.${i}.slug`, code: 'duplicate', message }]);
    }
    codes.add(part.code);
    domains.add(part.domain);
  });
}
