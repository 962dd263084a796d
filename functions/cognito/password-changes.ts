import type { Context, PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { createDynamoClients } from '../../shared/adapters/aws-clients';
import { AccountRepository } from '../../shared/adapters/dynamo/accounts';
import {
  recordIdentityPasswordChange,
  type IdentityPasswordEvent,
} from '../../shared/application/identity-password-changes';
import { logger } from '../../shared/logger';
import type { CoreServices } from '../../shared/composition/services';
import { once } from '../../shared/composition/once';

/**
 * Cognito trigger (post authentication and post confirmation): brings password changes made in
 * Cognito onto our account record (shared/application/identity-password-changes.ts).
 * It only knows the table: the account id is Cognito's `sub`, so it needs no Cognito rights.
 * Throwing makes Cognito refuse the sign-in, so a change is never silently lost: the next
 * sign-in records it.
 */
type TriggerServices = Pick<CoreServices, 'db' | 'table'>;

type TriggerEvent = PostAuthenticationTriggerEvent | PostConfirmationTriggerEvent;

const eventOf = (source: string): IdentityPasswordEvent | undefined =>
  source === 'PostAuthentication_Authentication'
    ? 'sign-in'
    : source === 'PostConfirmation_ConfirmForgotPassword'
      ? 'reset'
      : undefined;

const wire =
  (s: TriggerServices) =>
  async <E extends TriggerEvent>(event: E, context: Context): Promise<E> => {
    const accounts = new AccountRepository(s.db, s.table);
    const kind = eventOf(event.triggerSource);
    const accountId = event.request.userAttributes.sub;
    if (!kind || !accountId) return event;
    const outcome = await recordIdentityPasswordChange(accounts, accountId, kind, `cognito-${context.awsRequestId}`);
    // Ids and outcomes only: never the username or e-mail address.
    logger.info('cognito trigger', { triggerSource: event.triggerSource, accountId, outcome });
    return event;
  };

/**
 * Its own lean root: the trigger's environment names only the table (not the API's configuration), so
 * the container builds a DynamoDB client over it at the first invocation; a local stack wires its own.
 */
const container = once(() => {
  const { TABLE_NAME } = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) }).parse(process.env);
  return wire({ db: createDynamoClients().db, table: TABLE_NAME });
});

export const handler = Object.assign(
  <E extends TriggerEvent>(event: E, context: Context): Promise<E> => container()(event, context),
  { wire },
);
