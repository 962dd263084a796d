/**
 * Revisions are append-only (TG 8.1): each keeps who, when and a short summary of what changed,
 * in both languages a reviewer may read. Nothing the workflow does ever deletes one.
 */
export interface RevisionSummary {
  readonly vi: string;
  readonly en: string;
}

/** The fields whose change a summary names, compared as JSON. */
export function diffSummary(
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>>,
): RevisionSummary {
  if (!before) {
    const fields = Object.keys(after)
      .filter((k) => after[k] !== undefined)
      .sort();
    return { vi: `Tạo mới: ${fields.join(', ')}`, en: `Created: ${fields.join(', ')}` };
  }
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort()
    .map((k) =>
      typeof after[k] === 'string' && typeof before[k] === 'string' && k === 'state'
        ? `state: ${String(before[k])} → ${String(after[k])}`
        : k,
    );
  return changed.length === 0
    ? { vi: 'Không đổi nội dung', en: 'No content change' }
    : { vi: `Thay đổi: ${changed.join(', ')}`, en: `Changed: ${changed.join(', ')}` };
}
