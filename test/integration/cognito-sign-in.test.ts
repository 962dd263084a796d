import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { useLocalStack } from '../support/local-stack';
import { cognitoAuthorizer, startCognitoLocal, type CognitoLocal, type TriggerHandler } from '../support/cognito-local';
import { ensureAccount, ensureProvince, ensureUnits } from '../../shared/application/bootstrap';
import { keys } from '../../shared/adapters/dynamo/keys';
import { CognitoIdentityProvider } from '../../shared/adapters/identity/cognito';

/**
 * The AWS sign-in path, end to end: the handlers run with IDENTITY_PROVIDER=cognito against
 * cognito-local, whose post-authentication and post-confirmation triggers call our trigger
 * function (functions/cognito/password-changes.ts) against DynamoDB Local, and the gateway checks
 * tokens as API Gateway's Cognito authorizer does.
 */
let cognito: CognitoLocal;
// The stack's root wires Cognito (cognito-local) as the accounts entry's root does on AWS, once it has started.
const local = useLocalStack({
  authorizer: cognitoAuthorizer(() => cognito),
  identity: () => new CognitoIdentityProvider(cognito.userPoolId, cognito.clientId),
});
const { api } = local;

beforeAll(async () => {
  const triggers: CognitoLocal['triggers'] = {};
  cognito = await startCognitoLocal(triggers);
  Object.assign(process.env, {
    IDENTITY_PROVIDER: 'cognito',
    USER_POOL_ID: cognito.userPoolId,
    USER_POOL_CLIENT_ID: cognito.clientId,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
  });
  // Wired to this file's stack, as the local stack wires every entry point.
  const { handler } = await import('../../functions/cognito/password-changes');
  const wired = handler.wire(local.stack().services);
  triggers.PostAuthentication = wired as TriggerHandler;
  triggers.PostConfirmation = wired as TriggerHandler;
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Demo', en: 'Demo Province' });
  await ensureUnits(local.stack().services, [
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'demo', slug: 'soa' },
  ]);
});
afterAll(async () => {
  await cognito?.stop();
});

const PASSWORD = 'Mật-Khẩu-Mới-2026';
const codeFor = (username: string) => cognito.messages.filter((m) => m.username === username).at(-1)!.code;
const accountOf = async (username: string) =>
  (await local.stack().services.accounts.get((await local.stack().services.accounts.idOfUsername(username))!))!;
const auditActions = async (account: { id: string; unitCode: string }) =>
  (await local.stack().services.audit.query({ scope: account.unitCode, limit: 100 })).items
    .filter((e) => e.target.id === account.id)
    .map((e) => e.action);
const get = (path: string, token: string) => api(path, { headers: { authorization: `Bearer ${token}` } });

async function firstSignIn(username: string, chosen = PASSWORD): Promise<string> {
  const started = await cognito.client.send(
    new InitiateAuthCommand({
      ClientId: cognito.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: codeFor(username) },
    }),
  );
  expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const done = await cognito.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: cognito.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: chosen },
    }),
  );
  return done.AuthenticationResult!.AccessToken!;
}

const signIn = async (username: string, password: string) =>
  (
    await cognito.client.send(
      new InitiateAuthCommand({
        ClientId: cognito.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    )
  ).AuthenticationResult!.AccessToken!;

describe('sign-in on the Cognito side', () => {
  it('records the password chosen at first sign-in, so the new user is not blocked (403) afterwards', async () => {
    await ensureAccount(local.stack().services, {
      username: 'admin.demo',
      fullName: 'Quản trị tỉnh',
      email: 'admin@demo.gov.vn',
      unitCode: 'demo',
      roles: ['operator'],
    });
    expect((await accountOf('admin.demo')).mustChangePassword).toBe(true);
    const token = await firstSignIn('admin.demo');
    const account = await accountOf('admin.demo');
    expect(account.mustChangePassword).toBe(false);
    expect(Date.now() - Date.parse(account.passwordChangedAt!)).toBeLessThan(60_000);
    expect(await auditActions(account)).toContain('account.first-password');
    expect((await get('/units/demo/accounts', token)).status).toBe(200);
  });

  it('writes nothing on an ordinary later sign-in', async () => {
    // An account of its own, past its first sign-in (the tests run in any order).
    await ensureAccount(local.stack().services, {
      username: 'lan.sau',
      fullName: 'Đăng nhập lần sau',
      email: 'lansau@demo.gov.vn',
      unitCode: 'demo',
      roles: ['operator'],
    });
    await firstSignIn('lan.sau');
    const before = await accountOf('lan.sau');
    const auditBefore = await auditActions(before);
    await signIn('lan.sau', PASSWORD);
    expect(await accountOf('lan.sau')).toEqual(before);
    expect(await auditActions(before)).toEqual(auditBefore);
  });

  it('records a forgotten-password reset, so the 3-month rule sees the new password', async () => {
    await ensureAccount(local.stack().services, {
      username: 'btv.soa',
      fullName: 'Trưởng đơn vị',
      email: 'btv@soa.demo.gov.vn',
      unitCode: 'soa',
      roles: ['unit-head'],
    });
    await firstSignIn('btv.soa');
    const id = (await accountOf('btv.soa')).id;
    // Four months later: the password is too old (NA 10.2đ), every route but /me answers 403.
    const old = new Date(Date.now() - 120 * 86_400_000).toISOString();
    await local.stack().services.db.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: keys.account(id),
        UpdateExpression: 'SET passwordChangedAt = :old',
        ExpressionAttributeValues: { ':old': old },
      }),
    );
    const stale = await get('/units/soa/accounts', await signIn('btv.soa', PASSWORD));
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { type: string }).type).toMatch(/password-change-required$/);

    await cognito.client.send(new ForgotPasswordCommand({ ClientId: cognito.clientId, Username: 'btv.soa' }));
    await cognito.client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: cognito.clientId,
        Username: 'btv.soa',
        ConfirmationCode: codeFor('btv.soa'),
        Password: 'Mật-Khẩu-Mới-2027',
      }),
    );
    const account = await accountOf('btv.soa');
    expect(account.passwordChangedAt! > old).toBe(true);
    expect(await auditActions(account)).toContain('account.password-change');
    const fresh = await signIn('btv.soa', 'Mật-Khẩu-Mới-2027');
    expect((await get('/units/soa/accounts', fresh)).status).toBe(200);
  });

  it('answers a duplicate e-mail with 409 naming body.email, and leaves neither a Cognito user nor a record', async () => {
    // An operator of its own, and an account holding the e-mail (the tests run in any order).
    await ensureAccount(local.stack().services, {
      username: 'vanhanh.demo',
      fullName: 'Vận hành',
      email: 'vanhanh@demo.gov.vn',
      unitCode: 'demo',
      roles: ['operator'],
    });
    const token = await firstSignIn('vanhanh.demo');
    await ensureAccount(local.stack().services, {
      username: 'co.thu.soa',
      fullName: 'Có thư',
      email: 'cothu@soa.demo.gov.vn',
      unitCode: 'soa',
      roles: ['reporter'],
    });
    const res = await api('/accounts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'trung.soa',
        fullName: 'Trùng thư',
        email: 'cothu@soa.demo.gov.vn',
        unitCode: 'soa',
        roles: ['reporter'],
      }),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: Array<{ field: string }> };
    expect(problem.errors.map((e) => e.field)).toEqual(['body.email']);
    await expect(
      cognito.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: 'trung.soa' })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' });
    expect(await local.stack().services.accounts.idOfUsername('trung.soa')).toBeUndefined();
  });
});
