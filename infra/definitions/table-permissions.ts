import type { FunctionDefinition } from '../../functions/manifest';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * What a function may do to which table partitions, decided from its manifest entry exactly as the
 * IAM policies CDK writes from it (infra/constructs/table-access.ts) decide on AWS. The local stack
 * checks every DynamoDB call of an invoked function against it, so a grant too narrow for the code
 * fails locally and in tests, not first on AWS.
 */
export const AUDIT_PARTITION_PATTERNS = [
  `${keys.auditOf('').pk}*`,
  `${keys.auditByActor('', '').gsi1pk}*`,
  `${keys.auditByScopeAndActor('', '', '').gsi2pk}*`,
] as const;

export type ItemAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

const READS: readonly ItemAction[] = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'];
const CHANGES: readonly ItemAction[] = ['UpdateItem', 'DeleteItem'];
const matches = (pattern: string, value: string) => (pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern);
const inAudit = (pk: string) => AUDIT_PARTITION_PATTERNS.some((p) => matches(p, pk));

export function allows(def: FunctionDefinition, action: ItemAction, partitionKey: string): boolean {
  if (CHANGES.includes(action) && inAudit(partitionKey)) return false; // audit entries are append-only
  if ((action === 'GetItem' || action === 'Query') && inAudit(partitionKey) && !def.readsAudit) return false;
  if (def.table === 'readwrite') return true;
  if (def.table === 'read' && READS.includes(action)) return true;
  if (def.writesOutbox && action === 'PutItem' && partitionKey.startsWith(keys.outboxEvent('').pk)) return true;
  return (def.tableItems ?? []).some((g) => (g.actions as readonly string[]).includes(action) && g.partitionPrefixes.some((p) => partitionKey.startsWith(p)));
}
