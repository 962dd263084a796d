import type { LocalizedText } from '../text';

/**
 * The event each clock counts from, as the regulations name it ("kể từ khi tiếp nhận câu hỏi",
 * "kể từ ngày văn bản được ban hành", "kể từ khi … được phê duyệt"). How it is counted:
 * - `receipt`: an instant the system records (a question or item received, a question routed, the
 *   board's approval). Outside working hours or on a day off it counts as received on the next
 *   working day, which is itself not counted (BLDS 2015 Điều 147.2; working hours).
 * - `day-after`: a date the item carries (an issue date, an announcement, a plan's approval, the
 *   head's decision to publish). The event's day is not counted; counting starts the next day,
 *   whatever day the event fell on (BLDS 2015 Điều 147.2).
 * - `around-due`: thresholds counted around another clock's due instant (reminders, "very overdue").
 */
export type EventCounting = 'receipt' | 'day-after' | 'around-due';

export interface ClockEventDefinition {
  readonly name: LocalizedText;
  readonly counting: EventCounting;
}

const event = (vi: string, en: string, counting: EventCounting): ClockEventDefinition => ({
  name: { vi, en },
  counting,
});

export const clockEvents = {
  receipt: event('Cổng tiếp nhận', 'received by the portal', 'receipt'),
  routing: event('Ban Biên tập chuyển đến đơn vị', 'routed to the unit by the board', 'receipt'),
  issue: event('Ngày văn bản được ban hành', 'the document’s issue date', 'day-after'),
  announcement: event('Ngày thủ tục hành chính được công bố', 'the procedure’s announcement date', 'day-after'),
  'plan-approval': event(
    'Ngày chiến lược, quy hoạch, dự án được phê duyệt',
    'the date the strategy, plan or project was approved',
    'day-after',
  ),
  'programme-approval': event(
    'Ngày chương trình, đề tài được phê duyệt hoặc nghiệm thu',
    'the date the programme was approved or accepted',
    'day-after',
  ),
  'publication-decision': event(
    'Ngày thủ trưởng cơ quan quyết định công bố',
    'the date the head of the agency decided to publish',
    'day-after',
  ),
  'board-approval': event('Ban Biên tập duyệt', 'approved by the editorial board', 'receipt'),
  'source-change': event(
    'Bản tiếng Việt được đăng hoặc thay đổi',
    'the source version was published or changed',
    'receipt',
  ),
  answer: event('Gửi câu trả lời cho người hỏi', 'the answer was sent to the asker', 'receipt'),
  request: event('Tiếp nhận yêu cầu của chủ thể dữ liệu', 'the data subject’s request was received', 'receipt'),
  deadline: event('Hạn của thời hạn liên quan', 'the related clock’s due instant', 'around-due'),
  'outage-notice': event('Đăng thông báo tạm ngừng Cổng', 'the suspension notice was posted', 'receipt'),
} as const satisfies Record<string, ClockEventDefinition>;

export type ClockEvent = keyof typeof clockEvents;
export const clockEventIds = Object.keys(clockEvents) as [ClockEvent, ...ClockEvent[]];

/** Events a content item carries as a date (`eventDate`, or a legal document's `issuedOn`). */
export const carriesDate = (event: ClockEvent): boolean => clockEvents[event].counting === 'day-after';

/**
 * Issuers a clock may be limited to (CB 10.1c: "do UBND tỉnh ban hành"). Recognised from the
 * issuing authority as written on the document: "Ủy ban nhân dân tỉnh …" / "UBND tỉnh …" (either
 * spelling of Ủy/Uỷ), not a district's or commune's committee.
 */
export const issuerScopes = {
  'provincial-people-committee': {
    name: { vi: 'Ủy ban nhân dân tỉnh', en: 'the provincial People’s Committee' },
    matches: (authority: string): boolean =>
      /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+tỉnh(\s|$)/iu.test(authority.normalize('NFC').trim()),
  },
} as const;
export type IssuerScope = keyof typeof issuerScopes;
