import { queryPrefix } from './pagination';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../../events/catalogue';
import { keys } from './keys';
import type { Work } from './unit-of-work';

export type JobRun = EventDetail<'JobRunFinished'>;

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
              Item: { ...keys.jobRun(run.job, run.finishedAt, run.runId), ...keys.jobRunsByTime(run.finishedAt, run.job), type: 'JobRun', ...run, expiresAt },
            },
          },
          onConflict: { message: { vi: `Không ghi được lần chạy ${run.runId}`, en: `Run ${run.runId} could not be recorded` } },
        },
        {
          item: {
            Update: {
              TableName: this.tableName,
              Key: keys.jobStats(run.job),
              UpdateExpression: 'SET #type = :type, job = :job, lastRunId = :run, lastOutcome = :outcome, lastFinishedAt = :at ADD runs :one',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':type': 'JobStats', ':job': run.job, ':run': run.runId, ':outcome': run.outcome, ':at': run.finishedAt, ':one': 1 },
            },
          },
          onConflict: { message: { vi: 'Thống kê công việc vừa thay đổi', en: 'The job statistics changed meanwhile' } },
        },
      ],
    };
  }

  async stats(job: string): Promise<{ runs: number; lastRunId?: string } | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.jobStats(job) }));
    return out.Item ? { runs: Number(out.Item.runs), lastRunId: out.Item.lastRunId as string } : undefined;
  }

  latest(job: string, limit = 20): Promise<JobRun[]> {
    return queryPrefix(
      this.client,
      this.tableName,
      { ...keys.jobRunsOf(job), limit, newestFirst: true },
      ({ job: j, runId, trigger, startedAt, finishedAt, outcome, summary }) => ({ job: j, runId, trigger, startedAt, finishedAt, outcome, summary }) as JobRun,
    );
  }
}
