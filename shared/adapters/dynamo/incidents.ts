import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Incident } from '../../domain/operations/incidents';
import { keys } from './keys';
import { queryIndexPage, type Page } from './pagination';
import type { WriteAction } from './unit-of-work';

/** Incident records (`INCIDENT#<id>`), one item each with its timeline, listed newest first on gsi1. */
const toIncident = (item: Record<string, unknown>): Incident => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g2, ...incident } = item;
  return incident as unknown as Incident;
};

export class IncidentRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Incident | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.incident(id), ConsistentRead: true }),
    );
    return out.Item ? toIncident(out.Item) : undefined;
  }

  list(query: { limit: number; cursor?: string | undefined }): Promise<Page<Incident>> {
    return queryIndexPage(
      this.client,
      this.tableName,
      {
        index: 'gsi1',
        partition: keys.incidentsByTime().gsi1pk,
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
      },
      toIncident,
    );
  }

  create(incident: Incident): WriteAction {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.incident(incident.id),
            ...keys.incidentsByTime(incident.reportedAt, incident.id),
            type: 'Incident',
            ...incident,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConflict: { message: { vi: 'Mã sự cố đã tồn tại', en: 'The incident id exists already' } },
    };
  }

  /** The new state, only over the version it was computed from: one of concurrent updates wins. */
  update(next: Incident, expectedVersion: number, clientNamedVersion: boolean): WriteAction {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.incident(next.id),
          UpdateExpression: 'SET #status = :status, restoredAt = :restoredAt, timeline = :timeline, version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': next.status,
            ':restoredAt': next.restoredAt,
            ':timeline': next.timeline,
            ':next': next.version,
            ':expected': expectedVersion,
          },
        },
      },
      onConflict: clientNamedVersion
        ? {
            code: 'precondition_failed',
            message: {
              vi: `Sự cố đã thay đổi (không còn ở phiên bản ${expectedVersion})`,
              en: `The incident changed (no longer at version ${expectedVersion})`,
            },
          }
        : {
            message: {
              vi: 'Sự cố vừa được người khác cập nhật, hãy thử lại',
              en: 'The incident was updated meanwhile; try again',
            },
          },
    };
  }
}
