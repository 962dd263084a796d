import { queryPrefix } from './pagination';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../../events/catalogue';
import { keys } from './keys';
import type { Work } from './unit-of-work';

export type JobRun = EventDetail<'JobRunFinished'>;

/** Per job: how many runs, and the last run and last success (null: recorded before these were kept, or never). */
export interface JobStats {
  readonly runs: number;
  readonly lastRunId: string;
  readonly lastOutcome: 'succeeded' | 'failed';
  readonly lastStartedAt: string | null;
  readonly lastFinishedAt: string | null;
  readonly lastSucceededAt: string | null;
}

/** Ledger entries are evidence for operators; DynamoDB TTL removes them after this long. */
export const JOB_RUN_RETENTION_DAYS = 400;

/**
 * The job ledger: one item per run, expiring after JOB_RUN_RETENTION_DAYS, and per job a count
 * of recorded runs. The consumer records each JobRunFinished event once (keyed by event id).
 */
export class JobRunRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The writes that record a run: its ledger item and the job's run count. */
  record(run: JobRun): Work {
    const expiresAt = Math.floor(Date.parse(run.finishedAt) / 1000) + JOB_RUN_RETENTION_DAYS * 86_400;
    return {
      actions: [
        {
          item: {
            Put: {
              TableName: this.tableName,
              // Unconditional: the same run written twice is the same item; the count is guarded by the event id.
              Item: {
                ...keys.jobRun(run.job, run.finishedAt, run.runId),
                ...keys.jobRunsByTime(run.finishedAt, run.job),
                type: 'JobRun',
                ...run,
                expiresAt,
              },
            },
          },
          onConflict: {
            message: { vi: `Không ghi được lần chạy ${run.runId}`, en: `Run ${run.runId} could not be recorded` },
          },
        },
        {
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.jobStats(run.job),
              // The last success is kept apart: the missed-schedule alarms and GET /jobs measure from it.
              UpdateExpression: `SET #type = :type, job = :job, lastRunId = :run, lastOutcome = :outcome, lastStartedAt = :started, lastFinishedAt = :at${run.outcome === 'succeeded' ? ', lastSucceededAt = :at' : ''} ADD runs :one`,
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':type': 'JobStats',
                ':job': run.job,
                ':run': run.runId,
                ':outcome': run.outcome,
                ':started': run.startedAt,
                ':at': run.finishedAt,
                ':one': 1,
              },
            },
          },
          onConflict: {
            message: { vi: 'Thống kê công việc vừa thay đổi', en: 'The job statistics changed meanwhile' },
          },
        },
      ],
    };
  }

  async stats(job: string): Promise<JobStats | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.jobStats(job) }));
    if (!out.Item) return undefined;
    const item = out.Item as Record<string, unknown>;
    const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : null);
    return {
      runs: Number(item.runs),
      lastRunId: String(item.lastRunId),
      lastOutcome: item.lastOutcome === 'failed' ? 'failed' : 'succeeded',
      lastStartedAt: text('lastStartedAt'),
      lastFinishedAt: text('lastFinishedAt'),
      lastSucceededAt: text('lastSucceededAt'),
    };
  }

  latest(job: string, limit = 20): Promise<JobRun[]> {
    return queryPrefix(
      this.client,
      this.tableName,
      { ...keys.jobRunsOf(job), limit, newestFirst: true },
      ({ job: j, runId, trigger, startedAt, finishedAt, outcome, summary }) =>
        ({ job: j, runId, trigger, startedAt, finishedAt, outcome, summary }) as JobRun,
    );
  }
}
