import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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

  async latest(job: string, limit = 20): Promise<JobRun[]> {
    const { pk, skPrefix } = keys.jobRunsOf(job);
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(({ job: j, runId, trigger, startedAt, finishedAt, outcome, summary }) => ({
      job: j, runId, trigger, startedAt, finishedAt, outcome, summary,
    })) as JobRun[];
  }
}
