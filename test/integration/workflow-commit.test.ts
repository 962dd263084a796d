import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { useLocalStack } from '../support/local-stack';
import { commitWork } from '../support/directory';
import { fromOutboxItem } from '../../events/outbox';
import { keys, type Key } from '../../shared/adapters/dynamo/keys';
import { openClockWork, workOfPlan } from '../../shared/adapters/dynamo/workflow-commit';
import { applyTransition, type TransitionDeps } from '../../shared/application/workflow-transitions';
import { can, type Principal } from '../../shared/domain/access/authorize';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { problemKinds } from '../../shared/http/error-table';
import { effectivePolicy } from '../../shared/domain/policies';
import type { Role } from '../../shared/domain/roles';
import {
  contentWorkflow,
  decide,
  questionWorkflow,
  type ContentWorkflowItem,
  type QuestionAction,
  type QuestionWorkflowItem,
  type TransitionInput,
  type WorkflowAggregate,
  type WorkflowTable,
} from '../../shared/domain/workflow';

/**
 * A workflow transition commits whole (item, audit entry, clock work with its due instant, event)
 * or not at all, against the real table on DynamoDB Local, through `applyTransition`.
 */
const local = useLocalStack();
const tableName = () => local.stack().resources.tableName;
const db = () => local.stack().services.db;

const person = (id: string, roles: Role[], unitCode = 'demo'): Principal => ({
  id,
  kind: 'user',
  unitCode,
  roles,
  delegations: [],
});
const secretary = person('secretary', ['secretary']);
const chief = person('chief', ['chief-editor']);
const writingChief = person('writing-chief', ['chief-editor', 'editor']);
const contributor = person('contributor', ['contributor']);
const head = person('head', ['unit-head'], 'soa');
const officer = person('officer', ['unit-officer'], 'soa');
const otherOfficer = person('other-officer', ['unit-officer'], 'sob');

const now = new Date('2026-03-10T03:00:00.000Z');
const policy = effectivePolicy('national');
const deadlines = new DeadlineCalculator(shippedCalendar());
/** The HTTP status a refusal becomes (the one error table). */
const statusOf = (error: unknown) => (error instanceof DomainError ? problemKinds[error.code].status : 500);
const ctx = (principal: Principal, at = now) => ({ principal, requestId: `req-${randomUUID()}`, now: at });
const itemKey = (type: string, id: string): Key => ({ pk: `TESTITEM#${type}#${id}`, sk: 'ITEM' });
const depsOf = (type: string, id: string) => ({
  itemKey: itemKey(type, id),
  uow: local.stack().services.uow,
  deadlines,
  policy,
});

/** One step as a use case takes it: decided once, then its plan committed with the item's conditional update. */
async function decideAndApply<S extends string, T extends string, C extends string, A extends WorkflowAggregate<S, C>>(
  context: ReturnType<typeof ctx>,
  table: WorkflowTable<S, T, C, A>,
  aggregate: A,
  action: T,
  input: TransitionInput,
  deps: ReturnType<typeof depsOf>,
) {
  const decision = decide(table, aggregate, action, input, context);
  if (!decision.ok) throw decision.error;
  const plan = decision.value;
  const { itemKey: key, ...rest } = deps;
  const options: TransitionDeps<C> = {
    ...rest,
    writes: (due) => workOfPlan(plan, { tableName: tableName(), itemKey: key, dueOf: (open) => due[open.clock as C]! }),
  };
  return applyTransition(context, plan, options);
}

/** Stores a new item as a creating use case would, with the work of any clock already running. */
async function store<A extends WorkflowAggregate>(type: string, item: A, title = 'Mục thử'): Promise<void> {
  const opens = item.openClocks.map((clock) => {
    const open = {
      clock,
      policy: 'qa.classify' as const,
      basis: 'test',
      assignee: { unitCode: item.unitPath[0]! },
      startedAt: now.toISOString(),
    };
    return openClockWork(
      tableName(),
      { type, id: item.id },
      open,
      deadlines.addWorkingDays(now, policy.value('qa.classify').value).dueAt,
      title,
    );
  });
  await commitWork({
    actions: [
      {
        item: {
          Put: {
            TableName: tableName(),
            Item: { ...itemKey(type, item.id), type: 'TestWorkflowItem', ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: { message: { vi: 'đã có', en: 'exists' } },
      },
      ...opens,
    ],
  });
}

async function stored<A>(type: string, id: string): Promise<A> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: itemKey(type, id), ConsistentRead: true }));
  const { pk: _pk, sk: _sk, type: _type, ...aggregate } = out.Item!;
  return aggregate as A;
}

const scanAll = async () => {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new ScanCommand({ TableName: tableName(), ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** Everything the table holds about one item besides the item itself. */
async function traces(id: string) {
  const all = await scanAll();
  return {
    audits: all.filter((i) => i.type === 'AuditEntry' && i.target?.id === id),
    events: all
      .filter((i) => i.type === 'OutboxEvent')
      .map(fromOutboxItem)
      .filter((e) => (e.data as { id: string }).id === id),
    work: all.filter((i) => i.type === 'WorkAssignment' && i.aggregateId === id),
  };
}

const pendingDecision = (id: string, submittedBy: string): ContentWorkflowItem => ({
  id,
  state: 'pending-decision',
  version: 4,
  unitPath: ['demo'],
  submittedBy,
  openClocks: [],
  publishPolicy: 'publish.legalDocument',
});

describe('a workflow transition commits whole', () => {
  it('writes the item, its audit entry, the opened work (due, listed for the sweep) and the event in one commit', async () => {
    const id = `c-${randomUUID()}`;
    await store('ContentItem', pendingDecision(id, contributor.id));
    const applied = await decideAndApply(
      ctx(chief),
      contentWorkflow,
      await stored<ContentWorkflowItem>('ContentItem', id),
      'approve',
      {},
      depsOf('ContentItem', id),
    );

    const item = await stored<ContentWorkflowItem>('ContentItem', id);
    expect(item).toMatchObject({
      state: 'approved',
      version: 5,
      submittedBy: contributor.id,
      openClocks: ['publication'],
    });
    const { audits, events, work } = await traces(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'content.approve',
      scope: 'demo',
      actor: { id: chief.id },
      before: { state: 'pending-decision', version: 4 },
      after: { state: 'approved', version: 5 },
    });
    // 5 working days (publish.legalDocument, LTCTT 18.4) counted from the approval.
    const dueAt = deadlines.addWorkingDays(now, 5).dueAt;
    expect(applied.due).toEqual({ publication: dueAt });
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({
      ...keys.work(`ContentItem#${id}#publication`),
      kind: 'ContentItem.publication',
      status: 'open',
      unitCode: 'demo',
      policy: 'publish.legalDocument',
      openedAt: now.toISOString(),
      duePk: keys.openWorkDue('ContentItem', keys.workDueShardOf(`ContentItem#${id}#publication`)).duePk,
      owner: 'demo',
      dueAt,
      gsi2pk: 'UNITWORK#demo',
    });
    // The escalation sweep finds it on the due index once it is overdue, and the unit sees it as open work.
    const overdue = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'due',
        KeyConditionExpression: 'duePk = :pk AND dueAt <= :now',
        ExpressionAttributeValues: {
          ':pk': keys.openWorkDue('ContentItem', keys.workDueShardOf(`ContentItem#${id}#publication`)).duePk,
          ':now': new Date(Date.parse(dueAt) + 1).toISOString(),
        },
      }),
    );
    expect((overdue.Items ?? []).map((i) => i.workId)).toContain(`ContentItem#${id}#publication`);
    expect((await local.stack().services.work.openOfUnit('demo', 100)).items.map((w) => w.workId)).toContain(
      `ContentItem#${id}#publication`,
    );

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'portal.workflow',
      detailType: 'WorkflowTransitioned',
      metadata: { eventId: applied.committed.eventIds[0], transactionId: applied.committed.transactionId },
      data: {
        key: `ContentItem#${id}#5`,
        event: 'ContentApproved',
        type: 'ContentItem',
        id,
        action: 'approve',
        from: 'pending-decision',
        to: 'approved',
        version: 5,
      },
    });
    // The relay takes it from the stream without failing (no queue subscribes yet).
    await local.stack().outbox.drain();

    // Publishing closes the clock: the work is done and off every listing.
    await decideAndApply(ctx(secretary), contentWorkflow, item, 'publish', {}, depsOf('ContentItem', id));
    const [closed] = (await traces(id)).work;
    expect(closed).toMatchObject({ status: 'done', closedAt: now.toISOString() });
    expect(closed).not.toHaveProperty('duePk');
    expect(closed).not.toHaveProperty('dueAt');
    expect(closed).not.toHaveProperty('gsi2pk');
  });

  it('writes nothing for a refused transition', async () => {
    const id = `c-${randomUUID()}`;
    const draft: ContentWorkflowItem = { ...pendingDecision(id, writingChief.id), state: 'draft', version: 1 };
    await store('ContentItem', { ...pendingDecision(id, writingChief.id) });
    const before = await stored<ContentWorkflowItem>('ContentItem', id);
    const attempts: [Principal, ContentWorkflowItem, string, number][] = [
      [contributor, before, 'approve', 403], // wrong role
      [writingChief, before, 'approve', 403], // approving what one submitted
      [secretary, before, 'publish', 409], // wrong state
      [chief, draft, 'approve', 409], // wrong state (the caller's view)
    ];
    for (const [who, aggregate, action, status] of attempts) {
      const refused = decideAndApply(
        ctx(who),
        contentWorkflow,
        aggregate,
        action as 'approve',
        {},
        depsOf('ContentItem', id),
      );
      expect(await refused.then(() => 200, statusOf)).toBe(status);
    }
    expect(await stored('ContentItem', id)).toEqual(before);
    expect(await traces(id)).toEqual({ audits: [], events: [], work: [] });
  });

  it('lets exactly one of twenty concurrent transitions from one version win', async () => {
    const id = `c-${randomUUID()}`;
    await store('ContentItem', pendingDecision(id, contributor.id));
    const seen = await stored<ContentWorkflowItem>('ContentItem', id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? decideAndApply(ctx(chief), contentWorkflow, seen, 'approve', {}, depsOf('ContentItem', id))
          : decideAndApply(
              ctx(chief),
              contentWorkflow,
              seen,
              'reject',
              { reason: `lý do ${i}` },
              depsOf('ContentItem', id),
            ),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((o) => statusOf(o.reason))).toEqual(Array(19).fill(409));
    const { audits, events, work } = await traces(id);
    const winner = (await stored<ContentWorkflowItem>('ContentItem', id)).state;
    expect(audits.map((a) => a.after.state)).toEqual([winner]);
    expect(events.map((e) => (e.data as { to: string }).to)).toEqual([winner]);
    expect(work).toHaveLength(winner === 'approved' ? 1 : 0);
    // The same race with If-Match: the stale request is told 412.
    const stale = decideAndApply(
      ctx(chief),
      contentWorkflow,
      seen,
      'reject',
      { reason: 'muộn', expectedVersion: seen.version },
      depsOf('ContentItem', id),
    );
    expect(await stale.then(() => 200, statusOf)).toBe(412);
    expect((await traces(id)).audits).toHaveLength(1);
  });

  it('guards on the version, not only the state: of twenty progress notices (a step that stays in its state) one wins', async () => {
    const id = `q-${randomUUID()}`;
    const question: QuestionWorkflowItem = {
      id,
      state: 'routed',
      version: 3,
      unitPath: ['demo'],
      assignee: { unitPath: ['soa', 'demo'] },
      openClocks: [],
    };
    await store('Question', question);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        decideAndApply(
          ctx(i % 2 ? head : officer),
          questionWorkflow,
          question,
          'progress-notice',
          { publicNote: `Thông báo ${i}` },
          depsOf('Question', id),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => statusOf(o.reason)),
    ).toEqual(Array(19).fill(409));
    expect(await stored('Question', id)).toMatchObject({ state: 'routed', version: 4 });
    const { audits, events } = await traces(id);
    expect(audits).toHaveLength(1);
    expect(events).toHaveLength(1);
  });
});

describe('random action sequences on the question workflow', () => {
  const cast = [secretary, chief, head, officer, otherOfficer, contributor];
  const assignees = [
    { unitPath: ['soa', 'demo'] },
    { unitPath: ['sob', 'demo'] },
    { unitPath: ['soa', 'demo'], personId: officer.id },
    { unitPath: ['elsewhere'] },
  ];
  const actions = Object.keys(questionWorkflow.transitions) as QuestionAction[];
  /**
   * Mostly plausible steps (an action the state allows, by someone whose role fits, with the texts
   * it needs), so that sequences get far; sometimes anything at all, by anyone, with anything.
   */
  const step = fc.record({
    plausible: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
    action: fc.nat(),
    actor: fc.nat(),
    reason: fc.option(fc.constantFrom('lý do', '  '), { nil: undefined }),
    publicNote: fc.option(fc.constant('Thông báo'), { nil: undefined }),
    assignTo: fc.nat(),
    ifMatch: fc.boolean(),
    /** Act on the snapshot before the last accepted step, as a slow second client would. */
    stale: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    hoursLater: fc.integer({ min: 0, max: 72 }),
  });
  type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

  function resolve(
    s: Step,
    item: QuestionWorkflowItem,
    at: Date,
  ): { actor: Principal; action: QuestionAction; input: TransitionInput } {
    const assignTo = pick(assignees, s.assignTo);
    if (!s.plausible) {
      const input = {
        ...(s.reason !== undefined && { reason: s.reason }),
        ...(s.publicNote !== undefined && { publicNote: s.publicNote }),
        ...(s.assignTo % 2 === 0 && { assignTo }),
      };
      return { actor: pick(cast, s.actor), action: pick(actions, s.action), input };
    }
    // Refusing ends a question at once: rarely, so that most sequences go further.
    const allowed = actions.filter(
      (a) =>
        (questionWorkflow.transitions[a].from as readonly string[]).includes(item.state) &&
        (a !== 'refuse' || s.action % 5 === 0),
    );
    const action = allowed.length ? pick(allowed, s.action) : pick(actions, s.action);
    const transition = questionWorkflow.transitions[action];
    const path = transition.on === 'assignee' ? (item.assignee?.unitPath ?? []) : item.unitPath;
    const fit = cast.filter((p) => can(p, transition.permission, path, at));
    return {
      actor: pick(fit.length ? fit : cast, s.actor),
      action,
      input: { reason: 'lý do', comment: 'ý kiến', publicNote: 'Thông báo', assignTo },
    };
  }

  it('records one audit entry and one event per accepted action, and keeps item and open work as the model says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const id = `q-${randomUUID()}`;
        const type = questionWorkflow.aggregateType;
        let model: QuestionWorkflowItem = {
          id,
          state: 'received',
          version: 1,
          unitPath: ['demo'],
          openClocks: ['classify'],
        };
        await store(type, model);
        let previous: QuestionWorkflowItem | undefined;
        let at = now;
        let accepted = 0;
        for (const s of steps) {
          at = new Date(at.getTime() + s.hoursLater * 3_600_000);
          const current = await stored<QuestionWorkflowItem>(type, id);
          expect(current).toEqual(model);
          const seen = s.stale && previous ? previous : current;
          const { actor, action, input: given } = resolve(s, current, at);
          const input: TransitionInput = { ...given, ...(s.ifMatch && { expectedVersion: seen.version }) };
          const expected = decide(questionWorkflow, current, action, input, ctx(actor, at));
          const outcome = await decideAndApply(
            ctx(actor, at),
            questionWorkflow,
            seen,
            action,
            input,
            depsOf(type, id),
          ).then(
            (applied) => ({ ok: true as const, applied }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (seen !== current) {
            // Decided on an old version: it must lose, whatever the engine thought of the old state.
            expect(outcome.ok).toBe(false);
          } else {
            expect(outcome.ok).toBe(expected.ok);
          }
          if (!outcome.ok) {
            expect([400, 403, 409, 412]).toContain(statusOf(outcome.error));
            continue;
          }
          previous = current;
          model = { ...current, ...outcome.applied.plan.next } as QuestionWorkflowItem;
          if (!('submittedBy' in outcome.applied.plan.next)) delete (model as { submittedBy?: string }).submittedBy;
          if (!('assignee' in outcome.applied.plan.next)) delete (model as { assignee?: unknown }).assignee;
          accepted += 1;
        }
        expect(await stored(type, id)).toEqual(model);
        const { audits, events, work } = await traces(id);
        expect(audits).toHaveLength(accepted);
        expect(events).toHaveLength(accepted);
        // Each event exactly once: one per version reached.
        expect(new Set(events.map((e) => (e.data as { key: string }).key)).size).toBe(accepted);
        expect(audits.map((a) => a.after.version).sort((x, y) => x - y)).toEqual(
          Array.from({ length: accepted }, (_, i) => i + 2),
        );
        const open = work.filter((w) => w.status === 'open');
        expect(open.map((w) => w.clock).sort()).toEqual([...model.openClocks].sort());
        // Due when its policy says, counted from its start: the answer in working days, a return of
        // a question outside the unit's competence in calendar days (BĐ 12.4, 12.5).
        for (const w of open) {
          const { value, unit } = policy.value(w.policy);
          const start = new Date(w.openedAt);
          const due =
            unit === 'workingDays' ? deadlines.addWorkingDays(start, value) : deadlines.addCalendarDays(start, value);
          expect(w).toMatchObject({
            duePk: keys.openWorkDue(type, keys.workDueShardOf(String(w.workId))).duePk,
            dueAt: due.dueAt,
          });
        }
        expect(
          work.filter((w) => w.status !== 'open').every((w) => w.duePk === undefined && w.gsi2pk === undefined),
        ).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
