/**
 * OAuth scopes. People's access tokens carry Cognito's own scope; agency systems (machine
 * clients, client-credentials) get the scopes an operator grants them. Each route names the
 * scopes that may call it; API Gateway (and the local gateway) refuse other tokens.
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
