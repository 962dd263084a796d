import type { Role } from '../roles';
import type { LocalizedText } from '../text';
import type { Answer } from './answer';
import { refusalGroundLabels, type RefusalGround } from './classification';

/**
 * Who a question event tells, and what (issue 9 #6). Pure: the consumer reads the facts (the
 * question, the asker's address, the staff of a unit) and sends. Events carry ids only; the
 * texts are composed here, Vietnamese first and English second, plain text.
 */
export type AskerNoticeKind = 'received' | 'refused' | 'progress-notice' | 'answer-sent' | 'reopened';
export type StaffNoticeKind = 'routed' | 'returned' | 'answer-returned' | 'escalated';

export type NoticeAudience =
  | { readonly to: 'asker'; readonly kind: AskerNoticeKind }
  | {
      readonly to: 'staff';
      readonly kind: StaffNoticeKind;
      readonly unitCode: string;
      readonly roles: readonly Role[];
    };

/** The workflow steps of a question that tell someone, by the step's event name. */
const stepAudiences: Readonly<
  Record<string, (step: { unitCode: string; assignedTo: string | null }) => NoticeAudience | undefined>
> = {
  QuestionRefused: () => ({ to: 'asker', kind: 'refused' }),
  QuestionProgressNoticed: () => ({ to: 'asker', kind: 'progress-notice' }),
  QuestionAnswerSent: () => ({ to: 'asker', kind: 'answer-sent' }),
  QuestionReopened: () => ({ to: 'asker', kind: 'reopened' }),
  // The unit routed to: its officers and its head (who answers or authorises, CB 11.5).
  QuestionRouted: (s) =>
    s.assignedTo === null
      ? undefined
      : { to: 'staff', kind: 'routed', unitCode: s.assignedTo, roles: ['unit-officer', 'unit-head'] },
  // The board of the portal, which routes again (qa.route: secretary, chief editor).
  QuestionReturned: (s) => ({
    to: 'staff',
    kind: 'returned',
    unitCode: s.unitCode,
    roles: ['secretary', 'chief-editor'],
  }),
  QuestionAnswerReturned: (s) =>
    s.assignedTo === null
      ? undefined
      : { to: 'staff', kind: 'answer-returned', unitCode: s.assignedTo, roles: ['unit-officer', 'unit-head'] },
};

/** The audience of a question's workflow step, or none (classified, answered, approved, published tell nobody by e-mail). */
export const audienceOfStep = (step: {
  type: string;
  event: string;
  unitCode: string;
  assignedTo: string | null;
}): NoticeAudience | undefined => (step.type === 'Question' ? stepAudiences[step.event]?.(step) : undefined);

/** What a notice may say: the question's public facts, never the asker's personal data. */
export interface NoticeFacts {
  readonly site: LocalizedText;
  readonly questionId: string;
  readonly classificationDueAt?: string | undefined;
  readonly refusal?: { readonly ground?: RefusalGround | undefined; readonly reason?: string | undefined } | undefined;
  readonly expectedBy?: string | undefined;
  readonly answer?: Pick<Answer, 'text' | 'citations' | 'advisoryNotice'> | undefined;
  readonly unitCode?: string | undefined;
  readonly answerDueAt?: string | undefined;
  readonly returnDueAt?: string | undefined;
  readonly reason?: string | undefined;
  readonly comment?: string | undefined;
  readonly escalation?:
    | {
        readonly level: 'reminder' | 'overdue' | 'very-overdue';
        readonly clock: 'classify' | 'answer' | 'return';
        readonly dueAt: string;
      }
    | undefined;
}

export interface ComposedNotice {
  readonly subject: string;
  readonly text: string;
}

const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A due instant as people read it, in Vietnam's time: a deadline at local midnight is "the end of"
 * the day before (how clocks are stored), anything else is its time and day.
 */
export function localDeadline(iso: string): LocalizedText {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS);
  if (local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && local.getUTCSeconds() === 0) {
    const day = new Date(local.getTime() - 86_400_000);
    const date = `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
    return { vi: `hết ngày ${date}`, en: `the end of ${date}` };
  }
  const date = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return { vi: `${time} ngày ${date}`, en: `${time} on ${date}` };
}

/** `YYYY-MM-DD` as `DD/MM/YYYY`. */
const localDate = (day: string) => day.split('-').reverse().join('/');

const clockNames = {
  classify: { vi: 'phân loại', en: 'classification' },
  answer: { vi: 'trả lời', en: 'answer' },
  return: { vi: 'trả lại', en: 'return' },
} as const;
const levelNames = {
  reminder: { vi: 'Nhắc hạn', en: 'Reminder' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  'very-overdue': { vi: 'Quá hạn nghiêm trọng', en: 'Very overdue' },
} as const;

type Body = { subject: LocalizedText; vi: string[]; en: string[] };

function askerBody(kind: AskerNoticeKind, f: NoticeFacts): Body {
  const id = f.questionId;
  const follow = {
    vi: `Quý ông/bà tra cứu tình trạng câu hỏi bằng mã ${id} và mã bí mật đã nhận khi gửi câu hỏi.`,
    en: `Follow your question with the code ${id} and the secret you received when you asked it.`,
  };
  switch (kind) {
    case 'received': {
      const due = f.classificationDueAt === undefined ? undefined : localDeadline(f.classificationDueAt);
      return {
        subject: { vi: `Đã tiếp nhận câu hỏi ${id}`, en: `Question ${id} received` },
        vi: [
          `${f.site.vi} đã tiếp nhận câu hỏi của Quý ông/bà. Mã theo dõi: ${id}.`,
          ...(due ? [`Câu hỏi sẽ được phân loại và chuyển đơn vị trả lời trước ${due.vi}.`] : []),
          follow.vi,
        ],
        en: [
          `${f.site.en} has received your question. Tracking code: ${id}.`,
          ...(due ? [`It will be classified and routed to the answering unit by ${due.en}.`] : []),
          follow.en,
        ],
      };
    }
    case 'refused': {
      const ground = f.refusal?.ground === undefined ? undefined : refusalGroundLabels[f.refusal.ground];
      const reason = f.refusal?.reason;
      return {
        subject: { vi: `Câu hỏi ${id} không được tiếp nhận`, en: `Question ${id} was not accepted` },
        vi: [
          `Câu hỏi ${id} không được tiếp nhận.`,
          ...(ground ? [`Căn cứ: ${ground.vi} (${ground.basis}).`] : []),
          ...(reason ? [`Lý do: ${reason}`] : []),
        ],
        en: [
          `Question ${id} was not accepted.`,
          ...(ground ? [`Ground: ${ground.en} (${ground.basis}).`] : []),
          ...(reason ? [`Reason (in Vietnamese): ${reason}`] : []),
        ],
      };
    }
    case 'progress-notice':
      return {
        subject: { vi: `Thông báo quá trình xử lý câu hỏi ${id}`, en: `Progress of question ${id}` },
        vi: [
          `Câu hỏi ${id} đang được đơn vị có thẩm quyền xử lý.`,
          ...(f.expectedBy ? [`Thời hạn trả lời dự kiến: ngày ${localDate(f.expectedBy)}.`] : []),
          follow.vi,
        ],
        en: [
          `Question ${id} is being handled by the competent unit.`,
          ...(f.expectedBy ? [`The answer is expected by ${localDate(f.expectedBy)}.`] : []),
          follow.en,
        ],
      };
    case 'answer-sent': {
      const citations = f.answer?.citations ?? [];
      const cited = citations.map((c) => `- ${c.numberSymbol} (${c.issuer}, ${localDate(c.issuedOn)}): ${c.summary}`);
      return {
        subject: { vi: `Trả lời câu hỏi ${id}`, en: `Answer to question ${id}` },
        vi: [
          `Trả lời câu hỏi ${id}:`,
          '',
          f.answer?.text ?? '',
          ...(cited.length > 0 ? ['', 'Văn bản được dẫn:', ...cited] : []),
          '',
          f.answer?.advisoryNotice?.vi ?? '',
          follow.vi,
        ],
        en: [`The answer to question ${id} is above, in Vietnamese.`, f.answer?.advisoryNotice?.en ?? '', follow.en],
      };
    }
    case 'reopened':
      return {
        subject: { vi: `Câu hỏi ${id} được mở lại`, en: `Question ${id} reopened` },
        vi: [
          `Theo đánh giá của Quý ông/bà, câu hỏi ${id} đã được mở lại để Ban Biên tập xem xét và chuyển trả lời lại.`,
          follow.vi,
        ],
        en: [
          `Following your rating, question ${id} was reopened: the editorial board will have it answered again.`,
          follow.en,
        ],
      };
  }
}

function staffBody(kind: StaffNoticeKind, f: NoticeFacts): Body {
  const id = f.questionId;
  const open = { vi: `Xem câu hỏi ${id} trên trang quản trị.`, en: `Open question ${id} in the staff console.` };
  switch (kind) {
    case 'routed': {
      const answer = f.answerDueAt === undefined ? undefined : localDeadline(f.answerDueAt);
      const back = f.returnDueAt === undefined ? undefined : localDeadline(f.returnDueAt);
      return {
        subject: { vi: `Câu hỏi ${id} được chuyển đến đơn vị`, en: `Question ${id} routed to your unit` },
        vi: [
          `Ban Biên tập đã chuyển câu hỏi ${id} đến đơn vị ${f.unitCode ?? ''} để trả lời.`,
          ...(answer ? [`Hạn trả lời: ${answer.vi}.`] : []),
          ...(back ? [`Nếu không thuộc thẩm quyền, trả lại trước ${back.vi}.`] : []),
          open.vi,
        ],
        en: [
          `The editorial board routed question ${id} to unit ${f.unitCode ?? ''} to answer.`,
          ...(answer ? [`Answer by ${answer.en}.`] : []),
          ...(back ? [`If it is outside your competence, return it by ${back.en}.`] : []),
          open.en,
        ],
      };
    }
    case 'returned': {
      const due = f.classificationDueAt === undefined ? undefined : localDeadline(f.classificationDueAt);
      return {
        subject: { vi: `Câu hỏi ${id} bị đơn vị trả lại`, en: `Question ${id} returned by the unit` },
        vi: [
          `Đơn vị ${f.unitCode ?? ''} đã trả lại câu hỏi ${id} vì không thuộc thẩm quyền.`,
          ...(f.reason ? [`Lý do: ${f.reason}`] : []),
          ...(due ? [`Hạn chuyển lại: ${due.vi}.`] : []),
          open.vi,
        ],
        en: [
          `Unit ${f.unitCode ?? ''} returned question ${id} as outside its competence.`,
          ...(f.reason ? [`Reason (in Vietnamese): ${f.reason}`] : []),
          ...(due ? [`Route it again by ${due.en}.`] : []),
          open.en,
        ],
      };
    }
    case 'answer-returned': {
      const due = f.answerDueAt === undefined ? undefined : localDeadline(f.answerDueAt);
      return {
        subject: {
          vi: `Câu trả lời câu hỏi ${id} bị trả lại để sửa`,
          en: `Answer to question ${id} returned for rework`,
        },
        vi: [
          `Ban Biên tập đã trả lại câu trả lời câu hỏi ${id} để đơn vị sửa.`,
          ...(f.comment ? [`Ý kiến: ${f.comment}`] : []),
          ...(due ? [`Hạn trả lời mới: ${due.vi}.`] : []),
          open.vi,
        ],
        en: [
          `The editorial board returned the answer to question ${id} for rework.`,
          ...(f.comment ? [`Comment (in Vietnamese): ${f.comment}`] : []),
          ...(due ? [`New answer deadline: ${due.en}.`] : []),
          open.en,
        ],
      };
    }
    case 'escalated': {
      const e = f.escalation!;
      const due = localDeadline(e.dueAt);
      const level = levelNames[e.level];
      const clock = clockNames[e.clock];
      return {
        subject: { vi: `${level.vi}: câu hỏi ${id}`, en: `${level.en}: question ${id}` },
        vi: [`${level.vi}: hạn ${clock.vi} câu hỏi ${id} của đơn vị ${f.unitCode ?? ''} là ${due.vi}.`, open.vi],
        en: [`${level.en}: the ${clock.en} of question ${id} by unit ${f.unitCode ?? ''} is due ${due.en}.`, open.en],
      };
    }
  }
}

/** The e-mail of one notice: Vietnamese first, then English, in plain text. */
export function composeNotice(audience: NoticeAudience, facts: NoticeFacts): ComposedNotice {
  const body = audience.to === 'asker' ? askerBody(audience.kind, facts) : staffBody(audience.kind, facts);
  const greeting =
    audience.to === 'asker'
      ? { vi: 'Kính gửi Quý ông/bà,', en: 'Dear Sir or Madam,' }
      : { vi: 'Kính gửi đồng chí,', en: 'Dear colleague,' };
  const text = [
    greeting.vi,
    '',
    ...body.vi,
    '',
    `${facts.site.vi}`,
    '',
    '----- English -----',
    '',
    greeting.en,
    '',
    ...body.en,
    '',
    `${facts.site.en}`,
    '',
    'Thư này được gửi tự động, xin không trả lời. / This message was sent automatically; please do not reply.',
  ].join('\n');
  return { subject: `[${facts.site.vi}] ${body.subject.vi} / ${body.subject.en}`, text };
}
