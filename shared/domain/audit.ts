import { randomUUID } from 'node:crypto';

/**
 * An append-only record of a privileged action: who did what to which item, the state before
 * and after, when, and from which request. Written in the same transaction as the change.
 */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly scope: string;
  readonly actor: { readonly id: string; readonly kind: string };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string;
}

export function auditEntry(fields: Omit<AuditEntry, 'id' | 'at'>, now = new Date()): AuditEntry {
  return { id: randomUUID(), at: now.toISOString(), ...fields };
}

/** The user's own password change: security-relevant, so audited, with no secret in it. */
export const passwordChangeAudit = (
  account: { id: string; unitCode: string },
  requestId: string,
  now: Date,
  firstSignIn: boolean,
) =>
  auditEntry(
    {
      scope: account.unitCode,
      actor: { id: account.id, kind: 'user' },
      action: firstSignIn ? 'account.first-password' : 'account.password-change',
      target: { type: 'Account', id: account.id },
      before: null,
      after: { passwordChangedAt: now.toISOString() },
      requestId,
    },
    now,
  );
