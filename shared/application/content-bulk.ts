import { requireAccess } from '../domain/access/authorize';
import { DomainError, invalidField, type DomainErrorCode, type FieldIssue } from '../domain/errors';
import type { LocalizedText } from '../domain/text';
import { contentWorkflow } from '../domain/workflow/tables/content';
import { requireBoardMember, takeContentStep } from './content-transitions';
import type { Services } from '../composition/services';
import type { UseCaseContext } from './context';

/**
 * Bulk actions on a portal's intake queue (issue 8 §3): return, reject or assign up to 25 submitted
 * items at once. The request is refused whole (writing nothing) when the caller may not take the
 * action on that unit at all, or a text or the assignee is missing or wrong; otherwise each item is
 * its own conditional step with its own revision, audit entry and event, and gets its own result:
 * one item that fails (another unit's, not in the queue, changed meanwhile) leaves the others done.
 */
export type BulkAction = 'return' | 'reject' | 'assign';
export const MAX_BULK_ITEMS = 25;

export interface BulkRequest {
  readonly action: BulkAction;
  readonly ids: readonly string[];
  readonly comment?: string | undefined;
  readonly reason?: string | undefined;
  readonly assignee?: string | undefined;
}

export type BulkItemResult =
  | { readonly id: string; readonly ok: true; readonly state: string; readonly version: number }
  | {
      readonly id: string;
      readonly ok: false;
      /** The problem code (the HTTP layer adds its status from the error table). */
      readonly code: DomainErrorCode;
      readonly detail: LocalizedText;
      readonly errors?: readonly { readonly field: string; readonly code: string }[];
    };

const INTAKE_STATE = 'submitted';

export async function bulkTransitionContent(s: Services, ctx: UseCaseContext, unitCode: string, request: BulkRequest) {
  const unitPath = await s.units.scopeOf(unitCode);
  if (unitPath.length === 0)
    throw new DomainError('not_found', { vi: `Không có đơn vị ${unitCode}`, en: `No unit ${unitCode}` });
  const transition = contentWorkflow.transitions[request.action];
  requireAccess(ctx.principal, transition.permission, unitPath, ctx.now);
  requireTexts(request);
  // Checked once for the whole request (each item's step would check it alike).
  if (transition.guards?.includes('board-member')) await requireBoardMember(s, unitCode, request.assignee);

  const results: BulkItemResult[] = [];
  // One after another: each step reads its item and commits alone, so a failure stops nothing.
  for (const id of request.ids) results.push(await stepOne(s, ctx, unitCode, id, request));
  return {
    action: request.action,
    results,
    succeeded: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
  };
}

async function stepOne(
  s: Services,
  ctx: UseCaseContext,
  unitCode: string,
  id: string,
  request: BulkRequest,
): Promise<BulkItemResult> {
  try {
    const record = await s.content.get(id);
    // Another unit's item is reported exactly as a missing one: the caller learns nothing about it.
    if (!record || record.unitCode !== unitCode) {
      throw new DomainError('not_found', {
        vi: `Hàng đợi tiếp nhận của ${unitCode} không có tin, bài ${id}`,
        en: `The intake queue of ${unitCode} has no item ${id}`,
      });
    }
    if (record.state !== INTAKE_STATE) {
      const message = {
        vi: `Tin, bài ${id} không ở hàng đợi tiếp nhận (trạng thái "${record.state}")`,
        en: `Item ${id} is not in the intake queue (state "${record.state}")`,
      };
      throw new DomainError('conflict', message, [{ field: 'ids', code: 'not_in_intake', message }]);
    }
    const done = await takeContentStep(s, ctx, record, {
      action: request.action,
      comment: request.comment,
      reason: request.reason,
      assignee: request.assignee,
    });
    return { id, ok: true, state: done.state, version: done.version };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return failed(id, error);
  }
}

function failed(id: string, error: DomainError): BulkItemResult {
  const errors = error.fields.map((f: FieldIssue) => ({ field: f.field, code: f.code }));
  return { id, ok: false, code: error.code, detail: error.messages, ...(errors.length > 0 && { errors }) };
}

/** The texts (and the editor) the action's row requires, checked once for the whole request (the engine would refuse each item alike). */
function requireTexts(request: BulkRequest): void {
  const row = contentWorkflow.transitions[request.action];
  // The bulk actions' rows require a comment, a reason or an assignee (here: the editor the request names).
  for (const field of (row.requires ?? []) as (keyof typeof bulkInputNames)[]) {
    if ((request[field]?.trim() ?? '') !== '') continue;
    const names = bulkInputNames[field];
    throw invalidField(
      field,
      { vi: `Cần nêu ${names.vi} khi ${row.label.vi}`, en: `Give ${names.en} to ${row.label.en}` },
      'required',
    );
  }
}

const bulkInputNames = {
  comment: { vi: 'ý kiến', en: 'a comment' },
  reason: { vi: 'lý do', en: 'a reason' },
  assignee: { vi: 'biên tập viên được giao', en: 'the editor to assign' },
};
