import { randomUUID } from 'node:crypto';
import type { Delegation, Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import { accessRules, type Action } from '../domain/access/rules';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * The chief editor delegates decisions to a deputy for a scope of actions and a window of time
 * (CB 17.3b). A delegation is used only inside its window and is revoked, never deleted.
 */
const MAX_DAYS = 366;

export async function grantDelegation(
  s: Services,
  ctx: UseCaseContext,
  input: { deputyId: string; actions: readonly Action[]; validFrom: string; validTo: string },
): Promise<Delegation> {
  const { principal, requestId, now } = ctx;
  requireAccess(principal, 'delegation.manage', [principal.unitCode], now);
  const deputy = await s.accounts.get(input.deputyId);
  if (
    !deputy ||
    deputy.status !== 'active' ||
    deputy.unitCode !== principal.unitCode ||
    !deputy.roles.includes('deputy-editor')
  ) {
    throw invalidField(
      'deputyId',
      {
        vi: 'Người được ủy quyền phải là Phó trưởng ban đang hoạt động của cùng đơn vị',
        en: 'The deputy must be an active deputy editor of the same unit',
      },
      'invalid_deputy',
    );
  }
  const delegable = new Set(accessRules.filter((r) => r.delegable).map((r) => r.action));
  const bad = input.actions.find((a) => !delegable.has(a));
  if (bad) throw invalidField('actions', { vi: `Không thể ủy quyền "${bad}"`, en: `"${bad}" cannot be delegated` });
  const from = Date.parse(input.validFrom);
  const to = Date.parse(input.validTo);
  if (!(to > from))
    throw invalidField('validTo', { vi: 'validTo phải sau validFrom', en: 'validTo must be after validFrom' });
  if ((to - from) / 86_400_000 > MAX_DAYS)
    throw invalidField('validTo', { vi: 'Ủy quyền tối đa 1 năm', en: 'A delegation lasts at most one year' });
  const delegation: Delegation = {
    id: randomUUID(),
    deputyId: deputy.id,
    unitCode: principal.unitCode,
    actions: [...new Set(input.actions)],
    validFrom: new Date(from).toISOString(),
    validTo: new Date(to).toISOString(),
  };
  await s.uow.commit(
    {
      actions: [s.accounts.putDelegation(delegation, true)],
      audits: [
        auditEntry(
          {
            scope: principal.unitCode,
            actor: actorOf(principal),
            action: 'delegation.grant',
            target: { type: 'Delegation', id: delegation.id },
            before: null,
            after: delegation,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return delegation;
}

const actorOf = (principal: Principal) => ({ id: principal.id, kind: principal.kind });

export async function revokeDelegation(
  s: Services,
  ctx: UseCaseContext,
  deputyId: string,
  id: string,
): Promise<Delegation> {
  const { principal, requestId, now } = ctx;
  const delegation = await s.accounts.getDelegation(deputyId, id);
  if (!delegation) throw new DomainError('not_found', { vi: 'Không có ủy quyền này', en: 'No such delegation' });
  requireAccess(principal, 'delegation.manage', [delegation.unitCode], now);
  if (delegation.revokedAt) return delegation;
  const revoked = { ...delegation, revokedAt: now.toISOString() };
  await s.uow.commit(
    {
      actions: [s.accounts.putDelegation(revoked, false)],
      audits: [
        auditEntry(
          {
            scope: delegation.unitCode,
            actor: actorOf(principal),
            action: 'delegation.revoke',
            target: { type: 'Delegation', id },
            before: delegation,
            after: revoked,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return revoked;
}
