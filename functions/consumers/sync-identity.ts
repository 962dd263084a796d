import { eventConsumer } from '../../shared/adapters/events/consumer';
import { syncIdentity } from '../../shared/application/identity-sync';
import { useCognitoIdentity } from '../../shared/adapters/identity/cognito-root';

// On AWS users live in Cognito; the local stack registers its stand-in instead (infra/local/identity-root.ts).
useCognitoIdentity();

/**
 * Mirrors committed account changes at the identity provider (issue 12 #5): the use case tries
 * inline right after its commit; this consumer makes sure it happens even if that attempt
 * failed or the function died. Every change is idempotent.
 */
export const handler = eventConsumer('syncIdentity', ['AccountClosed', 'AccountUnlocked', 'AccountRolesChanged'], async (event) => {
  await syncIdentity(event);
});
