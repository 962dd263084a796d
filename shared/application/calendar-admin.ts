import { auditEntry } from '../domain/audit';
import type { HolidayRule, OfficialSchedule } from '../domain/calendar';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/** Operators replace a year's official schedule or a holiday rule: versioned, audited, one commit. */
const auditFor =
  (s: Services, ctx: UseCaseContext, action: string, target: { type: string; id: string }) =>
  (before: unknown, after: unknown) =>
    auditEntry(
      {
        scope: s.config.PROVINCE_CODE,
        actor: { id: ctx.principal.id, kind: ctx.principal.kind },
        action,
        target,
        before,
        after,
        requestId: ctx.requestId,
      },
      ctx.now,
    );

export async function saveSchedule(
  s: Services,
  ctx: UseCaseContext,
  schedule: OfficialSchedule,
  expectedVersion: number | undefined,
): Promise<number> {
  const { work, version } = await s.calendar.repository.putSchedule(
    schedule,
    expectedVersion,
    auditFor(s, ctx, 'calendar.schedule.put', { type: 'OfficialSchedule', id: String(schedule.year) }),
  );
  await s.uow.commit(work, commitContext(ctx));
  s.calendar.invalidate();
  return version;
}

export async function saveHolidayRule(
  s: Services,
  ctx: UseCaseContext,
  rule: HolidayRule,
  expectedVersion: number | undefined,
): Promise<number> {
  const { work, version } = await s.calendar.repository.putRule(
    rule,
    expectedVersion,
    auditFor(s, ctx, 'calendar.holiday-rule.put', { type: 'HolidayRule', id: rule.id }),
  );
  await s.uow.commit(work, commitContext(ctx));
  s.calendar.invalidate();
  return version;
}
