import type { OperationsPolicy } from './policy';

/**
 * The security-check calendar (TG 16.2): a check at least every N months. The clock runs from the
 * last recorded check; the operators are reminded `reminderLeadDays` before it falls due, once per
 * due date (the due date is the reminder's idempotency key: recording a check moves it).
 */
export const findingSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export interface SecurityCheck {
  readonly id: string;
  readonly performedAt: string;
  readonly performedBy: string;
  readonly scope: string;
  readonly findings: ReadonlyArray<{
    readonly title: string;
    readonly severity: FindingSeverity;
    readonly remediation?: string | undefined;
  }>;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** `performedAt` plus whole calendar months, in UTC (31 Jan + 1 month is 3 Mar, as Date counts). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

export interface SecurityCheckStatus {
  readonly lastCheckAt: string | null;
  /** Null when no check was ever recorded: one is due now. */
  readonly dueAt: string | null;
  readonly remindFrom: string | null;
  readonly periodMonths: number;
  readonly basis: string;
  /** Past the reminder date (or never checked). */
  readonly reminderDue: boolean;
  readonly overdue: boolean;
  /** The reminder's once-only key: the due date's day, or `never-checked`. */
  readonly reminderKey: string;
}

export function securityCheckStatus(
  lastCheckAt: string | null,
  policy: OperationsPolicy,
  now: Date,
): SecurityCheckStatus {
  const base = { periodMonths: policy.securityCheckMonths, basis: policy.securityCheckBasis };
  if (lastCheckAt === null) {
    return {
      ...base,
      lastCheckAt,
      dueAt: null,
      remindFrom: null,
      reminderDue: true,
      overdue: true,
      reminderKey: 'never-checked',
    };
  }
  const dueAt = addMonths(lastCheckAt, policy.securityCheckMonths);
  const remindFrom = new Date(Date.parse(dueAt) - policy.reminderLeadDays * 86_400_000).toISOString();
  return {
    ...base,
    lastCheckAt,
    dueAt,
    remindFrom,
    reminderDue: now.getTime() >= Date.parse(remindFrom),
    overdue: now.getTime() >= Date.parse(dueAt),
    reminderKey: dueAt.slice(0, 10),
  };
}
