import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
          Item: { ...keys.scheduledPublication(id), type: 'ScheduledPublication', id, publishAt, ...keys.scheduledPublicationDue(keys.publishShardOf(id), publishAt) },
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
    const perShard = await Promise.all(Array.from({ length: PUBLISH_SHARDS }, (_, shard) => this.dueInShard(shard, now, limit)));
    const all = perShard.flatMap((s) => s.markers).sort((a, b) => a.publishAt.localeCompare(b.publishAt) || a.id.localeCompare(b.id));
    return { markers: all.slice(0, limit), more: all.length > limit || perShard.some((s) => s.more) };
  }

  private async dueInShard(shard: number, now: string, limit: number): Promise<{ markers: DueMarker[]; more: boolean }> {
    const markers: DueMarker[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'due',
          KeyConditionExpression: 'duePk = :pk AND dueAt <= :now',
          ExpressionAttributeValues: { ':pk': keys.scheduledPublicationDue(shard).duePk, ':now': now },
          ProjectionExpression: 'id, publishAt',
          Limit: Math.min(100, limit - markers.length),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) markers.push({ id: String(item.id), publishAt: String(item.publishAt) });
      start = out.LastEvaluatedKey;
    } while (start && markers.length < limit);
    return { markers, more: start !== undefined };
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
