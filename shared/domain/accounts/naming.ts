import { DomainError } from '../errors';
import { adminAccountName, type Unit } from '../units/unit';

/**
 * Account names where the preset prescribes them (NA 10.2d): `admin.<unit>` or
 * `admin.<office>.<unit>`, the unit's abbreviation being its domain label (QN 4.1, TG 4.3a) and the
 * office one of the unit's offices (phòng ban). Elsewhere any valid username is taken, and the
 * default stays the unit admin name.
 */
export interface AccountNaming {
  readonly basis: string;
}

type NamedUnit = Pick<Unit, 'kind' | 'slug' | 'offices'>;

/** The name an account gets when none is given. */
export function defaultAccountName(
  unit: NamedUnit,
  ancestors: readonly Pick<Unit, 'kind' | 'slug'>[],
  naming: AccountNaming | undefined,
): string {
  return naming ? `admin.${unit.slug}` : adminAccountName(unit, ancestors);
}

/** Refuses a name the preset does not allow on `unit` (400 naming body.username, both languages, the article). */
export function assertAccountName(
  username: string,
  unit: NamedUnit & Pick<Unit, 'code'>,
  naming: AccountNaming | undefined,
  field = 'username',
): void {
  if (!naming) return;
  const parts = username.split('.');
  const offices = unit.offices ?? [];
  if (parts[0] === 'admin' && parts.at(-1) === unit.slug) {
    if (parts.length === 2) return;
    if (parts.length === 3 && offices.some((o) => o.slug === parts[1])) return;
  }
  const known = offices.length > 0 ? offices.map((o) => o.slug).join(', ') : '—';
  const message = {
    vi: `Tên tài khoản trên đơn vị ${unit.code} phải là admin.${unit.slug} hoặc admin.<phòng ban>.${unit.slug} (phòng ban của đơn vị: ${known}); "${username}" không đúng cấu trúc (${naming.basis})`,
    en: `Accounts on unit ${unit.code} are named admin.${unit.slug} or admin.<office>.${unit.slug} (its offices: ${known}); "${username}" does not follow it (${naming.basis})`,
  };
  throw new DomainError('validation', message, [{ field, code: 'account_name', message }]);
}
