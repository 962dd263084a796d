import type { LocalizedText } from './text';

/**
 * Errors the domain raises. They carry a code and a bilingual message, never an HTTP status:
 * shared/http/error-table.ts maps codes to statuses in one place.
 */
export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'precondition_failed'
  | 'locked'
  | 'too_many_requests'
  | 'password_change_required';

export interface FieldIssue {
  /**
   * Dotted path of the domain field, e.g. `legalDocument.issuedOn` or `into.0.code`; the HTTP layer
   * maps it to where the route's request carries it (`body.into.0.code`, shared/http/request-fields.ts).
   */
  readonly field: string;
  readonly code: string;
  readonly message: LocalizedText;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messages: LocalizedText,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(messages.en);
    this.name = 'DomainError';
  }
}

export const invalidField = (field: string, message: LocalizedText, code = 'invalid'): DomainError =>
  new DomainError('validation', message, [{ field, code, message }]);
