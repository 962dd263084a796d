import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ContentPublication,
  ContentStep,
  IncidentFact,
  OperationsFacts,
  UnitFacts,
} from '../../domain/reports/figures';
import type { FrozenAttribution } from '../../domain/reports/royalties';
import { monthsOf, type Period } from '../../domain/reports/periods';
import { keys } from './keys';
import { queryAll } from './pagination';
import { QuestionFactRepository } from './question-facts';
import { AccountFactRepository } from './account-facts';
import { InformationRatingRepository } from './information-ratings';

/**
 * Reads the frozen facts a report sums (issue 27 §2), never the audit log (a function that writes
 * may not read audit partitions: infra/constructs/table-access.ts). Per unit: its content items
 * (gsi1, by creation) and, for those changed since the period began, their append-only revisions;
 * its Q&A fact partitions (one Query per local month: steps, progress notices, escalations,
 * ratings); its accounts (gsi1) and its account-fact partitions (role changes, one Query a month). Portal-wide: incidents
 * by report time (gsi1), the backup and drill job ledgers, security checks by date. Each read is a
 * key-range Query; nothing is scanned.
 */
const JOBS = ['weekly-backup', 'restore-drill'] as const;

export class ReportFactsReader {
  private readonly questions: QuestionFactRepository;
  private readonly accountFacts: AccountFactRepository;
  private readonly ratings: InformationRatingRepository;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.questions = new QuestionFactRepository(client, tableName);
    this.accountFacts = new AccountFactRepository(client, tableName);
    this.ratings = new InformationRatingRepository(client, tableName);
  }

  /** The unit and every unit below it (breadth first, at most `max`), with their names. */
  async unitTree(code: string, max = 200): Promise<{ code: string; name: string }[]> {
    const root = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': keys.unit(code).pk, ':sk': 'UNIT' },
    });
    if (root.length === 0) return [];
    const out = [{ code, name: (root[0]!.name as { vi: string }).vi }];
    for (let i = 0; i < out.length && out.length < max; i += 1) {
      const children = await queryAll(this.client, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.unitsUnder(out[i]!.code).gsi1pk },
        ProjectionExpression: 'code, #name, #status',
        ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
      });
      for (const c of children) out.push({ code: String(c.code), name: (c.name as { vi: string }).vi });
    }
    return out.slice(0, max);
  }

  async unitFacts(unit: { code: string; name: string }, p: Period): Promise<UnitFacts> {
    const [content, questionFacts, roleChanges, accounts, ratingFacts] = await Promise.all([
      this.content(unit.code, p),
      this.questions.facts(unit.code, monthsOf(p), p.from, p.to),
      this.accountFacts.roleChanges(unit.code, monthsOf(p), p.from, p.to),
      queryAll(this.client, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.accountsOfUnit(unit.code).gsi1pk },
        ProjectionExpression: 'createdAt, closedAt',
      }),
      this.ratings.facts(unit.code, monthsOf(p), p.from, p.to),
    ]);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      ...content,
      questionFacts,
      accounts: accounts.map((a) => ({
        createdAt: String(a.createdAt),
        ...(typeof a.closedAt === 'string' && { closedAt: a.closedAt }),
      })),
      roleChanges,
      ratingFacts,
    };
  }

  /** Items created before the cut-off; the revisions only of those changed since the period began. */
  private async content(
    unitCode: string,
    p: Period,
  ): Promise<{ contentSteps: ContentStep[]; publications: ContentPublication[] }> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :end',
      ExpressionAttributeValues: { ':pk': keys.contentOfUnit(unitCode).gsi1pk, ':end': p.endsAt },
      ProjectionExpression: 'id, category, publishedAt, publishedOnTime, updatedAt',
    });
    const publications = items
      .filter((i) => typeof i.publishedAt === 'string')
      .map((i) => ({
        itemId: String(i.id),
        category: String(i.category),
        publishedAt: String(i.publishedAt),
        onTime: i.publishedOnTime === true,
      }));
    const changed = items.filter((i) => String(i.updatedAt) >= p.startsAt);
    const revisions = await Promise.all(
      changed.map((i) =>
        queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rev)',
          ExpressionAttributeValues: {
            ':pk': keys.contentItem(String(i.id)).pk,
            ':rev': keys.contentRevisionsOf('').skPrefix,
          },
          ProjectionExpression: '#at, #action',
          ExpressionAttributeNames: { '#at': 'at', '#action': 'action' },
        }).then((rows) =>
          rows.map(
            (r): ContentStep => ({
              itemId: String(i.id),
              category: String(i.category),
              action: String(r.action),
              at: String(r.at),
            }),
          ),
        ),
      ),
    );
    return { contentSteps: revisions.flat(), publications };
  }

  async operations(p: Period, restoreLimitHours: number): Promise<OperationsFacts> {
    const [incidents, runs, checks] = await Promise.all([
      queryAll(this.client, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.incidentsByTime().gsi1pk, ':from': p.startsAt, ':to': p.endsAt },
        ProjectionExpression: 'reportedAt, detectedAt, restoredAt',
      }),
      Promise.all(
        JOBS.map((job) =>
          queryAll(this.client, {
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': keys.jobRunsOf(job).pk,
              ':from': `RUN#${p.startsAt}`,
              ':to': `RUN#${p.endsAt}`,
            },
            ProjectionExpression: 'job, finishedAt, outcome',
          }),
        ),
      ),
      queryAll(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.securityChecks().pk,
          ':from': `CHECK#${p.startsAt}`,
          ':to': `CHECK#${p.endsAt}`,
        },
        ProjectionExpression: 'performedAt',
      }),
    ]);
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      incidents: incidents.map(
        (i): IncidentFact => ({
          reportedAt: String(i.reportedAt),
          detectedAt: text(i.detectedAt),
          restoredAt: text(i.restoredAt),
        }),
      ),
      jobRuns: runs
        .flat()
        .map((r) => ({ job: String(r.job), finishedAt: String(r.finishedAt), outcome: String(r.outcome) })),
      securityChecks: checks.map((c) => ({ performedAt: String(c.performedAt) })),
      restoreLimitHours,
    };
  }

  /** The attributions frozen in `quarter` for each unit (one small partition each). */
  async attributions(unitCodes: readonly string[], quarter: string): Promise<FrozenAttribution[]> {
    const pages = await Promise.all(
      unitCodes.map((code) => {
        const k = keys.attributionsOfQuarter(code, quarter);
        return queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix },
        });
      }),
    );
    return pages.flat().map((a) => ({
      itemId: String(a.itemId),
      unitCode: String(a.unitCode),
      title: String(a.title),
      category: String(a.category),
      contributors: (a.contributors as FrozenAttribution['contributors']) ?? [],
      frozenAt: String(a.frozenAt),
      quarter: String(a.quarter),
    }));
  }
}
