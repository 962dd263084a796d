import type { PolicyRuleId } from '../../policies/rules';
import type { Action } from '../../access/rules';
import type { WorkflowAggregate, WorkflowTable } from '../types';

/**
 * The editorial workflow of a portal's board (CB 17.3, BĐ 9.6): contributors, reporters, editors and
 * agencies submit; the secretary takes items in, returns them or has them edited and proposes them;
 * the chief (or a deputy under delegation) decides; the secretary publishes and archives.
 */
export const contentStates = [
  'draft',
  'submitted',
  'returned',
  'recalled',
  'editing',
  'pending-decision',
  'rejected',
  'approved',
  'scheduled',
  'emergency-published',
  'published',
  'withdrawn',
  'archived',
] as const;
export type ContentState = (typeof contentStates)[number];

export type ContentAction =
  | 'submit'
  | 'recall'
  | 'accept'
  | 'return'
  | 'propose'
  | 'send-back'
  | 'approve'
  | 'reject'
  | 'assign'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'publish-scheduled'
  | 'emergency-publish'
  | 'confirm'
  | 'withdraw'
  | 'archive';

export type ContentClock = 'publication';

/** The content's own input, guards and effects, by name: shared/application/content-steps.ts holds the functions. */
export type ContentInput = 'editor';
export type ContentGuard =
  | 'board-member'
  | 'legal-document-only'
  | 'publish-at-future'
  | 'peoples-committee-approval'
  | 'source-not-withdrawn'
  | 'clean-attachments';
export type ContentEffect =
  | 'receipt-due'
  | 'revision'
  | 'creation-revision'
  | 'proposer'
  | 'assigned-at'
  | 'publish-at'
  | 'publication-due'
  | 'emergency'
  | 'emergency-confirmed'
  | 'public-note'
  | 'first-publication'
  | 'attribution'
  | 'schedule-marker'
  | 'schedule-marker-cleared'
  | 'public-rendition'
  | 'public-removed'
  | 'search-entries-listed'
  | 'search-entries-removed';

export interface ContentWorkflowItem extends WorkflowAggregate<ContentState, ContentClock> {
  /** The publication deadline for this kind of information (BĐ 11, CB 10.1); `publish.other` if none. */
  readonly publishPolicy?: PolicyRuleId;
}

const label = (vi: string, en: string) => ({ vi, en });

/**
 * Authorship steps (submit, recall, editing a draft or a returned item) are the author's; the
 * unit's secretary, the board's intake, may take them for the board (CB 17.3c: the secretary is
 * the focal point that receives and compiles items), and is then recorded as acting for the author.
 */
export const AUTHOR_PROXY: Action = 'content.intake';

export const contentWorkflow: WorkflowTable<
  ContentState,
  ContentAction,
  ContentClock,
  ContentWorkflowItem,
  ContentInput,
  ContentGuard,
  ContentEffect,
  'create'
> = {
  name: 'content',
  aggregateType: 'ContentItem',
  label: label('tin, bài', 'content item'),
  initial: 'draft',
  states: {
    draft: { label: label('Bản nháp', 'Draft') },
    submitted: { label: label('Đã gửi, chờ tiếp nhận', 'Submitted, awaiting intake') },
    returned: { label: label('Trả lại người gửi', 'Returned to the submitter') },
    recalled: { label: label('Người gửi đã rút lại', 'Recalled by the submitter') },
    editing: { label: label('Đang biên tập', 'Being edited') },
    'pending-decision': { label: label('Chờ Trưởng ban quyết định', 'Awaiting the chief’s decision') },
    rejected: { label: label('Không duyệt', 'Rejected') },
    approved: { label: label('Đã duyệt, chờ đăng', 'Approved, awaiting publication'), clocks: ['publication'] },
    scheduled: { label: label('Đã hẹn giờ đăng', 'Scheduled'), clocks: ['publication'] },
    'emergency-published': {
      label: label(
        'Đã đăng khẩn, chờ Trưởng ban xác nhận',
        'Published in an emergency, awaiting the chief’s confirmation',
      ),
    },
    published: { label: label('Đã đăng', 'Published') },
    withdrawn: { label: label('Đã gỡ, có thông báo công khai', 'Withdrawn, with a public note') },
    archived: { label: label('Đã lưu trữ', 'Archived') },
  },
  clocks: {
    publication: {
      policy: (item) => item.publishPolicy ?? 'publish.other',
      basis: 'BĐ 11; CB 10.1 (thời hạn cập nhật kể từ khi văn bản ban hành, được duyệt)',
    },
  },
  // Created as a draft (its author may submit it in the same request: the `submit` row, in the same commit).
  creations: {
    create: {
      label: label('tạo tin, bài', 'create an item'),
      to: 'draft',
      effects: ['creation-revision'],
      event: 'ContentItemCreated',
      basis: 'CB 17.3c (cộng tác viên, phóng viên, đơn vị gửi tin, bài)',
    },
  },
  transitions: {
    submit: {
      label: label('gửi', 'submit'),
      from: ['draft', 'returned'],
      to: 'submitted',
      permission: 'content.submit',
      actor: 'author',
      proxy: AUTHOR_PROXY,
      recordsSubmitter: true,
      participates: 'submitter',
      effects: ['receipt-due', 'revision'],
      event: 'ContentSubmitted',
      basis: 'CB 17.3c; BĐ 10.1',
    },
    recall: {
      label: label('rút lại', 'recall'),
      from: ['submitted', 'returned'],
      to: 'recalled',
      permission: 'content.submit',
      actor: 'author',
      proxy: AUTHOR_PROXY,
      effects: ['revision'],
      event: 'ContentRecalled',
      basis: 'CB 17.3c (rút lại trước khi Thư ký tiếp nhận)',
    },
    accept: {
      label: label('tiếp nhận', 'take in'),
      from: ['submitted'],
      to: 'editing',
      permission: 'content.intake',
      effects: ['revision'],
      event: 'ContentAccepted',
      basis: 'CB 17.3c (Thư ký là đầu mối tiếp nhận)',
    },
    return: {
      label: label('trả lại', 'return'),
      from: ['submitted', 'editing'],
      to: 'returned',
      permission: 'content.intake',
      requires: ['comment'],
      effects: ['revision'],
      event: 'ContentReturned',
      basis: 'CB 17.3c; BĐ 9.6',
    },
    // Bulk intake (issue 8 §3): the secretary names the editor who will work on an item; it stays in the queue.
    assign: {
      label: label('giao biên tập viên', 'assign an editor'),
      from: ['submitted'],
      to: 'submitted',
      permission: 'content.intake',
      requires: ['assignee'],
      assigns: 'input',
      input: ['editor'],
      guards: ['board-member'],
      effects: ['assigned-at', 'revision'],
      event: 'ContentAssigned',
      basis: 'CB 17.3c (Thư ký tiếp nhận, phân công biên tập)',
    },
    propose: {
      label: label('trình duyệt', 'propose for decision'),
      from: ['editing'],
      to: 'pending-decision',
      permission: 'content.edit',
      participates: 'proposer',
      effects: ['proposer', 'revision'],
      event: 'ContentProposed',
      basis: 'CB 17.3c (tổng hợp tin, bài trình Trưởng ban)',
    },
    'send-back': {
      label: label('chuyển biên tập lại', 'send back for editing'),
      from: ['pending-decision'],
      to: 'editing',
      permission: 'content.approve',
      requires: ['comment'],
      effects: ['revision'],
      event: 'ContentSentBack',
      basis: 'CB 17.3a–b',
    },
    approve: {
      label: label('duyệt', 'approve'),
      from: ['pending-decision'],
      to: 'approved',
      permission: 'content.approve',
      actor: 'not-participant',
      opens: [{ clock: 'publication', assignee: 'owner' }],
      guards: ['peoples-committee-approval'],
      effects: ['publication-due', 'revision'],
      event: 'ContentApproved',
      basis: 'CB 17.3a–b; BĐ 9.6',
    },
    // The chief may also refuse straight from the intake queue (bulk intake actions), with a reason.
    reject: {
      label: label('không duyệt', 'reject'),
      from: ['submitted', 'pending-decision'],
      to: 'rejected',
      permission: 'content.approve',
      actor: 'not-participant',
      requires: ['reason'],
      effects: ['revision'],
      event: 'ContentRejected',
      basis: 'CB 17.3a; BĐ 9.6',
    },
    schedule: {
      label: label('hẹn giờ đăng', 'schedule'),
      from: ['approved'],
      to: 'scheduled',
      permission: 'content.publish',
      guards: ['publish-at-future', 'peoples-committee-approval'],
      effects: ['publish-at', 'revision', 'schedule-marker'],
      event: 'ContentScheduled',
      basis: 'CB 17.3c',
    },
    unschedule: {
      label: label('hủy hẹn giờ đăng', 'cancel the schedule'),
      from: ['scheduled'],
      to: 'approved',
      permission: 'content.publish',
      effects: ['revision', 'schedule-marker-cleared'],
      event: 'ContentUnscheduled',
      basis: 'CB 17.3c',
    },
    // Scheduled publication: only the system identity (access/rules.ts) releases it, at `publishAt`.
    'publish-scheduled': {
      label: label('đăng theo giờ đã hẹn', 'publish as scheduled'),
      from: ['scheduled'],
      to: 'published',
      permission: 'content.publish-scheduled',
      closes: ['publication'],
      guards: ['peoples-committee-approval', 'source-not-withdrawn', 'clean-attachments'],
      effects: [
        'first-publication',
        'attribution',
        'revision',
        'schedule-marker-cleared',
        'public-rendition',
        'search-entries-listed',
      ],
      event: 'ContentPublished',
      basis: 'CB 17.3c; BĐ 11',
    },
    publish: {
      label: label('đăng', 'publish'),
      from: ['approved', 'scheduled'],
      to: 'published',
      permission: 'content.publish',
      closes: ['publication'],
      guards: ['peoples-committee-approval', 'source-not-withdrawn', 'clean-attachments'],
      effects: [
        'first-publication',
        'attribution',
        'revision',
        'schedule-marker-cleared',
        'public-rendition',
        'search-entries-listed',
      ],
      event: 'ContentPublished',
      basis: 'CB 17.3c; BĐ 11',
    },
    // Whitehall's force-publish with retrospective approval: a legal document may go online before the
    // chief decides (the content layer allows it for legal documents only), flagged until confirmed.
    'emergency-publish': {
      label: label('đăng khẩn', 'publish in an emergency'),
      from: ['submitted', 'editing', 'pending-decision'],
      to: 'emergency-published',
      permission: 'content.publish',
      requires: ['reason'],
      participates: 'emergency-publisher',
      guards: ['legal-document-only', 'peoples-committee-approval', 'source-not-withdrawn', 'clean-attachments'],
      effects: [
        'emergency',
        'first-publication',
        'attribution',
        'revision',
        'public-rendition',
        'search-entries-listed',
      ],
      event: 'ContentEmergencyPublished',
      basis: 'BĐ 11 (thời hạn đăng văn bản); CB 17.3a (Trưởng ban quyết định, xác nhận sau)',
    },
    confirm: {
      label: label('xác nhận đăng khẩn', 'confirm the emergency publication'),
      from: ['emergency-published'],
      to: 'published',
      permission: 'content.approve',
      actor: 'not-participant',
      effects: ['emergency-confirmed', 'revision'],
      event: 'ContentEmergencyConfirmed',
      basis: 'CB 17.3a–b',
    },
    withdraw: {
      label: label('gỡ', 'withdraw'),
      from: ['published', 'emergency-published'],
      to: 'withdrawn',
      permission: 'content.approve',
      requires: ['publicNote'],
      effects: ['public-note', 'revision', 'public-rendition', 'search-entries-removed'],
      event: 'ContentWithdrawn',
      basis: 'CB 17.3a (quyết định nội dung đưa lên Cổng)',
    },
    archive: {
      label: label('lưu trữ', 'archive'),
      from: ['published', 'withdrawn', 'rejected', 'recalled'],
      to: 'archived',
      permission: 'content.publish',
      effects: ['revision', 'public-removed', 'search-entries-removed'],
      event: 'ContentArchived',
      basis: 'CB 17.3c (lưu trữ hồ sơ); TG 8.1',
    },
  },
};

/**
 * Who may edit an item's content (PATCH /content/{id}) in which state, as data beside the steps:
 * its author while it is a draft or was returned to them, the board's editors while it is being
 * edited. Every other state refuses edits (409 naming the state). Attribution (contributors and
 * shares) is frozen at publication on top of this (shared/domain/content/editing.ts).
 */
export interface ContentEditRule {
  /** The rule-table action that authorises the edit on the owning portal. */
  readonly permission: Action;
  /** `author`: only the item's author, or `proxy` acting for the board (as the authorship steps). */
  readonly actor?: 'author';
  readonly proxy?: Action;
  readonly basis: string;
}

export const contentEditing: Readonly<Partial<Record<ContentState, ContentEditRule>>> = {
  draft: {
    permission: 'content.submit',
    actor: 'author',
    proxy: AUTHOR_PROXY,
    basis: 'CB 17.3c (người gửi hoàn thiện tin, bài trước khi gửi)',
  },
  returned: {
    permission: 'content.submit',
    actor: 'author',
    proxy: AUTHOR_PROXY,
    basis: 'CB 17.3c; BĐ 9.6 (trả lại để người gửi sửa và gửi lại)',
  },
  editing: { permission: 'content.edit', basis: 'CB 17.1, 17.3c (Ban Biên tập biên tập tin, bài)' },
};
