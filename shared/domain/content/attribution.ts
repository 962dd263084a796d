/**
 * Attribution (QN 12.2): contributors and their shares are recorded at submission, editable until
 * publication and frozen at the first publication, so royalties can be tallied per quarter.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The quarter of an instant in the province's time (UTC+7): `2026-Q4`. */
export function quarterOf(instant: string): string {
  const local = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}
