import { expect } from 'vitest';
import type { Principal } from '../../shared/domain/access/authorize';
import type { Role } from '../../shared/domain/roles';
import { DomainError } from '../../shared/domain/errors';
import type { ContentWorkflowItem, QuestionWorkflowItem, Result } from '../../shared/domain/workflow';

/** People, items and result helpers shared by the workflow engine's unit tests. */
export const now = new Date('2026-03-10T03:00:00.000Z');
export const at = now.toISOString();
export const board = ['demo']; // the provincial portal and its board
export const sotttt = ['sotttt', 'demo']; // a department under it

export const person = (
  id: string,
  roles: Role[],
  unitCode = 'demo',
  delegations: Principal['delegations'] = [],
): Principal => ({
  id,
  kind: 'user',
  unitCode,
  roles,
  delegations,
});
export const chief = person('chief', ['chief-editor']);
export const secretary = person('secretary', ['secretary']);
export const editor = person('editor', ['editor']);
export const reporter = person('reporter', ['reporter']);
export const officer = person('officer', ['unit-officer'], 'sotttt');
export const delegation = {
  id: 'd1',
  deputyId: 'deputy',
  unitCode: 'demo',
  actions: ['content.approve' as const],
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: '2026-03-31T00:00:00.000Z',
};

export const item = (fields: Partial<ContentWorkflowItem> = {}): ContentWorkflowItem => ({
  id: 'c1',
  state: 'pending-decision',
  version: 4,
  unitPath: board,
  submittedBy: 'reporter',
  openClocks: [],
  ...fields,
});
export const question = (fields: Partial<QuestionWorkflowItem> = {}): QuestionWorkflowItem => ({
  id: 'q1',
  state: 'classified',
  version: 1,
  unitPath: board,
  openClocks: ['classify'],
  ...fields,
});
export const ctx = (principal: Principal, when = now) => ({ principal, now: when, requestId: 'req-1' });

export function accepted<P>(result: Result<P, DomainError>): P {
  if (!result.ok) throw result.error;
  return result.value;
}
export function refused<P>(result: Result<P, DomainError>): DomainError {
  if (result.ok)
    throw new Error(`expected a refusal, got a plan to ${JSON.stringify((result.value as { to?: unknown }).to)}`);
  expect(result.error).toBeInstanceOf(DomainError);
  return result.error;
}
