import { describe, expect, it } from 'vitest';
import { bulkActionPermissions } from '../../console/src/bulk-actions';
import { contentWorkflow } from '../../shared/domain/workflow/tables/content';

/** The console offers a bulk action by the same permission the API checks for it: its workflow row's. */
describe("the console's bulk actions", () => {
  it('need the permission of their content workflow row, from the intake queue', () => {
    for (const [action, permission] of Object.entries(bulkActionPermissions)) {
      const row = contentWorkflow.transitions[action as keyof typeof bulkActionPermissions];
      expect(row.permission, action).toBe(permission);
      expect(row.from, action).toContain('submitted');
    }
  });
});
