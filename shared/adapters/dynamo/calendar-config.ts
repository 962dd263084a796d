import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './pagination';
import {
  holidayRuleSchema,
  officialScheduleSchema,
  type HolidayRule,
  type OfficialSchedule,
} from '../../domain/calendar';
import type { AuditEntry } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import { keys } from './keys';
import type { Work } from './unit-of-work';

/** Operator-configured calendar data (schedules per year, holiday rules), versioned and audited. */
export interface StoredCalendarConfig {
  readonly rules: HolidayRule[];
  readonly schedules: OfficialSchedule[];
  /** Changes whenever anything stored changes; lets callers reuse a built calendar. */
  readonly fingerprint: string;
}

/** Builds the audit entry once the state before the change is known. */
export type AuditFor = (before: unknown, after: unknown) => AuditEntry;

export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

export class CalendarConfigRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async load(): Promise<StoredCalendarConfig> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.calendarConfig().pk },
    });
    const rules: HolidayRule[] = [];
    const schedules: OfficialSchedule[] = [];
    for (const item of items) {
      if (item.type === 'HolidayRule') rules.push(holidayRuleSchema.parse(item.value));
      if (item.type === 'OfficialSchedule') schedules.push(officialScheduleSchema.parse(item.value));
    }
    const fingerprint = items
      .map((i) => `${String(i.sk)}@${String(i.version)}`)
      .sort()
      .join('|');
    return { rules, schedules, fingerprint };
  }

  async getSchedule(year: number): Promise<Versioned<OfficialSchedule> | undefined> {
    return this.get(keys.calendarSchedule(year), officialScheduleSchema.parse);
  }

  async getRule(id: string): Promise<Versioned<HolidayRule> | undefined> {
    return this.get(keys.holidayRule(id), holidayRuleSchema.parse);
  }

  private async get<T>(key: { pk: string; sk: string }, parse: (v: unknown) => T): Promise<Versioned<T> | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return out.Item ? { value: parse(out.Item.value), version: Number(out.Item.version) } : undefined;
  }

  putSchedule(schedule: OfficialSchedule, expectedVersion: number | undefined, audit: AuditFor) {
    return this.put(keys.calendarSchedule(schedule.year), 'OfficialSchedule', schedule, expectedVersion, audit);
  }

  putRule(rule: HolidayRule, expectedVersion: number | undefined, audit: AuditFor) {
    return this.put(keys.holidayRule(rule.id), 'HolidayRule', rule, expectedVersion, audit);
  }

  /**
   * The write of a new value with its audit entry, for the unit of work. With `expectedVersion`
   * (If-Match) it only succeeds if nobody changed the item since (0: it must not exist yet).
   */
  private async put(
    key: { pk: string; sk: string },
    type: string,
    value: unknown,
    expectedVersion: number | undefined,
    auditFor: AuditFor,
  ): Promise<{ work: Work; version: number }> {
    const current = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    const currentVersion = current.Item ? Number(current.Item.version) : 0;
    const audit = auditFor(current.Item?.value ?? null, value);
    const code = expectedVersion === undefined ? 'conflict' : 'precondition_failed';
    if (expectedVersion !== undefined && expectedVersion !== currentVersion)
      throw new DomainError(code, versionConflict(currentVersion));
    const version = currentVersion + 1;
    const work: Work = {
      actions: [
        {
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...key, type, value, version, updatedAt: audit.at, updatedBy: audit.actor.id },
              ConditionExpression: currentVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
              ...(currentVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': currentVersion } }),
            },
          },
          onConflict: { code, message: versionConflict(currentVersion) },
        },
      ],
      audits: [audit],
    };
    return { work, version };
  }
}

const versionConflict = (current: number) => ({
  vi: `Dữ liệu đã bị thay đổi (phiên bản trước đó ${current}); hãy tải lại rồi sửa`,
  en: `The item changed meanwhile (it was at version ${current}); reload and edit again`,
});
