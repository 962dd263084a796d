import * as z from 'zod/mini';
import { DomainError } from '../errors';
import type { EffectivePolicy } from '../policies/effective';
import { bilingual } from '../text';
import { categoryOf, type ContentCategoryId } from './categories';
import { civilDateSchema, numberSymbolSchema } from './legal-document';

/**
 * The People's Committee's approval of advertising (BĐ 7.1: "phải được Ủy ban nhân dân tỉnh chấp
 * thuận"), recorded on the item as the decision that gave it: number/symbol, date, and the signed
 * file (an upload, clean before publication like any attachment). Where the preset requires it,
 * an advertisement is neither approved by the chief, scheduled nor published without one.
 */
export const peoplesCommitteeApprovalSchema = z.object({
  decisionNumber: numberSymbolSchema.check(z.describe('Số, ký hiệu of the approving document, e.g. "125/UBND-KT"')),
  decidedOn: civilDateSchema,
  file: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: bilingual('Mã tệp tải lên không hợp lệ', 'Invalid upload id') }),
      z.describe('Upload id of the signed approval'),
    ),
});
export type PeoplesCommitteeApproval = z.output<typeof peoplesCommitteeApprovalSchema>;

/** Whether the deployment's preset requires the approval for this category. */
export const needsPeoplesCommitteeApproval = (category: ContentCategoryId, policy: EffectivePolicy): boolean =>
  policy.advertisingApproval !== undefined && categoryOf(category).advertising === true;

/** The approval's date is not in the future (local date `today`). */
export function approvalDateRefusal(approval: PeoplesCommitteeApproval, today: string): DomainError | undefined {
  if (approval.decidedOn <= today) return undefined;
  const message = {
    vi: `Ngày chấp thuận ${approval.decidedOn} chưa đến`,
    en: `The approval date ${approval.decidedOn} is in the future`,
  };
  return new DomainError('validation', message, [
    { field: 'peoplesCommitteeApproval.decidedOn', code: 'in_future', message },
  ]);
}

/** Refuses the chief's approval, scheduling and publication of an item that needs the approval and has none recorded. */
export function publicationApprovalRefusal(
  item: { readonly category: string; readonly peoplesCommitteeApproval?: PeoplesCommitteeApproval | undefined },
  policy: EffectivePolicy,
): DomainError | undefined {
  const rule = policy.advertisingApproval;
  if (
    // Stryker disable next-line ConditionalExpression: without the rule the next check is false too; this one narrows `rule`
    rule === undefined ||
    !needsPeoplesCommitteeApproval(item.category as ContentCategoryId, policy) ||
    item.peoplesCommitteeApproval !== undefined
  )
    return undefined;
  const message = {
    vi: `Quảng cáo phải được Ủy ban nhân dân tỉnh chấp thuận trước khi đăng (${rule.basis}): ghi văn bản chấp thuận (số, ngày, tệp) vào peoplesCommitteeApproval`,
    en: `Advertising needs the provincial People's Committee's approval before publication (${rule.basis}): record it (number, date, file) in peoplesCommitteeApproval`,
  };
  return new DomainError('conflict', message, [
    { field: 'peoplesCommitteeApproval', code: 'approval_required', message },
  ]);
}
