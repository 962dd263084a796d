import type { Principal } from '../domain/access/authorize';

/** What every use case is given: who asks, which request (for audit and events), the clock. */
export interface UseCaseContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly now: Date;
}

/** Deployment bootstrap acts as the system itself, with no access check. */
export interface BootstrapContext {
  readonly principal: 'bootstrap';
  readonly requestId: string;
  readonly now: Date;
}

export const bootstrapContext = (now = new Date()): BootstrapContext => ({
  principal: 'bootstrap',
  requestId: 'bootstrap',
  now,
});

/** The actor recorded in audit entries for bootstrap work. */
export const systemActor = (unitCode: string): Principal => ({
  id: 'system',
  kind: 'machine',
  unitCode,
  roles: [],
  delegations: [],
});

/** The commit context of a use case. */
export const commitContext = (ctx: { requestId: string; now: Date }) => ({ requestId: ctx.requestId, now: ctx.now });
