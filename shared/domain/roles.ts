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
