import { eventConsumer } from '../../shared/adapters/events/consumer';
import { syncIdentity } from '../../shared/application/identity-sync';
import { cognitoIdentity } from '../../shared/adapters/identity/cognito-root';
import { lambdaRoot } from '../../shared/composition/lambda';

/**
 * Mirrors committed account changes at the identity provider (issue 12 #5): the use case tries
 * inline right after its commit; this consumer makes sure it happens even if that attempt
 * failed or the function died. Every change is idempotent. On AWS users live in Cognito; the
 * local stack wires its stand-in instead (infra/local/identity-root.ts).
 */
export const handler = lambdaRoot(
  (s) =>
    eventConsumer(
      'syncIdentity',
      ['AccountClosed', 'AccountUnlocked', 'AccountRolesChanged'],
      async (event) => {
        await syncIdentity(s, event);
      },
      s,
    ),
  () => ({ identity: cognitoIdentity }),
);
