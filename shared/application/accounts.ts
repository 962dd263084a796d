import type { Delegation, Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import type { Account } from '../domain/accounts/account';
import { passwordIssues } from '../domain/accounts/password-policy';
import { auditEntry, passwordChangeAudit } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import type { Role } from '../domain/roles';
import { assertAccountName, defaultAccountName } from '../domain/accounts/naming';
import { conventionsOf } from '../domain/policies/conventions';
import { putRoleChangeFact } from '../adapters/dynamo/account-facts';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, systemActor, type BootstrapContext, type UseCaseContext } from './context';
import { applyIdentityChange } from './identity-sync';
import type { Services } from '../composition/services';

/**
 * Accounts on units: creation with a temporary password, roles, closure with hand-over (NA 10.2e, TG 13.5).
 * Every change commits its record, audit entry and event first; the identity provider follows
 * (issue 12 #5), so a refused or conflicting change never touches sign-in.
 */
async function unitPath(s: Services, code: string, field: string) {
  const path = await s.units.path(code);
  const unit = path[0];
  if (!unit) throw invalidField(field, { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');
  if (unit.status !== 'active')
    throw invalidField(field, { vi: `Đơn vị ${code} không còn hoạt động`, en: `Unit ${code} is no longer active` });
  return path;
}

async function accountOr404(s: Services, id: string): Promise<Account> {
  const account = await s.accounts.get(id);
  if (!account) throw new DomainError('not_found', { vi: 'Không có tài khoản này', en: 'No such account' });
  return account;
}

/** An account, if the principal may read accounts of its unit. */
export async function readAccount(s: Services, ctx: UseCaseContext, id: string): Promise<Account> {
  const account = await accountOr404(s, id);
  requireAccess(ctx.principal, 'account.read', await s.units.scopeOf(account.unitCode), ctx.now);
  return account;
}

const audit = (
  ctx: { principal: Principal; requestId: string; now: Date },
  action: string,
  account: Pick<Account, 'id' | 'unitCode'>,
  before: unknown,
  after: unknown,
) =>
  auditEntry(
    {
      scope: account.unitCode,
      actor: { id: ctx.principal.id, kind: ctx.principal.kind },
      action,
      target: { type: 'Account', id: account.id },
      before,
      after,
      requestId: ctx.requestId,
    },
    ctx.now,
  );

/** What audit entries keep of an account: never credentials. */
const auditView = (a: Account) => ({
  username: a.username,
  unitCode: a.unitCode,
  roles: a.roles,
  status: a.status,
  successorId: a.successorId,
});

const identityDetail = (a: Account) => ({ accountId: a.id, username: a.username, unitCode: a.unitCode });

/**
 * Creates an account. The username is reserved first, so only the request that wins it creates
 * credentials at the identity provider; a refused identity call releases it (issue 12 #5).
 */
export async function createAccount(
  s: Services,
  ctx: UseCaseContext | BootstrapContext,
  input: { username?: string; fullName: string; email: string; unitCode: string; roles: readonly Role[] },
): Promise<{ account: Account; temporaryPassword?: string }> {
  const path = await unitPath(s, input.unitCode, 'unitCode');
  const actor = ctx.principal === 'bootstrap' ? systemActor(input.unitCode) : ctx.principal;
  if (ctx.principal !== 'bootstrap')
    requireAccess(
      ctx.principal,
      'account.manage',
      path.map((u) => u.code),
      ctx.now,
    );
  // NA 10.2d: where the preset prescribes account names, every account follows them.
  const naming = conventionsOf(s.config.POLICY_PRESET).accountNames;
  const username = input.username ?? defaultAccountName(path[0]!, path.slice(1), naming);
  assertAccountName(username, path[0]!, naming);
  const { accounts, identity, uow } = s;
  const taken = () =>
    invalidField(
      'username',
      { vi: `Tên đăng nhập ${username} đã tồn tại`, en: `The username ${username} is taken` },
      'taken',
    );
  await uow
    .commit({ actions: [accounts.reserveUsername(username, ctx.requestId, ctx.now.toISOString())] }, commitContext(ctx))
    .catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'conflict' ? taken() : error;
    });
  let created: { subject: string; temporaryPassword?: string };
  try {
    created = await identity.createUser({ username, email: input.email, unitCode: input.unitCode, roles: input.roles });
  } catch (error) {
    await uow
      .commit({ actions: [accounts.releaseUsername(username, ctx.requestId)] }, commitContext(ctx))
      .catch(() => undefined);
    throw error;
  }
  const account: Account = {
    id: created.subject,
    username,
    fullName: input.fullName.normalize('NFC'),
    email: input.email.toLowerCase(),
    unitCode: input.unitCode,
    roles: [...new Set(input.roles)],
    status: 'active',
    mustChangePassword: true,
    createdAt: ctx.now.toISOString(),
    version: 1,
  };
  try {
    await uow.commit(
      {
        actions: accounts.create(account, ctx.requestId),
        audits: [audit({ ...ctx, principal: actor }, 'account.create', account, null, auditView(account))],
      },
      commitContext(ctx),
    );
  } catch (error) {
    // No record, no user: undo the identity provider's user and free the username (issue 12 #5).
    await identity.removeUser({ subject: created.subject, username }).catch(() => undefined);
    await uow
      .commit({ actions: [accounts.releaseUsername(username, ctx.requestId)] }, commitContext(ctx))
      .catch(() => undefined);
    throw error;
  }
  return { account, ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}) };
}

/**
 * Sets an account's roles. Nobody changes their own roles (issue 12 #2); the caller must manage
 * accounts of the target's unit.
 */
export async function setRoles(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  roles: readonly Role[],
  expectedVersion: number | undefined,
) {
  const { principal, now } = ctx;
  const account = await accountOr404(s, id);
  requireAccess(principal, 'account.manage', await s.units.scopeOf(account.unitCode), now);
  if (principal.id === id) {
    throw new DomainError('forbidden', {
      vi: 'Không ai được tự thay đổi vai trò của mình',
      en: 'Nobody may change their own roles',
    });
  }
  if (account.status !== 'active')
    throw new DomainError('conflict', { vi: 'Tài khoản đã đóng', en: 'The account is closed' });
  if (expectedVersion !== undefined && expectedVersion !== account.version) {
    throw new DomainError('precondition_failed', {
      vi: `Tài khoản đã thay đổi (phiên bản ${account.version})`,
      en: `The account changed (version ${account.version})`,
    });
  }
  if (principal.id === id && !roles.includes('operator') && account.roles.includes('operator')) {
    throw invalidField('roles', {
      vi: 'Không thể tự bỏ vai trò quản trị của mình',
      en: 'You cannot remove your own operator role',
    });
  }
  const next: Account = { ...account, roles: [...new Set(roles)], version: account.version + 1 };
  const { accounts, uow } = s;
  await uow.commit(
    {
      actions: [
        accounts.replace(next, account.version, expectedVersion === undefined ? 'conflict' : 'precondition_failed'),
        // Frozen for the reports' "account changes" (issue 27): the account item keeps only its current roles.
        putRoleChangeFact(
          s.table,
          account.unitCode,
          { accountId: account.id, at: now.toISOString(), previous: account.roles, next: next.roles },
          next.version,
        ),
      ],
      audits: [audit(ctx, 'account.roles', account, auditView(account), auditView(next))],
      events: [
        pendingEvent('AccountRolesChanged', {
          ...identityDetail(account),
          previous: [...account.roles],
          next: [...next.roles],
        }),
      ],
    },
    commitContext(ctx),
  );
  await applyIdentityChange(s, {
    name: 'AccountRolesChanged',
    detail: { ...identityDetail(account), previous: [...account.roles], next: [...next.roles] },
  });
  return next;
}

/**
 * Closes an account on transfer or retirement (NA 10.2e, 14.4d; TG 13.5): its open work goes to
 * the successor, its delegations end, sign-in stops at once.
 */
export async function closeAccount(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  input: { successorId: string; reason: string },
) {
  const { principal, now } = ctx;
  const account = await accountOr404(s, id);
  requireAccess(principal, 'account.manage', await s.units.scopeOf(account.unitCode), now);
  if (id === input.successorId)
    throw invalidField('successorId', {
      vi: 'Người kế nhiệm phải là tài khoản khác',
      en: 'The successor must be another account',
    });
  const successor = await s.accounts.get(input.successorId);
  if (!successor || successor.status !== 'active') {
    throw invalidField(
      'successorId',
      { vi: 'Người kế nhiệm phải là tài khoản đang hoạt động', en: 'The successor must be an active account' },
      'invalid_successor',
    );
  }
  requireAccess(principal, 'account.manage', await s.units.scopeOf(successor.unitCode), now);
  const { accounts, work, uow } = s;
  let live = (await accounts.delegationsOf(account.id)).filter((d) => !d.revokedAt);
  if (account.status === 'active') {
    const closed: Account = {
      ...account,
      status: 'closed',
      closedAt: now.toISOString(),
      closedReason: input.reason,
      successorId: successor.id,
      version: account.version + 1,
    };
    // The closure ends as many delegations as its transaction holds; the rest follow below.
    const ended = revocations(s, ctx, account, live.slice(0, REVOCATIONS_PER_TRANSACTION));
    live = live.slice(REVOCATIONS_PER_TRANSACTION);
    await uow.commit(
      {
        actions: [accounts.replace(closed, account.version), ...ended.actions],
        audits: [audit(ctx, 'account.close', account, auditView(account), auditView(closed)), ...ended.audits],
        events: [pendingEvent('AccountClosed', identityDetail(account))],
      },
      commitContext(ctx),
    );
    await applyIdentityChange(s, { name: 'AccountClosed', detail: identityDetail(account) });
  } else if (account.successorId !== successor.id) {
    throw new DomainError('conflict', {
      vi: 'Tài khoản đã đóng với người kế nhiệm khác',
      en: 'The account was closed with another successor',
    });
  }
  // Also on a repeated call: finishes a hand-over that was interrupted.
  for (let i = 0; i < live.length; i += REVOCATIONS_PER_TRANSACTION) {
    await uow.commit(revocations(s, ctx, account, live.slice(i, i + REVOCATIONS_PER_TRANSACTION)), commitContext(ctx));
  }
  const movedWork = await work.moveAssigneeWork(uow, commitContext(ctx), account.id, successor.id);
  return { closed: account.id, successor: successor.id, movedWork };
}

/** Delegations ended per transaction: a write and an audit entry each, within DynamoDB's 100 actions with the closure's own. */
const REVOCATIONS_PER_TRANSACTION = 40;

function revocations(s: Services, ctx: UseCaseContext, account: Account, live: readonly Delegation[]) {
  const revoked = live.map((d) => ({ ...d, revokedAt: ctx.now.toISOString() }));
  return {
    actions: revoked.map((d) => s.accounts.putDelegation(d, false)),
    audits: live.map((d, i) => audit(ctx, 'delegation.revoke', account, d, revoked[i])),
  };
}

export async function unlockAccount(s: Services, ctx: UseCaseContext, id: string) {
  const account = await accountOr404(s, id);
  requireAccess(ctx.principal, 'account.manage', await s.units.scopeOf(account.unitCode), ctx.now);
  // Unlocking resets the password at the provider (Cognito): never for someone who has left.
  if (account.status !== 'active')
    throw new DomainError('conflict', { vi: 'Tài khoản đã đóng', en: 'The account is closed' });
  const { accounts, uow } = s;
  await uow.commit(
    {
      actions: [accounts.replace({ ...account, version: account.version + 1 }, account.version)],
      audits: [audit(ctx, 'account.unlock', account, null, null)],
      events: [pendingEvent('AccountUnlocked', identityDetail(account))],
    },
    commitContext(ctx),
  );
  await applyIdentityChange(s, { name: 'AccountUnlocked', detail: identityDetail(account) });
}

/** The caller changes their own password (allowed even while it is expired). */
export async function changeOwnPassword(
  s: Services,
  ctx: UseCaseContext,
  currentPassword: string,
  newPassword: string,
) {
  const issues = passwordIssues(newPassword);
  if (issues.length > 0) throw new DomainError('validation', issues[0]!.message, issues);
  const account = await accountOr404(s, ctx.principal.id);
  const { accounts, identity, uow } = s;
  // The provider checks the current password, so it must come first; recording it cannot conflict.
  await identity.changePassword(account.username, currentPassword, newPassword);
  await uow.commit(
    {
      actions: [accounts.passwordChanged(account.id, ctx.now.toISOString())],
      audits: [passwordChangeAudit(account, ctx.requestId, ctx.now, false)],
    },
    commitContext(ctx),
  );
}
