import type { WorkflowAggregate, WorkflowTable } from '../workflow/types';

/**
 * A report's workflow (issue 27 §3), as data for the shared engine: generated as a draft, its free
 * text written, approved by the head of the reporting body (never whoever generated or edited it:
 * `not-submitter` with the generator as submitter and every editor as a conflicted party), then sent
 * with its number and date (NĐ 30/2020 Điều 15–16). An approved report may be reopened with a reason.
 */
export const reportStates = ['draft', 'approved', 'sent'] as const;
export type ReportState = (typeof reportStates)[number];
export type ReportAction = 'approve' | 'reopen' | 'send';
export type ReportWorkflowItem = WorkflowAggregate<ReportState, never>;

const label = (vi: string, en: string) => ({ vi, en });

export const reportWorkflow: WorkflowTable<ReportState, ReportAction, never, ReportWorkflowItem> = {
  name: 'report',
  aggregateType: 'Report',
  label: label('báo cáo', 'report'),
  initial: 'draft',
  states: {
    draft: { label: label('Dự thảo', 'Draft') },
    approved: { label: label('Đã duyệt, chờ phát hành', 'Approved, to be sent') },
    sent: { label: label('Đã gửi', 'Sent') },
  },
  clocks: {},
  transitions: {
    approve: {
      label: label('duyệt báo cáo', 'approve the report'),
      from: ['draft'],
      to: 'approved',
      permission: 'report.approve',
      actor: 'not-participant',
      event: 'ReportApproved',
      basis: 'NA Phụ lục (Đại diện đơn vị báo cáo ký); phân tách nhiệm vụ',
    },
    reopen: {
      label: label('mở lại báo cáo để sửa', 'reopen the report for changes'),
      from: ['approved'],
      to: 'draft',
      permission: 'report.approve',
      requires: ['reason'],
      event: 'ReportReopened',
      basis: 'NĐ 30/2020/NĐ-CP (văn bản chưa phát hành được sửa trước khi ký lại)',
    },
    send: {
      label: label('gửi báo cáo', 'send the report'),
      from: ['approved'],
      to: 'sent',
      permission: 'report.send',
      event: 'ReportSent',
      basis: 'NĐ 30/2020/NĐ-CP Điều 15–16 (ghi số, ngày tháng, phát hành)',
    },
  },
};
