import { randomUUID } from 'node:crypto';
import { documentClient } from '../adapters/aws-clients';
import { SecurityCheckRepository } from '../adapters/dynamo/security-checks';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { env } from '../config/env';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import { operationsPolicy } from '../domain/operations/policy';
import { securityCheckStatus, type SecurityCheck } from '../domain/operations/security-checks';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, type UseCaseContext } from './context';

/**
 * The security-check calendar (TG 16.2): operators record each check's findings, which restarts
 * the clock; the `security-check-reminder` job reminds the operators once per due date.
 */
let instances: { checks: SecurityCheckRepository; uow: UnitOfWork } | undefined;
const services = () => (instances ??= { checks: new SecurityCheckRepository(documentClient(), env().TABLE_NAME), uow: new UnitOfWork(documentClient(), env().TABLE_NAME) });
const policy = () => operationsPolicy(env().POLICY_PRESET);

export type SecurityCheckInput = Omit<SecurityCheck, 'id' | 'recordedBy' | 'recordedAt'>;

async function calendar(now: Date) {
  const [last] = await services().checks.latest(1);
  return securityCheckStatus(last?.performedAt ?? null, policy(), now);
}

export async function recordSecurityCheck(ctx: UseCaseContext, input: SecurityCheckInput) {
  const { principal, now } = ctx;
  requireAccess(principal, 'security-check.manage', [env().PROVINCE_CODE], now);
  if (Date.parse(input.performedAt) > now.getTime()) {
    throw invalidField('body.performedAt', { vi: 'Thời điểm kiểm tra không được ở tương lai', en: 'performedAt must not be in the future' });
  }
  const check: SecurityCheck = { ...input, performedAt: new Date(input.performedAt).toISOString(), id: randomUUID(), recordedBy: principal.id, recordedAt: now.toISOString() };
  await services().uow.commit(
    {
      actions: [services().checks.record(check)],
      audits: [
        auditEntry(
          {
            scope: env().PROVINCE_CODE,
            actor: { id: principal.id, kind: principal.kind },
            action: 'security-check.record',
            target: { type: 'SecurityCheck', id: check.id },
            before: null,
            after: { performedAt: check.performedAt, performedBy: check.performedBy, scope: check.scope, findings: check.findings.length },
            requestId: ctx.requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return { check, calendar: await calendar(now) };
}

export async function listSecurityChecks(ctx: UseCaseContext, limit: number) {
  requireAccess(ctx.principal, 'security-check.read', [env().PROVINCE_CODE], ctx.now);
  const items = await services().checks.latest(limit);
  return { items, calendar: securityCheckStatus(items[0]?.performedAt ?? null, policy(), ctx.now) };
}

/**
 * The reminder job's step: when the check falls due within the lead (or is overdue, or was never
 * recorded), claim this due date's marker and emit SecurityCheckDue in one transaction, so each
 * due date is reminded once however often the job runs.
 */
export async function remindSecurityCheck(now: Date, runId: string) {
  const status = await calendar(now);
  const summary = { lastCheckAt: status.lastCheckAt ?? 'never', dueAt: status.dueAt ?? 'now', reminderKey: status.reminderKey };
  if (!status.reminderDue) return { ...summary, reminded: false, reason: 'not-due' };
  const remindedAt = now.toISOString();
  try {
    await services().uow.commit(
      {
        actions: [services().checks.claimReminder(status.reminderKey, remindedAt)],
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
    if (error instanceof DomainError && error.code === 'conflict') return { ...summary, reminded: false, reason: 'already-reminded' };
    throw error;
  }
  return { ...summary, reminded: true, overdue: status.overdue };
}
