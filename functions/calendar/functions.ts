import { OWN, resolvesPrincipal, idempotencyRecords, appendsAudit, readsUnits } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The calendar: public days off and due dates, deadline policies, its administration. */
export const calendarFunctions = {
  calendar: {
    entry: 'functions/calendar/public.ts',
    kind: 'http',
    description: 'Public calendar: days off per year, .ics export, due dates',
    // The calendar partition only (official schedules, holiday rules): no accounts, no stored responses.
    tableItems: [{ actions: ['GetItem', 'Query'], partitionPrefixes: [keys.calendarConfig().pk] }],
  },
  policies: {
    entry: 'functions/calendar/policies.ts',
    kind: 'http',
    description: 'Deadline policy presets and the effective values of this deployment',
  },
  calendarAdmin: {
    entry: 'functions/calendar/admin.ts',
    kind: 'http',
    description: 'Operators edit official schedules and holiday rules (audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      { actions: [...OWN], partitionPrefixes: [keys.calendarConfig().pk] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
