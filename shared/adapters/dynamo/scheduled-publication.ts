import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sweepDue } from './due-sweep';
import { keys, PUBLISH_SHARDS } from './keys';
import type { WriteAction } from './unit-of-work';

/**
 * Scheduled-publication markers (`CONTENT#<id>` / `SCHEDULE`): put by the `schedule` step, deleted
 * by whatever step takes the item out of `scheduled`, all in the step's own transaction. On the
 * sparse due index under `PUBLISHAT#<shard>` by `publishAt`, so the job reads only what is due.
 */
export interface DueMarker {
  readonly id: string;
  readonly publishAt: string;
}

export class ScheduledPublicationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  mark(id: string, publishAt: string): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.scheduledPublication(id),
            type: 'ScheduledPublication',
            id,
            publishAt,
            ...keys.scheduledPublicationDue(keys.publishShardOf(id), publishAt),
          },
        },
      },
      onConflict: { message: { vi: `Không hẹn giờ đăng được ${id}`, en: `Could not schedule ${id}` } },
    };
  }

  clear(id: string): WriteAction {
    return {
      item: { Delete: { TableName: this.tableName, Key: keys.scheduledPublication(id) } },
      onConflict: { message: { vi: `Không hủy được hẹn giờ đăng ${id}`, en: `Could not clear the schedule of ${id}` } },
    };
  }

  /**
   * Every marker due by `now`, oldest first, at most `limit`: all of each shard up to now, not only
   * the last period, so an item a failed or late run missed is found by the next one (the sweep).
   */
  async dueBy(now: string, limit: number): Promise<{ markers: DueMarker[]; more: boolean }> {
    const { found, more } = await sweepDue(this.client, this.tableName, {
      shards: PUBLISH_SHARDS,
      duePk: (shard) => keys.scheduledPublicationDue(shard).duePk,
      horizon: now,
      limit,
      pageSize: 100,
      attributes: ['id', 'publishAt'],
      read: (item): DueMarker => ({ id: String(item.id), publishAt: String(item.publishAt) }),
      order: (a, b) => a.publishAt.localeCompare(b.publishAt) || a.id.localeCompare(b.id),
    });
    return { markers: found, more };
  }

  /** Removes a marker the item no longer matches (it left `scheduled`, or was rescheduled meanwhile: then it is kept). */
  async removeStale(marker: DueMarker): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.scheduledPublication(marker.id),
          ConditionExpression: 'publishAt = :at',
          ExpressionAttributeValues: { ':at': marker.publishAt },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
