import type { Role } from '../domain/roles';
import { env } from '../config/env';
import { createAccount } from './accounts';
import { directory } from './directory';
import { bootstrapContext } from './context';
import { createUnit, type NewUnit } from './units';

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
export async function ensureProvince(name: { vi: string; en: string }, offices?: NewUnit['offices']): Promise<void> {
  const code = env().PROVINCE_CODE;
  if (await directory().units.get(code)) return;
  await createUnit(bootstrapContext(), { code, name, kind: 'province', parentCode: null, slug: code, languages: env().PROVINCE_LANGUAGES, ...(offices && { offices }) });
}

export async function ensureAccount(input: { username: string; fullName: string; email: string; unitCode: string; roles: readonly Role[] }): Promise<SeededAccount | undefined> {
  if (await directory().accounts.idOfUsername(input.username)) return undefined;
  const { account, temporaryPassword } = await createAccount(bootstrapContext(), input);
  return { username: account.username, unitCode: account.unitCode, roles: account.roles, ...(temporaryPassword ? { temporaryPassword } : {}) };
}

export async function ensureUnits(units: readonly NewUnit[]): Promise<void> {
  for (const unit of units) {
    if (!(await directory().units.get(unit.code))) await createUnit(bootstrapContext(), unit);
  }
}
