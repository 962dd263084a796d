import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { functionDefinitions, type FunctionDefinition, type FunctionKey } from '../../functions/manifest';
import { allows, allowsOnTable, inAudit, type ItemAction } from '../definitions/table-permissions';

/**
 * IAM for the local stack: while a function runs (infra/local/functions.ts), every DynamoDB call it
 * makes is checked against what its manifest entry grants (infra/definitions/table-permissions.ts,
 * the same rules CDK turns into policies): item actions by partition (and index), table-level
 * actions (DescribeTable, CreateTable, UpdateTable, ExportTableToPointInTime…) on the portal table
 * and on the function's scratch tables. What IAM would refuse fails here as AccessDeniedException.
 * Calls made outside an invocation (tests seeding data, the local stack itself, the stand-ins for
 * Cognito: infra/local/identity-root.ts) are not checked.
 *
 * `LOCAL_IAM_TRACE=<file>` appends every checked call (function, action, partition, index) as a
 * JSON line: the evidence for narrowing a grant.
 */
export const invocation = new AsyncLocalStorage<{ readonly function: FunctionKey }>();

type Input = Record<string, any>;
/** A string attribute, marshalled (`{ S: … }`, low-level client) or not (document client, before it marshals). */
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : (value as AttributeValue | undefined as { S?: string } | undefined)?.S;
const pkOf = (key: Record<string, unknown> | undefined) => stringOf(key?.pk);

/** The partition key a Query names: the attribute compared with `=` in its key condition. */
function queryPartition(input: Input): string | undefined {
  const match = /([#\w]+)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression ?? ''));
  if (!match) return undefined;
  return stringOf(input.ExpressionAttributeValues?.[match[2]!]);
}

/** The low-level operation of a command, whether it came through the document client (`GetCommand`) or not (`GetItemCommand`). */
const OPERATIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  TransactWrite: 'TransactWriteItems',
  TransactGet: 'TransactGetItems',
  BatchWrite: 'BatchWriteItem',
  BatchGet: 'BatchGetItem',
  ExecuteStatement: 'PartiQLSelect',
};
export const operationOf = (commandName: string) => {
  const name = commandName.replace(/Command$/, '');
  return OPERATIONS[name] ?? name;
};

interface Touch {
  readonly action: string;
  readonly table: string | undefined;
  readonly pk?: string | undefined;
  readonly index?: string;
  /** A Put of an audit entry must be the unit of work's conditional create. */
  readonly create?: boolean;
}

/** What a call does, as IAM sees it: one action per item (a transaction's each, a batch's each) or one on the table. */
export function touched(operation: string, input: Input): Touch[] {
  const table = input.TableName as string | undefined;
  const isCreate = (put: Input) => /attribute_not_exists\(\s*pk\s*\)/.test(String(put.ConditionExpression ?? ''));
  switch (operation) {
    case 'GetItem':
      return [{ action: 'GetItem', table, pk: pkOf(input.Key) }];
    case 'PutItem':
      return [{ action: 'PutItem', table, pk: pkOf(input.Item), create: isCreate(input) }];
    case 'UpdateItem':
      return [{ action: 'UpdateItem', table, pk: pkOf(input.Key) }];
    case 'DeleteItem':
      return [{ action: 'DeleteItem', table, pk: pkOf(input.Key) }];
    case 'Query':
      return [
        {
          action: 'Query',
          table,
          pk: queryPartition(input),
          ...(input.IndexName ? { index: input.IndexName as string } : {}),
        },
      ];
    case 'Scan':
      return [{ action: 'Scan', table, ...(input.IndexName ? { index: input.IndexName as string } : {}) }];
    case 'TransactWriteItems':
      return (input.TransactItems as Input[]).map(
        (t): Touch =>
          t.Put
            ? { action: 'PutItem', table: t.Put.TableName, pk: pkOf(t.Put.Item), create: isCreate(t.Put) }
            : t.Update
              ? { action: 'UpdateItem', table: t.Update.TableName, pk: pkOf(t.Update.Key) }
              : t.Delete
                ? { action: 'DeleteItem', table: t.Delete.TableName, pk: pkOf(t.Delete.Key) }
                : { action: 'ConditionCheckItem', table: t.ConditionCheck?.TableName, pk: pkOf(t.ConditionCheck?.Key) },
      );
    case 'TransactGetItems':
      return (input.TransactItems as Input[]).map((t) => ({
        action: 'GetItem',
        table: t.Get?.TableName,
        pk: pkOf(t.Get?.Key),
      }));
    case 'BatchWriteItem':
      return Object.entries(input.RequestItems as Record<string, Input[]>).flatMap(([name, requests]) =>
        requests.map((r) => ({
          action: 'BatchWriteItem',
          table: name,
          pk: pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key),
        })),
      );
    case 'BatchGetItem':
      return Object.entries(input.RequestItems as Record<string, { Keys: Input[] }>).flatMap(([name, request]) =>
        request.Keys.map((k) => ({ action: 'BatchGetItem', table: name, pk: pkOf(k) })),
      );
    case 'ExportTableToPointInTime':
      return [{ action: operation, table: String(input.TableArn ?? '').replace(/^.*:table\//, '') }];
    case 'ImportTable':
      return [{ action: operation, table: input.TableCreationParameters?.TableName }];
    default:
      return [{ action: operation, table }];
  }
}

const ITEM_ACTIONS = new Set<string>([
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'ConditionCheckItem',
]);

/** Why IAM would refuse `touch` to `def` (undefined: it would allow it). */
export function refusal(def: FunctionDefinition, touch: Touch, tableName: string): string | undefined {
  const scratch = def.scratchTables ? `${tableName}${def.scratchTables.infix}` : undefined;
  const where = touch.table ?? '(no table)';
  if (scratch !== undefined && touch.table?.startsWith(scratch)) {
    return allowsOnTable(def, touch.action, 'scratch')
      ? undefined
      : `dynamodb:${touch.action} on scratch table ${where}`;
  }
  if (touch.table !== tableName) return `dynamodb:${touch.action} on table ${where}`;
  if (ITEM_ACTIONS.has(touch.action)) {
    if (touch.pk === undefined) return undefined; // no key to judge (a malformed call DynamoDB refuses itself)
    if (!allows(def, touch.action as ItemAction, touch.pk, touch.index))
      return `dynamodb:${touch.action} on partition ${touch.pk}${touch.index ? ` of index ${touch.index}` : ''}`;
    // Audit entries are written only by the unit of work's conditional create (shared/adapters/dynamo/unit-of-work.ts):
    // with reads of audit partitions denied, nobody can learn an entry's key to Put over it.
    if (touch.action === 'PutItem' && inAudit(touch.pk) && !touch.create)
      return `an unconditional dynamodb:PutItem on audit partition ${touch.pk}`;
    return undefined;
  }
  // The portable exporter stands in for ExportTableToPointInTime locally: it scans where AWS exports.
  if (touch.action === 'Scan' && allowsOnTable(def, 'ExportTableToPointInTime', 'table')) return undefined;
  return allowsOnTable(def, touch.action, 'table') ? undefined : `dynamodb:${touch.action} on table ${where}`;
}

/** Adds the check to a local stack's DynamoDB client (the one every function of that stack uses). */
export function enforceTablePermissions(dynamo: DynamoDBClient): void {
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const current = invocation.getStore();
      if (current) {
        const def: FunctionDefinition = functionDefinitions[current.function];
        const tableName = process.env.TABLE_NAME ?? '';
        for (const touch of touched(operationOf(context.commandName ?? ''), args.input as Input)) {
          if (process.env.LOCAL_IAM_TRACE)
            appendFileSync(
              process.env.LOCAL_IAM_TRACE,
              `${JSON.stringify({ fn: current.function, ...touch, table: touch.table === tableName ? 'table' : touch.table })}\n`,
            );
          const refused = refusal(def, touch, tableName);
          if (refused !== undefined) {
            const error = new Error(`local IAM: ${current.function} is not allowed ${refused} (functions/manifest.ts)`);
            error.name = 'AccessDeniedException';
            throw error;
          }
        }
      }
      return next(args);
    },
    { step: 'serialize', priority: 'high', name: 'localTablePermissions' },
  );
}
