import { describe, expect, it } from 'vitest';
import { percentile, summarize, timeConcurrent, timeInterleaved, timePaired } from '../bench/stats';

describe('bench percentiles (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100…1, unsorted on purpose

  it('takes the sample at rank ⌈p·n⌉ of the sorted samples', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
  });

  it('is the largest sample for p99 of fewer than 100 samples, and the only one for one sample', () => {
    expect(percentile([5, 1, 9, 3], 99)).toBe(9);
    expect(percentile([7], 1)).toBe(7);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/\(0, 100\]/);
    expect(() => percentile([1], 101)).toThrow(/\(0, 100\]/);
  });

  it('summarizes n, p50 and p99', () => {
    expect(summarize(hundred)).toEqual({ n: 100, p50: 50, p99: 99 });
  });
});

describe('paired timing', () => {
  it('runs the floor right after each measured run (warm-ups first, untimed), and times each', async () => {
    const calls: string[] = [];
    const out = await timePaired(
      3,
      async (i) => calls.push(`run ${i}`),
      async () => calls.push('floor'),
      1,
    );
    expect(calls).toEqual(['run -1', 'floor', 'run 0', 'floor', 'run 1', 'floor', 'run 2', 'floor']);
    expect(out.times).toHaveLength(3);
    expect(out.floor).toHaveLength(3);
    expect([...out.times, ...out.floor].every((ms) => ms >= 0)).toBe(true);
  });
});

describe('floors alone and requests in flight (issue 22)', () => {
  it('measures the floor in blocks of its own, never right after each measured run', async () => {
    const order: string[] = [];
    const out = await timeInterleaved(
      5,
      async (i) => void order.push(`w${i}`),
      async () => void order.push('f'),
      { block: 2, quietMs: 1 },
    );
    expect(order).toEqual(['w0', 'w1', 'f', 'f', 'w2', 'w3', 'f', 'f', 'w4', 'f']);
    expect(out.times).toHaveLength(5);
    expect(out.floor).toHaveLength(5);
  });

  it('measures each request given alone in blocks of its own too, between the same blocks', async () => {
    const order: string[] = [];
    const out = await timeInterleaved(
      3,
      async (i) => void order.push(`w${i}`),
      async () => void order.push('f'),
      { block: 2, quietMs: 1, alone: { bare: async (i) => void order.push(`b${i}`) } },
    );
    expect(order).toEqual(['w0', 'w1', 'b0', 'b1', 'f', 'f', 'w2', 'b2', 'f']);
    expect(out.alone.bare).toHaveLength(3);
    expect(out.floor).toHaveLength(3);
  });

  it('keeps the given number of runs in flight and counts failures rather than hiding them', async () => {
    let inFlight = 0;
    let most = 0;
    const run = await timeConcurrent(20, 4, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      if (i % 5 === 0) throw new Error(`refused ${i}`);
    });
    expect(most).toBe(4);
    expect(run.times).toHaveLength(16);
    expect(run.failures).toHaveLength(4);
  });
});
