import { figuresMonths, figuresOf } from '../domain/questions/figures';
import { readInUnit } from './unit-scope';
import type { UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * A unit's Q&A figures for a range of local dates (issue 9 §9): from the facts each step froze
 * (received, routed and whether within the working day, re-routed, returned, answered and whether
 * on time, the working days it took), plus what is overdue now. Staff who may read the unit's
 * questions (its own, its ancestors' and the board's); anyone else is refused before anything is shown.
 */

export async function questionFigures(s: Services, ctx: UseCaseContext, code: string, from: string, to: string) {
  const months = figuresMonths(from, to);
  const [recorded, overdueNow] = await readInUnit(
    s,
    ctx.principal,
    'qa.read-routed',
    code,
    () => Promise.all([s.questionFacts.facts(code, months, from, to), s.questionFacts.overdueNow(code, ctx.now)]),
    ctx.now,
  );
  return { unit: code, from, to, ...figuresOf(recorded, overdueNow) };
}
