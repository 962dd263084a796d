import type { Action } from '../../shared/domain/access/rules';

/**
 * A consultation's steps taken by hand, by the states they start from and the rule each needs: the
 * rows of shared/domain/participation/consultation-workflow.ts that are not the scheduler's.
 * Copied rather than imported: the table's types reach server code (node:crypto) that the console's
 * DOM type-check refuses; test/unit/console-consultation-steps.test.ts fails when they differ.
 */
type Label = { readonly vi: string; readonly en: string };
const l = (vi: string, en: string): Label => ({ vi, en });

export interface ConsoleStep {
  readonly from: readonly string[];
  readonly permission: Action;
  readonly label: Label;
  readonly requires?: readonly string[];
  /** `actor: 'not-participant'`: not the summary's writer. */
  readonly notByWriter?: true;
}
export const consultationStepTable: Readonly<Record<string, ConsoleStep>> = {
  open: {
    from: ['scheduled'],
    permission: 'consultation.manage',
    label: l('mở lấy ý kiến ngay', 'open for comment now'),
  },
  close: { from: ['open'], permission: 'consultation.manage', label: l('đóng lấy ý kiến', 'close for comment') },
  newVersion: {
    from: ['open'],
    permission: 'consultation.manage',
    label: l('cập nhật phiên bản mới của dự thảo', 'take in a new version of the draft'),
  },
  writeSummary: {
    from: ['closed', 'summary-drafted'],
    permission: 'consultation.summarise',
    label: l('soạn bản tổng hợp, tiếp thu, giải trình', 'write the summary of comments'),
  },
  returnSummary: {
    from: ['summary-drafted'],
    permission: 'consultation.approve-summary',
    label: l('trả lại bản tổng hợp để sửa', 'return the summary for changes'),
    requires: ['reason'],
    notByWriter: true,
  },
  approveSummary: {
    from: ['summary-drafted'],
    permission: 'consultation.approve-summary',
    label: l('duyệt bản tổng hợp', 'approve the summary'),
    notByWriter: true,
  },
  publishSummary: {
    from: ['summary-approved'],
    permission: 'consultation.manage',
    label: l('đăng kết quả lấy ý kiến', 'publish the summary'),
  },
};

/** The answers a summary gives each row (shared/domain/participation/consultation-summary.ts). */
export const summaryResponseLabels: Readonly<Record<string, Label>> = {
  accepted: l('Tiếp thu', 'Accepted'),
  explained: l('Giải trình', 'Explained'),
  'not-accepted': l('Không tiếp thu', 'Not accepted'),
};
