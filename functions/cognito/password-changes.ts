import type { Context, PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { documentClient } from '../../shared/adapters/aws-clients';
import { AccountRepository } from '../../shared/adapters/dynamo/accounts';
import {
  recordIdentityPasswordChange,
  type IdentityPasswordEvent,
} from '../../shared/application/identity-password-changes';
import { logger } from '../../shared/logger';

/**
 * Cognito trigger (post authentication and post confirmation): brings password changes made in
 * Cognito onto our account record (shared/application/identity-password-changes.ts).
 * It only knows the table: the account id is Cognito's `sub`, so it needs no Cognito rights.
 * Throwing makes Cognito refuse the sign-in, so a change is never silently lost: the next
 * sign-in records it.
 */
const { TABLE_NAME } = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) }).parse(process.env);
const accounts = new AccountRepository(documentClient(), TABLE_NAME);

type TriggerEvent = PostAuthenticationTriggerEvent | PostConfirmationTriggerEvent;

const eventOf = (source: string): IdentityPasswordEvent | undefined =>
  source === 'PostAuthentication_Authentication'
    ? 'sign-in'
    : source === 'PostConfirmation_ConfirmForgotPassword'
      ? 'reset'
      : undefined;

export const handler = async <E extends TriggerEvent>(event: E, context: Context): Promise<E> => {
  const kind = eventOf(event.triggerSource);
  const accountId = event.request.userAttributes.sub;
  if (!kind || !accountId) return event;
  const outcome = await recordIdentityPasswordChange(accounts, accountId, kind, `cognito-${context.awsRequestId}`);
  // Ids and outcomes only: never the username or e-mail address.
  logger.info('cognito trigger', { triggerSource: event.triggerSource, accountId, outcome });
  return event;
};
