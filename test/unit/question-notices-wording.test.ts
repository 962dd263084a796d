// Every Q&A notice's wording (issue 9 #6): each whole e-mail line for line, then each sentence in both languages with
// and without its optional facts. What the asker and the units receive is the portal's official word on deadlines
// and refusals, so no stray, missing or reordered line may slip in.
import { describe, expect, it } from 'vitest';
import { composeNotice, type NoticeAudience, type NoticeFacts } from '../../shared/domain/questions/notifications';

const site = { vi: 'Cổng TTĐT Tỉnh Bình Định', en: 'Binh Dinh e-Portal' };
const id = 'HD.20260212.0007';
const follow = {
  vi: `Quý ông/bà tra cứu tình trạng câu hỏi bằng mã ${id} và mã bí mật đã nhận khi gửi câu hỏi.`,
  en: `Follow your question with the code ${id} and the secret you received when you asked it.`,
};
const open = { vi: `Xem câu hỏi ${id} trên trang quản trị.`, en: `Open question ${id} in the staff console.` };
const lines = (text: string) => text.split('\n');
const FOOTER =
  'Thư này được gửi tự động, xin không trả lời. / This message was sent automatically; please do not reply.';

/** The frame every notice shares (pinned literally once below), around its Vietnamese and English bodies. */
const mail = (to: 'asker' | 'staff', vi: string[], en: string[]) => {
  const greeting =
    to === 'asker' ? ['Kính gửi Quý ông/bà,', 'Dear Sir or Madam,'] : ['Kính gửi đồng chí,', 'Dear colleague,'];
  return [
    greeting[0],
    '',
    ...vi,
    '',
    site.vi,
    '',
    '----- English -----',
    '',
    greeting[1],
    '',
    ...en,
    '',
    site.en,
    '',
    FOOTER,
  ].join('\n');
};
const asker = (kind: Extract<NoticeAudience, { to: 'asker' }>['kind'], facts: Partial<NoticeFacts> = {}) =>
  composeNotice({ to: 'asker', kind }, { site, questionId: id, ...facts });
const staff = (kind: Extract<NoticeAudience, { to: 'staff' }>['kind'], facts: Partial<NoticeFacts> = {}) =>
  composeNotice({ to: 'staff', kind, unitCode: 'soa', roles: ['unit-head'] }, { site, questionId: id, ...facts });

describe('the frame of every notice', () => {
  it('to the asker: greeting, Vietnamese body, site, an English separator, the same in English, a do-not-reply line', () => {
    expect(asker('received')).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Đã tiếp nhận câu hỏi ${id} / Question ${id} received`,
      text: [
        'Kính gửi Quý ông/bà,',
        '',
        `Cổng TTĐT Tỉnh Bình Định đã tiếp nhận câu hỏi của Quý ông/bà. Mã theo dõi: ${id}.`,
        follow.vi,
        '',
        'Cổng TTĐT Tỉnh Bình Định',
        '',
        '----- English -----',
        '',
        'Dear Sir or Madam,',
        '',
        `Binh Dinh e-Portal has received your question. Tracking code: ${id}.`,
        follow.en,
        '',
        'Binh Dinh e-Portal',
        '',
        'Thư này được gửi tự động, xin không trả lời. / This message was sent automatically; please do not reply.',
      ].join('\n'),
    });
  });

  it('to staff: the colleague greeting', () => {
    expect(staff('routed', { unitCode: 'soa' }).text).toBe(
      mail(
        'staff',
        [`Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị soa để trả lời.`, open.vi],
        [`The editorial board routed question ${id} to unit soa to answer.`, open.en],
      ),
    );
  });
});

describe('notices to the asker, each whole e-mail', () => {
  it('received, with the classification deadline', () => {
    expect(asker('received', { classificationDueAt: '2026-02-13T17:00:00.000Z' }).text).toBe(
      mail(
        'asker',
        [
          `Cổng TTĐT Tỉnh Bình Định đã tiếp nhận câu hỏi của Quý ông/bà. Mã theo dõi: ${id}.`,
          'Câu hỏi sẽ được phân loại và chuyển đơn vị trả lời trước hết ngày 13/02/2026.',
          follow.vi,
        ],
        [
          `Binh Dinh e-Portal has received your question. Tracking code: ${id}.`,
          'It will be classified and routed to the answering unit by the end of 13/02/2026.',
          follow.en,
        ],
      ),
    );
  });

  it('refused, with ground and reason; with either alone; with neither', () => {
    const subject = `[Cổng TTĐT Tỉnh Bình Định] Câu hỏi ${id} không được tiếp nhận / Question ${id} was not accepted`;
    const ground = {
      vi: 'Căn cứ: Khiếu nại: gửi theo Luật Khiếu nại (CB 11.1).',
      en: 'Ground: A complaint: file it under the Law on Complaints (CB 11.1).',
    };
    const reason = { vi: 'Lý do: Đây là đơn khiếu nại', en: 'Reason (in Vietnamese): Đây là đơn khiếu nại' };
    const head = { vi: `Câu hỏi ${id} không được tiếp nhận.`, en: `Question ${id} was not accepted.` };
    expect(asker('refused', { refusal: { ground: 'complaint', reason: 'Đây là đơn khiếu nại' } })).toEqual({
      subject,
      text: mail('asker', [head.vi, ground.vi, reason.vi], [head.en, ground.en, reason.en]),
    });
    expect(asker('refused', { refusal: { ground: 'complaint' } }).text).toBe(
      mail('asker', [head.vi, ground.vi], [head.en, ground.en]),
    );
    expect(asker('refused', { refusal: { reason: 'Đây là đơn khiếu nại' } }).text).toBe(
      mail('asker', [head.vi, reason.vi], [head.en, reason.en]),
    );
    expect(asker('refused', { refusal: { reason: '' } }).text).toBe(mail('asker', [head.vi], [head.en]));
    expect(asker('refused').text).toBe(mail('asker', [head.vi], [head.en]));
  });

  it('progress notice, with and without the expected day', () => {
    const head = {
      vi: `Câu hỏi ${id} đang được đơn vị có thẩm quyền xử lý.`,
      en: `Question ${id} is being handled by the competent unit.`,
    };
    expect(asker('progress-notice', { expectedBy: '2026-03-20' })).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Thông báo quá trình xử lý câu hỏi ${id} / Progress of question ${id}`,
      text: mail(
        'asker',
        [head.vi, 'Thời hạn trả lời dự kiến: ngày 20/03/2026.', follow.vi],
        [head.en, 'The answer is expected by 20/03/2026.', follow.en],
      ),
    });
    expect(asker('progress-notice').text).toBe(mail('asker', [head.vi, follow.vi], [head.en, follow.en]));
  });

  it('answer sent: the answer, its cited documents, the advisory notice', () => {
    const answer = {
      text: 'Nội dung trả lời.',
      citations: [
        {
          numberSymbol: '12/2026/QĐ-UBND',
          issuer: 'UBND tỉnh Bình Định',
          issuedOn: '2026-01-05',
          summary: 'Quy chế tiếp nhận câu hỏi',
        },
        {
          numberSymbol: '42/2022/NĐ-CP',
          issuer: 'Chính phủ',
          issuedOn: '2022-06-24',
          summary: 'Cung cấp thông tin trên cổng',
        },
      ],
      advisoryNotice: { vi: 'Lưu ý: câu trả lời chỉ có giá trị tham khảo.', en: 'Note: the answer is advisory.' },
    };
    expect(asker('answer-sent', { answer })).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Trả lời câu hỏi ${id} / Answer to question ${id}`,
      text: mail(
        'asker',
        [
          `Trả lời câu hỏi ${id}:`,
          '',
          'Nội dung trả lời.',
          '',
          'Văn bản được dẫn:',
          '- 12/2026/QĐ-UBND (UBND tỉnh Bình Định, 05/01/2026): Quy chế tiếp nhận câu hỏi',
          '- 42/2022/NĐ-CP (Chính phủ, 24/06/2022): Cung cấp thông tin trên cổng',
          '',
          'Lưu ý: câu trả lời chỉ có giá trị tham khảo.',
          follow.vi,
        ],
        [`The answer to question ${id} is above, in Vietnamese.`, 'Note: the answer is advisory.', follow.en],
      ),
    });
    expect(asker('answer-sent', { answer: { ...answer, citations: [] } }).text).toBe(
      mail(
        'asker',
        [
          `Trả lời câu hỏi ${id}:`,
          '',
          'Nội dung trả lời.',
          '',
          'Lưu ý: câu trả lời chỉ có giá trị tham khảo.',
          follow.vi,
        ],
        [`The answer to question ${id} is above, in Vietnamese.`, 'Note: the answer is advisory.', follow.en],
      ),
    );
  });

  it('answer sent without the answer\'s facts: blank lines, never "undefined" nor a crash', () => {
    expect(asker('answer-sent').text).toBe(
      mail(
        'asker',
        [`Trả lời câu hỏi ${id}:`, '', '', '', '', follow.vi],
        [`The answer to question ${id} is above, in Vietnamese.`, '', follow.en],
      ),
    );
  });

  it('reopened', () => {
    expect(asker('reopened')).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Câu hỏi ${id} được mở lại / Question ${id} reopened`,
      text: mail(
        'asker',
        [
          `Theo đánh giá của Quý ông/bà, câu hỏi ${id} đã được mở lại để Ban Biên tập xem xét và chuyển trả lời lại.`,
          follow.vi,
        ],
        [
          `Following your rating, question ${id} was reopened: the editorial board will have it answered again.`,
          follow.en,
        ],
      ),
    });
  });
});

describe('notices to staff, each whole e-mail', () => {
  it('routed, with both deadlines, with either alone; a missing unit leaves a blank, never "undefined"', () => {
    const head = {
      vi: `Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị soa để trả lời.`,
      en: `The editorial board routed question ${id} to unit soa to answer.`,
    };
    const answer = { vi: 'Hạn trả lời: hết ngày 26/02/2026.', en: 'Answer by the end of 26/02/2026.' };
    const back = {
      vi: 'Nếu không thuộc thẩm quyền, trả lại trước 09:00 ngày 16/02/2026.',
      en: 'If it is outside your competence, return it by 09:00 on 16/02/2026.',
    };
    const answerDueAt = '2026-02-26T17:00:00.000Z';
    const returnDueAt = '2026-02-16T02:00:00.000Z';
    expect(staff('routed', { unitCode: 'soa', answerDueAt, returnDueAt }).text).toBe(
      mail('staff', [head.vi, answer.vi, back.vi, open.vi], [head.en, answer.en, back.en, open.en]),
    );
    expect(staff('routed', { unitCode: 'soa', answerDueAt }).text).toBe(
      mail('staff', [head.vi, answer.vi, open.vi], [head.en, answer.en, open.en]),
    );
    expect(staff('routed', { unitCode: 'soa', returnDueAt }).text).toBe(
      mail('staff', [head.vi, back.vi, open.vi], [head.en, back.en, open.en]),
    );
    expect(staff('routed').text).toBe(
      mail(
        'staff',
        [`Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị  để trả lời.`, open.vi],
        [`The editorial board routed question ${id} to unit  to answer.`, open.en],
      ),
    );
  });

  it('returned, with reason and deadline, with either alone, with neither', () => {
    const head = {
      vi: `Đơn vị soa đã trả lại câu hỏi ${id} vì không thuộc thẩm quyền.`,
      en: `Unit soa returned question ${id} as outside its competence.`,
    };
    const reason = { vi: 'Lý do: Không thuộc thẩm quyền', en: 'Reason (in Vietnamese): Không thuộc thẩm quyền' };
    const due = { vi: 'Hạn chuyển lại: hết ngày 17/02/2026.', en: 'Route it again by the end of 17/02/2026.' };
    const classificationDueAt = '2026-02-17T17:00:00.000Z';
    expect(staff('returned', { unitCode: 'soa', reason: 'Không thuộc thẩm quyền', classificationDueAt })).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Câu hỏi ${id} bị đơn vị trả lại / Question ${id} returned by the unit`,
      text: mail('staff', [head.vi, reason.vi, due.vi, open.vi], [head.en, reason.en, due.en, open.en]),
    });
    expect(staff('returned', { unitCode: 'soa', reason: 'Không thuộc thẩm quyền' }).text).toBe(
      mail('staff', [head.vi, reason.vi, open.vi], [head.en, reason.en, open.en]),
    );
    expect(staff('returned', { unitCode: 'soa', classificationDueAt }).text).toBe(
      mail('staff', [head.vi, due.vi, open.vi], [head.en, due.en, open.en]),
    );
    expect(staff('returned').text).toBe(
      mail(
        'staff',
        [`Đơn vị  đã trả lại câu hỏi ${id} vì không thuộc thẩm quyền.`, open.vi],
        [`Unit  returned question ${id} as outside its competence.`, open.en],
      ),
    );
  });

  it('answer returned, with comment and deadline, with either alone, with neither', () => {
    const head = {
      vi: `Ban Biên tập đã trả lại câu trả lời câu hỏi ${id} để đơn vị sửa.`,
      en: `The editorial board returned the answer to question ${id} for rework.`,
    };
    const comment = { vi: 'Ý kiến: Dẫn thêm văn bản', en: 'Comment (in Vietnamese): Dẫn thêm văn bản' };
    const due = { vi: 'Hạn trả lời mới: hết ngày 03/03/2026.', en: 'New answer deadline: the end of 03/03/2026.' };
    const answerDueAt = '2026-03-03T17:00:00.000Z';
    expect(staff('answer-returned', { comment: 'Dẫn thêm văn bản', answerDueAt })).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Câu trả lời câu hỏi ${id} bị trả lại để sửa / Answer to question ${id} returned for rework`,
      text: mail('staff', [head.vi, comment.vi, due.vi, open.vi], [head.en, comment.en, due.en, open.en]),
    });
    expect(staff('answer-returned', { comment: 'Dẫn thêm văn bản' }).text).toBe(
      mail('staff', [head.vi, comment.vi, open.vi], [head.en, comment.en, open.en]),
    );
    expect(staff('answer-returned', { answerDueAt }).text).toBe(
      mail('staff', [head.vi, due.vi, open.vi], [head.en, due.en, open.en]),
    );
    expect(staff('answer-returned').text).toBe(mail('staff', [head.vi, open.vi], [head.en, open.en]));
  });

  it('escalated, each level and clock; a missing unit leaves a blank', () => {
    const escalation = { level: 'very-overdue' as const, clock: 'answer' as const, dueAt: '2026-02-13T17:00:00.000Z' };
    expect(staff('escalated', { unitCode: 'soa', escalation })).toEqual({
      subject: `[Cổng TTĐT Tỉnh Bình Định] Quá hạn nghiêm trọng: câu hỏi ${id} / Very overdue: question ${id}`,
      text: mail(
        'staff',
        [`Quá hạn nghiêm trọng: hạn trả lời câu hỏi ${id} của đơn vị soa là hết ngày 13/02/2026.`, open.vi],
        [`Very overdue: the answer of question ${id} by unit soa is due the end of 13/02/2026.`, open.en],
      ),
    });
    expect(
      staff('escalated', { escalation: { level: 'reminder', clock: 'return', dueAt: '2026-02-16T02:00:00.000Z' } })
        .text,
    ).toBe(
      mail(
        'staff',
        [`Nhắc hạn: hạn trả lại câu hỏi ${id} của đơn vị  là 09:00 ngày 16/02/2026.`, open.vi],
        [`Reminder: the return of question ${id} by unit  is due 09:00 on 16/02/2026.`, open.en],
      ),
    );
  });
});

describe('notices to the asker, sentence by sentence, with and without their optional facts', () => {
  it('received, with and without the classification deadline', () => {
    const full = composeNotice(
      { to: 'asker', kind: 'received' },
      { site, questionId: id, classificationDueAt: '2026-02-13T17:00:00.000Z' },
    );
    expect(lines(full.text)).toEqual(
      expect.arrayContaining([
        `Cổng TTĐT Tỉnh Bình Định đã tiếp nhận câu hỏi của Quý ông/bà. Mã theo dõi: ${id}.`,
        'Câu hỏi sẽ được phân loại và chuyển đơn vị trả lời trước hết ngày 13/02/2026.',
        `Binh Dinh e-Portal has received your question. Tracking code: ${id}.`,
        'It will be classified and routed to the answering unit by the end of 13/02/2026.',
        follow.vi,
        follow.en,
      ]),
    );
    expect(composeNotice({ to: 'asker', kind: 'received' }, { site, questionId: id }).text).not.toContain('phân loại');
  });

  it('refused, with its ground and reason, or without them', () => {
    const full = composeNotice(
      { to: 'asker', kind: 'refused' },
      { site, questionId: id, refusal: { ground: 'complaint', reason: 'Đây là đơn khiếu nại' } },
    );
    expect(full.subject).toBe(
      `[Cổng TTĐT Tỉnh Bình Định] Câu hỏi ${id} không được tiếp nhận / Question ${id} was not accepted`,
    );
    expect(full.text).toContain(`Câu hỏi ${id} không được tiếp nhận.`);
    expect(full.text).toMatch(/Căn cứ: .+ \(CB 11\.1\)\./);
    expect(full.text).toMatch(/Ground: .+ \(CB 11\.1\)\./);
    expect(full.text).toContain('Lý do: Đây là đơn khiếu nại');
    expect(full.text).toContain('Reason (in Vietnamese): Đây là đơn khiếu nại');
    const bare = composeNotice({ to: 'asker', kind: 'refused' }, { site, questionId: id }).text;
    expect(bare).not.toMatch(/Căn cứ|Ground|Lý do|Reason/);
  });

  it('progress notice, with or without the expected day', () => {
    const full = composeNotice(
      { to: 'asker', kind: 'progress-notice' },
      { site, questionId: id, expectedBy: '2026-03-20' },
    );
    expect(full.subject).toContain(`Thông báo quá trình xử lý câu hỏi ${id} / Progress of question ${id}`);
    expect(lines(full.text)).toEqual(
      expect.arrayContaining([
        `Câu hỏi ${id} đang được đơn vị có thẩm quyền xử lý.`,
        'The answer is expected by 20/03/2026.',
        `Question ${id} is being handled by the competent unit.`,
        follow.vi,
        follow.en,
      ]),
    );
    expect(composeNotice({ to: 'asker', kind: 'progress-notice' }, { site, questionId: id }).text).not.toContain(
      'dự kiến',
    );
  });

  it('answer sent without citations leaves the cited list out', () => {
    const notice = composeNotice(
      { to: 'asker', kind: 'answer-sent' },
      {
        site,
        questionId: id,
        answer: { text: 'Nội dung trả lời.', citations: [], advisoryNotice: { vi: 'Lưu ý.', en: 'Note.' } },
      },
    );
    expect(notice.subject).toContain(`Trả lời câu hỏi ${id} / Answer to question ${id}`);
    expect(lines(notice.text)).toEqual(
      expect.arrayContaining([
        `Trả lời câu hỏi ${id}:`,
        'Nội dung trả lời.',
        'Lưu ý.',
        `The answer to question ${id} is above, in Vietnamese.`,
        'Note.',
        follow.vi,
        follow.en,
      ]),
    );
    expect(notice.text).not.toContain('Văn bản được dẫn');
  });

  it('reopened', () => {
    const notice = composeNotice({ to: 'asker', kind: 'reopened' }, { site, questionId: id });
    expect(notice.subject).toContain(`Câu hỏi ${id} được mở lại / Question ${id} reopened`);
    expect(lines(notice.text)).toEqual(
      expect.arrayContaining([
        `Theo đánh giá của Quý ông/bà, câu hỏi ${id} đã được mở lại để Ban Biên tập xem xét và chuyển trả lời lại.`,
        `Following your rating, question ${id} was reopened: the editorial board will have it answered again.`,
        follow.vi,
        follow.en,
      ]),
    );
  });
});

describe('notices to staff, sentence by sentence, with and without their optional facts', () => {
  const staff = (kind: 'routed' | 'returned' | 'answer-returned') => ({
    to: 'staff' as const,
    kind,
    unitCode: 'soa',
    roles: ['unit-head' as const],
  });

  it('routed, with its answer and return deadlines, or without them', () => {
    const full = composeNotice(staff('routed'), {
      site,
      questionId: id,
      unitCode: 'soa',
      answerDueAt: '2026-02-26T17:00:00.000Z',
      returnDueAt: '2026-02-16T02:00:00.000Z',
    });
    expect(full.subject).toContain(`Câu hỏi ${id} được chuyển đến đơn vị / Question ${id} routed to your unit`);
    expect(lines(full.text)).toEqual(
      expect.arrayContaining([
        `Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị soa để trả lời.`,
        'Hạn trả lời: hết ngày 26/02/2026.',
        'Nếu không thuộc thẩm quyền, trả lại trước 09:00 ngày 16/02/2026.',
        `The editorial board routed question ${id} to unit soa to answer.`,
        'Answer by the end of 26/02/2026.',
        'If it is outside your competence, return it by 09:00 on 16/02/2026.',
        open.vi,
        open.en,
      ]),
    );
    expect(composeNotice(staff('routed'), { site, questionId: id }).text).not.toMatch(
      /Hạn trả lời|Answer by|trả lại trước/,
    );
  });

  it('returned, with the reason and the new routing deadline, or without them', () => {
    const full = composeNotice(staff('returned'), {
      site,
      questionId: id,
      unitCode: 'soa',
      reason: 'Không thuộc thẩm quyền',
      classificationDueAt: '2026-02-17T17:00:00.000Z',
    });
    expect(full.subject).toContain(`Câu hỏi ${id} bị đơn vị trả lại / Question ${id} returned by the unit`);
    expect(lines(full.text)).toEqual(
      expect.arrayContaining([
        `Đơn vị soa đã trả lại câu hỏi ${id} vì không thuộc thẩm quyền.`,
        'Lý do: Không thuộc thẩm quyền',
        'Hạn chuyển lại: hết ngày 17/02/2026.',
        `Unit soa returned question ${id} as outside its competence.`,
        'Reason (in Vietnamese): Không thuộc thẩm quyền',
        'Route it again by the end of 17/02/2026.',
        open.vi,
        open.en,
      ]),
    );
    expect(composeNotice(staff('returned'), { site, questionId: id }).text).not.toMatch(
      /Lý do|Reason|Hạn chuyển|Route it again/,
    );
  });

  it('answer returned, with the board’s comment and the new deadline, or without them', () => {
    const full = composeNotice(staff('answer-returned'), {
      site,
      questionId: id,
      comment: 'Dẫn thêm văn bản',
      answerDueAt: '2026-03-03T17:00:00.000Z',
    });
    expect(full.subject).toContain(
      `Câu trả lời câu hỏi ${id} bị trả lại để sửa / Answer to question ${id} returned for rework`,
    );
    expect(lines(full.text)).toEqual(
      expect.arrayContaining([
        `Ban Biên tập đã trả lại câu trả lời câu hỏi ${id} để đơn vị sửa.`,
        'Ý kiến: Dẫn thêm văn bản',
        'Hạn trả lời mới: hết ngày 03/03/2026.',
        `The editorial board returned the answer to question ${id} for rework.`,
        'Comment (in Vietnamese): Dẫn thêm văn bản',
        'New answer deadline: the end of 03/03/2026.',
        open.vi,
        open.en,
      ]),
    );
    expect(composeNotice(staff('answer-returned'), { site, questionId: id }).text).not.toMatch(
      /Ý kiến|Comment|Hạn trả lời mới|New answer/,
    );
  });

  it('escalations name each level and clock', () => {
    const escalated = (level: 'reminder' | 'overdue', clock: 'classify' | 'return') =>
      composeNotice(
        { to: 'staff', kind: 'escalated', unitCode: 'binhdinh', roles: ['secretary'] },
        { site, questionId: id, unitCode: 'binhdinh', escalation: { level, clock, dueAt: '2026-02-13T17:00:00.000Z' } },
      );
    expect(escalated('reminder', 'classify').text).toContain(
      `Nhắc hạn: hạn phân loại câu hỏi ${id} của đơn vị binhdinh là hết ngày 13/02/2026.`,
    );
    expect(escalated('reminder', 'classify').text).toContain(
      `Reminder: the classification of question ${id} by unit binhdinh is due the end of 13/02/2026.`,
    );
    expect(escalated('overdue', 'return').subject).toContain(`Quá hạn: câu hỏi ${id} / Overdue: question ${id}`);
    expect(escalated('overdue', 'return').text).toContain('hạn trả lại câu hỏi');
    expect(escalated('overdue', 'return').text).toContain('the return of question');
  });
});
