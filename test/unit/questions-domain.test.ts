import { conventionsOf } from '../../shared/domain/policies/conventions';
import { describe, expect, it } from 'vitest';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy } from '../../shared/domain/policies';
import {
  answerOf,
  endOfLocalDay,
  isComplex,
  progressNoticeRefusal,
  questionClocks,
} from '../../shared/domain/questions';

/** Handling a question: its clocks from the preset (BĐ 12.3–12.5), the progress notice (CB 11.4) and the answer (CB 11.4–11.6). */
const at = (local: string) => new Date(`${local}+07:00`);
const deadlines = new DeadlineCalculator(shippedCalendar());
const clocksOf = (preset: string) => questionClocks(effectivePolicy(preset), deadlines);

describe('question clocks from the preset (BĐ 12.3–12.5)', () => {
  const received = at('2026-02-12T10:00:00');

  it('gives classification until the end of Fri 13/02/2026 for a question received Thu 12/02/2026 10:00', () => {
    expect(clocksOf('binh-dinh-2020').classificationDue(received)).toBe(at('2026-02-14T00:00:00').toISOString());
  });

  it('gives the answer, routed on Fri 13/02 under Bình Định, until the end of Thu 26/02/2026, or Tue 03/03/2026 if complex (Tết)', () => {
    const clocks = clocksOf('binh-dinh-2020');
    // Routed on the day classification is due: Tết (14–22/02) is skipped.
    const routed = at('2026-02-13T09:00:00');
    expect(clocks.answerDue(routed, false)).toBe(at('2026-02-27T00:00:00').toISOString());
    expect(clocks.answerDue(routed, true)).toBe(at('2026-03-04T00:00:00').toISOString());
    // Routed on Thu 12/02 itself, one working day earlier each.
    expect(clocks.answerDue(received, false)).toBe(at('2026-02-26T00:00:00').toISOString());
    expect(clocks.answerDue(received, true)).toBe(at('2026-03-03T00:00:00').toISOString());
  });

  it('gives Cao Bằng 15 working days whatever the complexity, and returns within 1 calendar day (BĐ 12.5), moved past days off', () => {
    const clocks = clocksOf('cao-bang-2015');
    expect(clocks.answerDue(received, false)).toBe(clocks.answerDue(received, true));
    // Routed Fri 13/02: one calendar day ends on Sat 14/02, a day off (Tết), so the return is due with the next working day.
    expect(clocksOf('binh-dinh-2020').returnDue(at('2026-02-13T09:00:00'))).toBe(
      at('2026-02-24T00:00:00').toISOString(),
    );
    expect(clocksOf('binh-dinh-2020').returnDue(at('2026-03-03T09:00:00'))).toBe(
      at('2026-03-05T00:00:00').toISOString(),
    );
  });

  it('treats complex or inter-agency questions as complex', () => {
    expect([
      isComplex('simple', 'single-unit'),
      isComplex('complex', 'single-unit'),
      isComplex('simple', 'inter-agency'),
      isComplex(undefined, undefined),
    ]).toEqual([false, true, true, false]);
  });
});

describe('the progress notice (CB 11.4)', () => {
  it('exists where the preset provides for it, ends with the expected local day, once, before the answer is overdue', async () => {
    const { endOfLocalDay, progressNoticeAllowed, progressNoticeRefusal } = await import(
      '../../shared/domain/questions'
    );
    expect(
      ['national', 'binh-dinh-2020', 'cao-bang-2015'].map((p) => progressNoticeAllowed(effectivePolicy(p))),
    ).toEqual([false, false, true]);
    expect(
      progressNoticeAllowed(
        effectivePolicy('binh-dinh-2020', { 'qa.progressNotice': { value: 10, basis: 'QĐ sửa đổi' } }),
      ),
    ).toBe(true);
    expect(endOfLocalDay('2026-04-10')).toBe('2026-04-10T17:00:00.000Z');
    const cb = effectivePolicy('cao-bang-2015');
    const answerDueAt = endOfLocalDay('2026-03-23');
    const now = at('2026-03-10T09:00:00');
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now })).toBeUndefined();
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-03-23', answerDueAt, now })?.fields[0]?.code).toBe(
      'not_later',
    );
    expect(
      progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now: at('2026-03-24T00:00:01') })?.code,
    ).toBe('conflict');
    expect(progressNoticeRefusal(cb, { answerDueAt, now })?.fields[0]?.field).toBe('expectedBy');
    const previous = {
      at: '2026-03-05T02:00:00.000Z',
      by: 'x',
      expectedBy: '2026-04-01',
      expectedByAt: endOfLocalDay('2026-04-01'),
    };
    expect(progressNoticeRefusal(cb, { previous, expectedBy: '2026-04-10', answerDueAt, now })?.messages.en).toBe(
      'A progress notice was given on 2026-03-05; once per question',
    );
    expect(
      progressNoticeRefusal(effectivePolicy('tien-giang-2024'), { expectedBy: '2026-04-10', answerDueAt, now })
        ?.messages.en,
    ).toBe('The regulation in force (Tiền Giang) provides for no progress notice (as CB 11.4 does)');
  });
});

describe('the return deadline counts calendar days (BĐ 12.5), not working days', () => {
  it('gives a question routed Fri 06/03/2026 after hours until the end of Mon 09/03, not Tue 10/03', () => {
    const clocks = questionClocks(effectivePolicy('binh-dinh-2020'), deadlines);
    // One calendar day ends on Sat 07/03, a day off, so the return is due with the next working day;
    // counted in working days, an after-hours routing would start on Monday and end on Tuesday.
    expect(clocks.returnDue(at('2026-03-06T20:00:00'))).toBe(at('2026-03-10T00:00:00').toISOString());
  });
});

describe('the progress notice (CB 11.4): each refusal with its code, in both languages', () => {
  const cb = effectivePolicy('cao-bang-2015');
  const answerDueAt = endOfLocalDay('2026-03-23');
  const now = at('2026-03-10T09:00:00');

  it('refuses it under a regulation without one as a conflict, in Vietnamese too', () => {
    const error = progressNoticeRefusal(effectivePolicy('quang-ninh-2023'), {
      expectedBy: '2026-04-10',
      answerDueAt,
      now,
    });
    expect(error?.code).toBe('conflict');
    expect(error?.messages.vi).toBe(
      'Quy chế đang áp dụng (Quảng Ninh) không quy định thông báo quá trình xử lý (như CB 11.4)',
    );
  });

  it('refuses a second notice as a conflict, naming the local day of the first in both languages', () => {
    // 2026-03-04T20:00Z is 05/03 03:00 in Vietnam: the asker and the unit know it as the 5th.
    const previous = {
      at: '2026-03-04T20:00:00.000Z',
      by: 'x',
      expectedBy: '2026-04-01',
      expectedByAt: endOfLocalDay('2026-04-01'),
    };
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
      {
        field: 'expectedBy',
        code: 'required',
        message: { vi: 'Cần nêu ngày dự kiến trả lời', en: 'Give the date the answer is expected by' },
      },
    ]);
  });

  it('still takes the notice at the due instant itself, and refuses it as overdue one millisecond later', () => {
    expect(
      progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now: new Date(answerDueAt) }),
    ).toBeUndefined();
    const late = progressNoticeRefusal(cb, {
      expectedBy: '2026-04-10',
      answerDueAt,
      now: new Date(Date.parse(answerDueAt) + 1),
    });
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
        field: 'expectedBy',
        code: 'not_later',
        message: {
          vi: 'Ngày dự kiến phải sau hạn trả lời hiện tại',
          en: 'The expected date must be after the answer is now due',
        },
      },
    ]);
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-03-24', answerDueAt, now })).toBeUndefined();
  });
});

describe('the answer (CB 11.4–11.6)', () => {
  const citation = {
    numberSymbol: '102/2024/NĐ-CP',
    summary: 'Quy định chi tiết thi hành một số điều của Luật Đất đai',
    issuedOn: '2024-07-30',
    issuer: 'Chính phủ',
    contentId: 'c-123',
  };

  it('keeps the text and every citation, records who answered and when, and carries the advisory notice where the preset has one (CB 11.6)', () => {
    const draft = {
      text: 'Theo Nghị định 102/2024/NĐ-CP, hồ sơ gồm…',
      citations: [citation, { ...citation, numberSymbol: '31/2024/QH15', contentId: undefined }],
    };
    const notice = conventionsOf('cao-bang-2015').advisoryNotice;
    const answer = answerOf(draft, 'unit-head-1', '2026-03-10T02:00:00.000Z', notice);
    expect(answer).toEqual({ ...draft, advisoryNotice: notice, by: 'unit-head-1', at: '2026-03-10T02:00:00.000Z' });
    expect(answer.advisoryNotice?.vi).toContain('chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý');
    expect(answer.advisoryNotice?.vi).toContain('(CB 11.6)');
    // Only Cao Bằng's regulation has the notice: no other preset's answers carry one, least of all citing CB 11.6.
    for (const preset of ['national', 'binh-dinh-2020', 'quang-ninh-2023', 'nghe-an-2025', 'tien-giang-2024']) {
      expect(
        answerOf(draft, 'unit-head-1', '2026-03-10T02:00:00.000Z', conventionsOf(preset).advisoryNotice),
      ).not.toHaveProperty('advisoryNotice');
    }
  });
});
