import type { Principal } from '../access/authorize';
import type { Action } from '../access/rules';
import type { AuditEntry } from '../audit';
import type { PolicyRuleId } from '../policies/rules';
import type { LocalizedText } from '../text';
import type { Participant, ParticipantRole } from './participants';

/**
 * A workflow is data: its states, its clocks and, for each action, the states it leaves from, the
 * state it reaches and the guards it must pass. `decide()` (engine.ts) reads a table and an item and
 * returns a plan; it never writes. Permissions are not restated here: each transition names the
 * action of the one rule table (access/rules.ts) that authorises it.
 */

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Texts a person may have to give with an action; `assignee` is the unit an item is sent to. */
export type NoteField = 'comment' | 'reason' | 'publicNote';
export type RequiredInput = NoteField | 'assignee';

/** The unit (and, optionally, the person) that holds the open work. */
export interface Assignee {
  /** The assigned unit followed by its ancestors up to the province, as `can()` expects. */
  readonly unitPath: readonly string[];
  readonly personId?: string;
}

/** What the engine needs to know about an item; tables may ask for more (e.g. its category). */
export interface WorkflowAggregate<S extends string = string, C extends string = string> {
  readonly id: string;
  readonly state: S;
  /** Bumped by exactly one per accepted action; the write is conditional on it. */
  readonly version: number;
  /** The portal that owns the item (its editorial board decides), then its ancestors. */
  readonly unitPath: readonly string[];
  /** Who submitted it (content) or drafted the answer (Q&A) last: the holder of the submitter's clocks. */
  readonly submittedBy?: string;
  /** Whose item it is (content: its creator): only they take the authorship steps, or a proxy acting for the board. */
  readonly author?: string;
  /** Everyone who took part (participants.ts): none of them takes a `not-participant` step. */
  readonly participants?: readonly Participant[];
  readonly assignee?: Assignee;
  /** Clocks (by the table's clock name) now running for this item. */
  readonly openClocks: readonly C[];
}

/** Whom a transition is checked against, or whom a clock it opens is assigned to. */
export type Party = 'owner' | 'assignee' | 'submitter';

export interface ClockDefinition<A> {
  /** The policy whose value (working days…) the caller turns into a due date with the calendar. */
  readonly policy: PolicyRuleId | ((aggregate: A) => PolicyRuleId);
  readonly basis: string;
}

export interface ClockOpening<C extends string> {
  readonly clock: C;
  readonly assignee: Party;
}

export interface StateDefinition<C extends string> {
  readonly label: LocalizedText;
  /** Clocks that may run while an item is in this state; any other must be closed on entry. */
  readonly clocks?: readonly C[];
}

/**
 * A step is one row: besides what the engine reads (states, permission, actor, texts, clocks), the
 * row names what only its area knows, each a function of the area's step table
 * (shared/application/content-steps.ts, question-steps.ts) the name points to: `input` resolves
 * the area's own input before the engine decides, `guards` check after it (in order), `effects`
 * say what the step writes besides the workflow fields (revisions, renditions, index entries,
 * clock moves). Names, not functions, because the domain stays pure and the guards read.
 */
export interface TransitionDefinition<
  S extends string,
  C extends string,
  I extends string = string,
  G extends string = string,
  E extends string = string,
> {
  readonly label: LocalizedText;
  readonly from: readonly S[];
  readonly to: S;
  /** The rule-table action that authorises it (roles, scope, delegation for deputies). */
  readonly permission: Action;
  /** The unit the permission is checked on: the owning portal (default) or the assigned unit. */
  readonly on?: 'owner' | 'assignee';
  /**
   * `author`: only the item's author, or whoever holds `proxy` on its portal acting for the board
   * (recorded as such); `not-participant`: nobody who took part (separation of duties).
   */
  readonly actor?: 'author' | 'not-participant';
  /** With `actor: 'author'`: the rule-table action of whoever may act for the author. */
  readonly proxy?: Action;
  /** The actor becomes the item's submitter (who holds its clocks assigned to the submitter). */
  readonly recordsSubmitter?: true;
  /** The actor joins the item's participants in this role. */
  readonly participates?: ParticipantRole;
  readonly requires?: readonly RequiredInput[];
  /** `input`: the item goes to `input.assignTo`; `clear`: it goes back to the owning portal. */
  readonly assigns?: 'input' | 'clear';
  /** Started unless already running. */
  readonly opens?: readonly ClockOpening<C>[];
  /** Stopped if running. */
  readonly closes?: readonly C[];
  /** The area's input, resolved (and refused if missing or unknown) before the engine decides. */
  readonly input?: readonly I[];
  /** The area's checks after the engine's, in order. */
  readonly guards?: readonly G[];
  /** What the step changes besides the workflow fields, in order. */
  readonly effects?: readonly E[];
  /** The domain event published (through the outbox) when the transition commits. */
  readonly event: string;
  readonly basis: string;
}

/**
 * Creation as the table's initial step (asking a question, creating an item): no state to leave,
 * no version to check; the area checks its own permission and input, the engine plans the audit
 * entry, the clocks it opens and the event, which names itself (no `WorkflowTransitioned` wrapper).
 */
export interface CreationDefinition<S extends string, C extends string, E extends string = string> {
  readonly label: LocalizedText;
  readonly to: S;
  readonly opens?: readonly ClockOpening<C>[];
  /** What creation writes besides the item itself. */
  readonly effects?: readonly E[];
  readonly event: string;
  readonly basis: string;
}

export interface WorkflowTable<
  S extends string,
  T extends string,
  C extends string,
  A extends WorkflowAggregate<S, C>,
  I extends string = string,
  G extends string = string,
  E extends string = string,
  K extends string = string,
> {
  /** Prefix of audit actions: `content` gives `content.approve`. */
  readonly name: string;
  /** Audit target and event subject type, e.g. `ContentItem`. */
  readonly aggregateType: string;
  readonly label: LocalizedText;
  readonly initial: S;
  readonly states: Readonly<Record<S, StateDefinition<C>>>;
  readonly clocks: Readonly<Record<C, ClockDefinition<A>>>;
  readonly transitions: Readonly<Record<T, TransitionDefinition<S, C, I, G, E>>>;
  /** The initial steps, by action (`create`, `ask`): each reaches `initial`. */
  readonly creations?: Readonly<Record<K, CreationDefinition<S, C, E>>>;
}

/** What the caller passes from the request body (and If-Match). */
export interface TransitionInput {
  readonly comment?: string;
  readonly reason?: string;
  readonly publicNote?: string;
  readonly assignTo?: Assignee;
  /** The version the client saw (If-Match); a stale one is refused before anything else is checked. */
  readonly expectedVersion?: number;
}

export interface WorkflowContext {
  readonly principal: Principal;
  readonly now: Date;
  readonly requestId: string;
  /** Told of every decision `decide()` makes (a test counts them: one per step). */
  readonly onDecide?: (action: string) => void;
}

/** The unit (and person) a clock is assigned to. */
export interface WorkHolder {
  readonly unitCode: string;
  readonly personId?: string;
}

export interface ClockOpen<C extends string> {
  readonly clock: C;
  readonly policy: PolicyRuleId;
  readonly basis: string;
  readonly assignee: WorkHolder;
  /** When the clock starts; the caller computes the due date from it with the working calendar. */
  readonly startedAt: string;
}

export interface ClockClose<C extends string> {
  readonly clock: C;
  readonly closedAt: string;
}

export interface WorkflowEvent {
  /** Stable per item and version, so consumers can de-duplicate by it. */
  readonly id: string;
  readonly name: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** The item's workflow fields after the transition: what the conditional write sets. */
export interface WorkflowFields<S extends string, C extends string> {
  readonly state: S;
  readonly version: number;
  readonly submittedBy?: string;
  readonly assignee?: Assignee;
  readonly openClocks: readonly C[];
  /** The participants after the step (only ever grows). */
  readonly participants: readonly Participant[];
}

/**
 * Everything one accepted action changes, as plain data, for a unit of work to commit atomically:
 * update the item where `state = from AND version = expectedVersion`, append `audit`, open and
 * close the work items of `work`, and put `events` in the outbox.
 */
export interface TransitionPlan<S extends string, T extends string, C extends string> {
  readonly aggregate: { readonly type: string; readonly id: string };
  readonly action: T;
  readonly from: S;
  readonly to: S;
  readonly expectedVersion: number;
  /** The client named the version (If-Match): a lost race is then a stale version, not a conflict. */
  readonly versionFromClient: boolean;
  readonly nextVersion: number;
  readonly next: WorkflowFields<S, C>;
  /** The texts given with the action (for the item's history, or the asker). */
  readonly notes: Partial<Record<NoteField, string>>;
  readonly audit: AuditEntry;
  readonly work: { readonly open: readonly ClockOpen<C>[]; readonly close: readonly ClockClose<C>[] };
  readonly events: readonly WorkflowEvent[];
}
