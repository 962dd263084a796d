import { resolvesPrincipal, idempotencyRecords, appendsAudit, readsUnits } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The operations register: incidents, security checks and their reminder. */
export const incidentsFunctions = {
  incidents: {
    entry: 'functions/incidents/handler.ts',
    kind: 'http',
    description:
      'Operations register: incidents (report, timeline, time to restore) and security checks (issue 10 §4, audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      {
        actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.incident('').pk, keys.securityChecks().pk],
      },
      { actions: ['Query'], partitionPrefixes: [keys.incidentsByTime().gsi1pk], indexes: ['gsi1'] },
    ],
    writesOutbox: true,
  },
  securityCheckReminder: {
    entry: 'functions/jobs/security-check-reminder.ts',
    kind: 'job',
    description: 'Reminds the operators, once per due date, that the periodic security check (TG 16.2) falls due',
    tableItems: [
      { actions: ['Query'], partitionPrefixes: [keys.securityChecks().pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.securityCheckReminder('').pk] },
    ],
    writesOutbox: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
