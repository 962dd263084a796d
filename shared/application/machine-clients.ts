import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import type { MachineClient } from '../adapters/dynamo/machine-clients';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/** Operators register agency systems (machine clients) on their units, with scopes; the secret is shown once. */
async function reachableUnit(s: Services, principal: Principal, unitCode: string, field: string, now: Date) {
  const unit = await s.units.get(unitCode);
  if (!unit) throw invalidField(field, { vi: `Không có đơn vị ${unitCode}`, en: `No unit ${unitCode}` }, 'not_found');
  requireAccess(principal, 'account.manage', await s.units.scopeOf(unitCode), now);
  if (unit.status !== 'active')
    throw invalidField(field, {
      vi: `Đơn vị ${unitCode} không còn hoạt động`,
      en: `Unit ${unitCode} is no longer active`,
    });
}

export async function registerMachineClient(
  s: Services,
  ctx: UseCaseContext,
  input: { name: string; unitCode: string; scopes: readonly string[] },
): Promise<{ client: MachineClient; clientSecret: string }> {
  const { principal, requestId, now } = ctx;
  await reachableUnit(s, principal, input.unitCode, 'unitCode', now);
  const { clientId, clientSecret } = await s.identity.createMachineClient(
    `${input.unitCode}: ${input.name}`,
    input.scopes,
  );
  const client: MachineClient = {
    clientId,
    name: input.name,
    unitCode: input.unitCode,
    scopes: [...new Set(input.scopes)],
    status: 'active',
    createdAt: now.toISOString(),
    version: 1,
  };
  await s.uow.commit(
    {
      actions: [s.machineClients.put(client, 0)],
      audits: [
        auditEntry(
          {
            scope: input.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: 'machine-client.create',
            target: { type: 'MachineClient', id: clientId },
            before: null,
            after: client,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return { client, clientSecret };
}

export async function disableMachineClient(s: Services, ctx: UseCaseContext, clientId: string): Promise<MachineClient> {
  const { principal, requestId, now } = ctx;
  const client = await s.machineClients.get(clientId);
  if (!client) throw new DomainError('not_found', { vi: 'Không có ứng dụng này', en: 'No such client' });
  await reachableUnit(s, principal, client.unitCode, 'clientId', now);
  if (client.status === 'disabled') return client;
  const disabled: MachineClient = { ...client, status: 'disabled', version: client.version + 1 };
  // The record first: a conflicting disable leaves the client as it was.
  await s.uow.commit(
    {
      actions: [s.machineClients.put(disabled, client.version)],
      audits: [
        auditEntry(
          {
            scope: client.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: 'machine-client.disable',
            target: { type: 'MachineClient', id: clientId },
            before: client,
            after: disabled,
            requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  // Principal resolution refuses a disabled client at once; removing its credentials follows.
  await s.identity.deleteMachineClient(clientId);
  return disabled;
}
