import { randomUUID } from 'node:crypto';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import { operationsPolicy } from '../domain/operations/policy';
import { securityCheckStatus, type SecurityCheck } from '../domain/operations/security-checks';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * The security-check calendar (TG 16.2): operators record each check's findings, which restarts
 * the clock; the `security-check-reminder` job reminds the operators once per due date.
 */
const policy = (s: Services) => operationsPolicy(s.config.POLICY_PRESET);

export type SecurityCheckInput = Omit<SecurityCheck, 'id' | 'recordedBy' | 'recordedAt'>;

async function calendar(s: Services, now: Date) {
  const [last] = await s.securityChecks.latest(1);
  return securityCheckStatus(last?.performedAt ?? null, policy(s), now);
}

export async function recordSecurityCheck(s: Services, ctx: UseCaseContext, input: SecurityCheckInput) {
  const { principal, now } = ctx;
  requireAccess(principal, 'security-check.manage', [s.config.PROVINCE_CODE], now);
  if (Date.parse(input.performedAt) > now.getTime()) {
    throw invalidField('performedAt', {
      vi: 'Thời điểm kiểm tra không được ở tương lai',
      en: 'performedAt must not be in the future',
    });
  }
  const check: SecurityCheck = {
    ...input,
    performedAt: new Date(input.performedAt).toISOString(),
    id: randomUUID(),
    recordedBy: principal.id,
    recordedAt: now.toISOString(),
  };
  await s.uow.commit(
    {
      actions: [s.securityChecks.record(check)],
      audits: [
        auditEntry(
          {
            scope: s.config.PROVINCE_CODE,
            actor: { id: principal.id, kind: principal.kind },
            action: 'security-check.record',
            target: { type: 'SecurityCheck', id: check.id },
            before: null,
            after: {
              performedAt: check.performedAt,
              performedBy: check.performedBy,
              scope: check.scope,
              findings: check.findings.length,
            },
            requestId: ctx.requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return { check, calendar: await calendar(s, now) };
}

export async function listSecurityChecks(s: Services, ctx: UseCaseContext, limit: number) {
  requireAccess(ctx.principal, 'security-check.read', [s.config.PROVINCE_CODE], ctx.now);
  const items = await s.securityChecks.latest(limit);
  return { items, calendar: securityCheckStatus(items[0]?.performedAt ?? null, policy(s), ctx.now) };
}

/**
 * The reminder job's step: when the check falls due within the lead (or is overdue, or was never
 * recorded), claim this due date's marker and emit SecurityCheckDue in one transaction, so each
 * due date is reminded once however often the job runs.
 */
export async function remindSecurityCheck(s: Services, now: Date, runId: string) {
  const status = await calendar(s, now);
  const summary = {
    lastCheckAt: status.lastCheckAt ?? 'never',
    dueAt: status.dueAt ?? 'now',
    reminderKey: status.reminderKey,
  };
  if (!status.reminderDue) return { ...summary, reminded: false, reason: 'not-due' };
  const remindedAt = now.toISOString();
  try {
    await s.uow.commit(
      {
        actions: [s.securityChecks.claimReminder(status.reminderKey, remindedAt)],
        events: [
          pendingEvent('SecurityCheckDue', {
            reminderKey: status.reminderKey,
            lastCheckAt: status.lastCheckAt,
            dueAt: status.dueAt,
            overdue: status.overdue,
            periodMonths: status.periodMonths,
            basis: status.basis,
            remindedAt,
          }),
        ],
      },
      { requestId: runId, now },
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict')
      return { ...summary, reminded: false, reason: 'already-reminded' };
    throw error;
  }
  return { ...summary, reminded: true, overdue: status.overdue };
}
