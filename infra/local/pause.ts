/**
 * The rhythm of a local poller (the outbox's stream reader, the bucket notifier): a pass every
 * `intervalMs` while passes find work, slowing down (doubling) to one every `idleMs` while they
 * find none, and back to `intervalMs` when nudged: a function just ran, so new work may be
 * waiting. Idle pollers of every integration file's stack otherwise spent ~10% of a core each.
 * `stop` ends the current pause at once, so a stack stops without waiting out its pollers.
 */
export function pollRhythm(intervalMs: number, idleMs = intervalMs) {
  let idlePasses = 0;
  let nudged = false;
  let pending: { started: number; timer: NodeJS.Timeout; resolve: () => void } | undefined;
  const end = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { resolve } = pending;
    pending = undefined;
    resolve();
  };
  return {
    /** Waits after a pass, as long as that pass and the ones before it call for. */
    after(foundWork: boolean): Promise<void> {
      idlePasses = foundWork || nudged ? 0 : idlePasses + 1;
      nudged = false;
      const ms = Math.min(intervalMs * 2 ** idlePasses, Math.max(idleMs, intervalMs));
      return new Promise((resolve) => {
        pending = { started: Date.now(), timer: setTimeout(end, ms), resolve };
      });
    },
    /** New work may be waiting: the next pass comes `intervalMs` after the last one, at the latest. */
    nudge(): void {
      nudged = true;
      if (!pending) return;
      clearTimeout(pending.timer);
      pending.timer = setTimeout(end, Math.max(0, pending.started + intervalMs - Date.now()));
    },
    stop: end,
  };
}
