import { AsyncLocalStorage } from 'node:async_hooks';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '../../shared/adapters/aws-clients';
import { functionDefinitions, type FunctionDefinition, type FunctionKey } from '../../functions/manifest';
import { allows, type ItemAction } from '../definitions/table-permissions';

/**
 * IAM for the local stack: while a function runs (infra/local/functions.ts), every DynamoDB call it
 * makes is checked against what its manifest entry grants (infra/definitions/table-permissions.ts,
 * the same rules CDK turns into policies). A call AWS would refuse fails here as AccessDenied.
 * Calls made outside an invocation (tests seeding data, the local stack itself) are not checked.
 */
export const invocation = new AsyncLocalStorage<{ readonly function: FunctionKey }>();

type Input = Record<string, any>;
/** A string attribute, marshalled (`{ S: … }`, low-level client) or not (document client, before it marshals). */
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : ((value as AttributeValue | undefined) as { S?: string } | undefined)?.S;
const pkOf = (key: Record<string, unknown> | undefined) => stringOf(key?.pk);

/** The partition key a Query names: the attribute compared with `=` in its key condition. */
function queryPartition(input: Input): string | undefined {
  const match = /([#\w]+)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression ?? ''));
  if (!match) return undefined;
  return stringOf(input.ExpressionAttributeValues?.[match[2]!]);
}

/** The low-level operation of a command, whether it came through the document client (`GetCommand`) or not (`GetItemCommand`). */
const OPERATIONS: Record<string, string> = {
  Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', TransactWrite: 'TransactWriteItems', BatchWrite: 'BatchWriteItem', BatchGet: 'BatchGetItem',
};
const operationOf = (commandName: string) => {
  const name = commandName.replace(/Command$/, '');
  return `${OPERATIONS[name] ?? name}Command`;
};

function touched(command: string, input: Input): Array<[ItemAction, string | undefined]> {
  switch (operationOf(command)) {
    case 'GetItemCommand': return [['GetItem', pkOf(input.Key)]];
    case 'PutItemCommand': return [['PutItem', pkOf(input.Item)]];
    case 'UpdateItemCommand': return [['UpdateItem', pkOf(input.Key)]];
    case 'DeleteItemCommand': return [['DeleteItem', pkOf(input.Key)]];
    case 'QueryCommand': return [['Query', queryPartition(input)]];
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as Input[]).map((t) =>
        t.Put ? ['PutItem', pkOf(t.Put.Item)] : t.Update ? ['UpdateItem', pkOf(t.Update.Key)] : t.Delete ? ['DeleteItem', pkOf(t.Delete.Key)] : ['ConditionCheckItem', pkOf(t.ConditionCheck?.Key)],
      );
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, Input[]>).flat().map((r) => (r.PutRequest ? ['PutItem', pkOf(r.PutRequest.Item)] : ['DeleteItem', pkOf(r.DeleteRequest?.Key)]));
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems as Record<string, { Keys: Input[] }>).flatMap((r) => r.Keys.map((k) => ['GetItem', pkOf(k)] as [ItemAction, string | undefined]));
    default:
      return [];
  }
}

let installed = false;

/** Adds the check to the process's DynamoDB client (the one every in-process function uses). */
export function enforceTablePermissions(): void {
  if (installed) return;
  installed = true;
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const current = invocation.getStore();
      if (current) {
        const def: FunctionDefinition = functionDefinitions[current.function];
        // Scratch tables (the restore drill's) are the function's own, as IAM grants them by name.
        const scratch = def.scratchTables ? `${process.env.TABLE_NAME}${def.scratchTables.infix}` : undefined;
        const tables = [(args.input as Input).TableName, ...Object.keys((args.input as Input).RequestItems ?? {})].filter(Boolean) as string[];
        const onScratch = scratch !== undefined && tables.length > 0 && tables.every((t) => t.startsWith(scratch));
        for (const [action, pk] of onScratch ? [] : touched(context.commandName ?? '', args.input as Input)) {
          if (pk !== undefined && !allows(def, action, pk)) {
            const error = new Error(`local IAM: ${current.function} is not allowed dynamodb:${action} on partition ${pk} (functions/manifest.ts)`);
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
