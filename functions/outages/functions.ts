import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The planned-outage area's function (issue 28 §6), spread into functions/manifest.ts. */
export const outagesFunctions = {
  outages: {
    entry: 'functions/outages/handler.ts',
    kind: 'http',
    description:
      'Planned outage notices (issue 28 §6; NĐ 224/2026 Điều 13.1a): operators announce at least 7 working days ahead or as an emergency; everyone reads them (JSON and RSS)',
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk, keys.calendarConfig().pk] },
      { actions: ['GetItem', 'BatchGetItem', 'Query'], partitionPrefixes: [keys.unit('').pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.plannedOutage('').pk] },
      { actions: ['Query'], partitionPrefixes: [keys.plannedOutagesByStart().gsi1pk], indexes: ['gsi1'] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
