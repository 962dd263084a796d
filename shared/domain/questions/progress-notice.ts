import { DomainError, invalidField } from '../errors';
import type { EffectivePolicy } from '../policies';

/**
 * A progress notice (CB 11.4): where the preset provides for it, a unit that cannot answer within
 * the clock tells the asker when the answer will come; the question stays on time until the end
 * of that day. Once per question, and only while the answer is not yet overdue.
 */
export interface ProgressNotice {
  readonly at: string;
  readonly by: string;
  /** YYYY-MM-DD, local. */
  readonly expectedBy: string;
  /** 24:00 local of that day, as an instant. */
  readonly expectedByAt: string;
}

/** 24:00 (UTC+7) of a local date, as an ISO instant. */
export const endOfLocalDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00+07:00`) + 86_400_000).toISOString();

/** A preset provides for the notice when it, or an override, sets its rule (the national value is a product default). */
export const progressNoticeAllowed = (policy: EffectivePolicy): boolean => policy.value('qa.progressNotice').source !== 'national';

export function progressNoticeRefusal(
  policy: EffectivePolicy,
  given: { readonly previous?: ProgressNotice | undefined; readonly expectedBy?: string | undefined; readonly answerDueAt?: string | undefined; readonly now: Date },
): DomainError | undefined {
  if (!progressNoticeAllowed(policy)) {
    return new DomainError('conflict', {
      vi: `Quy chế đang áp dụng (${policy.name}) không quy định thông báo quá trình xử lý (như CB 11.4)`,
      en: `The regulation in force (${policy.name}) provides for no progress notice (as CB 11.4 does)`,
    });
  }
  if (given.previous) {
    return new DomainError('conflict', {
      vi: `Đã thông báo quá trình xử lý ngày ${given.previous.at.slice(0, 10)}; mỗi câu hỏi chỉ một lần`,
      en: `A progress notice was given on ${given.previous.at.slice(0, 10)}; once per question`,
    });
  }
  if (given.expectedBy === undefined) {
    return invalidField('body.expectedBy', { vi: 'Cần nêu ngày dự kiến trả lời', en: 'Give the date the answer is expected by' }, 'required');
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
    return invalidField('body.expectedBy', { vi: 'Ngày dự kiến phải sau hạn trả lời hiện tại', en: 'The expected date must be after the answer is now due' }, 'not_later');
  }
  return undefined;
}
