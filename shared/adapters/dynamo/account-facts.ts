import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localDateOf } from '../../domain/questions/figures';
import type { RoleChangeFact } from '../../domain/reports/figures';
import { keys } from './keys';
import { queryMonths } from './pagination';
import type { WriteAction } from './unit-of-work';

/**
 * Frozen account facts per unit (issue 27 §2 "account changes"): a change of an account's roles,
 * written once in the commit that makes it (the account item keeps only its current roles, and a
 * report may not read the audit log). Opening and closure need no fact of their own: the account
 * item keeps `createdAt` and `closedAt`, which never change afterwards.
 */
export function putRoleChangeFact(
  tableName: string,
  unitCode: string,
  fact: RoleChangeFact,
  version: number,
): WriteAction {
  const localDate = localDateOf(new Date(fact.at));
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.accountFact(unitCode, localDate, fact.at, fact.accountId, version),
          type: 'AccountFact',
          kind: 'roles',
          unitCode,
          localDate,
          ...fact,
          previous: [...fact.previous],
          next: [...fact.next],
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConflict: { message: { vi: 'Tài khoản vừa thay đổi; hãy thử lại', en: 'The account just changed; try again' } },
  };
}

export class AccountFactRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The unit's role changes of the local dates `from`..`to`, one Query per month in `months`. */
  async roleChanges(unitCode: string, months: readonly string[], from: string, to: string): Promise<RoleChangeFact[]> {
    const items = await queryMonths(
      this.client,
      this.tableName,
      months,
      (month) => keys.accountFactsRange(unitCode, month, from, to),
      {
        ProjectionExpression: 'accountId, #at, previous, #next',
        ExpressionAttributeNames: { '#at': 'at', '#next': 'next' },
      },
    );
    return items.map((i) => ({
      accountId: String(i.accountId),
      at: String(i.at),
      previous: (i.previous as string[]) ?? [],
      next: (i.next as string[]) ?? [],
    }));
  }
}
