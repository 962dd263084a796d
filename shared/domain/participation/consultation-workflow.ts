import type { WorkflowAggregate, WorkflowTable } from '../workflow/types';

/**
 * A consultation's workflow (issue 28 §1, §4), as data for the shared engine. The board schedules a
 * published draft for comment with its opening and closing instants (the creation step); the
 * scheduler opens and closes it at those instants (or the board does, once the instant has come:
 * `open` early only when the remaining window still meets the minimum period); while open, the board
 * may take in a new version of the draft (a newer published item; its articles re-split, changed ones flagged to their
 * comments). After closing, the drafting unit writes the summary (tổng hợp, tiếp thu, giải trình)
 * per article; someone who did not write it approves it (or returns it with a reason); the board
 * publishes it with the consultation.
 */
export const consultationStates = [
  'scheduled',
  'open',
  'closed',
  'summary-drafted',
  'summary-approved',
  'published',
] as const;
export type ConsultationState = (typeof consultationStates)[number];

export type ConsultationAction =
  | 'open'
  | 'openScheduled'
  | 'close'
  | 'closeScheduled'
  | 'newVersion'
  | 'writeSummary'
  | 'returnSummary'
  | 'approveSummary'
  | 'publishSummary';

/** The consultation's own checks and effects, by name: shared/application/consultation-steps.ts holds the functions. */
export type ConsultationGuard = 'window-still-long-enough' | 'closing-instant-reached' | 'summary-complete';
export type ConsultationEffect = 'opened' | 'closed' | 'draft-version' | 'summary' | 'summary-approved' | 'published';

export type ConsultationWorkflowItem = WorkflowAggregate<ConsultationState, never>;

const label = (vi: string, en: string) => ({ vi, en });
const LAW = 'Luật Ban hành VBQPPL số 64/2025/QH15';

export const consultationWorkflow: WorkflowTable<
  ConsultationState,
  ConsultationAction,
  never,
  ConsultationWorkflowItem,
  string,
  ConsultationGuard,
  ConsultationEffect,
  'schedule'
> = {
  name: 'consultation',
  aggregateType: 'Consultation',
  label: label('đợt lấy ý kiến', 'consultation'),
  initial: 'scheduled',
  states: {
    scheduled: { label: label('Đã hẹn thời gian lấy ý kiến', 'Scheduled for comment') },
    open: { label: label('Đang lấy ý kiến', 'Open for comment') },
    closed: { label: label('Đã hết thời gian lấy ý kiến', 'Closed for comment') },
    'summary-drafted': {
      label: label('Đã có dự thảo bản tổng hợp, tiếp thu, giải trình', 'Summary of comments drafted'),
    },
    'summary-approved': { label: label('Bản tổng hợp đã được duyệt, chờ đăng', 'Summary approved, to be published') },
    published: { label: label('Đã đăng kết quả lấy ý kiến', 'Summary published') },
  },
  clocks: {},
  creations: {
    schedule: {
      label: label('hẹn lấy ý kiến dự thảo', 'schedule a draft for comment'),
      to: 'scheduled',
      effects: ['draft-version'],
      event: 'ConsultationScheduled',
      basis: `BĐ 8.2đ; CB 7.8, 10.1đ; ${LAW} (thời hạn lấy ý kiến tối thiểu)`,
    },
  },
  transitions: {
    open: {
      label: label('mở lấy ý kiến ngay', 'open for comment now'),
      from: ['scheduled'],
      to: 'open',
      permission: 'consultation.manage',
      guards: ['window-still-long-enough'],
      effects: ['opened'],
      event: 'ConsultationOpened',
      basis: `CB 10.1đ (cập nhật ngay); ${LAW} (thời hạn tối thiểu)`,
    },
    openScheduled: {
      label: label('mở lấy ý kiến theo giờ đã hẹn', 'open for comment at the scheduled instant'),
      from: ['scheduled'],
      to: 'open',
      permission: 'consultation.run-schedule',
      effects: ['opened'],
      event: 'ConsultationOpened',
      basis: 'CB 10.1đ; hệ thống mở đúng thời điểm Ban Biên tập đã hẹn',
    },
    close: {
      label: label('đóng lấy ý kiến', 'close for comment'),
      from: ['open'],
      to: 'closed',
      permission: 'consultation.manage',
      guards: ['closing-instant-reached'],
      effects: ['closed'],
      event: 'ConsultationClosed',
      basis: `CB 10.1đ; ${LAW} (không rút ngắn thời hạn đã công bố)`,
    },
    closeScheduled: {
      label: label('đóng lấy ý kiến theo giờ đã hẹn', 'close for comment at the scheduled instant'),
      from: ['open'],
      to: 'closed',
      permission: 'consultation.run-schedule',
      guards: ['closing-instant-reached'],
      effects: ['closed'],
      event: 'ConsultationClosed',
      basis: 'CB 10.1đ; hệ thống đóng đúng thời điểm đã công bố',
    },
    newVersion: {
      label: label('cập nhật phiên bản mới của dự thảo', 'take in a new version of the draft'),
      from: ['open'],
      to: 'open',
      permission: 'consultation.manage',
      effects: ['draft-version'],
      event: 'ConsultationDraftVersioned',
      basis: 'CB 10.1đ (cập nhật ngay khi có thông tin); giữ ý kiến theo điều khoản',
    },
    writeSummary: {
      label: label('soạn bản tổng hợp, tiếp thu, giải trình', 'write the summary of comments'),
      from: ['closed', 'summary-drafted'],
      to: 'summary-drafted',
      permission: 'consultation.summarise',
      participates: 'summary-writer',
      guards: ['summary-complete'],
      effects: ['summary'],
      event: 'ConsultationSummaryWritten',
      basis: `CB 7.8 (tiếp nhận ý kiến đóng góp); ${LAW} (cơ quan chủ trì soạn thảo tổng hợp, tiếp thu, giải trình ý kiến)`,
    },
    returnSummary: {
      label: label('trả lại bản tổng hợp để sửa', 'return the summary for changes'),
      from: ['summary-drafted'],
      to: 'closed',
      permission: 'consultation.approve-summary',
      actor: 'not-participant',
      requires: ['reason'],
      event: 'ConsultationSummaryReturned',
      basis: 'CB 17.3a–b (Trưởng ban quyết định); phân tách nhiệm vụ',
    },
    approveSummary: {
      label: label('duyệt bản tổng hợp', 'approve the summary'),
      from: ['summary-drafted'],
      to: 'summary-approved',
      permission: 'consultation.approve-summary',
      actor: 'not-participant',
      effects: ['summary-approved'],
      event: 'ConsultationSummaryApproved',
      basis: 'CB 17.3a–b; BĐ 9.6 (duyệt trước khi đăng); người soạn không tự duyệt',
    },
    publishSummary: {
      label: label('đăng kết quả lấy ý kiến', 'publish the summary'),
      from: ['summary-approved'],
      to: 'published',
      permission: 'consultation.manage',
      effects: ['published'],
      event: 'ConsultationSummaryPublished',
      basis: 'CB 17.3c (cập nhật thông tin đã duyệt lên Cổng); BĐ 8.2đ',
    },
  },
};

/** The phase a state is listed under publicly: scheduled ones are not public. */
export const phaseOf = (state: ConsultationState): 'scheduled' | 'open' | 'closed' =>
  state === 'scheduled' ? 'scheduled' : state === 'open' ? 'open' : 'closed';

/**
 * Whether a consultation takes comments at `now`: open, and inside its window. The scheduler closes
 * it within minutes of the closing instant; the instant itself, not the run, is what counts.
 */
export const isOpenForComment = (
  c: { readonly state: ConsultationState; readonly opensAt: string; readonly closesAt: string },
  now: Date,
): boolean => c.state === 'open' && now.getTime() >= Date.parse(c.opensAt) && now.getTime() < Date.parse(c.closesAt);
