import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import type { Account } from '../domain/accounts/account';
import { passwordIssues } from '../domain/accounts/password-policy';
import { auditEntry, passwordChangeAudit } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import type { Role } from '../domain/roles';
import { adminAccountName } from '../domain/units/unit';
import { directory } from './directory';

/** Accounts on units: creation with a temporary password, roles, closure with hand-over (NA 10.2e, TG 13.5). */
async function unitPath(code: string, field: string) {
  const path = await directory().units.path(code);
  const unit = path[0];
  if (!unit) throw invalidField(field, { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');
  if (unit.status !== 'active') throw invalidField(field, { vi: `Đơn vị ${code} không còn hoạt động`, en: `Unit ${code} is no longer active` });
  return path;
}

async function accountOr404(id: string): Promise<Account> {
  const account = await directory().accounts.get(id);
  if (!account) throw new DomainError('not_found', { vi: 'Không có tài khoản này', en: 'No such account' });
  return account;
}

/** An account, if the principal may read accounts of its unit. */
export async function readAccount(principal: Principal, id: string): Promise<Account> {
  const account = await accountOr404(id);
  const path = await directory().units.path(account.unitCode);
  requireAccess(principal, 'account.read', path.map((u) => u.code));
  return account;
}

const audit = (principal: Principal, requestId: string, action: string, account: Pick<Account, 'id' | 'unitCode'>, before: unknown, after: unknown, now: Date) =>
  auditEntry({ scope: account.unitCode, actor: { id: principal.id, kind: principal.kind }, action, target: { type: 'Account', id: account.id }, before, after, requestId }, now);

/** What audit entries keep of an account: never credentials. */
const auditView = (a: Account) => ({ username: a.username, unitCode: a.unitCode, roles: a.roles, status: a.status, successorId: a.successorId });

export async function createAccount(
  principal: Principal | 'bootstrap',
  input: { username?: string; fullName: string; email: string; unitCode: string; roles: readonly Role[] },
  requestId: string,
  now = new Date(),
): Promise<{ account: Account; temporaryPassword?: string }> {
  const path = await unitPath(input.unitCode, 'body.unitCode');
  const actor: Principal = principal === 'bootstrap' ? { id: 'system', kind: 'machine', unitCode: input.unitCode, roles: [], delegations: [] } : principal;
  if (principal !== 'bootstrap') requireAccess(principal, 'account.manage', path.map((u) => u.code), now);
  const username = input.username ?? adminAccountName(path[0]!, path.slice(1));
  const { accounts, identity } = directory();
  if (await accounts.idOfUsername(username)) {
    throw invalidField('body.username', { vi: `Tên đăng nhập ${username} đã tồn tại`, en: `The username ${username} is taken` }, 'taken');
  }
  const { subject, temporaryPassword } = await identity.createUser({ username, email: input.email, unitCode: input.unitCode, roles: input.roles });
  const account: Account = {
    id: subject,
    username,
    fullName: input.fullName.normalize('NFC'),
    email: input.email.toLowerCase(),
    unitCode: input.unitCode,
    roles: [...new Set(input.roles)],
    status: 'active',
    mustChangePassword: true,
    createdAt: now.toISOString(),
    version: 1,
  };
  await accounts.create(account, audit(actor, requestId, 'account.create', account, null, auditView(account), now));
  return { account, ...(temporaryPassword ? { temporaryPassword } : {}) };
}

export async function setRoles(principal: Principal, id: string, roles: readonly Role[], expectedVersion: number | undefined, requestId: string, now = new Date()) {
  const account = await accountOr404(id);
  const path = await directory().units.path(account.unitCode);
  requireAccess(principal, 'account.manage', path.map((u) => u.code), now);
  if (account.status !== 'active') throw new DomainError('conflict', { vi: 'Tài khoản đã đóng', en: 'The account is closed' });
  if (expectedVersion !== undefined && expectedVersion !== account.version) {
    throw new DomainError('precondition_failed', { vi: `Tài khoản đã thay đổi (phiên bản ${account.version})`, en: `The account changed (version ${account.version})` });
  }
  if (principal.id === id && !roles.includes('operator') && account.roles.includes('operator')) {
    throw invalidField('body.roles', { vi: 'Không thể tự bỏ vai trò quản trị của mình', en: 'You cannot remove your own operator role' });
  }
  const next: Account = { ...account, roles: [...new Set(roles)], version: account.version + 1 };
  await directory().identity.setRoles(account.username, account.roles, next.roles);
  await directory().accounts.replace(next, account.version, audit(principal, requestId, 'account.roles', account, auditView(account), auditView(next), now));
  return next;
}

/**
 * Closes an account on transfer or retirement (NA 10.2e, 14.4d; TG 13.5): its open work goes to
 * the successor, its delegations end, sign-in stops at once.
 */
export async function closeAccount(
  principal: Principal,
  id: string,
  input: { successorId: string; reason: string },
  requestId: string,
  now = new Date(),
) {
  const account = await accountOr404(id);
  const path = await directory().units.path(account.unitCode);
  requireAccess(principal, 'account.manage', path.map((u) => u.code), now);
  if (id === input.successorId) throw invalidField('body.successorId', { vi: 'Người kế nhiệm phải là tài khoản khác', en: 'The successor must be another account' });
  const successor = await directory().accounts.get(input.successorId);
  if (!successor || successor.status !== 'active') {
    throw invalidField('body.successorId', { vi: 'Người kế nhiệm phải là tài khoản đang hoạt động', en: 'The successor must be an active account' }, 'invalid_successor');
  }
  const successorPath = await directory().units.path(successor.unitCode);
  requireAccess(principal, 'account.manage', successorPath.map((u) => u.code), now);
  const { accounts, work, identity } = directory();
  if (account.status === 'active') {
    const closed: Account = { ...account, status: 'closed', closedAt: now.toISOString(), closedReason: input.reason, successorId: successor.id, version: account.version + 1 };
    await identity.disableUser(account.username);
    await accounts.replace(closed, account.version, audit(principal, requestId, 'account.close', account, auditView(account), auditView(closed), now));
    for (const delegation of await accounts.delegationsOf(account.id)) {
      if (delegation.revokedAt) continue;
      const revoked = { ...delegation, revokedAt: now.toISOString() };
      await accounts.putDelegation(revoked, audit(principal, requestId, 'delegation.revoke', account, delegation, revoked, now), false);
    }
  } else if (account.successorId !== successor.id) {
    throw new DomainError('conflict', { vi: 'Tài khoản đã đóng với người kế nhiệm khác', en: 'The account was closed with another successor' });
  }
  // Also on a repeated call: finishes a hand-over that was interrupted.
  const movedWork = await work.moveAssigneeWork(account.id, successor.id);
  return { closed: account.id, successor: successor.id, movedWork };
}

export async function unlockAccount(principal: Principal, id: string, requestId: string, now = new Date()) {
  const account = await accountOr404(id);
  const path = await directory().units.path(account.unitCode);
  requireAccess(principal, 'account.manage', path.map((u) => u.code), now);
  await directory().identity.unlock(account.username);
  await directory().accounts.replace({ ...account, version: account.version + 1 }, account.version, audit(principal, requestId, 'account.unlock', account, null, null, now));
}

/** The caller changes their own password (allowed even while it is expired). */
export async function changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string, requestId: string, now = new Date()) {
  const issues = passwordIssues(newPassword);
  if (issues.length > 0) throw new DomainError('validation', issues[0]!.message, issues);
  const account = await accountOr404(principal.id);
  await directory().identity.changePassword(account.username, currentPassword, newPassword);
  await directory().accounts.recordPasswordChange(account.id, now.toISOString(), passwordChangeAudit(account, requestId, now, false));
}
