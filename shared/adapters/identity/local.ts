import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { IdentityProvider, NewUser } from '../../application/identity-provider';
import { passwordIssues, passwordPolicy } from '../../domain/accounts/password-policy';
import { DomainError } from '../../domain/errors';
import { passwordChangeAudit } from '../../domain/audit';
import type { Role } from '../../domain/roles';
import { AccountRepository } from '../dynamo/accounts';
import { keys } from '../dynamo/keys';
import { DEFAULT_SCRYPT_N, dummyHash, hashPassword, isScryptN, temporaryPassword, verifyPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import { signToken, verifyToken } from './tokens';
import { USER_SCOPE } from '../../domain/access/scopes';

/** The console's app client (public, authorization code with PKCE): the client every person's token is issued to locally. */
export const LOCAL_CONSOLE_CLIENT_ID = 'local-console';

/**
 * The local stand-in for Cognito: the same flows (temporary password → NEW_PASSWORD_REQUIRED
 * challenge at first sign-in, password policy, lockout after repeated failures, client
 * credentials for agency systems) and tokens with Cognito's access-token claims.
 * Credentials are stored as scrypt hashes in the table, beside the account; sign-in failures
 * are counted apart (sign-in-throttle.ts), so a failed sign-in never writes the credentials.
 */
interface Credentials {
  /** The address this user holds (lower case), to free it when the user is removed. */
  email?: string;
  hash: string;
  temporary: boolean;
  temporaryExpiresAt?: string;
  disabled: boolean;
}

export type SignInResult =
  | { readonly kind: 'tokens'; readonly accessToken: string; readonly expiresIn: number; readonly tokenType: 'Bearer' }
  | { readonly kind: 'challenge'; readonly challenge: 'NEW_PASSWORD_REQUIRED'; readonly session: string };

const TOKEN_TTL_SECONDS = 3600;
/** Refresh tokens of the authorization-code flow (Cognito's default validity is 30 days; a working day here). */
const REFRESH_TTL_SECONDS = 12 * 3600;
const SESSION_TTL_SECONDS = 180;
/** Longer than any valid username (usernameSchema) or client id: such a name cannot exist, so it is not looked up. */
const MAX_USERNAME_LENGTH = 128;

/** The one answer to every refused sign-in, whatever the reason: unknown, wrong password, closed. */
const notAuthorized = () =>
  new DomainError('unauthenticated', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Incorrect username or password',
  });
const tooManyAttempts = () =>
  new DomainError('locked', {
    vi: `Nhập sai quá nhiều lần; thử lại sau ${passwordPolicy.lockoutMinutes.value} phút hoặc đề nghị quản trị mở khóa`,
    en: `Password attempts exceeded; try again in ${passwordPolicy.lockoutMinutes.value} minutes or ask an operator to unlock`,
  });
const sessionExpired = () =>
  new DomainError('unauthenticated', { vi: 'Phiên đăng nhập đã hết hạn', en: 'The sign-in session expired' });

/** Binds a first-sign-in session to the temporary credential it answers, without revealing the hash. */
const fingerprint = (hash: string) => createHash('sha256').update(hash).digest('base64url').slice(0, 22);

export class LocalIdentityProvider implements IdentityProvider {
  private readonly accounts: AccountRepository;
  private readonly throttle: SignInThrottle;
  private readonly dummyHash: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
    /** scrypt cost of new hashes (and of the dummy one); tests choose a cheap one, `npm start` keeps the default. */
    private readonly scryptN: number = DEFAULT_SCRYPT_N,
  ) {
    if (!isScryptN(scryptN)) throw new Error(`scrypt cost N=${scryptN} is not a power of two from 2^10 to 2^20`);
    this.dummyHash = dummyHash(scryptN);
    this.accounts = new AccountRepository(client, tableName);
    this.throttle = new SignInThrottle(client, tableName, now);
  }

  async createUser(user: NewUser) {
    const subject = randomUUID();
    const password = temporaryPassword();
    const expires = new Date(this.now().getTime() + passwordPolicy.temporaryPasswordValidityDays.value * 86_400_000);
    // As Cognito's e-mail alias (AliasExistsException): one user per address, whatever its case.
    const email = user.email.toLowerCase();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.localEmail(email), type: 'LocalEmail', subject },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const message = {
        vi: `Địa chỉ thư ${user.email} đã dùng cho tài khoản khác`,
        en: `The e-mail address ${user.email} belongs to another account`,
      };
      throw new DomainError('conflict', message, [{ field: 'email', code: 'taken', message }]);
    }
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.credentials(subject),
          type: 'Credentials',
          email,
          hash: await hashPassword(password, this.scryptN),
          temporary: true,
          temporaryExpiresAt: expires.toISOString(),
          disabled: false,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { subject, temporaryPassword: password };
  }

  async removeUser(user: { readonly subject: string }): Promise<void> {
    const email = (await this.credentials(user.subject))?.email;
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.credentials(user.subject) }));
    if (!email) return;
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.localEmail(email),
          ConditionExpression: 'subject = :s',
          ExpressionAttributeValues: { ':s': user.subject },
        }),
      );
    } catch (error) {
      // Held by another user already: not this one's to free.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
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
    await this.throttle.clear(username);
  }

  async changePassword(username: string, current: string, next: string): Promise<void> {
    const id = await this.accounts.idOfUsername(username);
    const credentials = id ? await this.credentials(id) : undefined;
    if (!id || !credentials || !(await verifyPassword(current, credentials.hash))) {
      const message = { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' };
      throw new DomainError('validation', message, [{ field: 'currentPassword', code: 'wrong_password', message }]);
    }
    if (await verifyPassword(next, credentials.hash)) {
      const message = { vi: 'Mật khẩu mới phải khác mật khẩu cũ', en: 'The new password must differ from the old one' };
      throw new DomainError('validation', message, [{ field: 'newPassword', code: 'unchanged', message }]);
    }
    const replaced = await this.replaceHash(id, credentials.hash, await hashPassword(next, this.scryptN), false);
    if (!replaced) {
      throw new DomainError('conflict', {
        vi: 'Mật khẩu vừa được đổi ở nơi khác; hãy thử lại',
        en: 'The password was changed meanwhile; try again',
      });
    }
  }

  /**
   * USER_PASSWORD_AUTH, as Cognito answers it. Every attempt does the same work whatever the
   * username (scrypt against the real hash or the dummy hash) before anything about the account is
   * decided, and every refusal is the same generic answer, so neither timing nor message tells
   * whether a username exists, is closed or is locked. `source` is the client's address as the
   * gateway sees it (see sign-in-throttle.ts).
   */
  async signIn(username: string, password: string, source = 'unknown'): Promise<SignInResult> {
    const now = this.now();
    const id = username.length <= MAX_USERNAME_LENGTH ? await this.accounts.idOfUsername(username) : undefined;
    const [credentials, account] = id
      ? await Promise.all([this.credentials(id), this.accounts.get(id)])
      : [undefined, undefined];
    const passwordMatches = await verifyPassword(password, credentials?.hash ?? this.dummyHash);
    const attempt = await this.throttle.charge(username, source);
    if (!attempt) throw tooManyAttempts();
    if (!id || !credentials || !account || !passwordMatches || credentials.disabled || account.status !== 'active') {
      await this.throttle.failed(attempt);
      throw notAuthorized();
    }
    await this.throttle.succeeded(attempt);
    if (credentials.temporary) {
      // Said only to someone who has just proved the password.
      if (credentials.temporaryExpiresAt && credentials.temporaryExpiresAt < now.toISOString()) {
        throw new DomainError('unauthenticated', {
          vi: 'Mật khẩu tạm đã hết hạn; đề nghị quản trị cấp lại',
          en: 'The temporary password expired; ask an operator for a new one',
        });
      }
      const claims = {
        sub: id,
        token_use: 'session',
        challenge: 'NEW_PASSWORD_REQUIRED',
        cred: fingerprint(credentials.hash),
      };
      return {
        kind: 'challenge',
        challenge: 'NEW_PASSWORD_REQUIRED',
        session: signToken(claims, this.secret, SESSION_TTL_SECONDS, now),
      };
    }
    return this.tokensFor(id, account.username, account.roles);
  }

  /**
   * RespondToAuthChallenge(NEW_PASSWORD_REQUIRED). A session is single-use: it names the
   * temporary credential it answers, and the new hash is written only if that credential is
   * still in place, so a replay (or a second session racing the first) finds it gone.
   */
  async completeNewPassword(session: string, newPassword: string): Promise<SignInResult> {
    const claims = verifyToken(session, this.secret, this.now());
    if (!claims || claims.token_use !== 'session' || typeof claims.sub !== 'string' || typeof claims.cred !== 'string')
      throw sessionExpired();
    const issues = passwordIssues(newPassword);
    if (issues.length > 0) throw new DomainError('validation', issues[0]!.message, issues);
    const id = claims.sub;
    const [credentials, account] = await Promise.all([this.credentials(id), this.accounts.get(id)]);
    if (
      !credentials ||
      !account ||
      !credentials.temporary ||
      credentials.disabled ||
      account.status !== 'active' ||
      fingerprint(credentials.hash) !== claims.cred
    ) {
      throw sessionExpired();
    }
    if (!(await this.replaceHash(id, credentials.hash, await hashPassword(newPassword, this.scryptN), true)))
      throw sessionExpired();
    const now = this.now();
    await this.accounts.recordPasswordChange(
      id,
      now.toISOString(),
      passwordChangeAudit(account, `local-auth-${randomUUID()}`, now, true),
    );
    return this.tokensFor(id, account.username, account.roles);
  }

  /**
   * A refresh token for the person an access token of this provider was just issued to (the
   * authorization-code flow's token response). Like Cognito's, it is not rotated on use.
   */
  refreshTokenFor(accessToken: string, clientId: string): string {
    const claims = this.verify(accessToken);
    if (!claims || typeof claims.sub !== 'string') throw sessionExpired();
    return signToken(
      { sub: claims.sub, client_id: clientId, token_use: 'refresh' },
      this.secret,
      REFRESH_TTL_SECONDS,
      this.now(),
    );
  }

  /**
   * The refresh_token grant: a new access token with the account's roles as they are now, refused
   * once the account is closed or disabled (as Cognito refuses a disabled user's refresh), or when
   * the token was revoked (`isRevoked`, the /oauth2/revoke stand-in's list).
   */
  async refresh(
    refreshToken: string,
    clientId: string,
    isRevoked: (jti: string) => boolean = () => false,
  ): Promise<SignInResult> {
    const claims = verifyToken(refreshToken, this.secret, this.now());
    if (
      !claims ||
      claims.token_use !== 'refresh' ||
      claims.client_id !== clientId ||
      typeof claims.sub !== 'string' ||
      isRevoked(String(claims.jti))
    )
      throw sessionExpired();
    const [credentials, account] = await Promise.all([this.credentials(claims.sub), this.accounts.get(claims.sub)]);
    if (!credentials || !account || credentials.disabled || account.status !== 'active') throw sessionExpired();
    return this.tokensFor(claims.sub, account.username, account.roles);
  }

  /** The id of a valid refresh token of `clientId` (for revocation), or undefined. */
  refreshTokenId(refreshToken: string, clientId: string): string | undefined {
    const claims = verifyToken(refreshToken, this.secret, this.now());
    return claims && claims.token_use === 'refresh' && claims.client_id === clientId ? String(claims.jti) : undefined;
  }

  /** OAuth 2.0 client credentials for agency systems (Cognito's /oauth2/token). */
  async clientCredentials(
    clientId: string,
    clientSecret: string,
    requestedScopes: readonly string[],
  ): Promise<SignInResult> {
    // Client ids are 26 characters; a longer one cannot exist (and could not be a table key).
    const lookup = (key: { pk: string; sk: string }) =>
      clientId.length <= MAX_USERNAME_LENGTH
        ? this.client.send(new GetCommand({ TableName: this.tableName, Key: key }))
        : Promise.resolve({ Item: undefined });
    const [record, secret] = await Promise.all([
      lookup(keys.machineClient(clientId)),
      lookup(keys.machineClientSecret(clientId)),
    ]);
    const client = record.Item;
    // The same scrypt work for unknown clients, so timing does not tell which client ids exist.
    const secretMatches = await verifyPassword(
      clientSecret,
      secret.Item ? String(secret.Item.secretHash) : this.dummyHash,
    );
    if (!client || client.status !== 'active' || !secret.Item || !secretMatches) {
      throw new DomainError('unauthenticated', {
        vi: 'Thông tin ứng dụng không đúng',
        en: 'Invalid client credentials',
      });
    }
    const allowed = client.scopes as string[];
    const scopes = requestedScopes.length > 0 ? requestedScopes.filter((s) => allowed.includes(s)) : allowed;
    if (scopes.length === 0)
      throw new DomainError('forbidden', { vi: 'Phạm vi không được cấp', en: 'Scope not granted' });
    const accessToken = signToken(
      { sub: clientId, client_id: clientId, token_use: 'access', scope: scopes.join(' ') },
      this.secret,
      TOKEN_TTL_SECONDS,
      this.now(),
    );
    return { kind: 'tokens', accessToken, expiresIn: TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  async createMachineClient(): Promise<{ clientId: string; clientSecret: string }> {
    const clientId = randomUUID().replace(/-/g, '').slice(0, 26);
    // 256 random bits in characters that form-urlencoding leaves alone (as Cognito's secrets), so a
    // client that sends the secret in HTTP Basic without encoding it still authenticates.
    const clientSecret = randomBytes(32).toString('base64url');
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.machineClientSecret(clientId),
          type: 'MachineClientSecret',
          secretHash: await hashPassword(clientSecret, this.scryptN),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { clientId, clientSecret };
  }

  async deleteMachineClient(clientId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.machineClientSecret(clientId) }));
  }

  /**
   * Whether a user still has the temporary password it was created with (only a password change
   * clears `temporary`): lets the local stack keep showing demo passwords until they are changed.
   */
  async temporaryPasswordStatus(username: string): Promise<'pending' | 'expired' | 'changed' | 'unknown'> {
    const id = await this.accounts.idOfUsername(username);
    const credentials = id ? await this.credentials(id) : undefined;
    if (!credentials) return 'unknown';
    if (!credentials.temporary) return 'changed';
    return credentials.temporaryExpiresAt && credentials.temporaryExpiresAt < this.now().toISOString()
      ? 'expired'
      : 'pending';
  }

  /** Verifies a bearer token for the local gateway; undefined when invalid or expired. */
  verify(token: string): Record<string, unknown> | undefined {
    const claims = verifyToken(token, this.secret, this.now());
    return claims && claims.token_use === 'access' ? claims : undefined;
  }

  private tokensFor(id: string, username: string, roles: readonly Role[]): SignInResult {
    const accessToken = signToken(
      {
        sub: id,
        username,
        'cognito:groups': roles,
        client_id: LOCAL_CONSOLE_CLIENT_ID,
        token_use: 'access',
        scope: USER_SCOPE,
      },
      this.secret,
      TOKEN_TTL_SECONDS,
      this.now(),
    );
    return { kind: 'tokens', accessToken, expiresIn: TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  private async credentials(id: string): Promise<Credentials | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.credentials(id), ConsistentRead: true }),
    );
    return out.Item as Credentials | undefined;
  }

  /** Sets a new hash only over the one that was verified (and, for a first sign-in, still temporary). */
  private async replaceHash(id: string, previous: string, hash: string, mustBeTemporary: boolean): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.credentials(id),
          UpdateExpression: 'SET #hash = :hash, #temporary = :no REMOVE temporaryExpiresAt',
          ConditionExpression: mustBeTemporary ? '#hash = :previous AND #temporary = :yes' : '#hash = :previous',
          ExpressionAttributeNames: { '#hash': 'hash', '#temporary': 'temporary' },
          ExpressionAttributeValues: {
            ':hash': hash,
            ':previous': previous,
            ':no': false,
            ...(mustBeTemporary ? { ':yes': true } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async update(id: string, expression: string, values: Record<string, unknown>): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.credentials(id),
        UpdateExpression: expression,
        ExpressionAttributeValues: values,
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }
}
