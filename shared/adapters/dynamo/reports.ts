import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../../domain/reports/periods';
import type { ReportState } from '../../domain/reports/workflow';
import { keys, withoutStorageKeys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import type { Work, WriteAction } from './unit-of-work';
import { workOfPlan } from './workflow-commit';
import type { TransitionPlan } from '../../domain/workflow/types';

/** A report as stored: its workflow fields, its free text, and where its figures are (S3) with their digest. */
export interface ReportRecord {
  readonly id: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
  readonly kind: string;
  readonly preset: string;
  readonly citation: string;
  readonly title: string;
  readonly period: Period;
  readonly dueAt: string;
  readonly state: ReportState;
  readonly version: number;
  readonly openClocks: readonly never[];
  readonly trigger: 'on-demand' | 'schedule';
  readonly generatedBy: string;
  readonly generatedAt: string;
  /** Everyone who wrote its free text: none of them may approve it. */
  readonly editors: readonly string[];
  readonly sections: Readonly<Record<string, string>>;
  readonly figuresKey: string;
  readonly figuresVersionId?: string;
  /** SHA-256 (hex) of the stored figures' bytes. */
  readonly digest: string;
  readonly submittedBy?: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  /** "Số: 12/BC-BBT", given when it is sent, with the date it bears. */
  readonly number?: string;
  readonly sentOn?: string;
  readonly sentAt?: string;
}

export class ReportRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One workflow step on a report: its workflow fields and `set`, conditional on the version read, with its audit entry and event. */
  stepWrites(
    plan: TransitionPlan<string, string, string>,
    set: Readonly<Record<string, unknown>>,
    due: Readonly<Partial<Record<string, string>>>,
  ): Work {
    return workOfPlan(plan, {
      tableName: this.tableName,
      itemKey: keys.report(plan.aggregate.id),
      dueOf: (open) => due[open.clock]!,
      extraSet: set,
    });
  }

  async get(id: string): Promise<ReportRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.report(id), ConsistentRead: true }),
    );
    return out.Item ? (withoutStorageKeys(out.Item) as unknown as ReportRecord) : undefined;
  }

  ofUnit(unitCode: string, limit: number, cursor?: string): Promise<Page<ReportRecord>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      { index: 'gsi1', partition: keys.reportsOfUnit(unitCode).gsi1pk, limit, cursor, newestFirst: true },
      (i) => withoutStorageKeys(i) as unknown as ReportRecord,
    );
  }

  /** A new report: one per kind, period and unit (a second generation is a 409 naming the first). */
  create(record: ReportRecord): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.report(record.id),
            ...keys.reportsOfUnit(record.unitCode, record.generatedAt, record.id),
            type: 'Report',
            ...record,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: {
        field: 'period',
        message: { vi: `Báo cáo ${record.id} đã được tạo`, en: `Report ${record.id} exists already` },
      },
    };
  }

  /** Replaces the free text of a draft still at `expectedVersion`, and records the editor. */
  updateText(
    record: ReportRecord,
    sections: Readonly<Record<string, string>>,
    editor: string,
    at: string,
    ifMatch: boolean,
  ): WriteAction {
    const editors = record.editors.includes(editor) ? record.editors : [...record.editors, editor];
    const message = {
      vi: `Báo cáo ${record.id} đã thay đổi từ phiên bản ${record.version}`,
      en: `Report ${record.id} changed since version ${record.version}`,
    };
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.report(record.id),
          UpdateExpression: 'SET sections = :sections, editors = :editors, version = :next, updatedAt = :at',
          ConditionExpression: '#state = :draft AND version = :expected',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sections': sections,
            ':editors': editors,
            ':next': record.version + 1,
            ':at': at,
            ':draft': 'draft',
            ':expected': record.version,
          },
        },
      },
      onConflict: ifMatch
        ? { code: 'precondition_failed', field: 'expectedVersion', message }
        : { code: 'conflict', message },
    };
  }
}
