import type { Role } from '../domain/roles';
import { createAccount } from './accounts';
import { bootstrapContext } from './context';
import { createUnit, type NewUnit } from './units';
import type { Services } from '../composition/services';

/**
 * The first things a deployment needs: the province unit and a first operator, created once
 * (every call after the first changes nothing).
 */
export interface SeededAccount {
  readonly username: string;
  readonly unitCode: string;
  readonly roles: readonly Role[];
  readonly temporaryPassword?: string;
}

/** The province unit, with its offices (phòng ban) where the preset names them (NA 10.2d). */
export async function ensureProvince(
  s: Services,
  name: { vi: string; en: string },
  offices?: NewUnit['offices'],
): Promise<void> {
  const code = s.config.PROVINCE_CODE;
  if (await s.units.get(code)) return;
  await createUnit(s, bootstrapContext(), {
    code,
    name,
    kind: 'province',
    parentCode: null,
    slug: code,
    languages: s.config.PROVINCE_LANGUAGES,
    ...(offices && { offices }),
  });
}

export async function ensureAccount(
  s: Services,
  input: { username: string; fullName: string; email: string; unitCode: string; roles: readonly Role[] },
): Promise<SeededAccount | undefined> {
  if (await s.accounts.idOfUsername(input.username)) return undefined;
  const { account, temporaryPassword } = await createAccount(s, bootstrapContext(), input);
  return {
    username: account.username,
    unitCode: account.unitCode,
    roles: account.roles,
    ...(temporaryPassword ? { temporaryPassword } : {}),
  };
}

export async function ensureUnits(s: Services, units: readonly NewUnit[]): Promise<void> {
  for (const unit of units) {
    if (!(await s.units.get(unit.code))) await createUnit(s, bootstrapContext(), unit);
  }
}
