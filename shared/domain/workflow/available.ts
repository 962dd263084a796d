import type { Principal } from '../access/authorize';
import type { LocalizedText } from '../text';
import { forbidden, permissionPath, wrongActor } from './guards';
import type { WorkflowAggregate, WorkflowTable } from './types';

/**
 * The steps of an item's current state, each with whether this caller may take it now and, if not,
 * why: the same permission and separation-of-duties guards `decide()` runs, so a console can leave
 * out the buttons the caller may not use and say why ("bạn đã gửi mục này"). Advisory only: the
 * transition itself is decided again, with its inputs and version, when it is asked for.
 */
export interface AvailableStep<T extends string = string> {
  readonly action: T;
  readonly label: LocalizedText;
  readonly allowed: boolean;
  /** Why not, when not allowed. */
  readonly reason?: LocalizedText;
  /** Inputs the step needs (comment, reason, publicNote, assignee). */
  readonly requires: readonly string[];
}

export function availableSteps<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  table: WorkflowTable<S, T, C, A>,
  aggregate: A,
  principal: Principal,
  now: Date,
  // Stryker disable next-line ArrayDeclaration: a placeholder element hides nothing either, no action bears its name
  hidden: readonly T[] = [],
): AvailableStep<T>[] {
  return (Object.keys(table.transitions) as T[])
    .filter((action) => !hidden.includes(action) && table.transitions[action].from.includes(aggregate.state))
    .map((action) => {
      const transition = table.transitions[action];
      const refusal =
        forbidden(principal, transition, permissionPath(aggregate, transition), now) ??
        wrongActor(aggregate, transition, principal, now);
      return {
        action,
        label: transition.label,
        allowed: refusal === undefined,
        ...(refusal && { reason: refusal.messages }),
        requires: [...(transition.requires ?? [])],
      };
    });
}
