import type { Role } from '../domain/roles';

/**
 * What account management needs from the identity provider: Cognito on AWS, the local stand-in
 * (shared/adapters/identity/local.ts) elsewhere. Handlers pick one by IDENTITY_PROVIDER.
 */
export interface NewUser {
  readonly username: string;
  readonly email: string;
  readonly unitCode: string;
  readonly roles: readonly Role[];
}

export interface IdentityProvider {
  /** Creates the user with a temporary password that must be changed at first sign-in. */
  createUser(user: NewUser): Promise<{ subject: string; temporaryPassword?: string }>;
  /** Undoes a `createUser` whose account record could not be committed; a user already gone is fine. */
  removeUser(user: { readonly subject: string; readonly username: string }): Promise<void>;
  setRoles(username: string, previous: readonly Role[], next: readonly Role[]): Promise<void>;
  /** Blocks sign-in and ends every session of the user. */
  disableUser(username: string): Promise<void>;
  /** Verifies the current password, then sets the new one (which the policy has already accepted). */
  changePassword(username: string, current: string, next: string): Promise<void>;
  unlock(username: string): Promise<void>;
  /** An app client for an agency system: client-credentials only, with these scopes. The secret is shown once. */
  createMachineClient(name: string, scopes: readonly string[]): Promise<{ clientId: string; clientSecret: string }>;
  deleteMachineClient(clientId: string): Promise<void>;
}
