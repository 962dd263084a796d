/** The bench's output: one aligned line per figure. */
export const report = (name: string, value: string) => console.log(`${name.padEnd(52)} ${value}`);
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "p50 / p99 ms", and each as a multiple of the floor's (measured alongside, shown in brackets). */
export const latency = (
  s: { n?: number; p50: number; p99: number },
  floor?: { n?: number; p50: number; p99: number },
) =>
  `${s.n !== undefined ? `n=${s.n} ` : ''}${fmt(s.p50, 1)} / ${fmt(s.p99, 1)} ms${floor ? ` = ${fmt(s.p50 / floor.p50, 1)}× / ${fmt(s.p99 / floor.p99, 1)}× floor (${floor.n !== undefined ? `n=${floor.n} ` : ''}${fmt(floor.p50, 1)} / ${fmt(floor.p99, 1)})` : ''}`;
