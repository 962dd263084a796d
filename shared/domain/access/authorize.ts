import { DomainError } from '../errors';
import { isSystemRole, type PrincipalRole, type SystemRole } from '../roles';
import { rulesFor, type Action } from './rules';
import { scopesGrant } from './scopes';

/**
 * The caller as the rules see it: who, in which unit, with which roles and delegations.
 * Derived from our own account records (not the token alone), so a closed account or a removed
 * role takes effect at once.
 */
export interface Delegation {
  readonly id: string;
  readonly deputyId: string;
  readonly unitCode: string;
  readonly actions: readonly Action[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly revokedAt?: string;
}

export interface Principal {
  readonly id: string;
  /** `system`: the platform itself (a scheduled job), never a person: see systemPrincipal(). */
  readonly kind: 'user' | 'machine' | 'system';
  readonly unitCode: string;
  readonly roles: readonly PrincipalRole[];
  readonly delegations: readonly Delegation[];
  readonly scopes?: readonly string[];
}

/** `unitPath` is the target unit followed by its ancestors up to the province. */
export function can(principal: Principal, action: Action, unitPath: readonly string[], now: Date): boolean {
  const target = unitPath[0];
  if (!target) return false;
  // An agency system acts through its token's scopes, in its own unit only (scopes.ts).
  if (principal.kind === 'machine') return target === principal.unitCode && scopesGrant(principal.scopes, action);
  // A system role counts only for the system, and a person's roles never for it.
  const held = principal.roles.filter((r) => isSystemRole(r) === (principal.kind === 'system'));
  for (const rule of rulesFor(action)) {
    const inScope = rule.scope === 'own-unit' ? target === principal.unitCode : unitPath.includes(principal.unitCode);
    if (!inScope) continue;
    if (held.some((r) => rule.roles.includes(r))) {
      // A deputy acts on delegable actions only under a live delegation.
      const needsDelegation = rule.delegable && !held.some((r) => r !== 'deputy-editor' && rule.roles.includes(r));
      if (!needsDelegation) return true;
      if (activeDelegation(principal, action, target, now)) return true;
    }
  }
  return false;
}

export function activeDelegation(
  principal: Principal,
  action: Action,
  unitCode: string,
  now: Date,
): Delegation | undefined {
  const at = now.toISOString();
  return principal.delegations.find(
    (d) => !d.revokedAt && d.unitCode === unitCode && d.actions.includes(action) && d.validFrom <= at && at < d.validTo,
  );
}

export function requireAccess(
  principal: Principal,
  action: Action,
  unitPath: readonly string[],
  now = new Date(),
): void {
  if (!can(principal, action, unitPath, now)) {
    throw new DomainError('forbidden', {
      vi: `Không có quyền "${action}" đối với đơn vị ${unitPath[0] ?? ''}`,
      en: `Not allowed to "${action}" on unit ${unitPath[0] ?? ''}`,
    });
  }
}

/**
 * The platform acting on its own (a scheduled job): a principal that is not a person, recorded as
 * `kind: system` in audit entries and events. It holds one system role; reaching every unit of the
 * province, it may take exactly the actions whose rules list that role.
 */
export const systemPrincipal = (role: SystemRole, provinceCode: string): Principal => ({
  id: `system:${role}`,
  kind: 'system',
  unitCode: provinceCode,
  roles: [role],
  delegations: [],
});
