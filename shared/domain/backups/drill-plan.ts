import { monthOfWeek, type RetentionClass } from './retention';

/**
 * What a restore drill does with the newest backup (issue 24). Every drill verifies it without
 * restoring: signature, manifests, a sample of data files and media objects read back and checked.
 * A full restore into a scratch table (every item written, counted, digested, indexes queried)
 * costs writes and time in proportion to the table, so it runs on the configured cadence
 * (deployment config `backups.fullRestoreDrill`): every week, on each month's first backup (its
 * monthly one), or on the first backup of each quarter.
 */
export const FULL_RESTORE_CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type FullRestoreCadence = (typeof FULL_RESTORE_CADENCES)[number];
export type DrillMode = 'full' | 'verify';

/** The newest backup may be this old when a drill checks it (TG 8.2: weekly, plus a day's grace). */
export const MAX_BACKUP_AGE_HOURS = 8 * 24;
/** How many data files and media objects a verify-only drill reads back. */
export const SAMPLED_DATA_FILES = 3;
export const SAMPLED_MEDIA_OBJECTS = 5;

export function drillMode(
  backup: { readonly backupId: string; readonly retention: RetentionClass },
  cadence: FullRestoreCadence,
): DrillMode {
  if (cadence === 'weekly') return 'full';
  if (backup.retention !== 'monthly') return 'verify';
  if (cadence === 'monthly') return 'full';
  const month = Number(monthOfWeek(backup.backupId).slice(5));
  return (month - 1) % 3 === 0 ? 'full' : 'verify';
}

/**
 * `count` distinct indexes of `total`, spread by a seed (the run's id): each run reads other files,
 * so over the weeks every file is read, and no one can tell in advance which will be.
 */
export function sampleIndexes(total: number, count: number, seed: string): number[] {
  // Stryker disable next-line EqualityOperator: with as many files as the sample, sampling also takes each once, in order
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  let state = [...seed].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 2166136261) || 1;
  const next = () => ((state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0), state);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(next() % total);
  return [...chosen].sort((a, b) => a - b);
}
