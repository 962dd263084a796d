/**
 * Roles a person or machine client holds on a unit (Cognito groups on AWS). The rule table of
 * who may do what lives with the authorisation module; this is only the vocabulary.
 */
export const roles = [
  'operator', // portal operator (Văn phòng UBND / Sở TT&TT)
  'chief-editor', // Trưởng ban Biên tập (CB 17.3a)
  'deputy-editor', // Phó Trưởng ban, decides under delegation (CB 17.3b)
  'secretary', // Thư ký (CB 17.3c)
  'editor',
  'reporter',
  'contributor',
  'unit-officer', // answers questions for the unit
  'unit-head', // Thủ trưởng: answers or authorises (CB 11.5)
  'auditor', // read-only
] as const;

export type Role = (typeof roles)[number];

/**
 * Roles no person or machine client can hold: the platform's own identities (scheduled work).
 * Accounts take their roles from `roles` only (functions/accounts/schemas.ts), and `can()` counts a
 * system role only for a principal of kind `system`, which only our jobs construct.
 */
export const systemRoles = ['publication-scheduler', 'consultation-scheduler'] as const;
export type SystemRole = (typeof systemRoles)[number];
export type PrincipalRole = Role | SystemRole;
export const isSystemRole = (role: string): role is SystemRole => (systemRoles as readonly string[]).includes(role);
