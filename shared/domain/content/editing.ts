import { can, type Principal } from '../access/authorize';
import { DomainError } from '../errors';
import { contentEditing, type ContentState } from '../workflow/tables/content';

/**
 * Whether one person may edit one item now (PATCH /content/{id}): pure, reads only its arguments.
 * The states and who may edit in each come from the workflow table (`contentEditing`); the
 * attribution, once frozen at publication (QN 12.2), is never edited again.
 */
export interface EditableItem {
  readonly id: string;
  readonly state: ContentState;
  readonly version: number;
  readonly unitPath: readonly string[];
  readonly createdBy: string;
  /** Set at the first publication: contributors and shares as they were then. */
  readonly attribution?: { readonly frozenAt: string };
}

/** The fields an edit may change (PATCH body). */
export const editableFields = [
  'title',
  'body',
  'summary',
  'legalDocument',
  'attachments',
  'contributors',
  'eventDate',
  'peoplesCommitteeApproval',
] as const;
export type EditableField = (typeof editableFields)[number];

/**
 * The refusal of an edit, or undefined. Order: frozen attribution, state, permission, author, stale
 * version (If-Match), so someone who may not edit learns nothing about versions.
 */
export function editRefusal(
  item: EditableItem,
  fields: readonly EditableField[],
  principal: Principal,
  expectedVersion: number | undefined,
  now: Date,
): DomainError | undefined {
  if (item.attribution && fields.includes('contributors')) {
    const message = {
      vi: `Người đóng góp và tỷ lệ nhuận bút của ${item.id} đã được chốt khi đăng (${item.attribution.frozenAt}); không sửa được nữa (QN 12.2)`,
      en: `The contributors and shares of ${item.id} were frozen at publication (${item.attribution.frozenAt}); they can no longer be edited (QN 12.2)`,
    };
    return new DomainError('conflict', message, [{ field: 'contributors', code: 'attribution_frozen', message }]);
  }
  const rule = contentEditing[item.state];
  if (!rule) {
    const allowed = Object.keys(contentEditing)
      .map((s) => `"${s}"`)
      .join(', ');
    const message = {
      vi: `Không sửa được tin, bài ${item.id} ở trạng thái "${item.state}"; chỉ sửa được khi: ${allowed}`,
      en: `Content item ${item.id} cannot be edited in state "${item.state}"; only in: ${allowed}`,
    };
    return new DomainError('conflict', message, [{ field: 'state', code: 'not_editable', message }]);
  }
  if (!can(principal, rule.permission, item.unitPath, now)) {
    return new DomainError('forbidden', {
      vi: `Không có quyền sửa tin, bài ở trạng thái "${item.state}" của đơn vị ${item.unitPath[0] ?? ''} (${rule.permission})`,
      en: `Not allowed to edit items in state "${item.state}" of unit ${item.unitPath[0] ?? ''} (${rule.permission})`,
    });
  }
  if (editingFor(item, principal, now) === false) {
    const message = {
      vi: `Chỉ tác giả (hoặc Thư ký thay mặt Ban Biên tập) mới sửa được tin, bài ở trạng thái "${item.state}"`,
      en: `Only the author (or the secretary acting for the board) may edit an item in state "${item.state}"`,
    };
    return new DomainError('forbidden', message, [{ field: 'actor', code: 'not_author', message }]);
  }
  if (expectedVersion !== undefined && expectedVersion !== item.version) {
    const message = {
      vi: `Tin, bài ${item.id} đã thay đổi: phiên bản hiện tại là ${item.version}, không phải ${expectedVersion}`,
      en: `Content item ${item.id} has changed: its version is ${item.version}, not ${expectedVersion}`,
    };
    return new DomainError('precondition_failed', message, [
      { field: 'expectedVersion', code: 'stale_version', message },
    ]);
  }
  return undefined;
}

/**
 * For an edit in an authorship state: `undefined` when the author (its creator) edits, the
 * author's id when the state's proxy edits for the board (recorded as such), `false` otherwise.
 * In other states nobody edits "for" anyone.
 */
export function editingFor(
  item: Pick<EditableItem, 'state' | 'unitPath' | 'createdBy'>,
  principal: Principal,
  now: Date,
): string | undefined | false {
  const rule = contentEditing[item.state];
  if (rule?.actor !== 'author' || item.createdBy === principal.id) return undefined;
  return rule.proxy !== undefined && can(principal, rule.proxy, item.unitPath, now) ? item.createdBy : false;
}
