import { OWN, idempotencyRecords, appendsAudit, readsUnits, consumedBy, indexPrefix } from '../grants';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { FunctionDefinition } from '../function-definition';

/** Accounts: their administration, Cognito password changes and the mirror at the identity provider. */
export const accountsFunctions = {
  accounts: {
    entry: 'functions/accounts/handler.ts',
    kind: 'http',
    description: 'Accounts, roles, closure with hand-over, delegations, own password',
    tableItems: [
      idempotencyRecords,
      appendsAudit,
      readsUnits,
      // Accounts with their delegations, the username guard, machine clients.
      { actions: [...OWN], partitionPrefixes: [keys.account('').pk, keys.username('').pk, keys.machineClient('').pk] },
      // Closure hands the account's open work over.
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.work('').pk] },
      // A role change's frozen fact, for the reports (issue 27).
      { actions: ['PutItem'], partitionPrefixes: [keys.accountFact('', '', '', '', 0).pk.replace(/#+$/, '#')] },
      {
        actions: ['Query'],
        partitionPrefixes: [
          keys.accountsOfUnit('x').gsi1pk,
          keys.delegationsOfUnit('x').gsi1pk,
          keys.machineClientsOfUnit('x').gsi1pk,
          keys.openWorkOfAssignee('x').gsi1pk,
        ].map(indexPrefix),
        indexes: ['gsi1'],
      },
      { actions: ['Query'], partitionPrefixes: [indexPrefix(keys.openWorkOfUnit('x').gsi2pk)], indexes: ['gsi2'] },
    ],
    writesOutbox: true,
    identityAdmin: true,
  },
  cognitoPasswordChanges: {
    entry: 'functions/cognito/password-changes.ts',
    kind: 'cognito-trigger',
    description: 'Cognito triggers: records first-sign-in passwords and resets made in Cognito on the account',
    // Reads and updates the account, appends its audit entry (a transaction): nothing else.
    tableItems: [
      { actions: ['GetItem', 'UpdateItem'], partitionPrefixes: [keys.account('').pk] },
      { actions: ['PutItem'], partitionPrefixes: [keys.auditOf('').pk] },
    ],
  },
  syncIdentity: {
    entry: 'functions/consumers/sync-identity.ts',
    kind: 'consumer',
    description: 'Mirrors committed account closures, unlocks and role changes at the identity provider',
    // The events carry what it mirrors: its own processed-event records only.
    tableItems: [consumedBy('syncIdentity')],
    identityAdmin: true,
  },
} as const satisfies Record<string, FunctionDefinition>;
