import type { WorkflowAggregate, WorkflowTable } from '../types';

/**
 * Q&A (BĐ 12, CB 11; issue 9's contract): the board classifies a question and refuses it or routes
 * it to a unit within a working day; the unit returns it if not competent (the board re-routes it,
 * the answer clock starts again) or answers it (the head, or a person the head authorised, CB
 * 11.5), possibly after a progress notice (CB 11.4); the board approves the answer or returns it
 * to the unit, then sends it to the asker and, if of general interest, publishes it. "Answered",
 * "sent" and "published" are separate states, each reached by its own step. An asker's poor rating
 * lets the board reopen a question that was sent.
 */
export const questionStates = [
  'received',
  'classified',
  'refused',
  'routed',
  'returned',
  'answered',
  'approved',
  'sent',
  'published',
  'reopened',
] as const;
export type QuestionState = (typeof questionStates)[number];

export type QuestionAction =
  | 'classify'
  | 'refuse'
  | 'route'
  | 'return'
  | 'progress-notice'
  | 'answer'
  | 'approve-answer'
  | 'return-answer'
  | 'send'
  | 'publish'
  | 'reopen';

/** `classify`: the board's (until routed); `answer` and `return`: the unit's (answer it, or return it). */
export type QuestionClock = 'classify' | 'answer' | 'return';

/** The Q&A's own input, guards and effects, by name: shared/application/question-steps.ts holds the functions. */
export type QuestionInput = 'unit';
export type QuestionGuard =
  | 'complexity-given'
  | 'ground-given'
  | 'answerer-authorised'
  | 'answer-checked'
  | 'publication-consent'
  | 'progress-notice-allowed';
export type QuestionEffect =
  | 'classification'
  | 'refusal'
  | 'routing'
  | 'routing-returned'
  | 'progress-notice'
  | 'answer'
  | 'approval'
  | 'answer-returned'
  | 'sent'
  | 'public-copy'
  | 'reopened';

export interface QuestionWorkflowItem extends WorkflowAggregate<QuestionState, QuestionClock> {
  /** Complex or inter-agency: the longer answer clock (BĐ 12.4). */
  readonly complex?: boolean;
}

const label = (vi: string, en: string) => ({ vi, en });
const AT_THE_BOARD = ['received', 'classified', 'returned', 'reopened'] as const;

export const questionWorkflow: WorkflowTable<
  QuestionState,
  QuestionAction,
  QuestionClock,
  QuestionWorkflowItem,
  QuestionInput,
  QuestionGuard,
  QuestionEffect,
  'ask'
> = {
  name: 'question',
  aggregateType: 'Question',
  label: label('câu hỏi', 'question'),
  initial: 'received',
  states: {
    received: {
      label: label('Đã tiếp nhận, chờ phân loại', 'Received, awaiting classification'),
      clocks: ['classify'],
    },
    classified: {
      label: label('Đã phân loại, chờ chuyển đơn vị', 'Classified, awaiting routing'),
      clocks: ['classify'],
    },
    refused: { label: label('Không tiếp nhận, đã báo lý do cho người hỏi', 'Refused, the asker was told why') },
    routed: { label: label('Đã chuyển đơn vị trả lời', 'Routed to a unit to answer'), clocks: ['answer', 'return'] },
    returned: {
      label: label(
        'Đơn vị trả lại vì không thuộc thẩm quyền, chờ chuyển lại',
        'Returned by the unit as outside its competence, awaiting re-routing',
      ),
      clocks: ['classify'],
    },
    answered: { label: label('Đã có câu trả lời, Ban Biên tập đang kiểm tra', 'Answered, under the board’s check') },
    approved: { label: label('Câu trả lời đã được duyệt, chờ gửi', 'Answer approved, awaiting sending') },
    sent: { label: label('Đã gửi câu trả lời cho người hỏi', 'Answer sent to the asker') },
    published: { label: label('Đã đăng câu hỏi và câu trả lời', 'Question and answer published') },
    reopened: {
      label: label('Mở lại theo đánh giá của người hỏi', 'Reopened on the asker’s rating'),
      clocks: ['classify'],
    },
  },
  clocks: {
    classify: { policy: 'qa.classify', basis: 'BĐ 12.3' },
    answer: { policy: (q) => (q.complex ? 'qa.answerComplex' : 'qa.answer'), basis: 'BĐ 12.4; CB 11.4' },
    return: { policy: 'qa.returnOutOfScope', basis: 'BĐ 12.5' },
  },
  // Asked by anyone (no account): received, the board's classification clock running.
  creations: {
    ask: {
      label: label('đặt câu hỏi', 'ask a question'),
      to: 'received',
      opens: [{ clock: 'classify', assignee: 'owner' }],
      event: 'QuestionReceived',
      basis: 'BĐ 12.1–12.3; CB 11.2',
    },
  },
  transitions: {
    classify: {
      label: label('phân loại', 'classify'),
      from: AT_THE_BOARD,
      to: 'classified',
      permission: 'qa.route',
      guards: ['complexity-given'],
      effects: ['classification'],
      event: 'QuestionClassified',
      basis: 'BĐ 12.3; CB 11.3 (phân loại theo lĩnh vực, mức độ, phạm vi)',
    },
    refuse: {
      label: label('từ chối tiếp nhận', 'refuse'),
      from: AT_THE_BOARD,
      to: 'refused',
      permission: 'qa.route',
      requires: ['reason'],
      closes: ['classify'],
      guards: ['ground-given'],
      effects: ['refusal'],
      event: 'QuestionRefused',
      basis: 'CB 11.1, 11.3 (khiếu nại, tố cáo, việc riêng, ngoài thẩm quyền: báo người hỏi)',
    },
    route: {
      label: label('chuyển đơn vị trả lời', 'route to a unit'),
      from: ['classified', 'returned', 'reopened'],
      to: 'routed',
      permission: 'qa.route',
      requires: ['assignee'],
      assigns: 'input',
      closes: ['classify'],
      opens: [
        { clock: 'answer', assignee: 'assignee' },
        { clock: 'return', assignee: 'assignee' },
      ],
      input: ['unit'],
      effects: ['routing'],
      event: 'QuestionRouted',
      basis: 'BĐ 12.3; CB 11.3',
    },
    return: {
      label: label('trả lại vì không thuộc thẩm quyền', 'return as outside the unit’s competence'),
      from: ['routed'],
      to: 'returned',
      permission: 'qa.answer',
      on: 'assignee',
      requires: ['reason'],
      assigns: 'clear',
      closes: ['answer', 'return'],
      opens: [{ clock: 'classify', assignee: 'owner' }],
      effects: ['routing-returned'],
      event: 'QuestionReturned',
      basis: 'BĐ 12.5',
    },
    'progress-notice': {
      label: label('thông báo quá trình xử lý', 'send a progress notice'),
      from: ['routed'],
      to: 'routed',
      permission: 'qa.answer',
      on: 'assignee',
      guards: ['progress-notice-allowed'],
      effects: ['progress-notice'],
      event: 'QuestionProgressNoticed',
      basis: 'CB 11.4 (thông báo quá trình xử lý, nói rõ thời hạn trả lời)',
    },
    answer: {
      label: label('trả lời', 'answer'),
      from: ['routed'],
      to: 'answered',
      permission: 'qa.answer',
      on: 'assignee',
      recordsSubmitter: true,
      participates: 'answerer',
      closes: ['answer', 'return'],
      guards: ['answerer-authorised', 'answer-checked'],
      effects: ['answer'],
      event: 'QuestionAnswered',
      basis: 'BĐ 12.4; CB 11.4–11.5',
    },
    'approve-answer': {
      label: label('duyệt câu trả lời', 'approve the answer'),
      from: ['answered'],
      to: 'approved',
      permission: 'qa.check',
      actor: 'not-participant',
      effects: ['approval'],
      event: 'QuestionAnswerApproved',
      basis: 'BĐ 9.6, 12.4 (kết quả trả lời gửi qua Ban Biên tập); QĐ 31/2021/QĐ-TTg Điều 46',
    },
    'return-answer': {
      label: label('trả lại câu trả lời để sửa', 'return the answer to the unit'),
      from: ['answered'],
      to: 'routed',
      permission: 'qa.check',
      requires: ['comment'],
      opens: [{ clock: 'answer', assignee: 'assignee' }],
      effects: ['answer-returned'],
      event: 'QuestionAnswerReturned',
      basis: 'BĐ 12.4; CB 11.4 (trả lời ngắn gọn, dẫn đúng văn bản); QĐ 31/2021/QĐ-TTg Điều 46',
    },
    send: {
      label: label('gửi câu trả lời cho người hỏi', 'send the answer to the asker'),
      from: ['approved'],
      to: 'sent',
      permission: 'qa.publish',
      effects: ['sent'],
      event: 'QuestionAnswerSent',
      basis: 'BĐ 12.4; QN 14.12',
    },
    publish: {
      label: label('đăng câu hỏi và câu trả lời', 'publish the question and answer'),
      from: ['sent'],
      to: 'published',
      permission: 'qa.publish',
      guards: ['publication-consent'],
      effects: ['public-copy'],
      event: 'QuestionPublished',
      basis: 'CB 11.3 (câu hỏi được quan tâm nhiều được đăng); BĐ 9.6',
    },
    reopen: {
      label: label('mở lại câu hỏi', 'reopen the question'),
      from: ['sent', 'published'],
      to: 'reopened',
      permission: 'qa.route',
      requires: ['reason'],
      opens: [{ clock: 'classify', assignee: 'owner' }],
      effects: ['reopened'],
      event: 'QuestionReopened',
      basis: 'CB 11.3; QĐ 31/2021/QĐ-TTg Điều 46 (trả lời chưa đạt được trả lại)',
    },
  },
};
