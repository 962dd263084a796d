import type { Account } from '../domain/accounts/account';
import { passwordChangeAudit, type AuditEntry } from '../domain/audit';

/**
 * Password changes that happen inside the identity provider (Cognito on AWS) and reach us only
 * through its triggers. Our account record decides whether a password is temporary or expired
 * (NA 10.2đ), so each such change must land on it, with its audit entry.
 *
 * - `sign-in`: Cognito authenticated the user (post-authentication trigger). Cognito issues no
 *   tokens to a user with a temporary password until the NEW_PASSWORD_REQUIRED challenge is
 *   answered, so a successful sign-in while our record still says "must change" means the user
 *   has just chosen a new password. Any other sign-in changes nothing.
 * - `reset`: the user confirmed a forgotten-password reset with the e-mailed code
 *   (post-confirmation trigger, ConfirmForgotPassword), e.g. after an operator's unlock.
 */
export type IdentityPasswordEvent = 'sign-in' | 'reset';

export interface PasswordChangeRecorder {
  get(id: string): Promise<Account | undefined>;
  recordPasswordChange(id: string, at: string, audit: AuditEntry): Promise<void>;
}

export type PasswordChangeOutcome =
  | 'recorded-first-password'
  | 'recorded-reset'
  | 'nothing-to-record'
  | 'unknown-account';

export async function recordIdentityPasswordChange(
  accounts: PasswordChangeRecorder,
  accountId: string,
  event: IdentityPasswordEvent,
  requestId: string,
  now = new Date(),
): Promise<PasswordChangeOutcome> {
  const account = await accounts.get(accountId);
  // A pool user without our record (made by hand in the console) is refused by every route anyway.
  if (!account || account.status !== 'active') return 'unknown-account';
  if (event === 'sign-in' && !account.mustChangePassword) return 'nothing-to-record';
  const firstSignIn = event === 'sign-in';
  await accounts.recordPasswordChange(
    account.id,
    now.toISOString(),
    passwordChangeAudit(account, requestId, now, firstSignIn),
  );
  return firstSignIn ? 'recorded-first-password' : 'recorded-reset';
}
