import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PlannedOutage } from '../../domain/operations/planned-outage';
import { keys } from './keys';
import { queryAll } from './pagination';
import type { WriteAction } from './unit-of-work';

/** Planned outage notices (`OUTAGE#<id>`), one item each, listed by their start on gsi1 (`OUTAGES`). */
const toOutage = (item: Record<string, unknown>): PlannedOutage => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g2, ...outage } = item;
  return outage as unknown as PlannedOutage;
};

export class PlannedOutageRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  create(outage: PlannedOutage): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.plannedOutage(outage.id),
            ...keys.plannedOutagesByStart(outage.startsAt, outage.id),
            type: 'PlannedOutage',
            ...outage,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Mã thông báo đã tồn tại', en: 'The notice id exists already' } },
    };
  }

  /**
   * Notices whose window has not ended by `since` (ISO), by start. The gsi1 sort key is the start:
   * a window is at most `maxWindowDays` long, so those starting before `since` minus that are over.
   */
  async from(since: string, maxWindowDays: number, limit: number): Promise<PlannedOutage[]> {
    const earliest = new Date(Date.parse(since) - maxWindowDays * 86_400_000).toISOString();
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': keys.plannedOutagesByStart().gsi1pk, ':from': earliest },
    });
    return items
      .map(toOutage)
      .filter((o) => o.endsAt > since || o.expectedReturnAt > since)
      .slice(0, limit);
  }
}
