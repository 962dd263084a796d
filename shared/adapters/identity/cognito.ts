import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider, NewUser } from '../../application/identity-provider';
import { DomainError } from '../../domain/errors';
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

  async createUser(user: NewUser) {
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
    const subject = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!subject) throw new Error('Cognito returned no sub for the new user');
    await this.setRoles(user.username, [], user.roles);
    return { subject };
  }

  async setRoles(username: string, previous: readonly Role[], next: readonly Role[]): Promise<void> {
    for (const role of next.filter((r) => !previous.includes(r))) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }));
    }
    for (const role of previous.filter((r) => !next.includes(r))) {
      await this.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }));
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
        throw new DomainError('validation', message, [{ field: 'body.currentPassword', code: 'wrong_password', message }]);
      }
      throw error;
    }
    await this.client.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: next, Permanent: true }));
  }

  async createMachineClient(name: string, scopes: readonly string[]): Promise<{ clientId: string; clientSecret: string }> {
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
