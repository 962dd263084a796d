import { queueDefinitions, type QueueKey } from '../infra/definitions/queues';
import { keys } from '../shared/adapters/dynamo/keys';
import type { TableItemAccess } from './function-definition';

/** Grants several functions' definitions share (functions/<area>/functions.ts). */

/** Monitoring probes every queue (shared/adapters/dependency-probe.ts), so it may inspect every one. */
export const everyQueue = Object.keys(queueDefinitions) as QueueKey[];

/*
 * Item grants the read-write functions share (prefixes from the keys module, each `X#`, so `UNIT#`
 * never reaches `UNITS#`). No function holds the whole table: each names the partitions it uses.
 */
export const READ = ['GetItem', 'BatchGetItem', 'Query'] as const;
export const OWN = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
] as const;
/** Who calls: an account with its delegations (one Query of its partition), or a machine client (shared/adapters/dynamo/principal-records.ts). */
export const resolvesPrincipal: TableItemAccess = {
  actions: ['GetItem', 'Query'],
  partitionPrefixes: [keys.account('').pk, keys.machineClient('').pk],
};
/** Idempotency-Key records (shared/adapters/dynamo/idempotency-store.ts). */
export const idempotencyRecords: TableItemAccess = {
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
  partitionPrefixes: [keys.idempotency('').pk],
};
/** The audit entry of each change: the unit of work's conditional create, nothing else (infra/constructs/table-access.ts). */
export const appendsAudit: TableItemAccess = { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] };
/** The unit directory as every use case reads it (a unit and its ancestors in one BatchGet). */
export const readsUnits: TableItemAccess = { actions: [...READ], partitionPrefixes: [keys.unit('').pk] };
export const readsCalendar: TableItemAccess = {
  actions: ['GetItem', 'Query'],
  partitionPrefixes: [keys.calendarConfig().pk],
};
/** A consumer's record of the events it processed (shared/adapters/events/consumer.ts). */
export const consumedBy = (consumer: string): TableItemAccess => ({
  actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
  partitionPrefixes: [keys.consumedEvent(consumer, '').pk],
});
/** Prefix of an index partition key (`UNITCONTENT#…` → `UNITCONTENT#`). */
export const indexPrefix = (value: string) => value.replace(/#.*$/, '#');
