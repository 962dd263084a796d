import { randomUUID } from 'node:crypto';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { renderRss } from '../domain/feeds';
import {
  outageRefusal,
  plannedOutage,
  publicOutage,
  type NoticeRule,
  type PlannedOutageAnnouncement,
} from '../domain/operations/planned-outage';
import { effectivePolicy } from '../domain/policies';
import { PlannedOutageRepository } from '../adapters/dynamo/planned-outages';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * Planned suspensions of the portal (issue 28 §6; NĐ 224/2026 Điều 13.1a). An operator of the
 * portal's unit (or above) announces the window and the expected return; a start sooner than the
 * notice the policy asks (`operations.plannedOutageNotice`, counted on the working calendar in
 * force) is refused unless marked as an emergency with its reason, which the notice, its audit
 * entry and its event record. The public reads the notices of a portal and of the portals above it.
 */
const outages = (s: Services) => new PlannedOutageRepository(s.db, s.table);
/** The longest window a notice may announce (days): the list reads notices started that long ago. */
export const MAX_OUTAGE_WINDOW_DAYS = 30;
const LIST_LIMIT = 50;

export function noticeRule(s: Services): NoticeRule {
  const v = effectivePolicy(s.config.POLICY_PRESET, s.config.POLICY_OVERRIDES).value('operations.plannedOutageNotice');
  return { workingDays: v.value, basis: v.basis };
}

const noSuchPortal = (portal: string, field: string) => {
  const message = { vi: `Không có cổng ${portal}`, en: `No portal ${portal}` };
  return new DomainError('not_found', message, [{ field, code: 'not_found', message }]);
};

export async function announcePlannedOutage(s: Services, ctx: UseCaseContext, input: PlannedOutageAnnouncement) {
  const { principal, now } = ctx;
  const path = (await s.units.path(input.portal)).map((u) => u.code);
  if (path.length === 0) throw noSuchPortal(input.portal, 'portal');
  requireAccess(principal, 'outage.announce', path, now);
  const rule = noticeRule(s);
  const earliestStart = (await s.calendar.deadlines()).addWorkingDays(now, rule.workingDays).dueAt;
  const refusal = outageRefusal(input, now, rule, earliestStart);
  if (refusal) throw refusal;
  const outage = plannedOutage(input, {
    id: randomUUID(),
    announcedAt: now,
    announcedBy: principal.id,
    rule,
    earliestStart,
  });
  await s.uow.commit(
    {
      actions: [outages(s).create(outage)],
      audits: [
        auditEntry(
          {
            scope: outage.portal,
            actor: { id: principal.id, kind: principal.kind },
            action: outage.emergency ? 'outage.announce-emergency' : 'outage.announce',
            target: { type: 'PlannedOutage', id: outage.id },
            before: null,
            after: {
              startsAt: outage.startsAt,
              endsAt: outage.endsAt,
              expectedReturnAt: outage.expectedReturnAt,
              emergency: outage.emergency,
              emergencyReason: outage.emergencyReason ?? null,
              requiredNotice: outage.requiredNotice,
            },
            requestId: ctx.requestId,
          },
          now,
        ),
      ],
      events: [
        pendingEvent('PlannedOutageAnnounced', {
          id: outage.id,
          portal: outage.portal,
          startsAt: outage.startsAt,
          endsAt: outage.endsAt,
          expectedReturnAt: outage.expectedReturnAt,
          emergency: outage.emergency,
          ...(outage.emergencyReason !== undefined && { emergencyReason: outage.emergencyReason }),
          announcedBy: outage.announcedBy,
          announcedAt: outage.announcedAt,
          requiredNoticeWorkingDays: rule.workingDays,
          earliestStart,
        }),
      ],
    },
    commitContext(ctx),
  );
  return outage;
}

/** The notices of `portal` and of the portals above it whose window has not ended, by start. */
export async function listPlannedOutages(s: Services, portal: string, now: Date) {
  const path = (await s.units.path(portal)).map((u) => u.code);
  if (path.length === 0) throw noSuchPortal(portal, 'portal');
  const applying = new Set(path);
  const found = await outages(s).from(now.toISOString(), MAX_OUTAGE_WINDOW_DAYS, 500);
  return {
    portal,
    rule: noticeRule(s),
    items: found
      .filter((o) => applying.has(o.portal))
      .slice(0, LIST_LIMIT)
      .map((o) => publicOutage(o, now)),
  };
}

const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The same notices as RSS 2.0 (shared/domain/feeds/rss.ts), in Vietnamese (local times, UTC+7). */
export async function plannedOutageFeed(s: Services, portal: string, now: Date): Promise<string> {
  const unit = await s.units.get(portal);
  if (!unit) throw noSuchPortal(portal, 'portal');
  const { items } = await listPlannedOutages(s, portal, now);
  return renderRss({
    title: `${unit.name.vi}: thông báo tạm ngừng hoạt động`,
    link: `https://${unit.domain}/`,
    description: `Lịch tạm ngừng Cổng thông tin điện tử ${unit.name.vi} theo kế hoạch (NĐ 224/2026/NĐ-CP Điều 13)`,
    language: 'vi',
    lastBuildDate: now,
    ttlMinutes: 15,
    items: items.map((o) => ({
      title: `${o.emergency ? '[Khẩn cấp] ' : ''}Tạm ngừng từ ${local(o.startsAt)} đến ${local(o.endsAt)}`,
      link: `https://${unit.domain}/`,
      guid: `planned-outage:${o.id}`,
      guidIsPermaLink: false,
      pubDate: new Date(o.announcedAt),
      description: `${o.notice.vi} Dự kiến hoạt động trở lại: ${local(o.expectedReturnAt)} (giờ Việt Nam).`,
    })),
  });
}
