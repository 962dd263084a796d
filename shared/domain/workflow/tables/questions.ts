import type { WorkflowAggregate, WorkflowTable } from '../types';

/**
 * Q&A (BĐ 12, CB 11): the board receives and routes a question within a working day; the unit it is
 * sent to returns it at once if not competent, or answers (the head, or a person the head
 * authorised, CB 11.5); the board checks the answer, then publishes it (general interest, CB 11.3)
 * or sends it to the asker only, or returns it for rework.
 */
export const questionStates = ['received', 'declined', 'routed', 'accepted', 'answer-review', 'published', 'sent'] as const;
export type QuestionState = (typeof questionStates)[number];

export type QuestionAction = 'route' | 'decline' | 'return' | 'accept' | 'notify-progress' | 'answer' | 'rework' | 'publish' | 'send';

export type QuestionClock = 'classify' | 'competence' | 'answer';

export interface QuestionWorkflowItem extends WorkflowAggregate<QuestionState, QuestionClock> {
  /** Complex and inter-agency: the longer answer clock (BĐ 12.4). */
  readonly complex?: boolean;
}

const label = (vi: string, en: string) => ({ vi, en });

export const questionWorkflow: WorkflowTable<QuestionState, QuestionAction, QuestionClock, QuestionWorkflowItem> = {
  name: 'question',
  aggregateType: 'Question',
  label: label('câu hỏi', 'question'),
  initial: 'received',
  states: {
    received: { label: label('Đã tiếp nhận, chờ phân loại', 'Received, awaiting routing'), clocks: ['classify'] },
    declined: { label: label('Không thuộc phạm vi, đã báo người hỏi', 'Out of scope, asker told') },
    routed: { label: label('Đã chuyển đơn vị', 'Sent to a unit'), clocks: ['competence', 'answer'] },
    accepted: { label: label('Đơn vị đang trả lời', 'Being answered by the unit'), clocks: ['answer'] },
    'answer-review': { label: label('Ban Biên tập kiểm tra câu trả lời', 'Answer under the board’s check') },
    published: { label: label('Đã đăng câu trả lời', 'Answer published') },
    sent: { label: label('Đã gửi câu trả lời cho người hỏi', 'Answer sent to the asker') },
  },
  clocks: {
    classify: { policy: 'qa.classify', basis: 'BĐ 12.3' },
    competence: { policy: 'qa.returnOutOfScope', basis: 'BĐ 12.5' },
    answer: { policy: (q) => (q.complex ? 'qa.answerComplex' : 'qa.answer'), basis: 'BĐ 12.4; CB 11.4' },
  },
  transitions: {
    route: {
      label: label('chuyển đơn vị trả lời', 'route to a unit'),
      from: ['received'],
      to: 'routed',
      permission: 'qa.route',
      requires: ['assignee'],
      assigns: 'input',
      closes: ['classify'],
      opens: [
        { clock: 'competence', assignee: 'assignee' },
        { clock: 'answer', assignee: 'assignee' },
      ],
      event: 'QuestionRouted',
      basis: 'BĐ 12.3; CB 11.3',
    },
    decline: {
      label: label('từ chối tiếp nhận', 'decline'),
      from: ['received'],
      to: 'declined',
      permission: 'qa.route',
      requires: ['publicNote'],
      closes: ['classify'],
      event: 'QuestionDeclined',
      basis: 'CB 11.1, 11.3 (khiếu nại, tố cáo, việc riêng: thông báo cho người hỏi)',
    },
    return: {
      label: label('trả lại vì không thuộc thẩm quyền', 'return as outside the unit’s competence'),
      from: ['routed'],
      to: 'received',
      permission: 'qa.answer',
      on: 'assignee',
      requires: ['reason'],
      assigns: 'clear',
      closes: ['competence', 'answer'],
      opens: [{ clock: 'classify', assignee: 'owner' }],
      event: 'QuestionReturned',
      basis: 'BĐ 12.5',
    },
    accept: {
      label: label('nhận trả lời', 'accept'),
      from: ['routed'],
      to: 'accepted',
      permission: 'qa.answer',
      on: 'assignee',
      closes: ['competence'],
      event: 'QuestionAccepted',
      basis: 'BĐ 12.4–12.5',
    },
    'notify-progress': {
      label: label('thông báo quá trình xử lý', 'send a progress notice'),
      from: ['accepted'],
      to: 'accepted',
      permission: 'qa.answer',
      on: 'assignee',
      requires: ['publicNote'],
      event: 'QuestionProgressNoticed',
      basis: 'CB 11.4 (thông báo quá trình xử lý, nói rõ thời hạn trả lời)',
    },
    answer: {
      label: label('gửi câu trả lời', 'submit the answer'),
      from: ['routed', 'accepted'],
      to: 'answer-review',
      permission: 'qa.answer',
      on: 'assignee',
      recordsSubmitter: true,
      closes: ['competence', 'answer'],
      event: 'QuestionAnswered',
      basis: 'BĐ 12.4; CB 11.4–11.5',
    },
    rework: {
      label: label('trả lại để sửa câu trả lời', 'return the answer for rework'),
      from: ['answer-review'],
      to: 'accepted',
      permission: 'qa.check',
      requires: ['reason'],
      opens: [{ clock: 'answer', assignee: 'assignee' }],
      event: 'QuestionReturnedForRework',
      basis: 'BĐ 12.4; CB 11.4 (nội dung trả lời ngắn gọn, dẫn đúng văn bản)',
    },
    publish: {
      label: label('đăng câu trả lời', 'publish the answer'),
      from: ['answer-review'],
      to: 'published',
      permission: 'qa.check',
      actor: 'not-submitter',
      event: 'QuestionAnswerPublished',
      basis: 'CB 11.3; BĐ 9.6, 12.3',
    },
    send: {
      label: label('gửi câu trả lời cho người hỏi', 'send the answer to the asker'),
      from: ['answer-review'],
      to: 'sent',
      permission: 'qa.check',
      actor: 'not-submitter',
      event: 'QuestionAnswerSent',
      basis: 'BĐ 12.4; QN 14.12',
    },
  },
};
