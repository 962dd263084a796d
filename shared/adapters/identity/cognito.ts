import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  AliasExistsException,
  NotAuthorizedException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider, NewUser } from '../../application/identity-provider';
import { DomainError, type FieldIssue } from '../../domain/errors';
import type { Role } from '../../domain/roles';

/**
 * Cognito user pool as the identity provider on AWS: Cognito generates the temporary password
 * and e-mails it, forces its change at first sign-in, applies the password policy and its own
 * lockout. Groups mirror roles so that tokens carry them.
 */
export class CognitoIdentityProvider implements IdentityProvider {
  private readonly client = new CognitoIdentityProviderClient({});

  constructor(
    private readonly userPoolId: string,
    private readonly clientId: string,
  ) {}

  /**
   * AdminCreateUser either creates the user or nothing; everything after it (group membership)
   * is undone by deleting the user again, so a failure never leaves a user behind that our
   * records do not know.
   */
  async createUser(user: NewUser) {
    let subject: string | undefined;
    try {
      const out = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: user.username,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'custom:unit', Value: user.unitCode },
          ],
        }),
      );
      subject = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    } catch (error) {
      // E-mail is a sign-in alias: Cognito refuses a second user with the same verified address.
      if (error instanceof AliasExistsException)
        throw taken('email', {
          vi: `Địa chỉ thư ${user.email} đã dùng cho tài khoản khác`,
          en: `The e-mail address ${user.email} belongs to another account`,
        });
      if (error instanceof UsernameExistsException)
        throw taken('username', {
          vi: `Tên đăng nhập ${user.username} đã tồn tại`,
          en: `The username ${user.username} is taken`,
        });
      throw error;
    }
    try {
      if (!subject) throw new Error('Cognito returned no sub for the new user');
      await this.setRoles(user.username, [], user.roles);
    } catch (error) {
      await this.deleteUser(user.username);
      throw error;
    }
    return { subject };
  }

  removeUser(user: { readonly subject: string; readonly username: string }): Promise<void> {
    return this.deleteUser(user.username);
  }

  /** Removes a user, e.g. to undo a creation whose account record could not be written. Absent users are fine. */
  async deleteUser(username: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  }

  async setRoles(username: string, previous: readonly Role[], next: readonly Role[]): Promise<void> {
    for (const role of next.filter((r) => !previous.includes(r))) {
      await this.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }),
      );
    }
    for (const role of previous.filter((r) => !next.includes(r))) {
      await this.client.send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }),
      );
    }
  }

  async disableUser(username: string): Promise<void> {
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async changePassword(username: string, current: string, next: string): Promise<void> {
    try {
      await this.client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: this.userPoolId,
          ClientId: this.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: current },
        }),
      );
    } catch (error) {
      if (error instanceof NotAuthorizedException) {
        const message = { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' };
        throw new DomainError('validation', message, [{ field: 'currentPassword', code: 'wrong_password', message }]);
      }
      throw error;
    }
    await this.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        Password: next,
        Permanent: true,
      }),
    );
  }

  async createMachineClient(
    name: string,
    scopes: readonly string[],
  ): Promise<{ clientId: string; clientSecret: string }> {
    const out = await this.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: this.userPoolId,
        ClientName: name.slice(0, 128),
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: [...scopes],
        AccessTokenValidity: 1,
        TokenValidityUnits: { AccessToken: 'hours' },
      }),
    );
    const client = out.UserPoolClient;
    if (!client?.ClientId || !client.ClientSecret) throw new Error('Cognito returned no client id or secret');
    return { clientId: client.ClientId, clientSecret: client.ClientSecret };
  }

  async deleteMachineClient(clientId: string): Promise<void> {
    await this.client.send(new DeleteUserPoolClientCommand({ UserPoolId: this.userPoolId, ClientId: clientId }));
  }

  async unlock(username: string): Promise<void> {
    // Cognito's lockout lifts by itself; a reset sends the user a code to choose a new password.
    await this.client.send(new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}

const taken = (field: string, message: { vi: string; en: string }): DomainError => {
  const issue: FieldIssue = { field, code: 'taken', message };
  return new DomainError('conflict', message, [issue]);
};
