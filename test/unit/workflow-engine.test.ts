import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/domain/access/authorize';
import type { Role } from '../../shared/domain/roles';
import { DomainError } from '../../shared/domain/errors';
import {
  contentWorkflow,
  decide,
  questionWorkflow,
  tableProblems,
  type ContentWorkflowItem,
  type QuestionWorkflowItem,
  type Result,
  type TransitionInput,
  type WorkflowAggregate,
  type WorkflowTable,
} from '../../shared/domain/workflow';

const now = new Date('2026-03-10T03:00:00.000Z');
const at = now.toISOString();
const board = ['demo']; // the provincial portal and its board
const sotttt = ['sotttt', 'demo']; // a department under it

const person = (id: string, roles: Role[], unitCode = 'demo', delegations: Principal['delegations'] = []): Principal => ({
  id,
  kind: 'user',
  unitCode,
  roles,
  delegations,
});
const chief = person('chief', ['chief-editor']);
const secretary = person('secretary', ['secretary']);
const editor = person('editor', ['editor']);
const reporter = person('reporter', ['reporter']);
const officer = person('officer', ['unit-officer'], 'sotttt');
const delegation = {
  id: 'd1',
  deputyId: 'deputy',
  unitCode: 'demo',
  actions: ['content.approve' as const],
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: '2026-03-31T00:00:00.000Z',
};

const item = (fields: Partial<ContentWorkflowItem> = {}): ContentWorkflowItem => ({
  id: 'c1',
  state: 'pending-decision',
  version: 4,
  unitPath: board,
  submittedBy: 'reporter',
  openClocks: [],
  ...fields,
});
const question = (fields: Partial<QuestionWorkflowItem> = {}): QuestionWorkflowItem => ({
  id: 'q1',
  state: 'received',
  version: 1,
  unitPath: board,
  openClocks: ['classify'],
  ...fields,
});
const ctx = (principal: Principal, when = now) => ({ principal, now: when, requestId: 'req-1' });

function accepted<P>(result: Result<P, DomainError>): P {
  if (!result.ok) throw result.error;
  return result.value;
}
function refused<P>(result: Result<P, DomainError>): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got a plan to ${JSON.stringify((result.value as { to?: unknown }).to)}`);
  expect(result.error).toBeInstanceOf(DomainError);
  return result.error;
}

describe('decide: an accepted action returns the whole plan', () => {
  it('approves: next state and version, audit entry, publication clock, one event', () => {
    const plan = accepted(decide(contentWorkflow, item({ publishPolicy: 'publish.legalDocument' }), 'approve', { comment: '  Đồng ý  ' }, ctx(chief)));
    expect(plan).toMatchObject({
      aggregate: { type: 'ContentItem', id: 'c1' },
      action: 'approve',
      from: 'pending-decision',
      to: 'approved',
      expectedVersion: 4,
      nextVersion: 5,
      notes: { comment: 'Đồng ý' },
    });
    expect(plan.next).toStrictEqual({ state: 'approved', version: 5, submittedBy: 'reporter', openClocks: ['publication'] });
    expect(plan.work).toEqual({
      open: [
        {
          clock: 'publication',
          policy: 'publish.legalDocument',
          basis: 'BĐ 11; CB 10.1 (thời hạn cập nhật kể từ khi văn bản ban hành, được duyệt)',
          assignee: { unitCode: 'demo' },
          startedAt: at,
        },
      ],
      close: [],
    });
    expect(plan.audit).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at,
      scope: 'demo',
      actor: { id: 'chief', kind: 'user' },
      action: 'content.approve',
      target: { type: 'ContentItem', id: 'c1' },
      before: { state: 'pending-decision', version: 4, assignedTo: null },
      after: { state: 'approved', version: 5, assignedTo: null, comment: 'Đồng ý' },
      requestId: 'req-1',
    });
    expect(plan.events).toEqual([
      {
        id: 'ContentItem#c1#5',
        name: 'ContentApproved',
        detail: {
          type: 'ContentItem',
          id: 'c1',
          action: 'approve',
          from: 'pending-decision',
          to: 'approved',
          version: 5,
          unitCode: 'demo',
          assignedTo: null,
          actor: { id: 'chief', kind: 'user' },
          at,
        },
      },
    ]);
  });

  it('uses the default publication clock when the item names none', () => {
    const plan = accepted(decide(contentWorkflow, item(), 'approve', {}, ctx(chief)));
    expect(plan.work.open.map((o) => o.policy)).toEqual(['publish.other']);
    expect(plan.notes).toStrictEqual({});
    // The publication clock is the board's, even while the item is assigned elsewhere.
    const assigned = accepted(decide(contentWorkflow, item({ assignee: { unitPath: sotttt, personId: 'officer' } }), 'approve', {}, ctx(chief)));
    expect(assigned.work.open[0]?.assignee).toStrictEqual({ unitCode: 'demo' });
    // Input that a transition does not use is ignored, wherever it points.
    expect(accepted(decide(contentWorkflow, item(), 'approve', { assignTo: { unitPath: ['soyt', 'other'] } }, ctx(chief))).next).not.toHaveProperty('assignee');
  });

  it('records the submitter on submit, and carries reason and public note (never the comment) in the event', () => {
    const plan = accepted(decide(contentWorkflow, item({ state: 'draft', submittedBy: undefined }), 'submit', {}, ctx(reporter)));
    expect(plan.next).toStrictEqual({ state: 'submitted', version: 5, submittedBy: 'reporter', openClocks: [] });
    const returned = accepted(decide(contentWorkflow, item({ state: 'editing' }), 'return', { reason: ' Thiếu nguồn ', comment: 'nội bộ' }, ctx(secretary)));
    expect(returned.events[0]?.detail).toMatchObject({ reason: 'Thiếu nguồn' });
    expect(returned.events[0]?.detail).not.toHaveProperty('comment');
    expect(returned.events[0]?.detail).not.toHaveProperty('publicNote');
    expect(returned.audit.after).toStrictEqual({ state: 'returned', version: 5, assignedTo: null, reason: 'Thiếu nguồn', comment: 'nội bộ' });
    const declined = accepted(decide(questionWorkflow, question(), 'decline', { publicNote: 'Nội dung khiếu nại' }, ctx(secretary)));
    expect(declined.events[0]?.detail).toMatchObject({ publicNote: 'Nội dung khiếu nại' });
    expect(declined.events[0]?.detail).not.toHaveProperty('reason');
    expect(declined.next).toStrictEqual({ state: 'declined', version: 2, openClocks: [] });
    expect(declined.notes).toStrictEqual({ publicNote: 'Nội dung khiếu nại' });
    expect(declined.work.close).toEqual([{ clock: 'classify', closedAt: at }]);
  });

  it('closes only running clocks: publishing an item whose clock is not open closes nothing', () => {
    const running = accepted(decide(contentWorkflow, item({ state: 'scheduled', openClocks: ['publication'] }), 'publish', {}, ctx(secretary)));
    expect(running.work.close).toEqual([{ clock: 'publication', closedAt: at }]);
    expect(running.next.openClocks).toEqual([]);
    const none = accepted(decide(contentWorkflow, item({ state: 'approved' }), 'publish', {}, ctx(secretary)));
    expect(none.work.close).toEqual([]);
  });

  it('keeps a running clock instead of restarting it', () => {
    const plan = accepted(decide(contentWorkflow, item({ openClocks: ['publication'] }), 'approve', {}, ctx(chief)));
    expect(plan.work.open).toEqual([]);
    expect(plan.next.openClocks).toEqual(['publication']);
  });
});

describe('decide: Q&A routing, clocks and assignment', () => {
  const toSotttt: TransitionInput = { assignTo: { unitPath: sotttt } };

  it('routes to a unit: closes the classify clock, opens the competence and answer clocks at that unit', () => {
    const plan = accepted(decide(questionWorkflow, question(), 'route', toSotttt, ctx(secretary)));
    expect(plan.next).toStrictEqual({ state: 'routed', version: 2, assignee: { unitPath: sotttt }, openClocks: ['competence', 'answer'] });
    expect(plan.audit.action).toBe('question.route');
    expect(plan.work.close).toEqual([{ clock: 'classify', closedAt: at }]);
    expect(plan.work.open).toStrictEqual([
      { clock: 'competence', policy: 'qa.returnOutOfScope', basis: 'BĐ 12.5', assignee: { unitCode: 'sotttt' }, startedAt: at },
      { clock: 'answer', policy: 'qa.answer', basis: 'BĐ 12.4; CB 11.4', assignee: { unitCode: 'sotttt' }, startedAt: at },
    ]);
    expect(plan.audit.after).toEqual({ state: 'routed', version: 2, assignedTo: 'sotttt' });
    expect(plan.events[0]).toMatchObject({ id: 'Question#q1#2', name: 'QuestionRouted', detail: { assignedTo: 'sotttt' } });
  });

  it('gives a complex question the longer answer clock, and names the person it was assigned to', () => {
    const plan = accepted(decide(questionWorkflow, question({ complex: true }), 'route', { assignTo: { unitPath: sotttt, personId: 'officer' } }, ctx(secretary)));
    expect(plan.work.open[1]).toMatchObject({ policy: 'qa.answerComplex', assignee: { unitCode: 'sotttt', personId: 'officer' } });
    // Without a person, the work sits with the unit: no empty person.
    const unitOnly = accepted(decide(questionWorkflow, question(), 'route', { assignTo: { unitPath: sotttt } }, ctx(secretary)));
    expect(unitOnly.work.open[1]?.assignee).toStrictEqual({ unitCode: 'sotttt' });
  });

  it('lets the assigned unit, not the board, return an out-of-scope question; it goes back to the board', () => {
    const routed = question({ state: 'routed', assignee: { unitPath: sotttt }, openClocks: ['competence', 'answer'] });
    const plan = accepted(decide(questionWorkflow, routed, 'return', { reason: 'Không thuộc thẩm quyền' }, ctx(officer)));
    expect(plan.next).toStrictEqual({ state: 'received', version: 2, openClocks: ['classify'] });
    expect(plan.work.close.map((c) => c.clock)).toEqual(['competence', 'answer']);
    expect(plan.work.open).toEqual([{ clock: 'classify', policy: 'qa.classify', basis: 'BĐ 12.3', assignee: { unitCode: 'demo' }, startedAt: at }]);
    expect(plan.audit.before).toEqual({ state: 'routed', version: 1, assignedTo: 'sotttt' });
    expect(refused(decide(questionWorkflow, routed, 'return', { reason: 'x' }, ctx(person('o2', ['unit-officer']))))).toMatchObject({
      code: 'forbidden',
      messages: { vi: 'Không có quyền "qa.answer" đối với đơn vị sotttt', en: 'Not allowed to "qa.answer" on unit sotttt' },
    });
  });

  it('refuses an assignee-side action on an item assigned to nobody', () => {
    const error = refused(decide(questionWorkflow, question({ state: 'routed' }), 'accept', {}, ctx(officer)));
    expect(error.messages).toEqual({ vi: 'Không có quyền "qa.answer" đối với đơn vị ', en: 'Not allowed to "qa.answer" on unit ' });
  });

  it('records who drafted the answer, and keeps the assignee when the board returns it for rework', () => {
    const accepted1 = question({ state: 'accepted', assignee: { unitPath: sotttt }, openClocks: ['answer'] });
    const answered = accepted(decide(questionWorkflow, accepted1, 'answer', {}, ctx(officer)));
    expect(answered.next).toStrictEqual({ state: 'answer-review', version: 2, submittedBy: 'officer', assignee: { unitPath: sotttt }, openClocks: [] });
    const review = question({ state: 'answer-review', submittedBy: 'officer', assignee: { unitPath: sotttt }, openClocks: [] });
    const rework = accepted(decide(questionWorkflow, review, 'rework', { reason: 'Dẫn sai văn bản' }, ctx(chief)));
    expect(rework.work.open).toEqual([{ clock: 'answer', policy: 'qa.answer', basis: 'BĐ 12.4; CB 11.4', assignee: { unitCode: 'sotttt' }, startedAt: at }]);
  });
});

describe('guards, each refused and allowed', () => {
  it('refuses an action the workflow does not have, naming it', () => {
    const error = refused(decide(contentWorkflow, item(), 'fly' as never, {}, ctx(chief)));
    const message = { vi: 'Quy trình content không có thao tác "fly"', en: 'Workflow content has no action "fly"' };
    expect(error).toMatchObject({ code: 'validation', messages: message, fields: [{ field: 'action', code: 'unknown_action', message }] });
    // Inherited object keys are not actions.
    expect(refused(decide(contentWorkflow, item(), 'toString' as never, {}, ctx(chief))).code).toBe('validation');
  });

  it('refuses a stale version (If-Match) as a conflict, accepts the current one', () => {
    const error = refused(decide(contentWorkflow, item(), 'approve', { expectedVersion: 3 }, ctx(chief)));
    expect(error).toMatchObject({
      code: 'conflict',
      messages: { vi: 'Mục c1 đã thay đổi: phiên bản hiện tại là 4, không phải 3', en: 'Item c1 has changed: its version is 4, not 3' },
      fields: [],
    });
    expect(decide(contentWorkflow, item(), 'approve', { expectedVersion: 4 }, ctx(chief)).ok).toBe(true);
  });

  it('asks the rule table: roles and unit scope', () => {
    for (const who of [editor, secretary, reporter, person('other-chief', ['chief-editor'], 'sotttt')]) {
      const error = refused(decide(contentWorkflow, item(), 'approve', {}, ctx(who)));
      expect(error).toMatchObject({
        code: 'forbidden',
        messages: { vi: 'Không có quyền "content.approve" đối với đơn vị demo', en: 'Not allowed to "content.approve" on unit demo' },
      });
    }
    expect(decide(contentWorkflow, item(), 'approve', {}, ctx(chief)).ok).toBe(true);
  });

  it('lets a deputy decide only under a live delegation, and says so (CB 17.3b)', () => {
    const needsDelegation = {
      code: 'forbidden',
      messages: {
        vi: 'Phó Trưởng ban chỉ được "content.approve" đối với đơn vị demo khi có ủy quyền còn hiệu lực của Trưởng ban (CB 17.3b)',
        en: 'A deputy may "content.approve" on unit demo only under a live delegation from the chief (CB 17.3b)',
      },
    };
    const deputy = person('deputy', ['deputy-editor'], 'demo', [delegation]);
    expect(decide(contentWorkflow, item(), 'approve', {}, ctx(deputy)).ok).toBe(true);
    expect(refused(decide(contentWorkflow, item(), 'approve', {}, ctx(person('deputy', ['deputy-editor']))))).toMatchObject(needsDelegation);
    expect(refused(decide(contentWorkflow, item(), 'approve', {}, ctx(deputy, new Date('2026-04-01T00:00:00Z'))))).toMatchObject(needsDelegation);
    expect(refused(decide(contentWorkflow, item(), 'approve', {}, ctx({ ...deputy, delegations: [{ ...delegation, revokedAt: '2026-03-05T00:00:00Z' }] })))).toMatchObject(
      needsDelegation,
    );
    // A deputy of another unit lacks scope, not a delegation; a non-delegable action is a plain refusal.
    const elsewhere = refused(decide(contentWorkflow, item(), 'approve', {}, ctx(person('deputy', ['deputy-editor'], 'sotttt'))));
    expect(elsewhere.messages.en).toBe('Not allowed to "content.approve" on unit demo');
    const notDelegable = refused(decide(contentWorkflow, item({ state: 'submitted' }), 'intake', {}, ctx(deputy)));
    expect(notDelegable.messages.en).toBe('Not allowed to "content.intake" on unit demo');
    // Deciding is for the portal's own board: a province deputy has no say on a department's portal.
    const above = refused(decide(contentWorkflow, item({ unitPath: sotttt }), 'approve', {}, ctx(person('deputy', ['deputy-editor']))));
    expect(above.messages.en).toBe('Not allowed to "content.approve" on unit sotttt');
    // The board's check of an answer is delegable too.
    const qaDeputy = person('deputy', ['deputy-editor'], 'demo');
    const review = question({ state: 'answer-review', submittedBy: 'officer', assignee: { unitPath: sotttt }, openClocks: [] });
    expect(refused(decide(questionWorkflow, review, 'publish', {}, ctx(qaDeputy))).messages.en).toBe(
      'A deputy may "qa.check" on unit demo only under a live delegation from the chief (CB 17.3b)',
    );
  });

  it('refuses an action from a state the table does not allow, naming state, action and allowed states', () => {
    const error = refused(decide(contentWorkflow, item({ state: 'draft' }), 'approve', {}, ctx(chief)));
    expect(error).toMatchObject({
      code: 'conflict',
      messages: {
        vi: 'Không thể duyệt (approve) tin, bài c1 ở trạng thái "draft" (Bản nháp); chỉ được từ: "pending-decision"',
        en: 'Cannot approve (approve) content item c1 in state "draft" (Draft); allowed only from: "pending-decision"',
      },
      fields: [],
    });
    const many = refused(decide(contentWorkflow, item({ state: 'draft' }), 'archive', {}, ctx(secretary)));
    expect(many.messages.en).toBe(
      'Cannot archive (archive) content item c1 in state "draft" (Draft); allowed only from: "published", "unpublished", "rejected", "withdrawn"',
    );
    const unknownState = refused(decide(contentWorkflow, item({ state: 'lost' as never }), 'approve', {}, ctx(chief)));
    expect(unknownState.messages.vi).toBe('Không thể duyệt (approve) tin, bài c1 ở trạng thái "lost" (lost); chỉ được từ: "pending-decision"');
  });

  it('never lets the submitter approve or reject their own item (separation of duties)', () => {
    const own = item({ submittedBy: 'chief' });
    const error = refused(decide(contentWorkflow, own, 'approve', {}, ctx(chief)));
    expect(error).toMatchObject({
      code: 'forbidden',
      messages: {
        vi: 'Phân tách nhiệm vụ: bạn đã gửi mục này nên người khác phải duyệt',
        en: 'Separation of duties: you submitted this, so someone else must approve',
      },
    });
    expect(refused(decide(contentWorkflow, own, 'reject', { reason: 'x' }, ctx(chief))).messages.en).toBe('Separation of duties: you submitted this, so someone else must reject');
    // Sending back for editing is not a decision on publication: allowed.
    expect(decide(contentWorkflow, own, 'send-back', { comment: 'Sửa tít' }, ctx(chief)).ok).toBe(true);
    expect(decide(contentWorkflow, item({ submittedBy: undefined }), 'approve', {}, ctx(chief)).ok).toBe(true);
    const review = question({ state: 'answer-review', submittedBy: 'chief', assignee: { unitPath: sotttt }, openClocks: [] });
    expect(refused(decide(questionWorkflow, review, 'send', {}, ctx(chief))).messages.en).toBe('Separation of duties: you submitted this, so someone else must send the answer to the asker');
  });

  it('lets only the submitter withdraw', () => {
    const submitted = item({ state: 'submitted' });
    expect(decide(contentWorkflow, submitted, 'withdraw', {}, ctx(reporter)).ok).toBe(true);
    const error = refused(decide(contentWorkflow, submitted, 'withdraw', {}, ctx(person('reporter2', ['reporter']))));
    expect(error).toMatchObject({ code: 'forbidden', messages: { vi: 'Chỉ người đã gửi mới được rút lại', en: 'Only the submitter may withdraw' } });
    expect(refused(decide(contentWorkflow, item({ state: 'submitted', submittedBy: undefined }), 'withdraw', {}, ctx(reporter))).code).toBe('forbidden');
  });

  it('requires the texts an action needs, naming each field; blank is missing', () => {
    for (const reason of [undefined, '', '   ']) {
      const error = refused(decide(contentWorkflow, item(), 'reject', reason === undefined ? {} : { reason }, ctx(chief)));
      const message = { vi: 'Cần nêu lý do khi không duyệt', en: 'Give a reason to reject' };
      expect(error).toMatchObject({ code: 'validation', messages: message, fields: [{ field: 'body.reason', code: 'required', message }] });
    }
    expect(decide(contentWorkflow, item(), 'reject', { reason: 'Trùng lặp' }, ctx(chief)).ok).toBe(true);
    expect(refused(decide(contentWorkflow, item(), 'send-back', {}, ctx(chief))).fields[0]).toMatchObject({ field: 'body.comment', code: 'required' });
    expect(refused(decide(questionWorkflow, question(), 'decline', {}, ctx(secretary))).fields[0]).toEqual({
      field: 'body.publicNote',
      code: 'required',
      message: { vi: 'Cần nêu thông báo công khai khi từ chối tiếp nhận', en: 'Give a public note to decline' },
    });
  });

  it('requires a unit to route to, within the portal', () => {
    for (const input of [{}, { assignTo: { unitPath: [] } }]) {
      expect(refused(decide(questionWorkflow, question(), 'route', input, ctx(secretary))).fields).toEqual([
        {
          field: 'body.unitCode',
          code: 'required',
          message: { vi: 'Cần nêu đơn vị được giao khi chuyển đơn vị trả lời', en: 'Give the unit to send it to to route to a unit' },
        },
      ]);
    }
    const outside = refused(decide(questionWorkflow, question(), 'route', { assignTo: { unitPath: ['soyt', 'other'] } }, ctx(secretary)));
    const message = { vi: 'Đơn vị soyt không thuộc Cổng của demo', en: 'Unit soyt is not within the portal of demo' };
    expect(outside).toMatchObject({ code: 'validation', messages: message, fields: [{ field: 'body.unitCode', code: 'outside_portal', message }] });
    // A department's own board may send a question only below the department.
    const departmentBoard = question({ unitPath: sotttt });
    const sec = person('sec2', ['secretary'], 'sotttt');
    expect(refused(decide(questionWorkflow, departmentBoard, 'route', { assignTo: { unitPath: ['demo'] } }, ctx(sec))).fields[0]?.code).toBe('outside_portal');
    expect(decide(questionWorkflow, departmentBoard, 'route', { assignTo: { unitPath: sotttt } }, ctx(sec)).ok).toBe(true);
  });

  it('checks in order: version, permission, state, actor, input, portal', () => {
    const own = item({ state: 'draft', submittedBy: 'chief' });
    expect(refused(decide(contentWorkflow, own, 'reject', { expectedVersion: 1 }, ctx(editor))).code).toBe('conflict');
    expect(refused(decide(contentWorkflow, own, 'reject', {}, ctx(editor))).code).toBe('forbidden');
    expect(refused(decide(contentWorkflow, own, 'reject', {}, ctx(chief))).messages.en).toMatch(/^Cannot reject/);
    expect(refused(decide(contentWorkflow, { ...own, state: 'pending-decision' }, 'reject', {}, ctx(chief))).messages.en).toMatch(/^Separation of duties/);
    expect(refused(decide(contentWorkflow, item(), 'reject', {}, ctx(chief))).code).toBe('validation');
  });
});

// A small table for what the real tables do not exercise: several required inputs, work held by the submitter.
type S = 'open' | 'done';
const tiny: WorkflowTable<S, 'close' | 'hand-back', 'follow-up', WorkflowAggregate<S, 'follow-up'>> = {
  name: 'tiny',
  aggregateType: 'Tiny',
  label: { vi: 'mục', en: 'item' },
  initial: 'open',
  states: { open: { label: { vi: 'Mở', en: 'Open' } }, done: { label: { vi: 'Xong', en: 'Done' }, clocks: ['follow-up'] } },
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
const tinyItem = (fields: Partial<WorkflowAggregate<S, 'follow-up'>> = {}) => ({ id: 't1', state: 'open' as const, version: 0, unitPath: board, openClocks: [], ...fields });

describe('engine details', () => {
  it('reports every missing input at once', () => {
    const error = refused(decide(tiny, tinyItem(), 'close', { reason: 'r' }, ctx(secretary)));
    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['body.comment', 'body.publicNote']);
    expect(error.messages).toEqual({
      vi: 'Cần nêu ý kiến khi đóng; Cần nêu thông báo công khai khi đóng',
      en: 'Give a comment to close; Give a public note to close',
    });
  });

  it('assigns work to the submitter, the assignee, or the owning portal when there is neither', () => {
    const full = { comment: 'c', reason: 'r', publicNote: 'p' };
    expect(accepted(decide(tiny, tinyItem({ submittedBy: 'u9' }), 'close', full, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({ unitCode: 'demo', personId: 'u9' });
    expect(accepted(decide(tiny, tinyItem(), 'close', full, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({ unitCode: 'demo' });
    expect(accepted(decide(tiny, tinyItem(), 'hand-back', {}, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({ unitCode: 'demo' });
    const assigned = tinyItem({ assignee: { unitPath: sotttt, personId: 'officer' } });
    expect(accepted(decide(tiny, assigned, 'hand-back', {}, ctx(secretary))).work.open[0]?.assignee).toStrictEqual({ unitCode: 'sotttt', personId: 'officer' });
    const plan = accepted(decide(tiny, tinyItem(), 'close', full, ctx(secretary)));
    expect(plan.notes).toEqual(full);
    expect(plan.events[0]).toMatchObject({ id: 'Tiny#t1#1', name: 'TinyClosed', detail: { reason: 'r', publicNote: 'p' } });
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
          actor: 'submitter' as const,
          recordsSubmitter: true as const,
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
      'close: both needs and records the submitter',
      'close: unknown clock "ghost"',
      'close: unknown clock "phantom"',
      'close: opens "ghost" but state void does not expect it',
    ]);
    const strays = {
      ...tiny,
      transitions: { stray: { ...tiny.transitions['hand-back'], from: ['nowhere'], to: 'done', assigns: 'input' } },
    } as unknown as typeof tiny;
    expect(tableProblems(strays)).toEqual(['stray: unknown state "nowhere"', 'stray: assigns from input but does not require it']);
    const unexpected = { ...tiny, transitions: { ...tiny.transitions, 'hand-back': { ...tiny.transitions['hand-back'], to: 'open' } } } as unknown as typeof tiny;
    expect(tableProblems(unexpected)).toEqual(['hand-back: opens "follow-up" but state open does not expect it']);
    const leaky = { ...tiny, transitions: { ...tiny.transitions, reopen: { ...tiny.transitions.close, requires: [], from: ['done'], to: 'open', opens: [] } } } as unknown as typeof tiny;
    expect(tableProblems(leaky)).toEqual(['reopen: leaves "follow-up" running from done into open']);
    const closing = { ...tiny, transitions: { ...tiny.transitions, reopen: { ...tiny.transitions.close, requires: [], from: ['done'], to: 'open', opens: [], closes: ['follow-up'] } } } as unknown as typeof tiny;
    expect(tableProblems(closing)).toEqual([]);
  });
});

/** The tables read as the regulation's steps; a change here must be deliberate. */
function summary(table: WorkflowTable<string, string, string, never>): string[] {
  return Object.entries(table.transitions).map(([action, t]) =>
    [
      `${action}: ${t.from.join('|')} → ${t.to} by ${t.permission}${t.on === 'assignee' ? ' of the assignee' : ''}`,
      t.actor && `actor ${t.actor}`,
      t.recordsSubmitter && 'records submitter',
      t.requires?.length && `needs ${t.requires.join('+')}`,
      t.assigns && `assigns ${t.assigns}`,
      t.closes?.length && `closes ${t.closes.join('+')}`,
      t.opens?.length && `opens ${t.opens.map((o) => `${o.clock}@${o.assignee}`).join('+')}`,
      `emits ${t.event}`,
    ]
      .filter(Boolean)
      .join('; '),
  );
}

describe('the tables', () => {
  it('content: submit, take in, edit, decide, publish (CB 17.3, BĐ 9.6)', () => {
    expect(summary(contentWorkflow as never)).toEqual([
      'submit: draft|returned → submitted by content.submit; records submitter; emits ContentSubmitted',
      'withdraw: submitted|returned → withdrawn by content.submit; actor submitter; emits ContentWithdrawn',
      'intake: submitted → editing by content.intake; emits ContentTakenIn',
      'return: submitted|editing → returned by content.intake; needs reason; emits ContentReturned',
      'propose: editing → pending-decision by content.edit; emits ContentProposed',
      'send-back: pending-decision → editing by content.approve; needs comment; emits ContentSentBack',
      'approve: pending-decision → approved by content.approve; actor not-submitter; opens publication@owner; emits ContentApproved',
      'reject: pending-decision → rejected by content.approve; actor not-submitter; needs reason; emits ContentRejected',
      'schedule: approved → scheduled by content.publish; emits ContentScheduled',
      'publish: approved|scheduled → published by content.publish; closes publication; emits ContentPublished',
      'unpublish: published → unpublished by content.approve; needs reason; emits ContentUnpublished',
      'archive: published|unpublished|rejected|withdrawn → archived by content.publish; emits ContentArchived',
    ]);
    expect(contentWorkflow.initial).toBe('draft');
    expect(Object.entries(contentWorkflow.states).filter(([, s]) => s.clocks).map(([name, s]) => `${name}: ${s.clocks?.join('+')}`)).toEqual([
      'approved: publication',
      'scheduled: publication',
    ]);
  });

  it('Q&A: route within a working day, return or answer, board check (BĐ 12, CB 11)', () => {
    expect(summary(questionWorkflow as never)).toEqual([
      'route: received → routed by qa.route; needs assignee; assigns input; closes classify; opens competence@assignee+answer@assignee; emits QuestionRouted',
      'decline: received → declined by qa.route; needs publicNote; closes classify; emits QuestionDeclined',
      'return: routed → received by qa.answer of the assignee; needs reason; assigns clear; closes competence+answer; opens classify@owner; emits QuestionReturned',
      'accept: routed → accepted by qa.answer of the assignee; closes competence; emits QuestionAccepted',
      'notify-progress: accepted → accepted by qa.answer of the assignee; needs publicNote; emits QuestionProgressNoticed',
      'answer: routed|accepted → answer-review by qa.answer of the assignee; records submitter; closes competence+answer; emits QuestionAnswered',
      'rework: answer-review → accepted by qa.check; needs reason; opens answer@assignee; emits QuestionReturnedForRework',
      'publish: answer-review → published by qa.check; actor not-submitter; emits QuestionAnswerPublished',
      'send: answer-review → sent by qa.check; actor not-submitter; emits QuestionAnswerSent',
    ]);
    expect(questionWorkflow.initial).toBe('received');
    expect(Object.entries(questionWorkflow.states).filter(([, s]) => s.clocks).map(([name, s]) => `${name}: ${s.clocks?.join('+')}`)).toEqual([
      'received: classify',
      'routed: competence+answer',
      'accepted: answer',
    ]);
  });
});
