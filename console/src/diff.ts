/**
 * A word-level diff of two texts: the longest common subsequence of their words (whitespace kept as
 * its own tokens), after trimming the common start and end. ~40 lines instead of a library: jsdiff
 * (the usual choice) weighs ~7 KB gzipped for many diff kinds we do not need, and the console keeps
 * to its first-screen budget. Quadratic in the changed middle only; past MAX_CELLS (two edits of
 * several thousand words each) it shows the middle as removed and added whole, never freezing the page.
 */
export type Part = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_CELLS = 4_000_000;
const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

export function diffWords(before: string, after: string): Part[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const parts: Part[] = [];
  const push = (kind: Part['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text !== '') parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    push('removed', a.slice(start, endA).join(''));
    push('added', b.slice(start, endB).join(''));
  } else {
    // lcs[i][j]: the common subsequence length of a[start+i..endA) and b[start+j..endB), row-major.
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) push('same', a[start + i++]!), j++;
      // On a tie, what was removed comes before what replaced it.
      else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!))
        push('removed', a[start + i++]!);
      else push('added', b[start + j++]!);
    }
  }
  push('same', a.slice(endA).join(''));
  return parts;
}
