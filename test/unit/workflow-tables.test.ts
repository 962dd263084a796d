import { describe, expect, it } from 'vitest';
import {
  contentWorkflow,
  decide,
  questionWorkflow,
  tableProblems,
  type WorkflowAggregate,
  type WorkflowTable,
} from '../../shared/domain/workflow';

import { decideCreation } from '../../shared/domain/workflow/engine';
import { accepted, board, chief, ctx, item, refused, secretary, sotttt } from '../support/workflow-fixtures';

/** The workflow tables: their consistency checks, engine details on a small table, and the real tables read aloud. */
// A small table for what the real tables do not exercise: several required inputs, work held by the submitter.
type S = 'open' | 'done';
const tiny: WorkflowTable<S, 'close' | 'hand-back', 'follow-up', WorkflowAggregate<S, 'follow-up'>> = {
  name: 'tiny',
  aggregateType: 'Tiny',
  label: { vi: 'mục', en: 'item' },
  initial: 'open',
  states: {
    open: { label: { vi: 'Mở', en: 'Open' } },
    done: { label: { vi: 'Xong', en: 'Done' }, clocks: ['follow-up'] },
  },
  clocks: { 'follow-up': { policy: 'publish.other', basis: 'BĐ 11' } },
  transitions: {
    close: {
      label: { vi: 'đóng', en: 'close' },
      from: ['open'],
      to: 'done',
      permission: 'content.publish',
      requires: ['comment', 'reason', 'publicNote'],
      opens: [{ clock: 'follow-up', assignee: 'submitter' }],
      event: 'TinyClosed',
      basis: 'CB 17.3c',
    },
    'hand-back': {
      label: { vi: 'trả', en: 'hand back' },
      from: ['open'],
      to: 'done',
      permission: 'content.publish',
      opens: [{ clock: 'follow-up', assignee: 'assignee' }],
      event: 'TinyHandedBack',
      basis: 'CB 17.3c',
    },
  },
};
const tinyItem = (fields: Partial<WorkflowAggregate<S, 'follow-up'>> = {}) => ({
  id: 't1',
  state: 'open' as const,
  version: 0,
  unitPath: board,
  openClocks: [],
  ...fields,
});

describe('engine details', () => {
  it('reports every missing input at once', () => {
    const error = refused(decide(tiny, tinyItem(), 'close', { reason: 'r' }, ctx(secretary)));
    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['comment', 'publicNote']);
    expect(error.messages).toEqual({
      vi: 'Cần nêu ý kiến khi đóng; Cần nêu thông báo công khai khi đóng',
      en: 'Give a comment to close; Give a public note to close',
    });
  });

  it('assigns work to the submitter, the assignee, or the owning portal when there is neither', () => {
    const full = { comment: 'c', reason: 'r', publicNote: 'p' };
    expect(
      accepted(decide(tiny, tinyItem({ submittedBy: 'u9' }), 'close', full, ctx(secretary))).work.open[0]?.assignee,
    ).toStrictEqual({ unitCode: 'demo', personId: 'u9' });
    expect(accepted(decide(tiny, tinyItem(), 'close', full, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({
      unitCode: 'demo',
    });
    expect(accepted(decide(tiny, tinyItem(), 'hand-back', {}, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({
      unitCode: 'demo',
    });
    const assigned = tinyItem({ assignee: { unitPath: sotttt, personId: 'officer' } });
    expect(accepted(decide(tiny, assigned, 'hand-back', {}, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({
      unitCode: 'sotttt',
      personId: 'officer',
    });
    const plan = accepted(decide(tiny, tinyItem(), 'close', full, ctx(secretary)));
    expect(plan.notes).toEqual(full);
    expect(plan.events[0]).toMatchObject({
      id: 'Tiny#t1#1',
      name: 'TinyClosed',
      detail: { reason: 'r', publicNote: 'p' },
    });
  });

  it('does not change the item it was given', () => {
    const before = item();
    const copy = structuredClone(before);
    accepted(decide(contentWorkflow, before, 'approve', {}, ctx(chief)));
    expect(before).toEqual(copy);
  });
});

describe('table checks', () => {
  it('finds nothing wrong with the content and Q&A tables', () => {
    expect(tableProblems(contentWorkflow)).toEqual([]);
    expect(tableProblems(questionWorkflow)).toEqual([]);
    expect(tableProblems(tiny)).toEqual([]);
  });

  it('names every kind of defect', () => {
    const broken = {
      ...tiny,
      initial: 'nowhere',
      label: { vi: 'mục', en: ' ' },
      states: { ...tiny.states, open: { label: { vi: '  ', en: 'Open' }, clocks: ['follow-up', 'ghost'] } },
      clocks: { 'follow-up': { policy: 'publish.other', basis: 'Điều 11' } },
      transitions: {
        close: {
          ...tiny.transitions.close,
          from: [],
          to: 'void',
          permission: 'no.such' as never,
          basis: 'Quy chế, Điều 12',
          label: { vi: 'đóng', en: '' },
          event: ' ',
          assigns: 'input' as const,
          actor: 'not-participant' as const,
          recordsSubmitter: true as const,
          participates: 'answerer' as const,
          proxy: 'content.intake' as const,
          opens: [{ clock: 'ghost', assignee: 'owner' as const }],
          closes: ['phantom'],
        },
      },
    } as unknown as typeof tiny;
    expect(tableProblems(broken)).toEqual([
      'initial state "nowhere" is not a state',
      'table: label not in both languages',
      'state open: label not in both languages',
      'state open: unknown clock "ghost"',
      'clock follow-up: basis cites no article',
      'close: no "from" state',
      'close: unknown state "void"',
      'close: no rule authorises "no.such"',
      'close: basis cites no article',
      'close: label not in both languages',
      'close: no event',
      'close: assigns from input but does not require it',
      'close: names a proxy but is no authorship step',
      'close: a decision that makes its taker a participant',
      'close: unknown clock "ghost"',
      'close: unknown clock "phantom"',
      'close: opens "ghost" but state void does not expect it',
    ]);
    const strays = {
      ...tiny,
      transitions: { stray: { ...tiny.transitions['hand-back'], from: ['nowhere'], to: 'done', assigns: 'input' } },
    } as unknown as typeof tiny;
    expect(tableProblems(strays)).toEqual([
      'stray: unknown state "nowhere"',
      'stray: assigns from input but does not require it',
    ]);
    const unexpected = {
      ...tiny,
      transitions: { ...tiny.transitions, 'hand-back': { ...tiny.transitions['hand-back'], to: 'open' } },
    } as unknown as typeof tiny;
    expect(tableProblems(unexpected)).toEqual(['hand-back: opens "follow-up" but state open does not expect it']);
    const leaky = {
      ...tiny,
      transitions: {
        ...tiny.transitions,
        reopen: { ...tiny.transitions.close, requires: [], from: ['done'], to: 'open', opens: [] },
      },
    } as unknown as typeof tiny;
    expect(tableProblems(leaky)).toEqual(['reopen: leaves "follow-up" running from done into open']);
    const closing = {
      ...tiny,
      transitions: {
        ...tiny.transitions,
        reopen: {
          ...tiny.transitions.close,
          requires: [],
          from: ['done'],
          to: 'open',
          opens: [],
          closes: ['follow-up'],
        },
      },
    } as unknown as typeof tiny;
    expect(tableProblems(closing)).toEqual([]);
  });

  it('names every defect of an initial step', () => {
    const creation = { label: { vi: 'tạo', en: 'create' }, to: 'open', event: 'TinyCreated', basis: 'CB 17.3c' };
    expect(tableProblems({ ...tiny, creations: { create: creation } } as unknown as typeof tiny)).toEqual([]);
    const broken = {
      ...tiny,
      creations: {
        close: { ...creation, to: 'done', label: { vi: 'tạo', en: ' ' }, event: ' ', basis: 'Điều 1' },
        create: { ...creation, opens: [{ clock: 'follow-up', assignee: 'owner' }] },
      },
    } as unknown as typeof tiny;
    expect(tableProblems(broken)).toEqual([
      'close (initial): reaches "done", not the initial state',
      'close (initial): also a transition',
      'close (initial): basis cites no article',
      'close (initial): label not in both languages',
      'close (initial): no event',
      'create (initial): opens "follow-up" but state open does not expect it',
    ]);
    // An initial step into no state at all is named, not a crash.
    expect(
      tableProblems({ ...tiny, creations: { create: { ...creation, to: 'void' } } } as unknown as typeof tiny),
    ).toEqual(['create (initial): reaches "void", not the initial state']);
  });

  it('plans an initial step’s clocks with their policy, computed from the item where the table says so', () => {
    const counted = {
      ...tiny,
      clocks: { 'follow-up': { policy: () => 'publish.legalDocument', basis: 'BĐ 11' } },
      creations: {
        create: {
          label: { vi: 'tạo', en: 'create' },
          to: 'open',
          opens: [{ clock: 'follow-up', assignee: 'owner' }],
          event: 'TinyCreated',
          basis: 'CB 17.3c',
        },
      },
    } as unknown as typeof tiny;
    const plan = decideCreation(counted, 'create', tinyItem(), ctx(secretary));
    expect(plan.work.open).toEqual([
      {
        clock: 'follow-up',
        policy: 'publish.legalDocument',
        basis: 'BĐ 11',
        assignee: { unitCode: 'demo' },
        startedAt: expect.any(String),
      },
    ]);
    // A table with no initial steps has none to take.
    expect(() => decideCreation(tiny, 'create', tinyItem(), ctx(secretary))).toThrow(
      'Workflow tiny has no initial step "create"',
    );
  });
});

/** The tables read as the regulation's steps; a change here must be deliberate. */
function summary(table: WorkflowTable<string, string, string, never>): string[] {
  return Object.entries(table.transitions).map(([action, t]) =>
    [
      `${action}: ${t.from.join('|')} → ${t.to} by ${t.permission}${t.on === 'assignee' ? ' of the assignee' : ''}`,
      t.actor && `actor ${t.actor}`,
      t.proxy && `or ${t.proxy} for the author`,
      t.recordsSubmitter && 'records submitter',
      t.participates && `takes part as ${t.participates}`,
      t.requires?.length && `needs ${t.requires.join('+')}`,
      t.assigns && `assigns ${t.assigns}`,
      t.closes?.length && `closes ${t.closes.join('+')}`,
      t.opens?.length && `opens ${t.opens.map((o) => `${o.clock}@${o.assignee}`).join('+')}`,
      t.input?.length && `input ${t.input.join('+')}`,
      t.guards?.length && `guards ${t.guards.join('+')}`,
      t.effects?.length && `effects ${t.effects.join('+')}`,
      `emits ${t.event}`,
    ]
      .filter(Boolean)
      .join('; '),
  );
}

/** The initial steps, read the same way. */
const creations = (table: WorkflowTable<string, string, string, never>): string[] =>
  Object.entries(table.creations ?? {}).map(([action, c]) =>
    [
      `${action}: → ${c.to}`,
      c.opens?.length && `opens ${c.opens.map((o) => `${o.clock}@${o.assignee}`).join('+')}`,
      c.effects?.length && `effects ${c.effects.join('+')}`,
      `emits ${c.event}`,
    ]
      .filter(Boolean)
      .join('; '),
  );

describe('the tables', () => {
  it('content: submit, take in, edit, decide, publish (CB 17.3, BĐ 9.6)', () => {
    expect(summary(contentWorkflow as never)).toEqual([
      'submit: draft|returned → submitted by content.submit; actor author; or content.intake for the author; records submitter; takes part as submitter; effects receipt-due+revision; emits ContentSubmitted',
      'recall: submitted|returned → recalled by content.submit; actor author; or content.intake for the author; effects revision; emits ContentRecalled',
      'accept: submitted → editing by content.intake; effects revision; emits ContentAccepted',
      'return: submitted|editing → returned by content.intake; needs comment; effects revision; emits ContentReturned',
      'assign: submitted → submitted by content.intake; needs assignee; assigns input; input editor; guards board-member; effects assigned-at+revision; emits ContentAssigned',
      'propose: editing → pending-decision by content.edit; takes part as proposer; effects proposer+revision; emits ContentProposed',
      'send-back: pending-decision → editing by content.approve; needs comment; effects revision; emits ContentSentBack',
      'approve: pending-decision → approved by content.approve; actor not-participant; opens publication@owner; guards peoples-committee-approval; effects publication-due+revision; emits ContentApproved',
      'reject: submitted|pending-decision → rejected by content.approve; actor not-participant; needs reason; effects revision; emits ContentRejected',
      'schedule: approved → scheduled by content.publish; guards publish-at-future+peoples-committee-approval; effects publish-at+revision+schedule-marker; emits ContentScheduled',
      'unschedule: scheduled → approved by content.publish; effects revision+schedule-marker-cleared; emits ContentUnscheduled',
      'publish-scheduled: scheduled → published by content.publish-scheduled; closes publication; guards peoples-committee-approval+source-not-withdrawn+clean-attachments; effects first-publication+attribution+revision+schedule-marker-cleared+public-rendition+search-entries-listed; emits ContentPublished',
      'publish: approved|scheduled → published by content.publish; closes publication; guards peoples-committee-approval+source-not-withdrawn+clean-attachments; effects first-publication+attribution+revision+schedule-marker-cleared+public-rendition+search-entries-listed; emits ContentPublished',
      'emergency-publish: submitted|editing|pending-decision → emergency-published by content.publish; takes part as emergency-publisher; needs reason; guards legal-document-only+peoples-committee-approval+source-not-withdrawn+clean-attachments; effects emergency+first-publication+attribution+revision+public-rendition+search-entries-listed; emits ContentEmergencyPublished',
      'confirm: emergency-published → published by content.approve; actor not-participant; effects emergency-confirmed+revision; emits ContentEmergencyConfirmed',
      'withdraw: published|emergency-published → withdrawn by content.approve; needs publicNote; effects public-note+revision+public-rendition+search-entries-removed; emits ContentWithdrawn',
      'archive: published|withdrawn|rejected|recalled → archived by content.publish; effects revision+public-removed+search-entries-removed; emits ContentArchived',
    ]);
    expect(creations(contentWorkflow as never)).toEqual([
      'create: → draft; effects creation-revision; emits ContentItemCreated',
    ]);
    expect(contentWorkflow.initial).toBe('draft');
    expect(
      Object.entries(contentWorkflow.states)
        .filter(([, s]) => s.clocks)
        .map(([name, s]) => `${name}: ${s.clocks?.join('+')}`),
    ).toEqual(['approved: publication', 'scheduled: publication']);
  });

  it("Q&A: issue 9's actions — classify, refuse or route within a working day; return, answer, board check, send, publish (BĐ 12, CB 11)", () => {
    expect(summary(questionWorkflow as never)).toEqual([
      'classify: received|classified|returned|reopened → classified by qa.route; guards complexity-given; effects classification; emits QuestionClassified',
      'refuse: received|classified|returned|reopened → refused by qa.route; needs reason; closes classify; guards ground-given; effects refusal; emits QuestionRefused',
      'route: classified|returned|reopened → routed by qa.route; needs assignee; assigns input; closes classify; opens answer@assignee+return@assignee; input unit; effects routing; emits QuestionRouted',
      'return: routed → returned by qa.answer of the assignee; needs reason; assigns clear; closes answer+return; opens classify@owner; effects routing-returned; emits QuestionReturned',
      'progress-notice: routed → routed by qa.answer of the assignee; guards progress-notice-allowed; effects progress-notice; emits QuestionProgressNoticed',
      'answer: routed → answered by qa.answer of the assignee; records submitter; takes part as answerer; closes answer+return; guards answerer-authorised+answer-checked; effects answer; emits QuestionAnswered',
      'approve-answer: answered → approved by qa.check; actor not-participant; effects approval; emits QuestionAnswerApproved',
      'return-answer: answered → routed by qa.check; needs comment; opens answer@assignee; effects answer-returned; emits QuestionAnswerReturned',
      'send: approved → sent by qa.publish; effects sent; emits QuestionAnswerSent',
      'publish: sent → published by qa.publish; guards publication-consent; effects public-copy; emits QuestionPublished',
      'reopen: sent|published → reopened by qa.route; needs reason; opens classify@owner; effects reopened; emits QuestionReopened',
    ]);
    expect(creations(questionWorkflow as never)).toEqual([
      'ask: → received; opens classify@owner; emits QuestionReceived',
    ]);
    expect(questionWorkflow.initial).toBe('received');
    expect(
      Object.entries(questionWorkflow.states)
        .filter(([, s]) => s.clocks)
        .map(([name, s]) => `${name}: ${s.clocks?.join('+')}`),
    ).toEqual([
      'received: classify',
      'classified: classify',
      'routed: answer+return',
      'returned: classify',
      'reopened: classify',
    ]);
  });
});
