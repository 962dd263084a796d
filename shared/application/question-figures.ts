import { figuresMonths, figuresOf } from '../domain/questions/figures';
import { QuestionFactRepository } from '../adapters/dynamo/question-facts';
import { documentClient } from '../adapters/aws-clients';
import { env } from '../config/env';
import { readInUnit } from './unit-scope';
import { directory } from './directory';
import type { UseCaseContext } from './context';

/**
 * A unit's Q&A figures for a range of local dates (issue 9 §9): from the facts each step froze
 * (received, routed and whether within the working day, re-routed, returned, answered and whether
 * on time, the working days it took), plus what is overdue now. Staff who may read the unit's
 * questions (its own, its ancestors' and the board's); anyone else is refused before anything is shown.
 */
let repository: QuestionFactRepository | undefined;
const facts = () => (repository ??= new QuestionFactRepository(documentClient(), env().TABLE_NAME));

export async function questionFigures(ctx: UseCaseContext, code: string, from: string, to: string) {
  const months = figuresMonths(from, to);
  const [recorded, overdueNow] = await readInUnit(directory(), ctx.principal, 'qa.read-routed', code, () => Promise.all([facts().facts(code, months, from, to), facts().overdueNow(code, ctx.now)]), ctx.now);
  return { unit: code, from, to, ...figuresOf(recorded, overdueNow) };
}
