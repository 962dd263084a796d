import type { Action } from '../../shared/domain/access/rules';

/**
 * The intake queue's bulk actions and the permission each needs: their content workflow rows'
 * (shared/domain/workflow/tables/content.ts), which the API checks on the unit before any item.
 * Copied rather than imported: the table pulls server code into the console's DOM type-check and
 * ~1.7 KB gzipped into its bundle; test/unit/console-bulk-actions.test.ts fails when they differ.
 */
export const bulkActionPermissions = {
  return: 'content.intake',
  reject: 'content.approve',
  assign: 'content.intake',
} as const satisfies Record<string, Action>;
export type BulkAction = keyof typeof bulkActionPermissions;
