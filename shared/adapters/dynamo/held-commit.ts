import { AsyncLocalStorage } from 'node:async_hooks';
import type { WriteAction } from './unit-of-work';

/**
 * A request's Idempotency-Key record joining the one commit of its step (issue 22): while the step
 * of a route that declares it runs, the unit of work does not send its transaction but leaves it
 * here; the idempotency store sends it once the response is known, with the record that keeps
 * that response. So the record costs no call of its own, and a step's change and its record are
 * written together or not at all (as consumers' event records are).
 */
export interface HeldCommit {
  /** Sends the held transaction with `extra` actions; a failed condition throws as the commit would have. */
  send(extra: readonly WriteAction[]): Promise<void>;
}

interface Slot {
  held?: HeldCommit;
  open: boolean;
  /** Settles when writes outside the commit may start: the key's record is known absent (rejects otherwise). */
  readonly cleared: Promise<unknown>;
}

const slots = new AsyncLocalStorage<Slot>();

/**
 * Runs `step`, holding the one commit it makes; the caller sends it (or drops it). `cleared` says
 * when the step may write outside its commit (see `writesMayStart`).
 */
export async function holdingCommit<T>(
  step: () => Promise<T>,
  cleared: Promise<unknown>,
): Promise<{ readonly value: T; readonly held?: HeldCommit }> {
  cleared.catch(() => undefined);
  const slot: Slot = { open: true, cleared };
  try {
    const value = await slots.run(slot, step);
    return { value, ...(slot.held && { held: slot.held }) };
  } finally {
    // Work the step left running in the background commits as usual.
    slot.open = false;
  }
}

/** For the unit of work: holds this commit when a step runs under holdingCommit (true), else false. */
export function holdCommit(send: HeldCommit['send']): boolean {
  const slot = slots.getStore();
  if (!slot?.open) return false;
  if (slot.held) {
    throw new Error(
      'A step whose route joins the Idempotency-Key record to its commit committed twice: declare it only on routes whose step commits once, last',
    );
  }
  slot.held = { send };
  return true;
}

/**
 * For a step that writes before its commit (a question's number): waits until the request is known
 * not to be a replay, so a replay writes nothing. At once outside such a route.
 */
export async function writesMayStart(): Promise<void> {
  const slot = slots.getStore();
  if (slot?.open) await slot.cleared;
}
