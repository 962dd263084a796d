import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Account } from '../../domain/accounts/account';
import type { Delegation } from '../../domain/access/authorize';
import type { AuditEntry } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import { keys } from './keys';
import { auditPut } from './audit-log';
import { queryIndexPage, queryPrefix, type Page } from './pagination';

const ACCOUNT_FIELDS = ['id', 'username', 'fullName', 'email', 'unitCode', 'roles', 'status', 'passwordChangedAt', 'mustChangePassword', 'closedAt', 'closedReason', 'successorId', 'createdAt', 'version'] as const;

const toAccount = (item: Record<string, unknown>): Account =>
  Object.fromEntries(ACCOUNT_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as Account;

const accountItem = (account: Account) => ({
  ...keys.account(account.id),
  ...keys.accountsOfUnit(account.unitCode, account.username),
  type: 'Account',
  ...account,
});

const conflict = (vi: string, en: string) => new DomainError('conflict', { vi, en });

/** Accounts, their username claims and delegations; every change with its audit entry. */
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
    return queryIndexPage(this.client, this.tableName, { index: 'gsi1', partition: keys.accountsOfUnit(unitCode).gsi1pk, limit, cursor }, toAccount);
  }

  async create(account: Account, audit: AuditEntry): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...keys.username(account.username), type: 'Username', accountId: account.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: accountItem(account), ConditionExpression: 'attribute_not_exists(pk)' } },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw conflict(`Tên đăng nhập ${account.username} đã tồn tại`, `The username ${account.username} is taken`);
      }
      throw error;
    }
  }

  /** Replaces an account if it is still at `expected.version`, with an audit entry (none for self-service bookkeeping). */
  async replace(next: Account, expectedVersion: number, audit?: AuditEntry): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: accountItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } } },
            ...(audit ? [auditPut(this.tableName, audit)] : []),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw conflict(`Tài khoản ${next.username} vừa bị thay đổi; hãy thử lại`, `Account ${next.username} changed meanwhile; try again`);
      }
      throw error;
    }
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

  async putDelegation(delegation: Delegation, audit: AuditEntry, onlyIfNew: boolean): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.delegation(delegation.deputyId, delegation.id),
                ...keys.delegationsOfUnit(delegation.unitCode, delegation.validFrom, delegation.id),
                type: 'Delegation',
                ...delegation,
              },
              ...(onlyIfNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)' }),
            },
          },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async getDelegation(deputyId: string, id: string): Promise<Delegation | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.delegation(deputyId, id) }));
    return out.Item ? toDelegation(out.Item) : undefined;
  }

  /** Records that the user set a new password (first sign-in or change), with its audit entry. */
  async recordPasswordChange(id: string, at: string, audit: AuditEntry): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.account(id),
                UpdateExpression: 'SET passwordChangedAt = :at, mustChangePassword = :no, version = version + :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':at': at, ':no': false, ':one': 1 },
              },
            },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new DomainError('not_found', { vi: 'Không có tài khoản', en: 'No such account' });
      throw error;
    }
  }

}

const toDelegation = (item: Record<string, unknown>): Delegation => {
  const { id, deputyId, unitCode, actions, validFrom, validTo, revokedAt } = item as unknown as Delegation;
  return { id, deputyId, unitCode, actions, validFrom, validTo, ...(revokedAt ? { revokedAt } : {}) };
};
