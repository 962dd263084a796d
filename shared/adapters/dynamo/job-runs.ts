import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryPrefix } from './pagination';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../../events/catalogue';
import { keys } from './keys';

export type JobRun = EventDetail<'JobRunFinished'>;

/** The job ledger: one item per run, written once (a redelivered event changes nothing). */
export class JobRunRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Returns false when the run was already recorded. */
  async record(run: JobRun): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.jobRun(run.job, run.finishedAt, run.runId),
            ...keys.jobRunsByTime(run.finishedAt, run.job),
            type: 'JobRun',
            ...run,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
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
