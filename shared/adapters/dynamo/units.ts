import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Unit, UnitHistoryEntry } from '../../domain/units/unit';
import { keys } from './keys';
import { queryIndexPage, queryPrefix, type Page } from './pagination';
import { versionCondition, type WriteAction } from './unit-of-work';

/** One change to a unit: its new state, the version it replaces (0: new), its history entry. */
export interface UnitChange {
  readonly unit: Unit;
  readonly expectedVersion: number;
  readonly history: UnitHistoryEntry;
  /** Domains this change claims for the unit (new units, new slugs). */
  readonly claimDomains?: readonly string[];
  /** Set when the client named `expectedVersion` (If-Match): a failure then means its copy was stale. */
  readonly ifMatch?: boolean;
}

const toUnit = (item: Record<string, unknown>): Unit => {
  const {
    code,
    name,
    kind,
    parentCode,
    ancestorCodes,
    slug,
    domain,
    languages,
    status,
    successorCode,
    formerDomains,
    offices,
    version,
  } = item as unknown as Unit;
  return {
    code,
    name,
    kind,
    parentCode,
    ...(ancestorCodes ? { ancestorCodes } : {}),
    slug,
    domain,
    languages,
    status,
    ...(successorCode ? { successorCode } : {}),
    formerDomains: formerDomains ?? [],
    ...(offices ? { offices } : {}),
    version,
  };
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

  /**
   * The codes of the unit and its ancestors, nearest first, for access checks: one GetItem,
   * since every unit stores its ancestors' codes (codes never change; a unit never moves).
   * Empty when there is no such unit.
   */
  async scopeOf(code: string): Promise<string[]> {
    const unit = await this.get(code);
    if (!unit) return [];
    return unit.ancestorCodes ? [unit.code, ...unit.ancestorCodes] : (await this.path(code)).map((u) => u.code);
  }

  /** The unit and its ancestors, nearest first, up to the province (two round trips). */
  async path(code: string): Promise<Unit[]> {
    const unit = await this.get(code);
    if (!unit) return [];
    if (!unit.ancestorCodes) return this.walk(unit);
    if (unit.ancestorCodes.length === 0) return [unit];
    const out = await this.client.send(
      new BatchGetCommand({
        RequestItems: { [this.tableName]: { Keys: unit.ancestorCodes.map((c) => keys.unit(c)) } },
      }),
    );
    const found = new Map(
      ((out.Responses?.[this.tableName] ?? []) as Record<string, unknown>[]).map((i) => [String(i.code), toUnit(i)]),
    );
    const ancestors = unit.ancestorCodes.map((c) => found.get(c)).filter((u): u is Unit => u !== undefined);
    // Any ancestor left unprocessed or missing: fall back to walking the parents.
    return ancestors.length === unit.ancestorCodes.length ? [unit, ...ancestors] : this.walk(unit);
  }

  /** Units written before ancestors were stored: follow the parents one by one. */
  private async walk(unit: Unit): Promise<Unit[]> {
    const path: Unit[] = [unit];
    for (let next = unit.parentCode; next && path.length < 6; ) {
      const parent = await this.get(next);
      if (!parent) break;
      path.push(parent);
      next = parent.parentCode;
    }
    return path;
  }

  children(parentCode: string | null, limit: number, cursor?: string): Promise<Page<Unit>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.unitsUnder(parentCode).gsi1pk, limit, cursor },
      toUnit,
    );
  }

  history(code: string): Promise<UnitHistoryEntry[]> {
    return queryPrefix(
      this.client,
      this.tableName,
      keys.unitHistoryOf(code),
      ({ at, event, detail }) => ({ at, event, detail }) as UnitHistoryEntry,
    );
  }

  /** The writes of one unit change: the unit (if still at its version), its history entry, its domain claims. */
  change(change: UnitChange): WriteAction[] {
    const { unit, expectedVersion } = change;
    const actions: WriteAction[] = [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.unit(unit.code), ...keys.unitsUnder(unit.parentCode, unit.code), type: 'Unit', ...unit },
            ...versionCondition(expectedVersion),
          },
        },
        onConflict: {
          code: change.ifMatch ? 'precondition_failed' : 'conflict',
          message:
            expectedVersion === 0
              ? { vi: `Đơn vị ${unit.code} đã tồn tại`, en: `Unit ${unit.code} already exists` }
              : {
                  vi: `Đơn vị ${unit.code} vừa bị thay đổi; hãy tải lại rồi thử lại`,
                  en: `Unit ${unit.code} changed meanwhile; reload and try again`,
                },
        },
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.unitHistory(unit.code, change.history.at, randomUUID()),
              type: 'UnitHistory',
              ...change.history,
            },
          },
        },
        onConflict: { message: { vi: 'Mục lịch sử đã tồn tại', en: 'The history entry exists already' } },
      },
    ];
    for (const domain of change.claimDomains ?? []) {
      actions.push({
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.domainClaim(domain), type: 'DomainClaim', unitCode: unit.code },
            ConditionExpression: 'attribute_not_exists(pk) OR unitCode = :code',
            ExpressionAttributeValues: { ':code': unit.code },
          },
        },
        onConflict: {
          field: 'slug',
          message: {
            vi: `Tên miền ${domain} đã được đơn vị khác sử dụng`,
            en: `The domain ${domain} is already used by another unit`,
          },
        },
      });
    }
    return actions;
  }
}
