import { describe, expect, it } from 'vitest';
import { composeNotice } from '../../shared/domain/questions/notifications';

/** Every notice's wording (issue 9 #6), sentence by sentence, in both languages, with and without its optional facts. */
const site = { vi: 'Cổng TTĐT Tỉnh Bình Định', en: 'Binh Dinh e-Portal' };
const id = 'HD.20260212.0007';
const lines = (text: string) => text.split('\n');
const follow = [
  `Quý ông/bà tra cứu tình trạng câu hỏi bằng mã ${id} và mã bí mật đã nhận khi gửi câu hỏi.`,
  `Follow your question with the code ${id} and the secret you received when you asked it.`,
];
const open = [`Xem câu hỏi ${id} trên trang quản trị.`, `Open question ${id} in the staff console.`];

describe('notices to the asker', () => {
  it('received, with and without the classification deadline', () => {
    const full = composeNotice({ to: 'asker', kind: 'received' }, { site, questionId: id, classificationDueAt: '2026-02-13T17:00:00.000Z' });
    expect(lines(full.text)).toEqual(expect.arrayContaining([
      `Cổng TTĐT Tỉnh Bình Định đã tiếp nhận câu hỏi của Quý ông/bà. Mã theo dõi: ${id}.`,
      'Câu hỏi sẽ được phân loại và chuyển đơn vị trả lời trước hết ngày 13/02/2026.',
      `Binh Dinh e-Portal has received your question. Tracking code: ${id}.`,
      'It will be classified and routed to the answering unit by the end of 13/02/2026.',
      ...follow,
    ]));
    expect(composeNotice({ to: 'asker', kind: 'received' }, { site, questionId: id }).text).not.toContain('phân loại');
  });

  it('refused, with its ground and reason, or without them', () => {
    const full = composeNotice({ to: 'asker', kind: 'refused' }, { site, questionId: id, refusal: { ground: 'complaint', reason: 'Đây là đơn khiếu nại' } });
    expect(full.subject).toBe(`[Cổng TTĐT Tỉnh Bình Định] Câu hỏi ${id} không được tiếp nhận / Question ${id} was not accepted`);
    expect(full.text).toContain(`Câu hỏi ${id} không được tiếp nhận.`);
    expect(full.text).toMatch(/Căn cứ: .+ \(CB 11\.1\)\./);
    expect(full.text).toMatch(/Ground: .+ \(CB 11\.1\)\./);
    expect(full.text).toContain('Lý do: Đây là đơn khiếu nại');
    expect(full.text).toContain('Reason (in Vietnamese): Đây là đơn khiếu nại');
    const bare = composeNotice({ to: 'asker', kind: 'refused' }, { site, questionId: id }).text;
    expect(bare).not.toMatch(/Căn cứ|Ground|Lý do|Reason/);
  });

  it('progress notice, with or without the expected day', () => {
    const full = composeNotice({ to: 'asker', kind: 'progress-notice' }, { site, questionId: id, expectedBy: '2026-03-20' });
    expect(full.subject).toContain(`Thông báo quá trình xử lý câu hỏi ${id} / Progress of question ${id}`);
    expect(lines(full.text)).toEqual(expect.arrayContaining([`Câu hỏi ${id} đang được đơn vị có thẩm quyền xử lý.`, 'The answer is expected by 20/03/2026.', `Question ${id} is being handled by the competent unit.`, ...follow]));
    expect(composeNotice({ to: 'asker', kind: 'progress-notice' }, { site, questionId: id }).text).not.toContain('dự kiến');
  });

  it('answer sent without citations leaves the cited list out', () => {
    const notice = composeNotice({ to: 'asker', kind: 'answer-sent' }, { site, questionId: id, answer: { text: 'Nội dung trả lời.', citations: [], advisoryNotice: { vi: 'Lưu ý.', en: 'Note.' } } });
    expect(notice.subject).toContain(`Trả lời câu hỏi ${id} / Answer to question ${id}`);
    expect(lines(notice.text)).toEqual(expect.arrayContaining([`Trả lời câu hỏi ${id}:`, 'Nội dung trả lời.', 'Lưu ý.', `The answer to question ${id} is above, in Vietnamese.`, 'Note.', ...follow]));
    expect(notice.text).not.toContain('Văn bản được dẫn');
  });

  it('reopened', () => {
    const notice = composeNotice({ to: 'asker', kind: 'reopened' }, { site, questionId: id });
    expect(notice.subject).toContain(`Câu hỏi ${id} được mở lại / Question ${id} reopened`);
    expect(lines(notice.text)).toEqual(expect.arrayContaining([
      `Theo đánh giá của Quý ông/bà, câu hỏi ${id} đã được mở lại để Ban Biên tập xem xét và chuyển trả lời lại.`,
      `Following your rating, question ${id} was reopened: the editorial board will have it answered again.`,
      ...follow,
    ]));
  });
});

describe('notices to staff', () => {
  const staff = (kind: 'routed' | 'returned' | 'answer-returned') => ({ to: 'staff' as const, kind, unitCode: 'soa', roles: ['unit-head' as const] });

  it('routed, with its answer and return deadlines, or without them', () => {
    const full = composeNotice(staff('routed'), { site, questionId: id, unitCode: 'soa', answerDueAt: '2026-02-26T17:00:00.000Z', returnDueAt: '2026-02-16T02:00:00.000Z' });
    expect(full.subject).toContain(`Câu hỏi ${id} được chuyển đến đơn vị / Question ${id} routed to your unit`);
    expect(lines(full.text)).toEqual(expect.arrayContaining([
      `Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị soa để trả lời.`,
      'Hạn trả lời: hết ngày 26/02/2026.',
      'Nếu không thuộc thẩm quyền, trả lại trước 09:00 ngày 16/02/2026.',
      `The editorial board routed question ${id} to unit soa to answer.`,
      'Answer by the end of 26/02/2026.',
      'If it is outside your competence, return it by 09:00 on 16/02/2026.',
      ...open,
    ]));
    expect(composeNotice(staff('routed'), { site, questionId: id }).text).not.toMatch(/Hạn trả lời|Answer by|trả lại trước/);
  });

  it('returned, with the reason and the new routing deadline, or without them', () => {
    const full = composeNotice(staff('returned'), { site, questionId: id, unitCode: 'soa', reason: 'Không thuộc thẩm quyền', classificationDueAt: '2026-02-17T17:00:00.000Z' });
    expect(full.subject).toContain(`Câu hỏi ${id} bị đơn vị trả lại / Question ${id} returned by the unit`);
    expect(lines(full.text)).toEqual(expect.arrayContaining([
      `Đơn vị soa đã trả lại câu hỏi ${id} vì không thuộc thẩm quyền.`,
      'Lý do: Không thuộc thẩm quyền',
      'Hạn chuyển lại: hết ngày 17/02/2026.',
      `Unit soa returned question ${id} as outside its competence.`,
      'Reason (in Vietnamese): Không thuộc thẩm quyền',
      'Route it again by the end of 17/02/2026.',
      ...open,
    ]));
    expect(composeNotice(staff('returned'), { site, questionId: id }).text).not.toMatch(/Lý do|Reason|Hạn chuyển|Route it again/);
  });

  it('answer returned, with the board’s comment and the new deadline, or without them', () => {
    const full = composeNotice(staff('answer-returned'), { site, questionId: id, comment: 'Dẫn thêm văn bản', answerDueAt: '2026-03-03T17:00:00.000Z' });
    expect(full.subject).toContain(`Câu trả lời câu hỏi ${id} bị trả lại để sửa / Answer to question ${id} returned for rework`);
    expect(lines(full.text)).toEqual(expect.arrayContaining([
      `Ban Biên tập đã trả lại câu trả lời câu hỏi ${id} để đơn vị sửa.`,
      'Ý kiến: Dẫn thêm văn bản',
      'Hạn trả lời mới: hết ngày 03/03/2026.',
      `The editorial board returned the answer to question ${id} for rework.`,
      'Comment (in Vietnamese): Dẫn thêm văn bản',
      'New answer deadline: the end of 03/03/2026.',
      ...open,
    ]));
    expect(composeNotice(staff('answer-returned'), { site, questionId: id }).text).not.toMatch(/Ý kiến|Comment|Hạn trả lời mới|New answer/);
  });

  it('escalations name each level and clock', () => {
    const escalated = (level: 'reminder' | 'overdue', clock: 'classify' | 'return') =>
      composeNotice({ to: 'staff', kind: 'escalated', unitCode: 'binhdinh', roles: ['secretary'] }, { site, questionId: id, unitCode: 'binhdinh', escalation: { level, clock, dueAt: '2026-02-13T17:00:00.000Z' } });
    expect(escalated('reminder', 'classify').text).toContain(`Nhắc hạn: hạn phân loại câu hỏi ${id} của đơn vị binhdinh là hết ngày 13/02/2026.`);
    expect(escalated('reminder', 'classify').text).toContain(`Reminder: the classification of question ${id} by unit binhdinh is due the end of 13/02/2026.`);
    expect(escalated('overdue', 'return').subject).toContain(`Quá hạn: câu hỏi ${id} / Overdue: question ${id}`);
    expect(escalated('overdue', 'return').text).toContain('hạn trả lại câu hỏi');
    expect(escalated('overdue', 'return').text).toContain('the return of question');
  });
});
