import { expect } from 'vitest';
import type { caller, Person } from './directory';

/**
 * Reading the audit log the way an auditor does, through `GET /audit` (issue 7), for tests that check what a step
 * recorded: every entry of a unit's log (optionally only those about one target), oldest first, page after page.
 */
type Call = ReturnType<typeof caller>;

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly scope: string;
  readonly actor: { readonly id: string; readonly kind: string };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly before?: any;
  readonly after?: any;
  readonly requestId: string;
}

/** `reader` needs `audit.read` over `unit` (an auditor or operator of it or of a unit above it). */
export function auditLog(call: Call, reader: () => Person | undefined) {
  return async function entriesOf(unit: string, target?: string): Promise<AuditEntry[]> {
    const who = reader();
    if (!who) throw new Error(`reading the audit log of ${unit}: no reader yet`);
    const entries: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ unit, limit: '100', ...(target && { target }), ...(cursor && { cursor }) });
      const res = await call(`/audit?${query}`, who);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      entries.push(...(res.body.items as AuditEntry[]));
      cursor = res.body.nextCursor as string | undefined;
    } while (cursor);
    return entries.reverse();
  };
}
