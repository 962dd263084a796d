import { DomainError, type FieldIssue } from '../errors';

/**
 * Planned suspensions of the portal (issue 28 §6; NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a): a
 * planned suspension is announced at least N working days ahead (policy `operations.plannedOutageNotice`,
 * 7 by the decree) with the expected time of return. Counted as every clock of the portal is
 * (BLDS 2015 Điều 147–148, the working calendar in force): the day of the announcement is not
 * counted (one made outside working hours counts from the next working day), and the suspension
 * may start once the N-th working day after it has ended. An emergency is not held to the notice;
 * it is recorded as one, with its reason, in the notice itself and in the audit log.
 */
export interface PlannedOutageAnnouncement {
  readonly portal: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** When service is expected back: the window's end unless said otherwise. */
  readonly expectedReturnAt?: string | undefined;
  readonly affectedServices: readonly string[];
  readonly notice: { readonly vi: string; readonly en?: string | undefined };
  readonly emergency?: { readonly reason: string } | undefined;
}

export interface PlannedOutage {
  readonly id: string;
  readonly portal: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly expectedReturnAt: string;
  readonly affectedServices: readonly string[];
  readonly notice: { readonly vi: string; readonly en?: string };
  readonly emergency: boolean;
  readonly emergencyReason?: string;
  readonly announcedAt: string;
  readonly announcedBy: string;
  /** The notice the rule asked for, and the earliest start it allowed: frozen when announced. */
  readonly requiredNotice: { readonly workingDays: number; readonly basis: string; readonly earliestStart: string };
}

export interface NoticeRule {
  readonly workingDays: number;
  readonly basis: string;
}

const issue = (field: string, code: string, vi: string, en: string): FieldIssue => ({
  field,
  code,
  message: { vi, en },
});

/**
 * Why an announcement cannot be accepted at `now`, given the earliest start the notice rule allows
 * (`earliestStart`: the end of the N-th working day after the announcement). Undefined when it can.
 */
export function outageRefusal(
  a: Pick<PlannedOutageAnnouncement, 'startsAt' | 'endsAt' | 'expectedReturnAt' | 'emergency'>,
  now: Date,
  rule: NoticeRule,
  earliestStart: string,
): DomainError | undefined {
  const starts = Date.parse(a.startsAt);
  const ends = Date.parse(a.endsAt);
  const issues: FieldIssue[] = [];
  if (!(ends > starts)) {
    issues.push(
      issue(
        'endsAt',
        'before_start',
        'Thời điểm kết thúc phải sau thời điểm bắt đầu',
        'The end must come after the start',
      ),
    );
  }
  if (a.expectedReturnAt !== undefined && Date.parse(a.expectedReturnAt) < starts) {
    issues.push(
      issue(
        'expectedReturnAt',
        'before_start',
        'Thời điểm dự kiến hoạt động trở lại không được trước khi tạm ngừng',
        'The expected return cannot come before the suspension starts',
      ),
    );
  }
  if (starts <= now.getTime()) {
    issues.push(issue('startsAt', 'in_past', 'Thời điểm bắt đầu đã qua', 'The start is in the past'));
  } else if (a.emergency === undefined && starts < Date.parse(earliestStart)) {
    issues.push(
      issue(
        'startsAt',
        'notice_too_short',
        `Phải thông báo trước ít nhất ${rule.workingDays} ngày làm việc (${rule.basis}); sớm nhất bắt đầu từ ${earliestStart}, hoặc đánh dấu là khẩn cấp kèm lý do`,
        `A planned suspension must be announced at least ${rule.workingDays} working days ahead (${rule.basis}); the earliest start is ${earliestStart}, or mark it an emergency with its reason`,
      ),
    );
  }
  if (issues.length === 0) return undefined;
  const first = issues[0]!;
  return new DomainError(first.code === 'notice_too_short' ? 'conflict' : 'validation', first.message, issues);
}

/** The notice as recorded, once accepted. */
export function plannedOutage(
  a: PlannedOutageAnnouncement,
  meta: { id: string; announcedAt: Date; announcedBy: string; rule: NoticeRule; earliestStart: string },
): PlannedOutage {
  return {
    id: meta.id,
    portal: a.portal,
    startsAt: new Date(a.startsAt).toISOString(),
    endsAt: new Date(a.endsAt).toISOString(),
    expectedReturnAt: new Date(a.expectedReturnAt ?? a.endsAt).toISOString(),
    affectedServices: [...a.affectedServices],
    notice: { vi: a.notice.vi, ...(a.notice.en !== undefined && { en: a.notice.en }) },
    emergency: a.emergency !== undefined,
    ...(a.emergency !== undefined && { emergencyReason: a.emergency.reason }),
    announcedAt: meta.announcedAt.toISOString(),
    announcedBy: meta.announcedBy,
    requiredNotice: { workingDays: meta.rule.workingDays, basis: meta.rule.basis, earliestStart: meta.earliestStart },
  };
}

/** What the public reads of a notice: not who announced it. */
export function publicOutage(o: PlannedOutage, now: Date) {
  const { announcedBy: _by, ...rest } = o;
  const t = now.getTime();
  const back = Math.max(Date.parse(o.endsAt), Date.parse(o.expectedReturnAt));
  const status = t < Date.parse(o.startsAt) ? 'upcoming' : t < back ? 'ongoing' : 'over';
  return { ...rest, status } as const;
}
