import { OWN, resolvesPrincipal, idempotencyRecords, appendsAudit, indexPrefix } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** The unit directory: public reads, its administration, and the one-off bootstrap of the province. */
export const unitsFunctions = {
  unitsPublic: {
    entry: 'functions/units/public.ts',
    kind: 'http',
    description: 'Public unit directory: units, sub-portal domains, history',
    // Units, their history and their children only: no accounts, no stored responses.
    tableItems: [
      {
        actions: ['GetItem', 'Query'],
        partitionPrefixes: [keys.unit('').pk, keys.unitsUnder(null).gsi1pk.replace(/ROOT$/, '')],
        indexes: ['gsi1'],
      },
    ],
  },
  units: {
    entry: 'functions/units/admin.ts',
    kind: 'http',
    description: 'Operators create, rename, merge and split units (audited)',
    tableItems: [
      resolvesPrincipal,
      idempotencyRecords,
      appendsAudit,
      { actions: [...OWN], partitionPrefixes: [keys.unit('').pk, keys.domainClaim('').pk] },
      // A merge or split moves the unit's open work and accounts to the unit that carries on.
      { actions: ['GetItem', 'PutItem', 'UpdateItem'], partitionPrefixes: [keys.account('').pk, keys.work('').pk] },
      {
        actions: ['Query'],
        partitionPrefixes: [indexPrefix(keys.unitsUnder(null).gsi1pk), indexPrefix(keys.accountsOfUnit('x').gsi1pk)],
        indexes: ['gsi1'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.openWorkOfUnit('x').gsi2pk)], indexes: ['gsi2'] },
    ],
    writesOutbox: true,
  },
  bootstrapDirectory: {
    entry: 'functions/jobs/bootstrap-directory.ts',
    kind: 'job',
    description:
      'Creates the province unit and the first operator account once (synthesized only when asked: infra/app.ts)',
    tableItems: [
      appendsAudit,
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
        partitionPrefixes: [keys.unit('').pk, keys.domainClaim('').pk, keys.account('').pk, keys.username('').pk],
      },
    ],
    writesOutbox: true,
    identityAdmin: ['AdminCreateUser', 'AdminDeleteUser', 'AdminAddUserToGroup'],
  },
} as const satisfies Record<string, FunctionDefinition>;
