import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdentityProvider, NewUser } from '../../application/identity-provider';
import { lockoutAfter, passwordIssues, passwordPolicy } from '../../domain/accounts/password-policy';
import { DomainError } from '../../domain/errors';
import { passwordChangeAudit } from '../../domain/audit';
import type { Role } from '../../domain/roles';
import { AccountRepository } from '../dynamo/accounts';
import { keys } from '../dynamo/keys';
import { hashPassword, temporaryPassword, verifyPassword } from './passwords';
import { signToken, verifyToken } from './tokens';

/**
 * The local stand-in for Cognito: the same flows (temporary password → NEW_PASSWORD_REQUIRED
 * challenge at first sign-in, password policy, lockout after repeated failures, client
 * credentials for agency systems) and tokens with Cognito's access-token claims.
 * Credentials are stored as scrypt hashes in the table, beside the account.
 */
interface Credentials {
  hash: string;
  temporary: boolean;
  temporaryExpiresAt?: string;
  failedAttempts: number;
  lockedUntil?: string;
  disabled: boolean;
}

export type SignInResult =
  | { readonly kind: 'tokens'; readonly accessToken: string; readonly expiresIn: number; readonly tokenType: 'Bearer' }
  | { readonly kind: 'challenge'; readonly challenge: 'NEW_PASSWORD_REQUIRED'; readonly session: string };

const TOKEN_TTL_SECONDS = 3600;
const SESSION_TTL_SECONDS = 180;

const notAuthorized = () =>
  new DomainError('unauthenticated', { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Incorrect username or password' });

export class LocalIdentityProvider implements IdentityProvider {
  private readonly accounts: AccountRepository;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = new AccountRepository(client, tableName);
  }

  async createUser(_user: NewUser) {
    const subject = randomUUID();
    const password = temporaryPassword();
    const expires = new Date(this.now().getTime() + passwordPolicy.temporaryPasswordValidityDays.value * 86_400_000);
    await this.putCredentials(subject, { hash: await hashPassword(password), temporary: true, temporaryExpiresAt: expires.toISOString(), failedAttempts: 0, disabled: false });
    return { subject, temporaryPassword: password };
  }

  async setRoles(): Promise<void> {
    // Roles are read from the account record when a token is issued: nothing to mirror.
  }

  async disableUser(username: string): Promise<void> {
    const id = await this.accounts.idOfUsername(username);
    if (!id) return;
    await this.update(id, 'SET disabled = :t', { ':t': true });
  }

  async unlock(username: string): Promise<void> {
    const id = await this.accounts.idOfUsername(username);
    if (!id) return;
    await this.update(id, 'SET failedAttempts = :zero REMOVE lockedUntil', { ':zero': 0 });
  }

  async changePassword(username: string, current: string, next: string): Promise<void> {
    const id = await this.accounts.idOfUsername(username);
    const credentials = id ? await this.credentials(id) : undefined;
    if (!id || !credentials || !(await verifyPassword(current, credentials.hash))) {
      const message = { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' };
      throw new DomainError('validation', message, [{ field: 'body.currentPassword', code: 'wrong_password', message }]);
    }
    if (await verifyPassword(next, credentials.hash)) {
      const message = { vi: 'Mật khẩu mới phải khác mật khẩu cũ', en: 'The new password must differ from the old one' };
      throw new DomainError('validation', message, [{ field: 'body.newPassword', code: 'unchanged', message }]);
    }
    await this.putCredentials(id, { ...credentials, hash: await hashPassword(next), temporary: false, failedAttempts: 0 });
  }

  /** USER_PASSWORD_AUTH, as Cognito answers it. */
  async signIn(username: string, password: string): Promise<SignInResult> {
    const now = this.now();
    const id = await this.accounts.idOfUsername(username);
    const credentials = id ? await this.credentials(id) : undefined;
    const account = id ? await this.accounts.get(id) : undefined;
    if (!id || !credentials || !account) {
      await verifyPassword(password, 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'); // same cost as a real check
      throw notAuthorized();
    }
    if (credentials.disabled || account.status !== 'active') {
      throw new DomainError('unauthenticated', { vi: 'Tài khoản đã bị đóng', en: 'The account is closed' });
    }
    if (credentials.lockedUntil && credentials.lockedUntil > now.toISOString()) {
      throw new DomainError('locked', {
        vi: `Tài khoản tạm khóa do nhập sai nhiều lần, đến ${credentials.lockedUntil}`,
        en: `Too many failed attempts: locked until ${credentials.lockedUntil}`,
      });
    }
    if (!(await verifyPassword(password, credentials.hash))) {
      const failedAttempts = credentials.failedAttempts + 1;
      const lockedUntil = lockoutAfter(failedAttempts, now);
      await this.putCredentials(id, { ...credentials, failedAttempts: lockedUntil ? 0 : failedAttempts, ...(lockedUntil ? { lockedUntil } : {}) });
      throw notAuthorized();
    }
    if (credentials.failedAttempts > 0 || credentials.lockedUntil) {
      const { lockedUntil: _, ...rest } = credentials;
      await this.putCredentials(id, { ...rest, failedAttempts: 0 });
    }
    if (credentials.temporary) {
      if (credentials.temporaryExpiresAt && credentials.temporaryExpiresAt < now.toISOString()) {
        throw new DomainError('unauthenticated', {
          vi: 'Mật khẩu tạm đã hết hạn; đề nghị quản trị cấp lại',
          en: 'The temporary password expired; ask an operator for a new one',
        });
      }
      const session = signToken({ sub: id, token_use: 'session', challenge: 'NEW_PASSWORD_REQUIRED' }, this.secret, SESSION_TTL_SECONDS, now);
      return { kind: 'challenge', challenge: 'NEW_PASSWORD_REQUIRED', session };
    }
    return this.tokensFor(id, account.username, account.roles);
  }

  /** RespondToAuthChallenge(NEW_PASSWORD_REQUIRED). */
  async completeNewPassword(session: string, newPassword: string): Promise<SignInResult> {
    const claims = verifyToken(session, this.secret, this.now());
    if (!claims || claims.token_use !== 'session' || typeof claims.sub !== 'string') {
      throw new DomainError('unauthenticated', { vi: 'Phiên đăng nhập đã hết hạn', en: 'The sign-in session expired' });
    }
    const issues = passwordIssues(newPassword);
    if (issues.length > 0) throw new DomainError('validation', issues[0]!.message, issues);
    const id = claims.sub;
    const credentials = await this.credentials(id);
    const account = await this.accounts.get(id);
    if (!credentials || !account) throw notAuthorized();
    await this.putCredentials(id, { ...credentials, hash: await hashPassword(newPassword), temporary: false, failedAttempts: 0 });
    const now = this.now();
    await this.accounts.recordPasswordChange(id, now.toISOString(), passwordChangeAudit(account, `local-auth-${randomUUID()}`, now, true));
    return this.tokensFor(id, account.username, account.roles);
  }

  /** OAuth 2.0 client credentials for agency systems (Cognito's /oauth2/token). */
  async clientCredentials(clientId: string, clientSecret: string, requestedScopes: readonly string[]): Promise<SignInResult> {
    const [record, secret] = await Promise.all([
      this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.machineClient(clientId) })),
      this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.machineClientSecret(clientId) })),
    ]);
    const client = record.Item;
    if (!client || client.status !== 'active' || !secret.Item || !(await verifyPassword(clientSecret, String(secret.Item.secretHash)))) {
      throw new DomainError('unauthenticated', { vi: 'Thông tin ứng dụng không đúng', en: 'Invalid client credentials' });
    }
    const allowed = client.scopes as string[];
    const scopes = requestedScopes.length > 0 ? requestedScopes.filter((s) => allowed.includes(s)) : allowed;
    if (scopes.length === 0) throw new DomainError('forbidden', { vi: 'Phạm vi không được cấp', en: 'Scope not granted' });
    const accessToken = signToken({ sub: clientId, client_id: clientId, token_use: 'access', scope: scopes.join(' ') }, this.secret, TOKEN_TTL_SECONDS, this.now());
    return { kind: 'tokens', accessToken, expiresIn: TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  async createMachineClient(): Promise<{ clientId: string; clientSecret: string }> {
    const clientId = randomUUID().replace(/-/g, '').slice(0, 26);
    const clientSecret = temporaryPassword() + temporaryPassword();
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.machineClientSecret(clientId), type: 'MachineClientSecret', secretHash: await hashPassword(clientSecret) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { clientId, clientSecret };
  }

  async deleteMachineClient(clientId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.machineClientSecret(clientId) }));
  }

  /** Verifies a bearer token for the local gateway; undefined when invalid or expired. */
  verify(token: string): Record<string, unknown> | undefined {
    const claims = verifyToken(token, this.secret, this.now());
    return claims && claims.token_use === 'access' ? claims : undefined;
  }

  private tokensFor(id: string, username: string, roles: readonly Role[]): SignInResult {
    const accessToken = signToken(
      { sub: id, username, 'cognito:groups': roles, client_id: 'local-console', token_use: 'access', scope: 'aws.cognito.signin.user.admin' },
      this.secret,
      TOKEN_TTL_SECONDS,
      this.now(),
    );
    return { kind: 'tokens', accessToken, expiresIn: TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  private async credentials(id: string): Promise<Credentials | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.credentials(id), ConsistentRead: true }));
    return out.Item as Credentials | undefined;
  }

  private async putCredentials(id: string, credentials: Credentials): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.credentials(id), type: 'Credentials', ...credentials } }));
  }

  private async update(id: string, expression: string, values: Record<string, unknown>): Promise<void> {
    await this.client.send(
      new UpdateCommand({ TableName: this.tableName, Key: keys.credentials(id), UpdateExpression: expression, ExpressionAttributeValues: values, ConditionExpression: 'attribute_exists(pk)' }),
    );
  }
}
