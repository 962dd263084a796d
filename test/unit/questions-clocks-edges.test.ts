import { describe, expect, it } from 'vitest';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy } from '../../shared/domain/policies';
import { endOfLocalDay, progressNoticeRefusal, questionClocks } from '../../shared/domain/questions';

/** Edges of the question's clocks (BĐ 12.5) and of the progress notice (CB 11.4) that questions-domain.test.ts leaves open. */

const at = (local: string) => new Date(`${local}+07:00`);
const deadlines = new DeadlineCalculator(shippedCalendar());

describe('the return deadline counts calendar days (BĐ 12.5), not working days', () => {
  it('gives a question routed Fri 06/03/2026 after hours until the end of Mon 09/03, not Tue 10/03', () => {
    const clocks = questionClocks(effectivePolicy('binh-dinh-2020'), deadlines);
    // One calendar day ends on Sat 07/03, a day off, so the return is due with the next working day;
    // counted in working days, an after-hours routing would start on Monday and end on Tuesday.
    expect(clocks.returnDue(at('2026-03-06T20:00:00'))).toBe(at('2026-03-10T00:00:00').toISOString());
  });
});

describe('the progress notice (CB 11.4): refusals, their codes and both languages', () => {
  const cb = effectivePolicy('cao-bang-2015');
  const answerDueAt = endOfLocalDay('2026-03-23');
  const now = at('2026-03-10T09:00:00');

  it('refuses it under a regulation without one as a conflict, in Vietnamese too', () => {
    const error = progressNoticeRefusal(effectivePolicy('quang-ninh-2023'), { expectedBy: '2026-04-10', answerDueAt, now });
    expect(error?.code).toBe('conflict');
    expect(error?.messages.vi).toBe('Quy chế đang áp dụng (Quảng Ninh) không quy định thông báo quá trình xử lý (như CB 11.4)');
  });

  it('refuses a second notice as a conflict, naming the local day of the first in both languages', () => {
    // 2026-03-04T20:00Z is 05/03 03:00 in Vietnam: the asker and the unit know it as the 5th.
    const previous = { at: '2026-03-04T20:00:00.000Z', by: 'x', expectedBy: '2026-04-01', expectedByAt: endOfLocalDay('2026-04-01') };
    const error = progressNoticeRefusal(cb, { previous, expectedBy: '2026-04-10', answerDueAt, now });
    expect(error?.code).toBe('conflict');
    expect(error?.messages).toEqual({
      vi: 'Đã thông báo quá trình xử lý ngày 2026-03-05; mỗi câu hỏi chỉ một lần',
      en: 'A progress notice was given on 2026-03-05; once per question',
    });
  });

  it('asks for the expected date as a required field, in both languages', () => {
    const error = progressNoticeRefusal(cb, { answerDueAt, now });
    expect(error?.code).toBe('validation');
    expect(error?.fields).toEqual([
      { field: 'body.expectedBy', code: 'required', message: { vi: 'Cần nêu ngày dự kiến trả lời', en: 'Give the date the answer is expected by' } },
    ]);
  });

  it('still takes the notice at the due instant itself, and refuses it as overdue one millisecond later', () => {
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now: new Date(answerDueAt) })).toBeUndefined();
    const late = progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now: new Date(Date.parse(answerDueAt) + 1) });
    expect(late?.code).toBe('conflict');
    expect(late?.messages).toEqual({
      vi: 'Đã quá hạn trả lời: thông báo quá trình xử lý phải gửi trong thời hạn (CB 11.4)',
      en: 'The answer is overdue already: a progress notice must come within the clock (CB 11.4)',
    });
  });

  it('refuses an expected date not after the answer is due, naming the field in both languages; the next day is enough', () => {
    const error = progressNoticeRefusal(cb, { expectedBy: '2026-03-20', answerDueAt, now });
    expect(error?.code).toBe('validation');
    expect(error?.fields).toEqual([
      {
        field: 'body.expectedBy',
        code: 'not_later',
        message: { vi: 'Ngày dự kiến phải sau hạn trả lời hiện tại', en: 'The expected date must be after the answer is now due' },
      },
    ]);
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-03-24', answerDueAt, now })).toBeUndefined();
  });
});
