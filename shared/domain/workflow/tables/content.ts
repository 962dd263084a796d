import type { PolicyRuleId } from '../../policies/rules';
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
  'withdrawn',
  'editing',
  'pending-decision',
  'rejected',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'archived',
] as const;
export type ContentState = (typeof contentStates)[number];

export type ContentAction =
  | 'submit'
  | 'withdraw'
  | 'intake'
  | 'return'
  | 'propose'
  | 'send-back'
  | 'approve'
  | 'reject'
  | 'schedule'
  | 'publish'
  | 'unpublish'
  | 'archive';

export type ContentClock = 'publication';

export interface ContentWorkflowItem extends WorkflowAggregate<ContentState, ContentClock> {
  /** The publication deadline for this kind of information (BĐ 11, CB 10.1); `publish.other` if none. */
  readonly publishPolicy?: PolicyRuleId;
}

const label = (vi: string, en: string) => ({ vi, en });

export const contentWorkflow: WorkflowTable<ContentState, ContentAction, ContentClock, ContentWorkflowItem> = {
  name: 'content',
  aggregateType: 'ContentItem',
  label: label('tin, bài', 'content item'),
  initial: 'draft',
  states: {
    draft: { label: label('Bản nháp', 'Draft') },
    submitted: { label: label('Đã gửi, chờ tiếp nhận', 'Submitted, awaiting intake') },
    returned: { label: label('Trả lại người gửi', 'Returned to the submitter') },
    withdrawn: { label: label('Người gửi đã rút lại', 'Withdrawn by the submitter') },
    editing: { label: label('Đang biên tập', 'Being edited') },
    'pending-decision': { label: label('Chờ Trưởng ban quyết định', 'Awaiting the chief’s decision') },
    rejected: { label: label('Không duyệt', 'Rejected') },
    approved: { label: label('Đã duyệt, chờ đăng', 'Approved, awaiting publication'), clocks: ['publication'] },
    scheduled: { label: label('Đã hẹn giờ đăng', 'Scheduled'), clocks: ['publication'] },
    published: { label: label('Đã đăng', 'Published') },
    unpublished: { label: label('Đã gỡ', 'Taken down') },
    archived: { label: label('Đã lưu trữ', 'Archived') },
  },
  clocks: {
    publication: {
      policy: (item) => item.publishPolicy ?? 'publish.other',
      basis: 'BĐ 11; CB 10.1 (thời hạn cập nhật kể từ khi văn bản ban hành, được duyệt)',
    },
  },
  transitions: {
    submit: {
      label: label('gửi', 'submit'),
      from: ['draft', 'returned'],
      to: 'submitted',
      permission: 'content.submit',
      recordsSubmitter: true,
      event: 'ContentSubmitted',
      basis: 'CB 17.3c; BĐ 10.1',
    },
    withdraw: {
      label: label('rút lại', 'withdraw'),
      from: ['submitted', 'returned'],
      to: 'withdrawn',
      permission: 'content.submit',
      actor: 'submitter',
      event: 'ContentWithdrawn',
      basis: 'CB 17.3c (rút lại trước khi Thư ký tiếp nhận)',
    },
    intake: {
      label: label('tiếp nhận', 'take in'),
      from: ['submitted'],
      to: 'editing',
      permission: 'content.intake',
      event: 'ContentTakenIn',
      basis: 'CB 17.3c (Thư ký là đầu mối tiếp nhận)',
    },
    return: {
      label: label('trả lại', 'return'),
      from: ['submitted', 'editing'],
      to: 'returned',
      permission: 'content.intake',
      requires: ['reason'],
      event: 'ContentReturned',
      basis: 'CB 17.3c; BĐ 9.6',
    },
    propose: {
      label: label('trình duyệt', 'propose for decision'),
      from: ['editing'],
      to: 'pending-decision',
      permission: 'content.edit',
      event: 'ContentProposed',
      basis: 'CB 17.3c (tổng hợp tin, bài trình Trưởng ban)',
    },
    'send-back': {
      label: label('chuyển biên tập lại', 'send back for editing'),
      from: ['pending-decision'],
      to: 'editing',
      permission: 'content.approve',
      requires: ['comment'],
      event: 'ContentSentBack',
      basis: 'CB 17.3a–b',
    },
    approve: {
      label: label('duyệt', 'approve'),
      from: ['pending-decision'],
      to: 'approved',
      permission: 'content.approve',
      actor: 'not-submitter',
      opens: [{ clock: 'publication', assignee: 'owner' }],
      event: 'ContentApproved',
      basis: 'CB 17.3a–b; BĐ 9.6',
    },
    reject: {
      label: label('không duyệt', 'reject'),
      from: ['pending-decision'],
      to: 'rejected',
      permission: 'content.approve',
      actor: 'not-submitter',
      requires: ['reason'],
      event: 'ContentRejected',
      basis: 'CB 17.3a; BĐ 9.6',
    },
    schedule: {
      label: label('hẹn giờ đăng', 'schedule'),
      from: ['approved'],
      to: 'scheduled',
      permission: 'content.publish',
      event: 'ContentScheduled',
      basis: 'CB 17.3c',
    },
    publish: {
      label: label('đăng', 'publish'),
      from: ['approved', 'scheduled'],
      to: 'published',
      permission: 'content.publish',
      closes: ['publication'],
      event: 'ContentPublished',
      basis: 'CB 17.3c; BĐ 11',
    },
    unpublish: {
      label: label('gỡ', 'take down'),
      from: ['published'],
      to: 'unpublished',
      permission: 'content.approve',
      requires: ['reason'],
      event: 'ContentUnpublished',
      basis: 'CB 17.3a (quyết định nội dung đưa lên Cổng)',
    },
    archive: {
      label: label('lưu trữ', 'archive'),
      from: ['published', 'unpublished', 'rejected', 'withdrawn'],
      to: 'archived',
      permission: 'content.publish',
      event: 'ContentArchived',
      basis: 'CB 17.3c (lưu trữ hồ sơ); TG 8.1',
    },
  },
};
