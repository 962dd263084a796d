import type { Principal } from '../domain/access/authorize';
import { passwordExpired } from '../domain/accounts/password-policy';
import type { PrincipalRecords } from '../adapters/dynamo/principal-records';

/**
 * Turns an authenticated caller (token claims) into a principal from our own records: the
 * account's unit, roles, status and delegations, or the machine client's unit and scopes.
 */
export type Resolution =
  | { readonly kind: 'ok'; readonly principal: Principal; readonly mustChangePassword: boolean }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'closed' };

export async function resolvePrincipal(
  records: PrincipalRecords,
  claims: Readonly<Record<string, string>>,
  now = new Date(),
): Promise<Resolution> {
  const isMachine = claims.token_use === 'access' && !claims.username && Boolean(claims.client_id);
  if (isMachine) {
    const client = await records.machineClient(claims.client_id!);
    if (!client) return { kind: 'unknown' };
    if (client.status !== 'active') return { kind: 'closed' };
    return {
      kind: 'ok',
      mustChangePassword: false,
      // Machine clients act through scopes, never through staff roles.
      principal: {
        id: client.clientId,
        kind: 'machine',
        unitCode: client.unitCode,
        roles: [],
        delegations: [],
        scopes: (claims.scope ?? '').split(' ').filter(Boolean),
      },
    };
  }
  // One round trip: the account and its delegations share the account's partition.
  const { account, delegations: all } = claims.sub
    ? await records.accountWithDelegations(claims.sub)
    : { delegations: [] };
  if (!account) return { kind: 'unknown' };
  if (account.status !== 'active') return { kind: 'closed' };
  const delegations = account.roles.includes('deputy-editor') ? all : [];
  return {
    kind: 'ok',
    mustChangePassword: account.mustChangePassword || passwordExpired(account.passwordChangedAt, now),
    principal: { id: account.id, kind: 'user', unitCode: account.unitCode, roles: account.roles, delegations },
  };
}
