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

export const summarize = (samples: readonly number[]): LatencySummary => ({
  n: samples.length,
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
});

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
export async function timePaired(
  n: number,
  fn: (i: number) => Promise<unknown>,
  floor: () => Promise<unknown>,
  warmUp = 0,
): Promise<{ times: number[]; floor: number[] }> {
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

/**
 * Times `n` runs of `fn` and `n` of `floor` in alternating blocks of `block`, with a quiet pause
 * before each floor block: the floor is measured alone in the same run, not right after a write
 * whose background work (stream, relay, consumers) would inflate it (issue 22). Each of `alone`
 * (say, the bare DynamoDB call a write makes) is measured the same way, in a block of its own after
 * a quiet pause, between the same blocks.
 */
export async function timeInterleaved<K extends string = never>(
  n: number,
  fn: (i: number) => Promise<unknown>,
  floor: () => Promise<unknown>,
  options: {
    block?: number;
    quietMs?: number;
    warmUp?: number;
    alone?: Readonly<Record<K, (i: number) => Promise<unknown>>>;
  } = {},
): Promise<{ times: number[]; floor: number[]; alone: Record<K, number[]> }> {
  const block = options.block ?? 20;
  const quiet = () => new Promise((resolve) => setTimeout(resolve, options.quietMs ?? 300));
  for (let i = 0; i < (options.warmUp ?? 0); i++) await fn(-1 - i);
  const others = Object.entries(options.alone ?? {}) as Array<[K, (i: number) => Promise<unknown>]>;
  const times: number[] = [];
  const floors: number[] = [];
  const alone = Object.fromEntries(others.map(([name]) => [name, [] as number[]])) as Record<K, number[]>;
  for (let start = 0; start < n; start += block) {
    const size = Math.min(block, n - start);
    for (let i = start; i < start + size; i++) times.push(...(await timeRuns(1, () => fn(i))));
    for (const [name, other] of others) {
      await quiet();
      for (let i = start; i < start + size; i++) alone[name].push(...(await timeRuns(1, () => other(i))));
    }
    await quiet();
    floors.push(...(await timeRuns(size, floor)));
  }
  return { times, floor: floors, alone };
}

/** `n` runs of `fn` with `concurrency` in flight: each run's latency, the failures, the wall time. */
export async function timeConcurrent(
  n: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ times: number[]; failures: string[]; seconds: number }> {
  const times: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const start = performance.now();
      try {
        await fn(i);
        times.push(performance.now() - start);
      } catch (error) {
        failures.push((error as Error).message.slice(0, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { times, failures, seconds: (performance.now() - started) / 1000 };
}
