import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Account } from '../../domain/accounts/account';
import type { Delegation } from '../../domain/access/authorize';
import { toAccount, toDelegation } from './accounts';
import { toClient, type MachineClient } from './machine-clients';
import { keys } from './keys';
import { queryAll } from './pagination';

/**
 * What principal resolution reads on every signed-in request: an account with its delegations, or
 * a machine client. Apart from the repositories (accounts.ts, machine-clients.ts, whose item
 * mappers it shares), so that a function that only needs to know who calls does not carry account
 * management into its bundle.
 */
export class PrincipalRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The account and its delegations in one round trip: they share the account's partition
   * (ACCOUNT#id: ACCOUNT, CREDENTIALS, DELEGATION#…). Credentials are never read here.
   */
  async accountWithDelegations(id: string): Promise<{ account?: Account; delegations: Delegation[] }> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#type IN (:account, :delegation)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':pk': keys.account(id).pk, ':account': 'Account', ':delegation': 'Delegation' },
    });
    const accountItem = items.find((i) => i.type === 'Account');
    return {
      ...(accountItem ? { account: toAccount(accountItem) } : {}),
      delegations: items.filter((i) => i.type === 'Delegation').map(toDelegation),
    };
  }

  async machineClient(clientId: string): Promise<MachineClient | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.machineClient(clientId) }),
    );
    return out.Item ? toClient(out.Item) : undefined;
  }
}
