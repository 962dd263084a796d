import { auditEntry, type AuditEntry } from '../audit';
import { DomainError } from '../errors';
import {
  actingFor,
  forbidden,
  illegalState,
  missingInput,
  outsidePortal,
  permissionPath,
  staleVersion,
  wrongActor,
} from './guards';
import { withParticipants, type ParticipantRole } from './participants';
import type {
  Assignee,
  ClockClose,
  ClockOpen,
  NoteField,
  Party,
  Result,
  TransitionDefinition,
  TransitionInput,
  TransitionPlan,
  WorkflowAggregate,
  WorkflowContext,
  WorkflowEvent,
  WorkflowFields,
  WorkflowTable,
  WorkHolder,
} from './types';

const noteFields: readonly NoteField[] = ['comment', 'reason', 'publicNote'];

/**
 * Decides one action on one item: refuses it with a DomainError, or returns the plan of everything
 * it changes. Pure: reads only its arguments (the audit entry's id is random, its time is `now`).
 */
export function decide<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  table: WorkflowTable<S, T, C, A>,
  aggregate: A,
  action: T,
  input: TransitionInput,
  context: WorkflowContext,
): Result<TransitionPlan<S, T, C>, DomainError> {
  context.onDecide?.(action);
  if (!Object.hasOwn(table.transitions, action)) {
    const message = {
      vi: `Quy trình ${table.name} không có thao tác "${action}"`,
      en: `Workflow ${table.name} has no action "${action}"`,
    };
    return refuse(new DomainError('validation', message, [{ field: 'action', code: 'unknown_action', message }]));
  }
  const transition: TransitionDefinition<S, C> = table.transitions[action];
  const names = { item: table.label, state: (s: string) => table.states[s as S]?.label ?? { vi: s, en: s } };
  const refusal =
    staleVersion(aggregate, input) ??
    forbidden(context.principal, transition, permissionPath(aggregate, transition), context.now) ??
    illegalState(aggregate, action, transition, names) ??
    wrongActor(aggregate, transition, context.principal, context.now) ??
    missingInput(transition, input) ??
    outsidePortal(aggregate, transition, input);
  if (refusal) return refuse(refusal);
  return { ok: true, value: plan(table, aggregate, action, transition, input, context) };
}

function plan<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  table: WorkflowTable<S, T, C, A>,
  aggregate: A,
  action: T,
  transition: TransitionDefinition<S, C>,
  input: TransitionInput,
  context: WorkflowContext,
): TransitionPlan<S, T, C> {
  const { principal, now, requestId } = context;
  const at = now.toISOString();
  const owner = aggregate.unitPath[0] ?? '';
  const submittedBy = transition.recordsSubmitter ? principal.id : aggregate.submittedBy;
  const assignee = nextAssignee(aggregate.assignee, transition, input);

  const closes = new Set((transition.closes ?? []).filter((c) => aggregate.openClocks.includes(c)));
  const stillOpen = aggregate.openClocks.filter((c) => !closes.has(c));
  const opens = (transition.opens ?? []).filter((o) => !stillOpen.includes(o.clock));
  const holderOf = (party: Party): WorkHolder => holder(party, owner, submittedBy, assignee);

  const open: ClockOpen<C>[] = opens.map(({ clock, assignee: party }) => {
    const definition = table.clocks[clock];
    const policy = typeof definition.policy === 'function' ? definition.policy(aggregate) : definition.policy;
    return { clock, policy, basis: definition.basis, assignee: holderOf(party), startedAt: at };
  });
  const close: ClockClose<C>[] = [...closes].map((clock) => ({ clock, closedAt: at }));

  const nextVersion = aggregate.version + 1;
  const participants = withParticipants(aggregate.participants, [
    // The submitter of an item stored before the set existed joins it, so a later submitter does not wash them out.
    ...(aggregate.submittedBy !== undefined && !aggregate.participants?.some((p) => p.id === aggregate.submittedBy)
      ? [{ id: aggregate.submittedBy, role: submitterRole(table) }]
      : []),
    ...(transition.participates ? [{ id: principal.id, role: transition.participates }] : []),
  ]);
  // A proxy taking an authorship step (the secretary for the board) is recorded as acting for the author.
  const proxyFor = transition.actor === 'author' ? actingFor(aggregate, transition, principal, now) : undefined;
  const onBehalfOf = typeof proxyFor === 'string' ? { onBehalfOf: proxyFor } : {};
  const next: WorkflowFields<S, C> = {
    state: transition.to,
    version: nextVersion,
    ...(submittedBy !== undefined && { submittedBy }),
    ...(assignee !== undefined && { assignee }),
    openClocks: [...stillOpen, ...open.map((o) => o.clock)],
    participants,
  };
  const notes: Partial<Record<NoteField, string>> = {};
  for (const field of noteFields) {
    const value = input[field]?.trim();
    if (value) notes[field] = value;
  }
  const actor = { id: principal.id, kind: principal.kind };
  const audit = auditEntry(
    {
      scope: owner,
      actor,
      action: `${table.name}.${action}`,
      target: { type: table.aggregateType, id: aggregate.id },
      before: {
        state: aggregate.state,
        version: aggregate.version,
        assignedTo: aggregate.assignee?.unitPath[0] ?? null,
      },
      after: {
        state: next.state,
        version: nextVersion,
        assignedTo: assignee?.unitPath[0] ?? null,
        ...onBehalfOf,
        ...notes,
      },
      requestId,
    },
    now,
  );
  const event: WorkflowEvent = {
    id: `${table.aggregateType}#${aggregate.id}#${nextVersion}`,
    name: transition.event,
    detail: {
      type: table.aggregateType,
      id: aggregate.id,
      action,
      from: aggregate.state,
      to: transition.to,
      version: nextVersion,
      unitCode: owner,
      assignedTo: assignee?.unitPath[0] ?? null,
      actor,
      ...onBehalfOf,
      at,
      // Internal comments stay in the audit log; only what the public or the submitter may read travels.
      ...(notes.reason !== undefined && { reason: notes.reason }),
      ...(notes.publicNote !== undefined && { publicNote: notes.publicNote }),
    },
  };
  return {
    aggregate: { type: table.aggregateType, id: aggregate.id },
    action,
    from: aggregate.state,
    to: transition.to,
    expectedVersion: aggregate.version,
    versionFromClient: input.expectedVersion !== undefined,
    nextVersion,
    next,
    notes,
    audit,
    work: { open, close },
    events: [event],
  };
}

/** What creating an item plans: the item at version 1 in the table's initial state, its audit entry and clocks. */
export interface CreationPlan<S extends string, C extends string> {
  readonly aggregate: { readonly type: string; readonly id: string };
  readonly action: string;
  readonly next: { readonly state: S; readonly version: 1; readonly openClocks: readonly C[] };
  readonly audit: AuditEntry;
  readonly work: { readonly open: readonly ClockOpen<C>[]; readonly close: readonly ClockClose<C>[] };
  /** The event's name and de-duplication id; its detail is the area's (it names the item's own facts). */
  readonly event: { readonly id: string; readonly name: string };
}

/**
 * The initial step (asking, creating): the area has checked who may create and what was given;
 * this plans the rest the same way for every table. `facts` go into the audit entry's `after`
 * (what was created, never personal data); `actor` is the principal unless someone anonymous asks.
 */
export function decideCreation<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  table: WorkflowTable<S, T, C, A>,
  action: string,
  aggregate: A,
  context: Omit<WorkflowContext, 'principal'> & { readonly principal?: WorkflowContext['principal'] },
  facts: {
    readonly actor?: { readonly id: string; readonly kind: string };
    readonly after?: Readonly<Record<string, unknown>>;
  } = {},
): CreationPlan<S, C> {
  context.onDecide?.(action);
  // Inherited object keys are not initial steps either.
  const creation =
    table.creations !== undefined && Object.hasOwn(table.creations, action) ? table.creations[action] : undefined;
  if (creation === undefined) throw new Error(`Workflow ${table.name} has no initial step "${action}"`);
  const at = context.now.toISOString();
  const owner = aggregate.unitPath[0] ?? '';
  const open: ClockOpen<C>[] = (creation.opens ?? []).map(({ clock, assignee: party }) => {
    const definition = table.clocks[clock];
    const policy = typeof definition.policy === 'function' ? definition.policy(aggregate) : definition.policy;
    return {
      clock,
      policy,
      basis: definition.basis,
      assignee: holder(party, owner, aggregate.submittedBy, aggregate.assignee),
      startedAt: at,
    };
  });
  const actor = facts.actor ?? { id: context.principal?.id ?? '', kind: context.principal?.kind ?? 'anonymous' };
  const audit = auditEntry(
    {
      scope: owner,
      actor,
      action: `${table.name}.${action}`,
      target: { type: table.aggregateType, id: aggregate.id },
      before: null,
      after: { state: creation.to, version: 1, ...facts.after },
      requestId: context.requestId,
    },
    context.now,
  );
  return {
    aggregate: { type: table.aggregateType, id: aggregate.id },
    action,
    next: { state: creation.to, version: 1, openClocks: open.map((o) => o.clock) },
    audit,
    work: { open, close: [] },
    event: { id: `${table.aggregateType}#${aggregate.id}#1`, name: creation.event },
  };
}

function nextAssignee(
  current: Assignee | undefined,
  transition: TransitionDefinition<string, string>,
  input: TransitionInput,
): Assignee | undefined {
  if (transition.assigns === 'clear') return undefined;
  if (transition.assigns === 'input') return input.assignTo;
  return current;
}

function holder(
  party: Party,
  owner: string,
  submittedBy: string | undefined,
  assignee: Assignee | undefined,
): WorkHolder {
  if (party === 'assignee' && assignee) {
    const unitCode = assignee.unitPath[0] ?? owner;
    return assignee.personId === undefined ? { unitCode } : { unitCode, personId: assignee.personId };
  }
  if (party === 'submitter' && submittedBy !== undefined) return { unitCode: owner, personId: submittedBy };
  return { unitCode: owner };
}

/** The role a table's submitter takes part in (content: submitter; Q&A: answerer). */
const submitterRole = (table: WorkflowTable<string, string, string, never>): ParticipantRole =>
  (Object.values(table.transitions) as TransitionDefinition<string, string>[]).find((t) => t.recordsSubmitter)
    ?.participates ?? 'submitter';

const refuse = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });
