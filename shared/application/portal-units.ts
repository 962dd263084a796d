import type { Unit } from '../domain/units/unit';
import { directory } from './directory';

/**
 * A portal's unit as a publication's citation line names it (name, domain). A publication starts
 * this read alongside the item's, for the caller's own unit (a board publishes its own portal's
 * items), so it costs no round of its own (issue 22: every step at most 2 rounds before its
 * commit); the read is kept in the function for PORTAL_TTL_MS, as the calendar configuration is.
 * A rename reaches every function within that time; a line already published keeps its name.
 */
export const PORTAL_TTL_MS = 30_000;
const reads = new Map<string, { unit: Promise<Unit | undefined>; startedAt: number }>();

export function portalUnit(code: string): Promise<Unit | undefined> {
  const kept = reads.get(code);
  if (kept && performance.now() - kept.startedAt < PORTAL_TTL_MS) return kept.unit;
  const unit = directory().units.get(code);
  reads.set(code, { unit, startedAt: performance.now() });
  // A failed read is not kept.
  unit.catch(() => reads.delete(code));
  return unit;
}

/** Starts the read now (its answer is awaited later, if the item turns out to be of that portal). */
export function readPortalAhead(code: string): void {
  portalUnit(code).catch(() => undefined);
}
