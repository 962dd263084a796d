import type { DeadlineCalculator } from '../domain/calendar';
import { effectivePolicy, type EffectivePolicy } from '../domain/policies';
// The engine by path, not the barrel: the barrel loads every table into every bundle that transitions one.
import { decide } from '../domain/workflow/engine';
import type { ClockOpen, TransitionInput, TransitionPlan, WorkflowAggregate, WorkflowTable } from '../domain/workflow/types';
import type { Key } from '../adapters/dynamo/keys';
import { combine, type Committed, type UnitOfWork, type Work } from '../adapters/dynamo/unit-of-work';
import { workOfPlan } from '../adapters/dynamo/workflow-commit';
import { env } from '../config/env';
import { currentDeadlines } from './calendar-service';
import { directory } from './directory';
import { commitContext, type UseCaseContext } from './context';

/**
 * Takes one workflow action on one stored item: decides it (refusals are thrown as the engine's
 * DomainError: 403, 409, 400 naming the field), counts each opened clock's due instant on the
 * working calendar, and commits the item, audit entry, work and event in one transaction. A lost
 * race is a 409 (412 if the client sent If-Match), and nothing is written.
 */
export interface TransitionDeps {
  /** The key of the stored item (the caller read `aggregate` from it). */
  readonly itemKey: Key;
  /** Title of the work items opened for people to act on. */
  readonly title?: string;
  /** Defaults: the directory's table and unit of work, the calendar in force, the deployment's policy. */
  readonly tableName?: string;
  readonly uow?: UnitOfWork;
  readonly deadlines?: DeadlineCalculator;
  readonly policy?: EffectivePolicy;
  /** Due instants the caller already knows (a legal document's, counted from its issue date), by clock. */
  readonly dueAt?: Readonly<Record<string, string>>;
  /**
   * What the owning area adds to the same transaction: attributes set or removed on the item,
   * and further writes (content: its revision, its public rendition).
   */
  readonly extend?: (plan: TransitionPlan<string, string, string>, due: Readonly<Record<string, string>>) => TransitionExtension;
}

export interface TransitionExtension {
  readonly set?: Readonly<Record<string, unknown>>;
  readonly remove?: readonly string[];
  readonly work?: Work;
}

export interface AppliedTransition<S extends string, T extends string, C extends string> {
  readonly plan: TransitionPlan<S, T, C>;
  /** The due instant (ISO) of each clock the transition opened. */
  readonly due: Partial<Record<C, string>>;
  readonly committed: Committed;
}

export async function applyTransition<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  ctx: UseCaseContext,
  table: WorkflowTable<S, T, C, A>,
  aggregate: A,
  action: T,
  input: TransitionInput,
  deps: TransitionDeps,
): Promise<AppliedTransition<S, T, C>> {
  const decision = decide(table, aggregate, action, input, ctx);
  if (!decision.ok) throw decision.error;
  const plan = decision.value;
  const dueOf = await dueCounter(deps);
  const due: Partial<Record<C, string>> = {};
  for (const open of plan.work.open) due[open.clock] = deps.dueAt?.[open.clock] ?? dueOf(open);
  const extension = deps.extend?.(plan as TransitionPlan<string, string, string>, due as Record<string, string>) ?? {};
  const planWork = workOfPlan(plan, {
    tableName: deps.tableName ?? env().TABLE_NAME,
    itemKey: deps.itemKey,
    dueOf: (open) => due[open.clock as C]!,
    ifMatch: input.expectedVersion !== undefined,
    ...(deps.title !== undefined && { title: deps.title }),
    ...(extension.set !== undefined && { extraSet: extension.set }),
    ...(extension.remove !== undefined && { extraRemove: extension.remove }),
  });
  const work = extension.work ? combine(planWork, extension.work) : planWork;
  const committed = await (deps.uow ?? directory().uow).commit(work, commitContext(ctx));
  return { plan, due, committed };
}

/** A clock's due instant: its policy's value, in working or calendar days, from when it started. */
async function dueCounter(deps: TransitionDeps): Promise<(open: ClockOpen<string>) => string> {
  const deadlines = deps.deadlines ?? (await currentDeadlines());
  const policy = deps.policy ?? effectivePolicy(env().POLICY_PRESET, env().POLICY_OVERRIDES);
  return (open) => {
    const { value, unit } = policy.value(open.policy);
    const start = new Date(open.startedAt);
    return (unit === 'workingDays' ? deadlines.addWorkingDays(start, value) : deadlines.addCalendarDays(start, value)).dueAt;
  };
}
