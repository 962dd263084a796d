import { auditEntry } from '../domain/audit';
import type { HolidayRule, OfficialSchedule } from '../domain/calendar';
import { env } from '../config/env';
import { directory } from './directory';
import { calendarRepository, invalidateCalendar } from './calendar-service';
import { commitContext, type UseCaseContext } from './context';

/** Operators replace a year's official schedule or a holiday rule: versioned, audited, one commit. */
const auditFor = (ctx: UseCaseContext, action: string, target: { type: string; id: string }) => (before: unknown, after: unknown) =>
  auditEntry({ scope: env().PROVINCE_CODE, actor: { id: ctx.principal.id, kind: ctx.principal.kind }, action, target, before, after, requestId: ctx.requestId }, ctx.now);

export async function saveSchedule(ctx: UseCaseContext, schedule: OfficialSchedule, expectedVersion: number | undefined): Promise<number> {
  const { work, version } = await calendarRepository().putSchedule(schedule, expectedVersion, auditFor(ctx, 'calendar.schedule.put', { type: 'OfficialSchedule', id: String(schedule.year) }));
  await directory().uow.commit(work, commitContext(ctx));
  invalidateCalendar();
  return version;
}

export async function saveHolidayRule(ctx: UseCaseContext, rule: HolidayRule, expectedVersion: number | undefined): Promise<number> {
  const { work, version } = await calendarRepository().putRule(rule, expectedVersion, auditFor(ctx, 'calendar.holiday-rule.put', { type: 'HolidayRule', id: rule.id }));
  await directory().uow.commit(work, commitContext(ctx));
  invalidateCalendar();
  return version;
}
