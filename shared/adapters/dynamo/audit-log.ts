import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import { keys } from './keys';
import { decodeCursor, encodeCursor, type Page } from './pagination';

export interface AuditQuery {
  readonly scope?: string;
  readonly actor?: string;
  /** Only the entries about this target id (a filter on the page read). */
  readonly target?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** The item of an audit entry (written by the unit of work, in the transaction of its change). */
export const auditItem = (audit: AuditEntry) => ({
  ...keys.auditEntry(audit.scope, audit.at, audit.id),
  ...keys.auditByActor(audit.actor.id, audit.at),
  ...keys.auditByScopeAndActor(audit.scope, audit.actor.id, audit.at),
  type: 'AuditEntry',
  ...audit,
});

/**
 * Audit entries by scope (unit), by actor (gsi1), or by both (gsi2), newest first, within a
 * time range. Every filter is a key condition, so a page of `limit` is never cut short by a
 * filter applied after the limit.
 */
export class AuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async query(q: AuditQuery): Promise<Page<AuditEntry>> {
    const [index, pkName, skName, pkValue] =
      q.scope !== undefined && q.actor !== undefined
        ? ['gsi2', 'gsi2pk', 'gsi2sk', keys.auditByScopeAndActor(q.scope, q.actor, '').gsi2pk]
        : q.scope !== undefined
          ? [undefined, 'pk', 'sk', keys.auditOf(q.scope).pk]
          : ['gsi1', 'gsi1pk', 'gsi1sk', keys.auditByActor(q.actor!, '').gsi1pk];
    const from = q.from ?? '0000';
    const to = `${q.to ?? '9999'}\uffff`;
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ...(q.target !== undefined && { FilterExpression: '#target.#id = :target' }),
        ExpressionAttributeNames: {
          '#pk': pkName,
          '#sk': skName,
          ...(q.target !== undefined && { '#target': 'target', '#id': 'id' }),
        },
        ExpressionAttributeValues: {
          ':pk': pkValue,
          ':from': from,
          ':to': to,
          ...(q.target !== undefined && { ':target': q.target }),
        },
        ScanIndexForward: false,
        Limit: q.limit,
        // A cursor of this very query: its partition, its index, a sort key inside [from, to].
        ExclusiveStartKey: decodeCursor(q.cursor, {
          attributes: index ? { pk: null, sk: null, [pkName]: pkValue, [skName]: null } : { pk: pkValue, sk: null },
          range: { attribute: skName, from, to },
        }),
      }),
    );
    const items = (out.Items ?? []).map(({ id, at, scope, actor, action, target, before, after, requestId }) => ({
      id,
      at,
      scope,
      actor,
      action,
      target,
      before,
      after,
      requestId,
    })) as AuditEntry[];
    return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}
