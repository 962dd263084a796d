import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../domain/access/authorize';
import { passwordExpired } from '../domain/accounts/password-policy';
import type { Role } from '../domain/roles';
import { documentClient } from '../adapters/aws-clients';
import { keys } from '../adapters/dynamo/keys';
import { env } from '../config/env';
import { directory } from './directory';

/**
 * Turns an authenticated caller (token claims) into a principal from our own records: the
 * account's unit, roles, status and delegations, or the machine client's unit and scopes.
 */
export type Resolution =
  | { readonly kind: 'ok'; readonly principal: Principal; readonly mustChangePassword: boolean }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'closed' };

export async function resolvePrincipal(claims: Readonly<Record<string, string>>, now = new Date()): Promise<Resolution> {
  const isMachine = claims.token_use === 'access' && !claims.username && Boolean(claims.client_id);
  if (isMachine) {
    const out = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.machineClient(claims.client_id!) }));
    if (!out.Item) return { kind: 'unknown' };
    if (out.Item.status !== 'active') return { kind: 'closed' };
    return {
      kind: 'ok',
      mustChangePassword: false,
      principal: {
        id: claims.client_id!,
        kind: 'machine',
        unitCode: String(out.Item.unitCode),
        roles: (out.Item.roles as Role[] | undefined) ?? [],
        delegations: [],
        scopes: (claims.scope ?? '').split(' ').filter(Boolean),
      },
    };
  }
  const { accounts } = directory();
  const account = claims.sub ? await accounts.get(claims.sub) : undefined;
  if (!account) return { kind: 'unknown' };
  if (account.status !== 'active') return { kind: 'closed' };
  const delegations = account.roles.includes('deputy-editor') ? await accounts.delegationsOf(account.id) : [];
  return {
    kind: 'ok',
    mustChangePassword: account.mustChangePassword || passwordExpired(account.passwordChangedAt, now),
    principal: { id: account.id, kind: 'user', unitCode: account.unitCode, roles: account.roles, delegations },
  };
}
