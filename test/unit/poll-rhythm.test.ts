import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollRhythm } from '../../infra/local/pause';

/** How long `after(found)` waits, in fake milliseconds, with `during` run at the given offset. */
async function waited(wait: Promise<void>, during?: { at: number; run: () => void }): Promise<number> {
  let done = false;
  void wait.then(() => (done = true));
  let elapsed = 0;
  while (!done && elapsed < 60_000) {
    if (during && elapsed === during.at) during.run();
    await vi.advanceTimersByTimeAsync(10);
    elapsed += 10;
  }
  return elapsed;
}

describe('the local pollers’ rhythm (infra/local/pause.ts)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('polls every interval while passes find work, and doubles up to the idle ceiling while they find none', async () => {
    const rhythm = pollRhythm(200, 1600);
    expect(await waited(rhythm.after(true))).toBe(200);
    const idle = [];
    for (let i = 0; i < 5; i += 1) idle.push(await waited(rhythm.after(false)));
    expect(idle).toEqual([400, 800, 1600, 1600, 1600]);
    expect(await waited(rhythm.after(true))).toBe(200);
  });

  it('a nudge (a function ran) ends a long idle pause an interval after it began, and resets the backoff', async () => {
    const rhythm = pollRhythm(200, 1600);
    for (let i = 0; i < 4; i += 1) await waited(rhythm.after(false));
    // Nudged 500 ms into a 1,600 ms pause: the interval has passed, so the next pass is now.
    expect(await waited(rhythm.after(false), { at: 500, run: rhythm.nudge })).toBe(510);
    // Nudged at once: the pass still keeps its interval from the last one.
    expect(await waited(rhythm.after(false), { at: 0, run: rhythm.nudge })).toBe(200);
    // A nudge during a pass counts as work found: the next pause is the short one.
    rhythm.nudge();
    expect(await waited(rhythm.after(false))).toBe(200);
    expect(await waited(rhythm.after(false))).toBe(400);
  });

  it('stop ends the pause at once', async () => {
    const rhythm = pollRhythm(200, 1600);
    expect(await waited(rhythm.after(false), { at: 100, run: rhythm.stop })).toBe(110);
  });
});
