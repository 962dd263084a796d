import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { dynamoServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { requireAccess } from '../../shared/domain/access/authorize';
import { DomainError } from '../../shared/domain/errors';
import { directory } from '../../shared/application/directory';
import { changeOwnPassword, closeAccount, createAccount, readAccount, setRoles, unlockAccount } from '../../shared/application/accounts';
import { grantDelegation, revokeDelegation } from '../../shared/application/delegations';
import { disableMachineClient, registerMachineClient } from '../../shared/application/machine-clients';
import { useCognitoIdentity } from '../../shared/adapters/identity/cognito-root';
import { accountsRoutes } from './routes';

// On AWS users live in Cognito; the local stack registers its stand-in instead (infra/local/identity-root.ts).
useCognitoIdentity();

async function unitPath(code: string) {
  const path = (await directory().units.path(code)).map((u) => u.code);
  if (path.length === 0) throw new DomainError('not_found', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  return path;
}

export const handler = httpFunction('accounts', accountsRoutes, {
  createAccount: async ({ body, principal, requestId }) => {
    const created = await createAccount(principal, body, requestId);
    return json(201, created, { location: `/accounts/${created.account.id}`, 'cache-control': 'no-store' });
  },
  getAccount: async ({ params, principal }) => {
    const account = await readAccount(principal, params.id);
    return json(200, account, { etag: `"${account.version}"` });
  },
  setRoles: async ({ params, body, headers, principal, requestId }) =>
    json(200, await setRoles(principal, params.id, body.roles, expectedVersion(headers), requestId)),
  closeAccount: async ({ params, body, principal, requestId }) => json(200, await closeAccount(principal, params.id, body, requestId)),
  unlockAccount: async ({ params, principal, requestId }) => {
    await unlockAccount(principal, params.id, requestId);
    return { status: 204 };
  },
  unitAccounts: async ({ params, query, principal }) => {
    requireAccess(principal, 'account.read', await unitPath(params.code));
    return json(200, await directory().accounts.ofUnit(params.code, query.limit, query.cursor));
  },
  unitWork: async ({ params, query, principal }) => {
    requireAccess(principal, 'work.read', await unitPath(params.code));
    return json(200, await directory().work.openOfUnit(params.code, query.limit, query.cursor));
  },
  unitDelegations: async ({ params, query, principal }) => {
    requireAccess(principal, 'delegation.read', await unitPath(params.code));
    return json(200, await directory().accounts.delegationsOfUnit(params.code, query.limit, query.cursor));
  },
  grantDelegation: async ({ body, principal, requestId }) => json(201, await grantDelegation(principal, body, requestId)),
  revokeDelegation: async ({ params, principal, requestId }) =>
    json(200, await revokeDelegation(principal, params.id, params.delegationId, requestId)),
  registerMachineClient: async ({ body, principal, requestId }) =>
    json(201, await registerMachineClient(principal, body, requestId), { 'cache-control': 'no-store' }),
  disableMachineClient: async ({ params, principal, requestId }) => json(200, await disableMachineClient(principal, params.clientId, requestId)),
  me: async ({ principal }) => {
    if (principal.kind === 'machine') return json(200, { kind: 'machine', clientId: principal.id, unitCode: principal.unitCode, scopes: principal.scopes });
    const account = await directory().accounts.get(principal.id);
    return json(200, { kind: 'user', account, delegations: principal.delegations }, { 'cache-control': 'no-store' });
  },
  changePassword: async ({ body, principal, requestId }) => {
    await changeOwnPassword(principal, body.currentPassword, body.newPassword, requestId);
    return { status: 204 };
  },
}, dynamoServices);
