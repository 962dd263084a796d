import type { DeadlineCalculator } from '../domain/calendar';
import type { EffectivePolicy } from '../domain/policies';
import type { ClockOpen } from '../domain/workflow/types';
import type { Committed, UnitOfWork, Work } from '../adapters/dynamo/unit-of-work';
import { commitContext, type UseCaseContext } from './context';

/**
 * Commits one decided step (the caller ran `decide()` once and passes its plan): counts each opened
 * clock's due instant on the working calendar, asks the area for the step's writes (the item's
 * conditional update, its audit entry, work, event and whatever the row's effects add, built by its
 * repository) and commits them in one transaction. A lost race is a 409 (412 if the client sent
 * If-Match), and nothing is written.
 */
export interface TransitionDeps<C extends string = string> {
  /** Everything the step writes, once the due instants of the clocks it opens are known. */
  readonly writes: (due: Readonly<Partial<Record<C, string>>>) => Work | Promise<Work>;
  /** The root's unit of work. */
  readonly uow: UnitOfWork;
  /** The calendar's deadlines, or how to get them (read only when the step opens a clock: `s.calendar.deadlines`). */
  readonly deadlines: DeadlineCalculator | (() => Promise<DeadlineCalculator>);
  /** The deployment's policy (deploymentPolicy(s.config)). */
  readonly policy: EffectivePolicy;
  /** Due instants the caller already knows (a legal document's, counted from its issue date), by clock. */
  readonly dueAt?: Readonly<Partial<Record<C, string>>>;
}

export interface AppliedTransition<P, C extends string> {
  readonly plan: P;
  /** The due instant (ISO) of each clock the transition opened. */
  readonly due: Partial<Record<C, string>>;
  readonly committed: Committed;
}

export async function applyTransition<
  C extends string,
  P extends { readonly work: { readonly open: readonly ClockOpen<C>[] } },
>(
  ctx: UseCaseContext | { readonly requestId: string; readonly now: Date },
  plan: P,
  deps: TransitionDeps<C>,
): Promise<AppliedTransition<P, C>> {
  const due = await dueOfPlan(plan.work.open, deps);
  const work = await deps.writes(due);
  const committed = await deps.uow.commit(work, commitContext(ctx));
  return { plan, due, committed };
}

/** The due instant of each clock a plan opens: known already (`dueAt`), or counted now. */
export async function dueOfPlan<C extends string>(
  opens: readonly ClockOpen<C>[],
  deps: Pick<TransitionDeps<C>, 'deadlines' | 'policy' | 'dueAt'>,
): Promise<Partial<Record<C, string>>> {
  const due: Partial<Record<C, string>> = {};
  if (opens.length === 0) return due;
  const dueOf = await dueCounter(deps);
  for (const open of opens) due[open.clock] = deps.dueAt?.[open.clock] ?? dueOf(open);
  return due;
}

/** A clock's due instant: its policy's value, in working or calendar days, from when it started. */
async function dueCounter(
  deps: Pick<TransitionDeps, 'deadlines' | 'policy'>,
): Promise<(open: ClockOpen<string>) => string> {
  const deadlines = typeof deps.deadlines === 'function' ? await deps.deadlines() : deps.deadlines;
  const { policy } = deps;
  return (open) => {
    const { value, unit } = policy.value(open.policy);
    const start = new Date(open.startedAt);
    return (unit === 'workingDays' ? deadlines.addWorkingDays(start, value) : deadlines.addCalendarDays(start, value))
      .dueAt;
  };
}
