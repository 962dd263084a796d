import type { EventDetail } from '../../events/catalogue';
import { logger } from '../logger';
import type { Services } from '../composition/services';

/**
 * Mirrors a committed account change at the identity provider (Cognito groups, disabled users,
 * lockouts). The record, its audit entry and its event commit first; then this runs inline, and
 * again from the event's consumer (functions/consumers/sync-identity.ts) if the inline call
 * failed or the function died: every change is idempotent, so running it twice is harmless.
 */
export type IdentityChange =
  | { readonly name: 'AccountClosed'; readonly detail: EventDetail<'AccountClosed'> }
  | { readonly name: 'AccountUnlocked'; readonly detail: EventDetail<'AccountUnlocked'> }
  | { readonly name: 'AccountRolesChanged'; readonly detail: EventDetail<'AccountRolesChanged'> };

export async function syncIdentity(s: Services, change: IdentityChange): Promise<void> {
  const { identity } = s;
  switch (change.name) {
    case 'AccountClosed':
      return identity.disableUser(change.detail.username);
    case 'AccountUnlocked':
      return identity.unlock(change.detail.username);
    case 'AccountRolesChanged':
      return identity.setRoles(change.detail.username, change.detail.previous, change.detail.next);
  }
}

/** The inline attempt: a failure is left to the consumer, the change itself is committed. */
export async function applyIdentityChange(s: Services, change: IdentityChange): Promise<void> {
  try {
    await syncIdentity(s, change);
  } catch (error) {
    logger.warn('identity change left to the outbox consumer', { event: change.name, error: error as Error });
  }
}
