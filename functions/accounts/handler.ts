import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { readInUnit } from '../../shared/application/unit-scope';
import {
  changeOwnPassword,
  closeAccount,
  createAccount,
  readAccount,
  setRoles,
  unlockAccount,
} from '../../shared/application/accounts';
import { grantDelegation, revokeDelegation } from '../../shared/application/delegations';
import { disableMachineClient, registerMachineClient } from '../../shared/application/machine-clients';
import { cognitoIdentity } from '../../shared/adapters/identity/cognito-root';
import { accountsRoutes } from './routes';

// On AWS users live in Cognito; the local stack wires its stand-in instead (infra/local/identity-root.ts).
export const handler = lambdaRoot(
  (s) =>
    httpFunction(
      'accounts',
      accountsRoutes,
      {
        createAccount: async ({ body, principal, requestId }) => {
          const created = await createAccount(s, { principal, requestId, now: new Date() }, body);
          return json(201, created, { location: `/accounts/${created.account.id}`, 'cache-control': 'no-store' });
        },
        getAccount: async ({ params, principal, requestId }) => {
          const account = await readAccount(s, { principal, requestId, now: new Date() }, params.id);
          return json(200, account, { etag: `"${account.version}"` });
        },
        setRoles: async ({ params, body, headers, principal, requestId }) =>
          json(
            200,
            await setRoles(
              s,
              { principal, requestId, now: new Date() },
              params.id,
              body.roles,
              expectedVersion(headers),
            ),
          ),
        closeAccount: async ({ params, body, principal, requestId }) =>
          json(200, await closeAccount(s, { principal, requestId, now: new Date() }, params.id, body)),
        unlockAccount: async ({ params, principal, requestId }) => {
          await unlockAccount(s, { principal, requestId, now: new Date() }, params.id);
          return { status: 204 };
        },
        unitAccounts: async ({ params, query, principal }) =>
          json(
            200,
            await readInUnit(s, principal, 'account.read', params.code, () =>
              s.accounts.ofUnit(params.code, query.limit, query.cursor),
            ),
          ),
        unitWork: async ({ params, query, principal }) =>
          json(
            200,
            await readInUnit(s, principal, 'work.read', params.code, () =>
              s.work.openOfUnit(params.code, query.limit, query.cursor),
            ),
          ),
        unitDelegations: async ({ params, query, principal }) =>
          json(
            200,
            await readInUnit(s, principal, 'delegation.read', params.code, () =>
              s.accounts.delegationsOfUnit(params.code, query.limit, query.cursor),
            ),
          ),
        grantDelegation: async ({ body, principal, requestId }) =>
          json(201, await grantDelegation(s, { principal, requestId, now: new Date() }, body)),
        revokeDelegation: async ({ params, principal, requestId }) =>
          json(
            200,
            await revokeDelegation(s, { principal, requestId, now: new Date() }, params.id, params.delegationId),
          ),
        registerMachineClient: async ({ body, principal, requestId }) =>
          json(201, await registerMachineClient(s, { principal, requestId, now: new Date() }, body), {
            'cache-control': 'no-store',
          }),
        // Scoped as registering is (account.manage on the unit); the records hold no secret (Cognito keeps it).
        listMachineClients: async ({ query, principal }) => {
          const unit = query.unit ?? principal.unitCode;
          return json(
            200,
            await readInUnit(s, principal, 'account.manage', unit, () =>
              s.machineClients.ofUnit(unit, query.limit, query.cursor),
            ),
            { 'cache-control': 'no-store' },
          );
        },
        disableMachineClient: async ({ params, principal, requestId }) =>
          json(200, await disableMachineClient(s, { principal, requestId, now: new Date() }, params.clientId)),
        me: async ({ principal }) => {
          if (principal.kind === 'machine')
            return json(200, {
              kind: 'machine',
              clientId: principal.id,
              unitCode: principal.unitCode,
              scopes: principal.scopes,
            });
          const account = await s.accounts.get(principal.id);
          return json(
            200,
            { kind: 'user', account, delegations: principal.delegations },
            { 'cache-control': 'no-store' },
          );
        },
        changePassword: async ({ body, principal, requestId }) => {
          await changeOwnPassword(s, { principal, requestId, now: new Date() }, body.currentPassword, body.newPassword);
          return { status: 204 };
        },
      },
      httpServices(s),
    ),
  () => ({ identity: cognitoIdentity }),
);
