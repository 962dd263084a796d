import type { UnitRepository } from '../adapters/dynamo/units';
import type { Unit } from '../domain/units/unit';

/**
 * A portal's unit as a publication's citation line names it (name, domain). A publication starts
 * this read alongside the item's, for the caller's own unit (a board publishes its own portal's
 * items), so it costs no round of its own (issue 22: every step at most 2 rounds before its
 * commit); the read is kept for PORTAL_TTL_MS by the root's services, as the calendar configuration
 * is. A rename reaches every function within that time; a line already published keeps its name.
 */
export const PORTAL_TTL_MS = 30_000;

export interface PortalUnits {
  get(code: string): Promise<Unit | undefined>;
  /** Starts the read now (its answer is awaited later, if the item turns out to be of that portal). */
  readAhead(code: string): void;
}

export function createPortalUnits(units: UnitRepository): PortalUnits {
  const reads = new Map<string, { unit: Promise<Unit | undefined>; startedAt: number }>();
  const get = (code: string) => {
    const kept = reads.get(code);
    if (kept && performance.now() - kept.startedAt < PORTAL_TTL_MS) return kept.unit;
    const unit = units.get(code);
    reads.set(code, { unit, startedAt: performance.now() });
    // A failed read is not kept.
    unit.catch(() => reads.delete(code));
    return unit;
  };
  return { get, readAhead: (code) => void get(code).catch(() => undefined) };
}
