import '../support/fast-check-seed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, systemPrincipal, type Principal } from '../../shared/domain/access/authorize';
import { roles, type Role } from '../../shared/domain/roles';
import type { AuditEntry } from '../../shared/domain/audit';
import { DomainError } from '../../shared/domain/errors';
import {
  contentWorkflow,
  decide,
  questionWorkflow,
  type Assignee,
  type TransitionInput,
  type TransitionPlan,
  type WorkflowAggregate,
  type WorkflowEvent,
  type WorkflowTable,
  withParticipants,
  type Participant,
} from '../../shared/domain/workflow';
import { person } from '../support/workflow-fixtures';

/**
 * Drives the engine through generated sequences of actions by generated actors, applies every
 * accepted plan to an in-memory store as a unit of work would (conditional on state and version),
 * and checks the invariants after every step.
 */

const inWindow = new Date('2026-03-10T03:00:00.000Z');
const afterWindow = new Date('2026-04-10T03:00:00.000Z'); // the deputies' delegations have expired
const board = ['demo'];
const sotttt = ['sotttt', 'demo'];
const outside = ['soyt', 'elsewhere'];

const delegation = (actions: ('content.approve' | 'qa.check')[]) => ({
  id: 'd1',
  deputyId: 'deputy',
  unitCode: 'demo',
  actions,
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: '2026-03-31T00:00:00.000Z',
});
/** A small fixed cast, so that the same people submit, decide and answer (and sometimes hold two roles). */
const fixedCast: readonly Principal[] = [
  person('chief', ['chief-editor']),
  person('chief-who-writes', ['chief-editor', 'editor', 'unit-officer']),
  person('deputy', ['deputy-editor'], 'demo', [delegation(['content.approve', 'qa.check'])]),
  person('deputy-bare', ['deputy-editor']),
  person('secretary', ['secretary']),
  person('editor', ['editor']),
  person('reporter', ['reporter']),
  person('contributor', ['contributor']),
  person('officer', ['unit-officer'], 'sotttt'),
  person('head', ['unit-head'], 'sotttt'),
  person('auditor', ['auditor']),
  person('other-chief', ['chief-editor'], 'sotttt'),
  // The platform itself: releases scheduled items, and may do nothing else.
  systemPrincipal('publication-scheduler', 'demo'),
];

/** What the use cases (creation, PATCH) add beside the engine's steps. */
const joinRoles = ['creator', 'editor', 'contributor'] as const;
const join = fc.record({ who: fc.nat(), role: fc.constantFrom(...joinRoles) });
const text = fc.oneof(
  { arbitrary: fc.constant('Nội dung cụ thể'), weight: 5 },
  { arbitrary: fc.constantFrom(undefined, '', '   '), weight: 1 },
);
const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 });
const step = fc.record({
  /** Most steps pick an action legal in the current state, and someone the rule table allows. */
  legalAction: mostly,
  capableActor: mostly,
  /** Some steps are taken by someone who took part: the case separation of duties is about. */
  byParticipant: fc.constantFrom(false, false, true),
  /** Some steps are an edit or a co-authorship outside the engine (content only), as the use cases record it. */
  joins: fc.option(join, { freq: 6 }),
  action: fc.nat(),
  actor: fc.nat(),
  late: fc.constantFrom(false, false, false, true),
  comment: text,
  reason: text,
  publicNote: text,
  assignTo: fc.constantFrom<readonly string[] | undefined>(sotttt, sotttt, board, outside, undefined),
  version: fc.constantFrom<'none' | 'current' | 'stale'>('none', 'none', 'none', 'current', 'stale'),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/**
 * Besides the fixed cast, each run adds accounts holding random combinations of roles, in the
 * board's unit or the department's, some deputies with a live delegation: whatever roles a person
 * holds, having taken part must bar them from deciding.
 */
const randomCast = fc.array(
  fc.record({
    roles: fc.subarray([...roles] as Role[], { minLength: 1, maxLength: 5 }),
    unit: fc.constantFrom('demo', 'demo', 'sotttt'),
    delegated: fc.boolean(),
  }),
  { minLength: 2, maxLength: 6 },
);
type RandomCast = typeof randomCast extends fc.Arbitrary<infer T> ? T : never;
const castOf = (extra: RandomCast): Principal[] => [
  ...fixedCast,
  ...extra.map((p, i) => ({
    ...person(`mixed-${i}`, p.roles, p.unit),
    delegations: p.delegated
      ? [{ ...delegation(['content.approve', 'qa.check']), id: `d-mixed-${i}`, deputyId: `mixed-${i}` }]
      : [],
  })),
];

/**
 * The spec of issue 20, written here and not read from the tables: who takes part (outside the
 * engine too: the use cases add the creator, every editor and every co-author), and which steps
 * decide. No participant may take a deciding step.
 */
const participating: Record<string, readonly string[]> = {
  content: ['submit', 'propose', 'emergency-publish'],
  question: ['answer'],
};
const deciding: Record<string, readonly string[]> = {
  content: ['approve', 'reject', 'confirm'],
  question: ['approve-answer'],
};
const authorship: Record<string, readonly string[]> = { content: ['submit', 'recall'], question: [] };
/** Half the runs start from the initial state, the others from any state, as a consistent item in it. */
const start = fc.record({
  anywhere: fc.boolean(),
  state: fc.nat(),
  // Mostly people who may also decide, so that separation of duties is put to the test.
  submittedBy: fc.constantFrom(undefined, 'chief', 'chief-who-writes', 'deputy', 'reporter', 'officer', 'mixed-0'),
  author: fc.constantFrom('reporter', 'chief-who-writes', 'contributor', 'mixed-0', 'mixed-1'),
  assignee: fc.constantFrom(sotttt, board),
});
type Start = typeof start extends fc.Arbitrary<infer T> ? T : never;

interface Store<S extends string, C extends string> {
  item: WorkflowAggregate<S, C>;
  audit: AuditEntry[];
  events: WorkflowEvent[];
  work: Map<C, { policy: string; unitCode: string }>;
  accepted: TransitionPlan<S, string, C>[];
}

/** Plain checks in the hot loop (vitest's expect costs more than the engine); fast-check reports the failing sequence. */
function must(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the unit of work does: a conditional write of the item, plus the audit, the work items and the outbox. */
function commit<S extends string, C extends string>(store: Store<S, C>, plan: TransitionPlan<S, string, C>): void {
  must(
    plan.from === store.item.state && plan.expectedVersion === store.item.version,
    'the conditional write would fail',
  );
  for (const { clock } of plan.work.close) {
    must(store.work.has(clock), `closing ${clock}, which is not open`);
    store.work.delete(clock);
  }
  for (const open of plan.work.open) {
    must(!store.work.has(open.clock), `opening ${open.clock} twice`);
    store.work.set(open.clock, { policy: open.policy, unitCode: open.assignee.unitCode });
  }
  const { state, version, submittedBy, assignee, openClocks, participants } = plan.next;
  const author = store.item.author;
  store.item = {
    id: store.item.id,
    unitPath: store.item.unitPath,
    state,
    version,
    submittedBy,
    assignee,
    openClocks,
    participants,
    ...(author !== undefined && { author }),
  };
  store.audit.push(plan.audit);
  store.events.push(...plan.events);
  store.accepted.push(plan);
}

function run<S extends string, T extends string, C extends string>(
  table: WorkflowTable<S, T, C, WorkflowAggregate<S, C>>,
  from: Start,
  steps: readonly Step[],
  taken: Set<string>,
  cast: RandomCast,
  decided: { byOthers: number; refusedParticipants: number },
): void {
  const actors = castOf(cast);
  const states = Object.keys(table.states) as S[];
  const first = from.anywhere ? (states[from.state % states.length] as S) : table.initial;
  const initialClocks = table.states[first].clocks ?? [];
  const store: Store<S, C> = {
    item: {
      id: 'x1',
      state: first,
      version: 0,
      unitPath: board,
      openClocks: [...initialClocks],
      ...(table.name === 'content' && {
        author: from.author,
        participants: [{ id: from.author, role: 'creator' as const }],
      }),
      ...(from.anywhere && { submittedBy: from.submittedBy, assignee: { unitPath: from.assignee } }),
    },
    audit: [],
    events: [],
    work: new Map(initialClocks.map((c) => [c, { policy: 'initial', unitCode: 'demo' }])),
    accepted: [],
  };
  const actions = Object.keys(table.transitions) as T[];
  // The test's own record of who took part, kept from the spec above, not from the engine's set.
  const tookPart = new Set<string>([
    ...(store.item.participants ?? []).map((p) => p.id),
    ...(from.anywhere && from.submittedBy ? [from.submittedBy] : []),
  ]);
  for (const s of steps) {
    if (s.joins && table.name === 'content') {
      const who = actors[s.joins.who % actors.length] as Principal;
      const added: Participant = { id: who.id, role: s.joins.role };
      store.item = { ...store.item, participants: withParticipants(store.item.participants, [added]) };
      tookPart.add(who.id);
    }
    const legal = actions.filter((a) => table.transitions[a].from.includes(store.item.state));
    const pool = s.legalAction && legal.length > 0 ? legal : actions;
    const action = pool[s.action % pool.length] as T;
    const transition = table.transitions[action];
    const now = s.late ? afterWindow : inWindow;
    const path = transition.on === 'assignee' ? (store.item.assignee?.unitPath ?? []) : store.item.unitPath;
    const capable = actors.filter((p) => can(p, transition.permission, path, now));
    const actorPool = s.capableActor && capable.length > 0 ? capable : actors;
    const participants = actors.filter((p) => tookPart.has(p.id));
    const principal =
      s.byParticipant && participants.length > 0
        ? (participants[s.actor % participants.length] as Principal)
        : (actorPool[s.actor % actorPool.length] as Principal);
    const assignTo: Assignee | undefined = s.assignTo && { unitPath: s.assignTo };
    const input: TransitionInput = {
      comment: s.comment,
      reason: s.reason,
      publicNote: s.publicNote,
      assignTo,
      expectedVersion:
        s.version === 'none' ? undefined : s.version === 'current' ? store.item.version : store.item.version - 1,
    };

    const before = JSON.stringify({ item: store.item, audit: store.audit.length, events: store.events.length });
    const submitterBefore = store.item.submittedBy;
    const result = decide(table, store.item, action, input, { principal, now, requestId: `r${store.audit.length}` });

    if (result.ok) {
      const plan = result.value;
      // Only transitions of the table, from a state it allows, to the state it names.
      must(transition.from.includes(plan.from), `${action} accepted from ${plan.from}`);
      must(plan.to === transition.to && plan.next.state === transition.to, `${action} reached ${plan.to}`);
      must(
        plan.nextVersion === plan.expectedVersion + 1 && plan.next.version === plan.nextVersion,
        `${action}: version not +1`,
      );
      // Separation of duties: nobody who took part decides, whatever roles they hold.
      if (deciding[table.name]!.includes(action)) {
        must(
          !tookPart.has(principal.id) && principal.id !== submitterBefore,
          `${principal.id} (${principal.roles.join('+')}) took part and decided: ${action}`,
        );
        decided.byOthers += 1;
      }
      // Authorship steps: the author, or the board's secretary of the owning unit, recorded as acting for the author.
      if (authorship[table.name]!.includes(action)) {
        const author = store.item.author;
        const proxy = principal.id !== author;
        must(
          !proxy || (principal.roles.includes('secretary') && principal.unitCode === store.item.unitPath[0]),
          `${principal.id} took an authorship step for ${author}`,
        );
        must(
          proxy === ((plan.audit.after as { onBehalfOf?: string }).onBehalfOf === author && author !== undefined),
          `${action} by ${principal.id}: onBehalfOf not recorded as such`,
        );
      }
      if (participating[table.name]!.includes(action)) tookPart.add(principal.id);
      // The item's set only grows, and holds everyone the test saw take part.
      for (const id of tookPart)
        must(
          (plan.next.participants ?? []).some((p) => p.id === id) || id === plan.next.submittedBy,
          `${id} fell out of the participants`,
        );
      must(
        same(
          plan.events.map((e) => e.name),
          [transition.event],
        ),
        `${action} emitted ${plan.events.map((e) => e.name).join(', ')}`,
      );
      commit(store, plan);
      taken.add(`${table.name}.${action}`);
    } else {
      if (
        deciding[table.name]!.includes(action) &&
        tookPart.has(principal.id) &&
        result.error.fields.some((f) => f.code === 'separation_of_duties')
      )
        decided.refusedParticipants += 1;
      must(result.error instanceof DomainError, 'a refusal is a DomainError');
      must(
        ['forbidden', 'conflict', 'precondition_failed', 'validation'].includes(result.error.code),
        `refused as ${result.error.code}`,
      );
      // A refusal changes nothing.
      must(
        JSON.stringify({ item: store.item, audit: store.audit.length, events: store.events.length }) === before,
        `refused ${action} changed the item`,
      );
    }

    // No state outside the table.
    must(Object.hasOwn(table.states, store.item.state), `state ${store.item.state} is not in the table`);
    // The version counts the accepted actions; one audit entry per accepted action, matching it.
    must(
      store.item.version === store.accepted.length,
      `version ${store.item.version} after ${store.accepted.length} accepted actions`,
    );
    must(
      store.audit.length === store.accepted.length,
      `${store.audit.length} audit entries for ${store.accepted.length} accepted actions`,
    );
    if (result.ok) {
      // The log is append-only: checking the newest entry at each step checks them all.
      const i = store.accepted.length - 1;
      const entry = store.audit[i] as AuditEntry;
      const plan = store.accepted[i] as TransitionPlan<S, string, C>;
      const before = entry.before as { state: string; version: number };
      const after = entry.after as { state: string; version: number };
      must(
        entry.action === `${table.name}.${plan.action}` &&
          same(entry.actor, { id: principal.id, kind: principal.kind }) &&
          before.state === plan.from &&
          before.version === i &&
          after.state === plan.to &&
          after.version === i + 1 &&
          same(entry.target, { type: table.aggregateType, id: 'x1' }),
        `audit entry ${JSON.stringify(entry)} does not match ${plan.action}`,
      );
    }
    // Every event exactly once, one per accepted transition.
    must(new Set(store.events.map((e) => e.id)).size === store.events.length, 'an event id repeats');
    must(
      same(
        store.events.map((e) => e.name),
        store.accepted.map((p) => table.transitions[p.action as T].event),
      ),
      'events do not match the accepted transitions one to one',
    );
    // Open work is what the item says, and only clocks its state expects.
    must(
      same([...store.work.keys()].sort(), [...store.item.openClocks].sort()),
      `open work ${[...store.work.keys()]} ≠ item's ${store.item.openClocks}`,
    );
    const expected: readonly string[] = table.states[store.item.state].clocks ?? [];
    for (const clock of store.work.keys())
      must(expected.includes(clock), `clock ${clock} left running in ${store.item.state}`);
  }
}

describe('workflow engine properties', () => {
  const tables = [contentWorkflow, questionWorkflow] as unknown as WorkflowTable<
    string,
    string,
    string,
    WorkflowAggregate
  >[];

  for (const table of tables) {
    it(`keeps the ${table.name} workflow's invariants over random action sequences`, () => {
      const taken = new Set<string>();
      const decided = { byOthers: 0, refusedParticipants: 0 };
      fc.assert(
        fc.property(start, fc.array(step, { minLength: 1, maxLength: 30 }), randomCast, (from, steps, cast) =>
          run(table, from, steps, taken, cast, decided),
        ),
        { numRuns: 1000 },
      );
      // The runs reached every transition of the table, so the invariants were checked on each.
      expect([...taken].sort()).toEqual(
        Object.keys(table.transitions)
          .map((a) => `${table.name}.${a}`)
          .sort(),
      );
      // Participants did try to decide (and were refused), and others did decide: the bar was put to the test.
      expect(decided.refusedParticipants).toBeGreaterThan(10);
      expect(decided.byOthers).toBeGreaterThan(10);
    });
  }
});
