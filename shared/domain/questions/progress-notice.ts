import { DomainError, invalidField } from '../errors';
import type { EffectivePolicy } from '../policies';
import { localDayOf } from './tracking';

/**
 * A progress notice, of one of two kinds the presets provide for:
 * - `new-date` (CB 11.4): a unit that cannot answer within the clock tells the asker when the
 *   answer will come; the question stays on time until the end of that day.
 * - `report-back` (BĐ 12.4): the unit of a complex question reports back so the board can inform
 *   the asker; the 7-day clock stays, and an expected date, if given, falls within it.
 * Once per question, and only while the answer is not yet overdue.
 */
export type ProgressNoticeKind = 'new-date' | 'report-back';

export interface ProgressNotice {
  readonly at: string;
  readonly by: string;
  /** Absent: a `new-date` notice. */
  readonly kind?: ProgressNoticeKind;
  /** YYYY-MM-DD, local. */
  readonly expectedBy?: string;
  /** 24:00 local of that day, as an instant. */
  readonly expectedByAt?: string;
}

/** 24:00 (UTC+7) of a local date, as an ISO instant. */
export const endOfLocalDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+07:00`) + 86_400_000).toISOString();

/** A preset provides for the notice when it, or an override, sets its rule (the national value is a product default). */
export const progressNoticeAllowed = (policy: EffectivePolicy): boolean =>
  policy.value('qa.progressNotice').source !== 'national';

/** The kind of notice the preset provides for this question, if any. */
export function progressNoticeKind(policy: EffectivePolicy, complex: boolean): ProgressNoticeKind | undefined {
  if (progressNoticeAllowed(policy)) return 'new-date';
  if (policy.reportBack !== undefined && (complex || !policy.reportBack.complexOnly)) return 'report-back';
  return undefined;
}

export function progressNoticeRefusal(
  policy: EffectivePolicy,
  given: {
    readonly previous?: ProgressNotice | undefined;
    readonly expectedBy?: string | undefined;
    readonly answerDueAt?: string | undefined;
    readonly now: Date;
    readonly complex?: boolean | undefined;
  },
): DomainError | undefined {
  const kind = progressNoticeKind(policy, given.complex === true);
  if (kind === undefined && policy.reportBack !== undefined) {
    return new DomainError('conflict', {
      vi: `Chỉ câu hỏi phức tạp, cần phối hợp liên ngành mới có thông tin phản hồi trong thời hạn (${policy.reportBack.basis})`,
      en: `Only a complex, inter-agency question has a report-back within its clock (${policy.reportBack.basis})`,
    });
  }
  if (kind === undefined) {
    return new DomainError('conflict', {
      vi: `Quy chế đang áp dụng (${policy.name}) không quy định thông báo quá trình xử lý (như CB 11.4)`,
      en: `The regulation in force (${policy.name}) provides for no progress notice (as CB 11.4 does)`,
    });
  }
  if (given.previous) {
    // The local day (UTC+7) of the first notice, as the asker and the unit know it, not the UTC date.
    const day = localDayOf(new Date(given.previous.at)).replace(/(\d{4})(\d{2})/, '$1-$2-');
    return new DomainError('conflict', {
      vi: `Đã thông báo quá trình xử lý ngày ${day}; mỗi câu hỏi chỉ một lần`,
      en: `A progress notice was given on ${day}; once per question`,
    });
  }
  if (kind === 'report-back') return reportBackRefusal(given.expectedBy, given.answerDueAt, given.now);
  if (given.expectedBy === undefined) {
    return invalidField(
      'expectedBy',
      { vi: 'Cần nêu ngày dự kiến trả lời', en: 'Give the date the answer is expected by' },
      'required',
    );
  }
  const now = given.now.toISOString();
  if (given.answerDueAt !== undefined && now > given.answerDueAt) {
    return new DomainError('conflict', {
      vi: 'Đã quá hạn trả lời: thông báo quá trình xử lý phải gửi trong thời hạn (CB 11.4)',
      en: 'The answer is overdue already: a progress notice must come within the clock (CB 11.4)',
    });
  }
  const expectedByAt = endOfLocalDay(given.expectedBy);
  if (given.answerDueAt !== undefined && expectedByAt <= given.answerDueAt) {
    return invalidField(
      'expectedBy',
      { vi: 'Ngày dự kiến phải sau hạn trả lời hiện tại', en: 'The expected date must be after the answer is now due' },
      'not_later',
    );
  }
  return undefined;
}

/** A report-back (BĐ 12.4) comes within the clock, and an expected date it names falls within it too. */
function reportBackRefusal(
  expectedBy: string | undefined,
  answerDueAt: string | undefined,
  now: Date,
): DomainError | undefined {
  if (answerDueAt !== undefined && now.toISOString() > answerDueAt) {
    return new DomainError('conflict', {
      vi: 'Đã quá hạn trả lời: thông tin phản hồi phải gửi trong thời hạn (BĐ 12.4)',
      en: 'The answer is overdue already: the report-back must come within the clock (BĐ 12.4)',
    });
  }
  if (expectedBy !== undefined && answerDueAt !== undefined && endOfLocalDay(expectedBy) > answerDueAt) {
    return invalidField(
      'expectedBy',
      {
        vi: 'Ngày dự kiến trả lời phải trong thời hạn (BĐ 12.4)',
        en: 'The expected date must fall within the answer clock (BĐ 12.4)',
      },
      'after_due',
    );
  }
  return undefined;
}
