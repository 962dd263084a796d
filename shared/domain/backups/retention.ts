/**
 * Keeping 8 weekly and 12 monthly backups (issue 10). S3 lifecycle rules cannot count objects,
 * only age them, so the class is in the key: each backup is written under `backups/weekly/<week>/`
 * or, for the first backup of its month, `backups/monthly/<week>/`, and one expiration rule per
 * prefix ages it out. The prefixes are disjoint: the weekly rule never reaches a monthly backup.
 * A monthly backup counts as one of the weekly ones too (it is a week's backup).
 */
export type RetentionClass = 'weekly' | 'monthly';

export const RETENTION: Readonly<Record<RetentionClass, { readonly keep: number; readonly expireAfterDays: number }>> =
  {
    // 8 weekly backups span 8 × 7 = 56 days; a week of margin, so a late or missed run never leaves fewer than 8.
    weekly: { keep: 8, expireAfterDays: 8 * 7 + 7 },
    // 12 monthly backups span at most 12 × 31 days; a week of margin.
    monthly: { keep: 12, expireAfterDays: 12 * 31 + 7 },
  };

export const RETENTION_CLASSES: readonly RetentionClass[] = ['monthly', 'weekly'];

/**
 * The month an ISO week (`2026-W49`) belongs to, `yyyy-mm`: the month of its Thursday, as the
 * Thursday decides an ISO week's year. Every week belongs to exactly one month.
 */
export function monthOfWeek(weekId: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(weekId);
  if (!match) throw new Error(`not an ISO week id: ${weekId}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1; its week's Monday, then the Thursday of the week asked for.
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const thursday = new Date(mondayOfWeek1 + ((week - 1) * 7 + 3) * 86_400_000);
  return `${thursday.getUTCFullYear()}-${String(thursday.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * A week's backup is monthly when no other week of its month has a monthly backup yet: the first
 * backup of each month (the month's first week, or the next one if that run was missed). Asked
 * again for the same week (a failed run retried), it answers the same.
 */
export function retentionFor(weekId: string, monthlyWeeks: readonly string[]): RetentionClass {
  const month = monthOfWeek(weekId);
  return monthlyWeeks.some((other) => other !== weekId && monthOfWeek(other) === month) ? 'weekly' : 'monthly';
}
