import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { FunctionDefinition, TableItemAccess } from '../../functions/manifest';
import { tableDefinition } from '../definitions/table';
import { AUDIT_PARTITION_PATTERNS, COARSE_TABLE_ACTIONS } from '../definitions/table-permissions';

/**
 * A function's access to the table, from its manifest entry: the coarse grant (`table`), the
 * item-level grants (`tableItems`, by partition-key prefix through IAM's dynamodb:LeadingKeys), and
 * the two guards every role gets:
 * - audit entries are append-only: no role may update or delete an item in an audit partition;
 * - only the audit readers may read audit partitions, so no writer can learn an entry's key
 *   (which ends in a random UUID) to overwrite it with a Put.
 */
export { AUDIT_PARTITION_PATTERNS };

const CHANGES = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const isAuditPrefix = (prefix: string) =>
  AUDIT_PARTITION_PATTERNS.some((p) => p.slice(0, -1).startsWith(prefix) || prefix.startsWith(p.slice(0, -1)));

interface Grantee {
  addToRolePolicy(statement: PolicyStatement): unknown;
}

export function grantTableAccess(fn: Grantee, def: FunctionDefinition, table: ITable): void {
  const tableArn = table.tableArn;
  const indexArn = (name: string) => `${tableArn}/index/${name}`;
  if (def.table) {
    // Each index by name rather than `index/*`, so the grant names exactly what the code may query.
    const indexArns = def.table === 'probe' ? [] : tableDefinition.indexes.map((index) => indexArn(index.name));
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: COARSE_TABLE_ACTIONS[def.table].map((a) => `dynamodb:${a}`),
        resources: [tableArn, ...indexArns],
      }),
    );
  }
  for (const grant of def.tableItems ?? []) fn.addToRolePolicy(itemGrant(grant, tableArn, indexArn));

  // Every role that reaches the table carries both guards, whatever its grants: a later grant
  // wider than meant (or a coarse one) still cannot read or change an audit entry.
  const touchesTable = Boolean(def.table || def.tableItems?.length || def.writesOutbox || def.exportsTable);
  const leadingKeys = { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...AUDIT_PARTITION_PATTERNS] } };
  const everywhere = [tableArn, ...tableDefinition.indexes.map((index) => indexArn(index.name))];
  if (touchesTable)
    fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.DENY, actions: CHANGES, resources: [tableArn], conditions: leadingKeys }),
    );
  if (touchesTable && !def.readsAudit)
    fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.DENY, actions: READS, resources: everywhere, conditions: leadingKeys }),
    );
}

function itemGrant(grant: TableItemAccess, tableArn: string, indexArn: (name: string) => string): PolicyStatement {
  if (
    grant.actions.some((a) => a === 'UpdateItem' || a === 'DeleteItem' || a === 'BatchWriteItem') &&
    grant.partitionPrefixes.some(isAuditPrefix)
  ) {
    throw new Error(`Audit entries are append-only: no grant may update ${grant.partitionPrefixes.join(', ')}`);
  }
  return new PolicyStatement({
    actions: grant.actions.map((a) => `dynamodb:${a}`),
    resources: [tableArn, ...(grant.indexes ?? []).map(indexArn)],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': grant.partitionPrefixes.map((p) => `${p}*`) } },
  });
}
