import type { Action } from './rules';

/**
 * OAuth scopes. People's access tokens carry Cognito's own scope; agency systems (machine
 * clients, client-credentials) get the scopes an operator grants them. Each route names the
 * scopes that may call it (`machineScopes` in functions/<area>/routes.ts); API Gateway's
 * authorizer and the local gateway refuse other tokens with 401 (shared/http/contract.ts
 * `acceptedScopes`).
 */
export const USER_SCOPE = 'aws.cognito.signin.user.admin';
export const RESOURCE_SERVER = 'portal';

export const machineScopes = {
  read: 'Read the unit’s own non-public data',
  'content.submit': 'Submit content for moderation (from the agency’s own systems)',
  'qa.answer': 'Send answers to questions routed to the unit',
} as const;

export type MachineScope = `${typeof RESOURCE_SERVER}/${keyof typeof machineScopes}`;
export const machineScopeNames = Object.keys(machineScopes).map((s) => `${RESOURCE_SERVER}/${s}`) as MachineScope[];

/**
 * What each scope lets an agency system do, always in its own unit only (never the units below
 * it): the rule table's actions, checked by `can()` as roles are for people. A submitting system
 * reads what it submits and uploads its files; an answering one reads the questions routed to it (`qa.read-routed`, never the board's
 * `qa.read` of every question of a portal).
 * No scope grants approval, publication or intake: the system is the submitter, so separation of
 * duties holds (someone else approves), and people decide what is published (CB 17.3).
 */
export const machineGrants: Readonly<Record<MachineScope, readonly Action[]>> = {
  'portal/read': ['content.read', 'qa.read-routed', 'upload.read'],
  'portal/content.submit': ['content.read', 'content.submit', 'upload.create', 'upload.read'],
  'portal/qa.answer': ['qa.read-routed', 'qa.answer'],
};

/** True when one of `scopes` grants `action` to a machine client. */
export const scopesGrant = (scopes: readonly string[] | undefined, action: Action): boolean =>
  // Stryker disable next-line ArrayDeclaration: a placeholder scope grants nothing either, no grant bears its name
  (scopes ?? []).some(
    (scope) =>
      (machineGrants as Readonly<Record<string, readonly Action[] | undefined>>)[scope]?.includes(action) ?? false,
  );
