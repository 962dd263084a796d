import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DeleteGroupCommand,
  CreateGroupCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityProvider } from '../../shared/adapters/identity/cognito';
import { DomainError } from '../../shared/domain/errors';
import type { Role } from '../../shared/domain/roles';
import { startCognitoLocal, type CognitoLocal } from '../support/cognito-local';

/**
 * The Cognito adapter (the code that runs on AWS) against cognito-local: every call it makes
 * that the emulator supports. AdminUserGlobalSignOut and AdminResetUserPassword are only
 * recorded by the emulator (see test/support/cognito-local.ts): their effect is untested.
 */
let cognito: CognitoLocal;
let adapter: CognitoIdentityProvider;

beforeAll(async () => {
  cognito = await startCognitoLocal();
  // The adapter builds its own client as on AWS; the SDK reads the endpoint from the environment.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  adapter = new CognitoIdentityProvider(cognito.userPoolId, cognito.clientId);
});
afterAll(async () => {
  await cognito?.stop();
});

const user = (username: string, roles: Role[] = ['editor']) => ({
  username,
  email: `${username}@so.demo.gov.vn`,
  unitCode: 'soa',
  roles,
});
const getUser = (username: string) =>
  cognito.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: username }));
const groupsOf = async (username: string) =>
  (
    (
      await cognito.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: cognito.userPoolId, Username: username }),
      )
    ).Groups ?? []
  )
    .map((g) => g.GroupName)
    .sort();
const temporaryPasswordOf = (username: string) => cognito.messages.filter((m) => m.username === username).at(-1)!.code;
const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { code: (error as DomainError).code, fields: (error as DomainError).fields.map((f) => f.field) };
};

/** The first sign-in as the console does it: USER_PASSWORD_AUTH, then the NEW_PASSWORD_REQUIRED challenge. */
async function firstSignIn(
  client: CognitoIdentityProviderClient,
  clientId: string,
  username: string,
  temporary: string,
  chosen: string,
) {
  const started = await client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: temporary },
    }),
  );
  expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const done = await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: chosen },
    }),
  );
  return done.AuthenticationResult!;
}

describe('CognitoIdentityProvider against cognito-local', () => {
  it('creates a user with a verified e-mail, the unit, its role groups and an e-mailed temporary password', async () => {
    const created = await adapter.createUser(user('btv.soa', ['editor', 'reporter']));
    expect(Object.keys(created)).toEqual(['subject']); // Cognito e-mails the temporary password; the API never sees it
    const { subject } = created;
    const stored = await getUser('btv.soa');
    const attributes = Object.fromEntries((stored.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attributes).toMatchObject({
      sub: subject,
      email: 'btv.soa@so.demo.gov.vn',
      email_verified: 'true',
      'custom:unit': 'soa',
    });
    expect(stored.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await groupsOf('btv.soa')).toEqual(['editor', 'reporter']);
    expect(temporaryPasswordOf('btv.soa')).not.toBe('');
  });

  it('answers a duplicate e-mail (AliasExistsException) with a conflict naming the e-mail, and leaves no user', async () => {
    await adapter.createUser(user('first.soa'));
    const taken = { ...user('second.soa'), email: 'FIRST.soa@so.demo.gov.vn' };
    expect(await fieldsOf(adapter.createUser(taken))).toEqual({ code: 'conflict', fields: ['email'] });
    await expect(getUser('second.soa')).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('answers a username Cognito already has with a conflict naming the username', async () => {
    await adapter.createUser(user('twice.soa'));
    expect(await fieldsOf(adapter.createUser({ ...user('twice.soa'), email: 'other@so.demo.gov.vn' }))).toEqual({
      code: 'conflict',
      fields: ['username'],
    });
  });

  it('deletes the new user again when a group cannot be joined, so that no orphan stays', async () => {
    await cognito.client.send(new DeleteGroupCommand({ UserPoolId: cognito.userPoolId, GroupName: 'auditor' }));
    try {
      await expect(adapter.createUser(user('orphan.soa', ['editor', 'auditor']))).rejects.toThrow();
      await expect(getUser('orphan.soa')).rejects.toMatchObject({ name: 'UserNotFoundException' });
    } finally {
      await cognito.client.send(new CreateGroupCommand({ UserPoolId: cognito.userPoolId, GroupName: 'auditor' }));
    }
  });

  it('mirrors role changes into groups', async () => {
    await adapter.createUser(user('roles.soa', ['editor']));
    await adapter.setRoles('roles.soa', ['editor'], ['reporter', 'secretary']);
    expect(await groupsOf('roles.soa')).toEqual(['reporter', 'secretary']);
  });

  it('disables a user and asks Cognito to end its sessions', async () => {
    await adapter.createUser(user('leaver.soa'));
    await adapter.disableUser('leaver.soa');
    expect((await getUser('leaver.soa')).Enabled).toBe(false);
    expect(cognito.recorded).toContainEqual({
      target: 'AdminUserGlobalSignOut',
      request: { UserPoolId: cognito.userPoolId, Username: 'leaver.soa' },
    });
  });

  it('signs in with USER_PASSWORD_AUTH and issues RS256 access tokens with the claims the API reads', async () => {
    const { subject } = await adapter.createUser(user('signin.soa', ['editor']));
    const tokens = await firstSignIn(
      cognito.client,
      cognito.clientId,
      'signin.soa',
      temporaryPasswordOf('signin.soa'),
      'Mật-Khẩu-Mới-2026',
    );
    const [header, payload, signature] = tokens.AccessToken!.split('.');
    const jwks = (await (await fetch(`${cognito.endpoint}/${cognito.userPoolId}/.well-known/jwks.json`)).json()) as {
      keys: Array<JsonWebKey & { kid: string }>;
    };
    const { kid, alg } = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string; alg: string };
    expect(alg).toBe('RS256');
    const key = createPublicKey({ key: jwks.keys.find((k) => k.kid === kid)!, format: 'jwk' });
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature!, 'base64url'))).toBe(
      true,
    );
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      sub: subject,
      token_use: 'access',
      username: 'signin.soa',
      client_id: cognito.clientId,
      'cognito:groups': ['editor'],
    });
  });

  it('changes a password only with the right current one (ADMIN_USER_PASSWORD_AUTH), and the new one signs in', async () => {
    await adapter.createUser(user('change.soa'));
    await firstSignIn(
      cognito.client,
      cognito.clientId,
      'change.soa',
      temporaryPasswordOf('change.soa'),
      'Mật-Khẩu-Mới-2026',
    );
    expect(await fieldsOf(adapter.changePassword('change.soa', 'Sai-Mật-Khẩu-1', 'Mật-Khẩu-Khác-2027'))).toEqual({
      code: 'validation',
      fields: ['currentPassword'],
    });
    await adapter.changePassword('change.soa', 'Mật-Khẩu-Mới-2026', 'Mật-Khẩu-Khác-2027');
    const signIn = (password: string) =>
      cognito.client.send(
        new InitiateAuthCommand({
          ClientId: cognito.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'change.soa', PASSWORD: password },
        }),
      );
    expect((await signIn('Mật-Khẩu-Khác-2027')).AuthenticationResult?.AccessToken).toBeDefined();
    await expect(signIn('Mật-Khẩu-Mới-2026')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('creates a client-credentials app client with a secret, and deletes it', async () => {
    const { clientId, clientSecret } = await adapter.createMachineClient('Hệ thống một cửa', ['portal/qa.read']);
    expect(clientSecret.length).toBeGreaterThan(0);
    const described = await cognito.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientId: clientId }),
    );
    expect(described.UserPoolClient).toMatchObject({
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['portal/qa.read'],
      ClientName: 'Hệ thống một cửa',
    });
    await adapter.deleteMachineClient(clientId);
    await expect(
      cognito.client.send(new DescribeUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientId: clientId })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('unlocks by asking Cognito for a password reset', async () => {
    await adapter.createUser(user('locked.soa'));
    await adapter.unlock('locked.soa');
    expect(cognito.recorded).toContainEqual({
      target: 'AdminResetUserPassword',
      request: { UserPoolId: cognito.userPoolId, Username: 'locked.soa' },
    });
  });
});
