import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import type { MachineClient } from '../adapters/dynamo/machine-clients';
import { directory } from './directory';

/** Operators register agency systems (machine clients) on their units, with scopes; the secret is shown once. */
async function reachableUnit(principal: Principal, unitCode: string, field: string, now: Date) {
  const path = await directory().units.path(unitCode);
  if (path.length === 0) throw invalidField(field, { vi: `Không có đơn vị ${unitCode}`, en: `No unit ${unitCode}` }, 'not_found');
  requireAccess(principal, 'account.manage', path.map((u) => u.code), now);
  if (path[0]!.status !== 'active') throw invalidField(field, { vi: `Đơn vị ${unitCode} không còn hoạt động`, en: `Unit ${unitCode} is no longer active` });
}

export async function registerMachineClient(
  principal: Principal,
  input: { name: string; unitCode: string; scopes: readonly string[] },
  requestId: string,
  now = new Date(),
): Promise<{ client: MachineClient; clientSecret: string }> {
  await reachableUnit(principal, input.unitCode, 'body.unitCode', now);
  const { clientId, clientSecret } = await directory().identity.createMachineClient(`${input.unitCode}: ${input.name}`, input.scopes);
  const client: MachineClient = { clientId, name: input.name, unitCode: input.unitCode, scopes: [...new Set(input.scopes)], status: 'active', createdAt: now.toISOString(), version: 1 };
  await directory().machineClients.put(
    client,
    0,
    auditEntry({ scope: input.unitCode, actor: { id: principal.id, kind: principal.kind }, action: 'machine-client.create', target: { type: 'MachineClient', id: clientId }, before: null, after: client, requestId }, now),
  );
  return { client, clientSecret };
}

export async function disableMachineClient(principal: Principal, clientId: string, requestId: string, now = new Date()): Promise<MachineClient> {
  const client = await directory().machineClients.get(clientId);
  if (!client) throw new DomainError('not_found', { vi: 'Không có ứng dụng này', en: 'No such client' });
  await reachableUnit(principal, client.unitCode, 'params.clientId', now);
  if (client.status === 'disabled') return client;
  const disabled: MachineClient = { ...client, status: 'disabled', version: client.version + 1 };
  await directory().identity.deleteMachineClient(clientId);
  await directory().machineClients.put(
    disabled,
    client.version,
    auditEntry({ scope: client.unitCode, actor: { id: principal.id, kind: principal.kind }, action: 'machine-client.disable', target: { type: 'MachineClient', id: clientId }, before: client, after: disabled, requestId }, now),
  );
  return disabled;
}
