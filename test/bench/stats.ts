/**
 * Latency figures for the bench: nearest-rank percentiles (the value at rank ⌈p·n⌉ of the sorted
 * samples), so p50 and p99 are samples that happened, never interpolated between two.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export interface LatencySummary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
}

export const summarize = (samples: readonly number[]): LatencySummary => ({ n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99) });

/** Times `n` sequential runs of `fn` (after `warmUp` untimed ones), in milliseconds. */
export async function timeRuns(n: number, fn: (i: number) => Promise<unknown>, warmUp = 0): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Times `n` runs of `fn`, each followed by a run of `floor`, so that both see the same moments of a
 * shared machine's load: the ratio of their percentiles is steadier than either figure alone.
 */
export async function timePaired(n: number, fn: (i: number) => Promise<unknown>, floor: () => Promise<unknown>, warmUp = 0): Promise<{ times: number[]; floor: number[] }> {
  for (let i = 0; i < warmUp; i++) {
    await fn(-1 - i);
    await floor();
  }
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < n; i++) {
    times.push(...(await timeRuns(1, () => fn(i))));
    floors.push(...(await timeRuns(1, floor)));
  }
  return { times, floor: floors };
}
