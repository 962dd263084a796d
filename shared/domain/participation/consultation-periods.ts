import { invalidField, type DomainError } from '../errors';
import type { LocalizedText } from '../text';

/**
 * Minimum comment periods per kind of draft (issue 28 §1), as data with their legal basis. The
 * law counts them in calendar days (Bộ luật Dân sự 2015 Điều 147–148: the day the draft goes online
 * is not counted, the period ends at 24:00 of its last day, a last day that is a day off moves to the
 * next working day); the working days a window holds are shown beside them, counted on the
 * calendar in force. None of the five seed regulations sets a figure of its own: BĐ 8.2đ posts drafts
 * "theo quy định", CB 7.8 and 10.1đ post them and take comments "ngay khi nhận được", QN 14.12, NA 7
 * and TG 10.1 (through NĐ 42/2022 Điều 8) ask for participation in law-making. So every preset
 * takes the national figures below.
 */
export const consultationDocumentTypes = [
  'provincial-legal-document',
  'commune-legal-document',
  'other-draft',
] as const;
export type ConsultationDocumentType = (typeof consultationDocumentTypes)[number];

export interface ConsultationPeriod {
  readonly label: LocalizedText;
  /** The least number of calendar days the draft stays open for comment (0: no statutory minimum). */
  readonly minimumCalendarDays: number;
  /** Whether the board may shorten it under the simplified procedure (thủ tục rút gọn), with a reason. */
  readonly simplifiedAllowed: boolean;
  readonly basis: string;
  /**
   * What the figure rests on when it was not read from the official text here (no copy of the act
   * is among the seeds): the deployment confirms it, or overrides it, before relying on it.
   */
  readonly toConfirm?: string;
}

const LAW = 'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 (sửa đổi, bổ sung bởi Luật số 87/2025/QH15)';

export const consultationPeriods: Readonly<Record<ConsultationDocumentType, ConsultationPeriod>> = {
  'provincial-legal-document': {
    label: {
      vi: 'Dự thảo văn bản quy phạm pháp luật cấp tỉnh (nghị quyết HĐND, quyết định UBND tỉnh)',
      en: 'Draft legal document at provincial level (People’s Council resolution, People’s Committee decision)',
    },
    minimumCalendarDays: 30,
    simplifiedAllowed: true,
    basis: `${LAW}: đăng tải toàn văn dự thảo trên Cổng TTĐT tỉnh để lấy ý kiến, trừ trường hợp xây dựng, ban hành theo trình tự, thủ tục rút gọn; BĐ 8.2đ; CB 7.8, 10.1đ`,
    toConfirm:
      '30 calendar days as the project brief gives it; the article of Luật 64/2025/QH15 and its figure are not among the seeds and were not checked against the official text',
  },
  'commune-legal-document': {
    label: {
      vi: 'Dự thảo văn bản quy phạm pháp luật cấp xã',
      en: 'Draft legal document at commune level',
    },
    minimumCalendarDays: 30,
    simplifiedAllowed: true,
    basis: `${LAW}: lấy ý kiến đối tượng chịu tác động trực tiếp của dự thảo, trừ trình tự, thủ tục rút gọn; NA 7 (phường, xã)`,
    toConfirm: 'the provincial figure applied to communes; not checked against the official text',
  },
  'other-draft': {
    label: {
      vi: 'Dự thảo văn bản khác, chủ trương, chính sách cần xin ý kiến',
      en: 'Other drafts, policies and plans put out for comment',
    },
    minimumCalendarDays: 0,
    simplifiedAllowed: false,
    basis: 'BĐ 8.2đ (“theo quy định”); CB 7.8, 10.1đ: không có thời hạn tối thiểu; Ban Biên tập ấn định thời gian',
  },
};

export const isConsultationDocumentType = (value: string): value is ConsultationDocumentType =>
  (consultationDocumentTypes as readonly string[]).includes(value);

/** A window the board asks for, and what the calendar says of it. */
export interface WindowRequest {
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly now: Date;
  readonly period: ConsultationPeriod;
  /** The simplified procedure's reason, when the board invokes it. */
  readonly simplifiedReason?: string | undefined;
  /** The earliest closing instant the minimum allows from `opensAt` (DeadlineCalculator.addCalendarDays). */
  readonly earliestClose: Date;
  readonly earliestCloseText: LocalizedText;
}

/** How far in the past an opening instant may lie (the request's own travel time). */
const SKEW_MS = 60_000;

/** The refusal of a window, or undefined: it opens now or later, closes after it opens, and meets the minimum. */
export function windowRefusal(w: WindowRequest): DomainError | undefined {
  if (w.opensAt.getTime() < w.now.getTime() - SKEW_MS) {
    return invalidField(
      'opensAt',
      { vi: 'Thời điểm mở lấy ý kiến đã qua', en: 'The opening instant has passed' },
      'in_past',
    );
  }
  if (w.closesAt.getTime() <= w.opensAt.getTime()) {
    return invalidField(
      'closesAt',
      { vi: 'Thời điểm đóng phải sau thời điểm mở', en: 'The closing instant must come after the opening instant' },
      'before_opening',
    );
  }
  if (w.simplifiedReason !== undefined) {
    if (!w.period.simplifiedAllowed) {
      return invalidField(
        'simplifiedReason',
        {
          vi: `Loại dự thảo này không áp dụng thủ tục rút gọn (${w.period.basis})`,
          en: 'This kind of draft has no simplified procedure',
        },
        'not_allowed',
      );
    }
    if (w.simplifiedReason.trim() === '') {
      return invalidField(
        'simplifiedReason',
        { vi: 'Cần nêu căn cứ áp dụng thủ tục rút gọn', en: 'Give the ground for the simplified procedure' },
        'required',
      );
    }
    return undefined;
  }
  if (w.closesAt.getTime() < w.earliestClose.getTime()) {
    return invalidField(
      'closesAt',
      {
        vi: `Thời gian lấy ý kiến ít nhất ${w.period.minimumCalendarDays} ngày: đóng sớm nhất lúc ${w.earliestCloseText.vi} (${w.period.basis})`,
        en: `The comment period is at least ${w.period.minimumCalendarDays} calendar days: close at ${w.earliestCloseText.en} at the earliest`,
      },
      'period_too_short',
    );
  }
  return undefined;
}

const MS_PER_DAY = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** The local day number (days since 1970-01-01 in Vietnam's time) of an instant. */
export const localDayOf = (instant: Date): number => Math.floor((instant.getTime() + VN_OFFSET_MS) / MS_PER_DAY);

/**
 * The calendar days and working days a window holds, as the law counts them: from the day after it
 * opens to the day it closes (a close at 24:00 is the end of the day before), both inclusive.
 */
export function windowDays(
  opensAt: Date,
  closesAt: Date,
  isWorkingDay: (day: number) => boolean,
): { readonly calendarDays: number; readonly workingDays: number } {
  const first = localDayOf(opensAt) + 1;
  const last = localDayOf(new Date(closesAt.getTime() - 1));
  let workingDays = 0;
  for (let day = first; day <= last; day += 1) if (isWorkingDay(day)) workingDays += 1;
  return { calendarDays: Math.max(0, last - first + 1), workingDays };
}
