import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import { keys } from './keys';
import { decodeCursor, encodeCursor, type Page } from './pagination';

/** The Put of an audit entry, for the transaction that makes the change it records. */
export function auditPut(tableName: string, audit: AuditEntry) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.auditEntry(audit.scope, audit.at, audit.id),
        ...keys.auditByActor(audit.actor.id, audit.at),
        type: 'AuditEntry',
        ...audit,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface AuditQuery {
  readonly scope?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** Audit entries by scope (unit) or by actor, newest first, within a time range. */
export class AuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async query(q: AuditQuery): Promise<Page<AuditEntry>> {
    const byActor = q.scope === undefined;
    const [pkName, skName, pkValue] = byActor
      ? ['gsi1pk', 'gsi1sk', keys.auditByActor(q.actor!, '').gsi1pk]
      : ['pk', 'sk', keys.auditOf(q.scope!).pk];
    const from = q.from ?? '0000';
    const to = `${q.to ?? '9999'}\uffff`;
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...(byActor ? { IndexName: 'gsi1' } : {}),
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        // Entries of one actor across scopes, or of one scope by one actor.
        ...(q.actor && !byActor ? { FilterExpression: 'actor.id = :actor' } : {}),
        ExpressionAttributeNames: { '#pk': pkName, '#sk': skName },
        ExpressionAttributeValues: { ':pk': pkValue, ':from': from, ':to': to, ...(q.actor && !byActor ? { ':actor': q.actor } : {}) },
        ScanIndexForward: false,
        Limit: q.limit,
        // A cursor of this very query: its partition, its index, a sort key inside [from, to].
        ExclusiveStartKey: decodeCursor(q.cursor, {
          attributes: byActor ? { pk: null, sk: null, gsi1pk: pkValue, gsi1sk: null } : { pk: pkValue, sk: null },
          range: { attribute: skName, from, to },
        }),
      }),
    );
    const items = (out.Items ?? []).map(({ id, at, scope, actor, action, target, before, after, requestId }) => ({
      id, at, scope, actor, action, target, before, after, requestId,
    })) as AuditEntry[];
    return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}
