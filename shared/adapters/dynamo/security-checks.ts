import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SecurityCheck } from '../../domain/operations/security-checks';
import { keys } from './keys';
import { queryPrefix } from './pagination';
import type { WriteAction } from './unit-of-work';

/** Recorded security checks (one small `SECCHECK` partition, by date) and the reminders' once-only markers. */
const toCheck = (item: Record<string, unknown>): SecurityCheck => {
  const { pk: _pk, sk: _sk, type: _type, ...check } = item;
  return check as unknown as SecurityCheck;
};

export class SecurityCheckRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Newest first (by when the check was performed). */
  latest(limit: number): Promise<SecurityCheck[]> {
    return queryPrefix(
      this.client,
      this.tableName,
      { ...keys.securityChecks(), limit, newestFirst: true, consistent: true },
      toCheck,
    );
  }

  record(check: SecurityCheck): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.securityCheck(check.performedAt, check.id), type: 'SecurityCheck', ...check },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Lần kiểm tra đã được ghi', en: 'The check was recorded already' } },
    };
  }

  /** Claims the reminder of one due date: a second claim fails its condition (the reminder was sent). */
  claimReminder(reminderKey: string, at: string): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.securityCheckReminder(reminderKey),
            type: 'SecurityCheckReminder',
            reminderKey,
            remindedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Đã nhắc cho hạn kiểm tra này', en: 'This due date was reminded already' } },
    };
  }
}
