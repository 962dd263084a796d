import { randomUUID } from 'node:crypto';
import type { Services } from '../../shared/composition/services';
import { auditEntry } from '../../shared/domain/audit';
import { plannedOutage } from '../../shared/domain/operations/planned-outage';
import { ratingDayOf, type RatingInput } from '../../shared/domain/participation/rating';
import { InformationRatingRepository } from '../../shared/adapters/dynamo/information-ratings';
import { PlannedOutageRepository } from '../../shared/adapters/dynamo/planned-outages';
import { rateInformation } from '../../shared/application/information-ratings';
import { listPlannedOutages, noticeRule } from '../../shared/application/planned-outages';

/**
 * Demo ratings and one announced outage for `npm start` (issue 28 §5–6). The ratings go through the
 * use case, as anonymous raters (stand-in addresses, never real ones), at the start (the demo's
 * items are published then too, so none is rated before it exists); the outage is announced by the demo system, at exactly
 * the notice the preset asks. Seeded once (a second start in the same month finds the ratings, and
 * while the notice is not over, finds it): nothing is added twice.
 */
const RATINGS: ReadonlyArray<{ input: Omit<RatingInput, 'target'> }> = [
  { input: { useful: true, reason: 'found-what-i-needed' } },
  { input: { score: 5, reason: 'easy-to-understand' } },
  { input: { useful: false, reason: 'outdated', text: 'Số liệu nên cập nhật theo quý gần nhất.' } },
  { input: { score: 4 } },
  { input: { useful: true } },
  {
    input: {
      score: 2,
      reason: 'incomplete',
      text: 'Thiếu mẫu đơn kèm theo; liên hệ tôi qua 0912 345 678 (số này được ẩn trước khi lưu).',
    },
  },
];

export async function seedDemoRatings(s: Services, portal: string, now = new Date()): Promise<number> {
  const day = ratingDayOf(now);
  const repo = new InformationRatingRepository(s.db, s.table);
  if ((await repo.facts(portal, [day.slice(0, 7)], day.slice(0, 8) + '01', day)).length > 0) return 0;
  const items = (await s.publishedContent.list(portal, 'vi', undefined, 3)).items.filter(
    (i) => i.status === 'published',
  );
  if (items.length === 0) return 0;
  let rated = 0;
  for (const [i, r] of RATINGS.entries()) {
    const item = items[i % items.length]!;
    await rateInformation(
      s,
      {
        requestId: `demo-rating-${i}`,
        now,
        clientAddress: `demo-rater-${i}`,
        userAgent: 'demo',
      },
      { ...r.input, target: { kind: 'content', id: item.id } },
    );
    rated += 1;
  }
  return rated;
}

/** One planned suspension of the provincial portal, starting at 22:00 on the first day the notice rule allows. */
export async function seedDemoOutage(s: Services, province: string, now = new Date()): Promise<string | undefined> {
  if ((await listPlannedOutages(s, province, now)).items.length > 0) return undefined;
  const rule = noticeRule(s);
  const earliestStart = (await s.calendar.deadlines()).addWorkingDays(now, rule.workingDays).dueAt;
  const startsAt = new Date(Date.parse(earliestStart) + 22 * 3_600_000);
  const outage = plannedOutage(
    {
      portal: province,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
      affectedServices: ['portal', 'questions', 'search'],
      notice: {
        vi: 'Cổng tạm ngừng hoạt động để nâng cấp hạ tầng máy chủ. Các câu hỏi gửi trong thời gian này sẽ được tiếp nhận sau khi Cổng hoạt động trở lại.',
        en: 'The portal is suspended for a server upgrade. Questions sent meanwhile are received once it is back.',
      },
    },
    { id: randomUUID(), announcedAt: now, announcedBy: 'demo', rule, earliestStart },
  );
  await s.uow.commit(
    {
      actions: [new PlannedOutageRepository(s.db, s.table).create(outage)],
      audits: [
        auditEntry(
          {
            scope: province,
            actor: { id: 'demo', kind: 'system' },
            action: 'outage.announce',
            target: { type: 'PlannedOutage', id: outage.id },
            before: null,
            after: { startsAt: outage.startsAt, endsAt: outage.endsAt, emergency: false },
            requestId: 'demo',
          },
          now,
        ),
      ],
    },
    { requestId: 'demo', now },
  );
  return outage.id;
}
