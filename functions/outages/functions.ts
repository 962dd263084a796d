import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The planned-outage area's functions (issue 28 §6), spread into functions/manifest.ts. */
export const outagesFunctions = {
  outagesPublic: {
    entry: 'functions/outages/public.ts',
    kind: 'http',
    description: 'Planned outage notices as the public reads them (issue 28 §6): JSON and RSS',
    tableItems: [
      { actions: ['GetItem', 'BatchGetItem', 'Query'], partitionPrefixes: [keys.unit('').pk] },
      { actions: ['Query'], partitionPrefixes: [keys.plannedOutagesByStart().gsi1pk], indexes: ['gsi1'] },
    ],
  },
  outages: {
    entry: 'functions/outages/handler.ts',
    kind: 'http',
    description:
      'Operators announce planned suspensions (issue 28 §6; NĐ 224/2026 Điều 13.1a): at least 7 working days ahead on the working calendar, or an emergency with its reason (audited)',
    tableItems: [
      { actions: ['GetItem', 'Query'], partitionPrefixes: [keys.account('').pk, keys.calendarConfig().pk] },
      { actions: ['GetItem'], partitionPrefixes: [keys.machineClient('').pk] },
      { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], partitionPrefixes: [keys.idempotency('').pk] },
      { actions: ['GetItem', 'BatchGetItem', 'Query'], partitionPrefixes: [keys.unit('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk, keys.plannedOutage('').pk] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
