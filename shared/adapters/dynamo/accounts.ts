import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Account } from '../../domain/accounts/account';
import type { Delegation } from '../../domain/access/authorize';
import type { AuditEntry } from '../../domain/audit';
import { keys } from './keys';
import { queryIndexPage, queryPrefix, type Page } from './pagination';
import { UnitOfWork, versionCondition, type ConflictReport, type WriteAction } from './unit-of-work';

const ACCOUNT_FIELDS = [
  'id',
  'username',
  'fullName',
  'email',
  'unitCode',
  'roles',
  'status',
  'passwordChangedAt',
  'mustChangePassword',
  'closedAt',
  'closedReason',
  'successorId',
  'createdAt',
  'version',
] as const;

export const toAccount = (item: Record<string, unknown>): Account =>
  Object.fromEntries(
    ACCOUNT_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]),
  ) as unknown as Account;

const accountItem = (account: Account) => ({
  ...keys.account(account.id),
  ...keys.accountsOfUnit(account.unitCode, account.username),
  type: 'Account',
  ...account,
});

export const toDelegation = (item: Record<string, unknown>): Delegation => {
  const { id, deputyId, unitCode, actions, validFrom, validTo, revokedAt } = item as unknown as Delegation;
  return { id, deputyId, unitCode, actions, validFrom, validTo, ...(revokedAt ? { revokedAt } : {}) };
};

/** Who may replace an account: anyone holding `expectedVersion`, or a client whose If-Match said so. */
export type Staleness = 'conflict' | 'precondition_failed';

/**
 * Accounts, their username claims and delegations. Reads go to the table; writes come back as
 * transaction actions for the unit of work, each naming the conflict its condition guards.
 */
export class AccountRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Account | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.account(id) }));
    return out.Item ? toAccount(out.Item) : undefined;
  }

  async idOfUsername(username: string): Promise<string | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.username(username) }));
    return out.Item?.accountId as string | undefined;
  }

  ofUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<Account>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.accountsOfUnit(unitCode).gsi1pk, limit, cursor },
      toAccount,
    );
  }

  /**
   * Reserves a username before the identity provider creates the user, so that only the
   * request that wins the name creates credentials (issue 12 #5). `requestId` lets a retry of
   * the same request find its own reservation.
   */
  reserveUsername(username: string, requestId: string, at: string): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.username(username), type: 'Username', status: 'reserved', requestId, reservedAt: at },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :reserved AND requestId = :request)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':reserved': 'reserved', ':request': requestId },
        },
      },
      onConflict: usernameTaken(username),
    };
  }

  /** Drops a reservation that never became an account (the identity provider refused). */
  releaseUsername(username: string, requestId: string): WriteAction {
    return {
      item: {
        Delete: {
          TableName: this.tableName,
          Key: keys.username(username),
          ConditionExpression: '#status = :reserved AND requestId = :request',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':reserved': 'reserved', ':request': requestId },
        },
      },
      onConflict: usernameTaken(username),
    };
  }

  /** The new account, turning the request's username reservation into the claim. */
  create(account: Account, requestId: string): WriteAction[] {
    return [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.username(account.username), type: 'Username', status: 'claimed', accountId: account.id },
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :reserved AND requestId = :request)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':reserved': 'reserved', ':request': requestId },
          },
        },
        onConflict: usernameTaken(account.username),
      },
      {
        item: { Put: { TableName: this.tableName, Item: accountItem(account), ...versionCondition(0) } },
        onConflict: usernameTaken(account.username),
      },
    ];
  }

  /** Replaces an account if it is still at `expectedVersion`. */
  replace(next: Account, expectedVersion: number, staleness: Staleness = 'conflict'): WriteAction {
    return {
      item: { Put: { TableName: this.tableName, Item: accountItem(next), ...versionCondition(expectedVersion) } },
      onConflict: {
        code: staleness,
        message: {
          vi: `Tài khoản ${next.username} vừa bị thay đổi; hãy tải lại rồi thử lại`,
          en: `Account ${next.username} changed meanwhile; reload and try again`,
        },
      },
    };
  }

  delegationsOf(deputyId: string): Promise<Delegation[]> {
    return queryPrefix(this.client, this.tableName, keys.delegationsOf(deputyId), toDelegation);
  }

  delegationsOfUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<Delegation>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.delegationsOfUnit(unitCode).gsi1pk, limit, cursor, newestFirst: true },
      toDelegation,
    );
  }

  /** A new delegation (`onlyIfNew`) or its revocation (only while it is not revoked yet). */
  putDelegation(delegation: Delegation, onlyIfNew: boolean): WriteAction {
    const onConflict: ConflictReport = onlyIfNew
      ? { message: { vi: 'Ủy quyền đã tồn tại', en: 'The delegation exists already' } }
      : {
          message: {
            vi: 'Ủy quyền đã bị thu hồi hoặc không còn',
            en: 'The delegation was revoked meanwhile or is gone',
          },
        };
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.delegation(delegation.deputyId, delegation.id),
            ...keys.delegationsOfUnit(delegation.unitCode, delegation.validFrom, delegation.id),
            type: 'Delegation',
            ...delegation,
          },
          ConditionExpression: onlyIfNew
            ? 'attribute_not_exists(pk)'
            : 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        },
      },
      onConflict,
    };
  }

  async getDelegation(deputyId: string, id: string): Promise<Delegation | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.delegation(deputyId, id) }),
    );
    return out.Item ? toDelegation(out.Item) : undefined;
  }

  /** Marks that the user set a new password (first sign-in or change). */
  passwordChanged(id: string, at: string): WriteAction {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.account(id),
          UpdateExpression: 'SET passwordChangedAt = :at, mustChangePassword = :no, version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at, ':no': false, ':one': 1 },
        },
      },
      onConflict: { code: 'not_found', message: { vi: 'Không có tài khoản', en: 'No such account' } },
    };
  }

  /** Records a password change with its audit entry, in one transaction (the local identity provider's path). */
  async recordPasswordChange(id: string, at: string, audit: AuditEntry): Promise<void> {
    await new UnitOfWork(this.client, this.tableName).commit(
      { actions: [this.passwordChanged(id, at)], audits: [audit] },
      { requestId: audit.requestId, now: new Date(at) },
    );
  }
}

const usernameTaken = (username: string): ConflictReport => ({
  field: 'username',
  message: { vi: `Tên đăng nhập ${username} đã tồn tại`, en: `The username ${username} is taken` },
});
