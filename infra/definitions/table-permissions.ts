import type { Access, FunctionDefinition } from '../../functions/manifest';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * What a function may do to the table, its indexes and its scratch tables, decided from its
 * manifest entry exactly as the IAM policies CDK writes from it (infra/constructs/table-access.ts,
 * infra/constructs/portal-function.ts) decide on AWS. The local stack checks every DynamoDB call of
 * an invoked function against it (infra/local/table-permissions.ts), item-level and table-level, so
 * a grant too narrow for the code fails locally and in tests, not first on AWS.
 */

/** The constant part of a key: everything before the first value a caller supplies. */
const SENTINEL = '\u0000';
const prefixOf = (key: string) => key.slice(0, key.indexOf(SENTINEL));

/**
 * The partitions of audit entries, on the table and on each index that lists them, derived from the
 * keys module (an audit entry's pk `AUDIT#<scope>`, gsi1pk `ACTOR#<actor>`, gsi2pk `AUDITBY#<scope>#<actor>`).
 */
export const AUDIT_PARTITION_PATTERNS = [
  `${prefixOf(keys.auditOf(SENTINEL).pk)}*`,
  `${prefixOf(keys.auditByActor(SENTINEL, '').gsi1pk)}*`,
  `${prefixOf(keys.auditByScopeAndActor(SENTINEL, SENTINEL, '').gsi2pk)}*`,
] as const;

export type ItemAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

/** The coarse grants (`table`): on the table and each of its indexes. No Scan: every access pattern has a key or an index. */
export const COARSE_TABLE_ACTIONS: Record<Access, readonly string[]> = {
  probe: ['DescribeTable'],
  read: ['DescribeTable', 'GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'],
  readwrite: [
    'DescribeTable',
    'GetItem',
    'BatchGetItem',
    'Query',
    'ConditionCheckItem',
    'PutItem',
    'UpdateItem',
    'DeleteItem',
    'BatchWriteItem',
  ],
};

/**
 * Everything the restore drill does to its scratch tables (shared/application/restore-drill.ts and
 * the restore it runs, shared/adapters/backup): create one shaped like ours, set TTL, fill it, turn
 * its stream on (UpdateTable), scan and query it to check, delete it. Never on the portal table.
 */
export const SCRATCH_TABLE_ACTIONS = [
  'CreateTable',
  'DescribeTable',
  'UpdateTable',
  'DescribeTimeToLive',
  'UpdateTimeToLive',
  'BatchWriteItem',
  'Scan',
  'Query',
  'DeleteTable',
] as const;

/** On AWS the drill fills its scratch tables with DynamoDB's import (scratchTables.importsFrom): these two, on them only. */
export const SCRATCH_IMPORT_ACTIONS = ['ImportTable', 'DescribeImport'] as const;

/** Table-level actions on the portal table itself, beyond the coarse grant. */
export function tableLevelActions(def: FunctionDefinition): readonly string[] {
  return [...(def.table ? ['DescribeTable'] : []), ...(def.exportsTable ? ['ExportTableToPointInTime'] : [])];
}

const AUDIT_CHANGES: readonly ItemAction[] = ['UpdateItem', 'DeleteItem', 'BatchWriteItem'];
const AUDIT_READS: readonly ItemAction[] = ['GetItem', 'BatchGetItem', 'Query'];
const matches = (pattern: string, value: string) =>
  pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
export const inAudit = (partitionKey: string) => AUDIT_PARTITION_PATTERNS.some((p) => matches(p, partitionKey));

/** May `def` take this item action on this partition of the portal table (or, for a Query, of an index)? */
export function allows(def: FunctionDefinition, action: ItemAction, partitionKey: string, index?: string): boolean {
  if (AUDIT_CHANGES.includes(action) && inAudit(partitionKey)) return false; // audit entries are append-only
  if (AUDIT_READS.includes(action) && inAudit(partitionKey) && !def.readsAudit) return false;
  if (def.table && COARSE_TABLE_ACTIONS[def.table].includes(action)) return true;
  if (def.writesOutbox && action === 'PutItem' && partitionKey.startsWith(keys.outboxEvent('').pk)) return true;
  return (def.tableItems ?? []).some(
    (g) =>
      (g.actions as readonly string[]).includes(action) &&
      g.partitionPrefixes.some((p) => partitionKey.startsWith(p)) &&
      (index === undefined || (g.indexes ?? []).includes(index)),
  );
}

/** May `def` take this table-level action on the portal table (`table`) or on one of its scratch tables (`scratch`)? */
export function allowsOnTable(def: FunctionDefinition, action: string, target: 'table' | 'scratch'): boolean {
  if (target === 'scratch') {
    if ((SCRATCH_IMPORT_ACTIONS as readonly string[]).includes(action))
      return def.scratchTables?.importsFrom !== undefined;
    return def.scratchTables !== undefined && (SCRATCH_TABLE_ACTIONS as readonly string[]).includes(action);
  }
  return tableLevelActions(def).includes(action);
}
