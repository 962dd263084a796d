import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Unit, UnitHistoryEntry } from '../../domain/units/unit';
import type { AuditEntry } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import { keys } from './keys';
import { auditPut } from './audit-log';
import { queryIndexPage, queryPrefix, type Page } from './pagination';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** One change to a unit: its new state, the version it replaces (0: new), its history entry. */
export interface UnitChange {
  readonly unit: Unit;
  readonly expectedVersion: number;
  readonly history: UnitHistoryEntry;
  /** Domains this change claims for the unit (new units, new slugs). */
  readonly claimDomains?: readonly string[];
}

const toUnit = (item: Record<string, unknown>): Unit => {
  const { code, name, kind, parentCode, slug, domain, languages, status, successorCode, formerDomains, version } = item as unknown as Unit;
  return { code, name, kind, parentCode, slug, domain, languages, status, ...(successorCode ? { successorCode } : {}), formerDomains: formerDomains ?? [], version };
};

export class UnitRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(code: string): Promise<Unit | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.unit(code) }));
    return out.Item ? toUnit(out.Item) : undefined;
  }

  /** The unit and its ancestors, nearest first, up to the province. */
  async path(code: string): Promise<Unit[]> {
    const path: Unit[] = [];
    for (let next: string | null = code; next && path.length < 6; ) {
      const unit = await this.get(next);
      if (!unit) break;
      path.push(unit);
      next = unit.parentCode;
    }
    return path;
  }

  children(parentCode: string | null, limit: number, cursor?: string): Promise<Page<Unit>> {
    return queryIndexPage(this.client, this.tableName, { index: 'gsi1', partition: keys.unitsUnder(parentCode).gsi1pk, limit, cursor }, toUnit);
  }

  history(code: string): Promise<UnitHistoryEntry[]> {
    return queryPrefix(this.client, this.tableName, keys.unitHistoryOf(code), ({ at, event, detail }) => ({ at, event, detail }) as UnitHistoryEntry);
  }

  /** Applies changes to several units, their history and the audit entries atomically. */
  async apply(changes: readonly UnitChange[], audits: readonly AuditEntry[]): Promise<void> {
    const items: TransactItem[] = [];
    for (const change of changes) {
      const { unit, expectedVersion } = change;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.unit(unit.code), ...keys.unitsUnder(unit.parentCode, unit.code), type: 'Unit', ...unit },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      });
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.unitHistory(unit.code, change.history.at, randomUUID()), type: 'UnitHistory', ...change.history },
        },
      });
      for (const domain of change.claimDomains ?? []) {
        items.push({
          Put: {
            TableName: this.tableName,
            Item: { ...keys.domainClaim(domain), type: 'DomainClaim', unitCode: unit.code },
            ConditionExpression: 'attribute_not_exists(pk) OR unitCode = :code',
            ExpressionAttributeValues: { ':code': unit.code },
          },
        });
      }
    }
    for (const audit of audits) items.push(auditPut(this.tableName, audit));
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        const item = items[failed]?.Put?.Item as Record<string, unknown> | undefined;
        if (item?.type === 'DomainClaim') {
          throw new DomainError('conflict', {
            vi: `Tên miền ${String(item.pk).slice(7)} đã được đơn vị khác sử dụng`,
            en: `The domain ${String(item.pk).slice(7)} is already used by another unit`,
          });
        }
        if (item?.type === 'Unit') {
          throw new DomainError('conflict', {
            vi: `Đơn vị ${String(item.code)} đã tồn tại hoặc vừa bị thay đổi`,
            en: `Unit ${String(item.code)} already exists or changed meanwhile`,
          });
        }
      }
      throw error;
    }
  }
}
