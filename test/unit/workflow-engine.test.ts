import { describe, expect, it } from 'vitest';
import { contentWorkflow, decide, questionWorkflow, type TransitionInput } from '../../shared/domain/workflow';
import { decideCreation } from '../../shared/domain/workflow/engine';

import {
  accepted,
  at,
  chief,
  ctx,
  delegation,
  editor,
  item,
  officer,
  person,
  question,
  refused,
  reporter,
  secretary,
  sotttt,
} from '../support/workflow-fixtures';

describe('decide: an accepted action returns the whole plan', () => {
  it('approves: next state and version, audit entry, publication clock, one event', () => {
    const plan = accepted(
      decide(
        contentWorkflow,
        item({ publishPolicy: 'publish.legalDocument' }),
        'approve',
        { comment: '  Đồng ý  ' },
        ctx(chief),
      ),
    );
    expect(plan).toMatchObject({
      aggregate: { type: 'ContentItem', id: 'c1' },
      action: 'approve',
      from: 'pending-decision',
      to: 'approved',
      expectedVersion: 4,
      versionFromClient: false,
      nextVersion: 5,
      notes: { comment: 'Đồng ý' },
    });
    expect(plan.next).toStrictEqual({
      state: 'approved',
      version: 5,
      submittedBy: 'reporter',
      openClocks: ['publication'],
      participants: [{ id: 'reporter', role: 'submitter' }],
    });
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
    const assigned = accepted(
      decide(contentWorkflow, item({ assignee: { unitPath: sotttt, personId: 'officer' } }), 'approve', {}, ctx(chief)),
    );
    expect(assigned.work.open[0]?.assignee).toStrictEqual({ unitCode: 'demo' });
    // Input that a transition does not use is ignored, wherever it points.
    expect(
      accepted(decide(contentWorkflow, item(), 'approve', { assignTo: { unitPath: ['soyt', 'other'] } }, ctx(chief)))
        .next,
    ).not.toHaveProperty('assignee');
  });

  it('records the submitter on submit, and carries reason and public note (never the comment) in the event', () => {
    const plan = accepted(
      decide(
        contentWorkflow,
        item({ state: 'draft', submittedBy: undefined, author: 'reporter' }),
        'submit',
        {},
        ctx(reporter),
      ),
    );
    expect(plan.next).toStrictEqual({
      state: 'submitted',
      version: 5,
      submittedBy: 'reporter',
      openClocks: [],
      participants: [{ id: 'reporter', role: 'submitter' }],
    });
    const returned = accepted(
      decide(contentWorkflow, item(), 'reject', { reason: ' Thiếu nguồn ', comment: 'nội bộ' }, ctx(chief)),
    );
    expect(returned.events[0]?.detail).toMatchObject({ reason: 'Thiếu nguồn' });
    expect(returned.events[0]?.detail).not.toHaveProperty('comment');
    expect(returned.events[0]?.detail).not.toHaveProperty('publicNote');
    expect(returned.audit.after).toStrictEqual({
      state: 'rejected',
      version: 5,
      assignedTo: null,
      reason: 'Thiếu nguồn',
      comment: 'nội bộ',
    });
    const withdrawn = accepted(
      decide(contentWorkflow, item({ state: 'published' }), 'withdraw', { publicNote: 'Gỡ do sai sót' }, ctx(chief)),
    );
    expect(withdrawn.events[0]?.detail).toMatchObject({ publicNote: 'Gỡ do sai sót' });
    expect(withdrawn.events[0]?.detail).not.toHaveProperty('reason');
    // The reason a question is refused is for the asker: it travels; the internal comment does not.
    const refusedQuestion = accepted(
      decide(
        questionWorkflow,
        question(),
        'refuse',
        { reason: 'Nội dung khiếu nại', comment: 'nội bộ' },
        ctx(secretary),
      ),
    );
    expect(refusedQuestion.events[0]?.detail).toMatchObject({ reason: 'Nội dung khiếu nại' });
    expect(refusedQuestion.events[0]?.detail).not.toHaveProperty('comment');
    expect(refusedQuestion.next).toStrictEqual({ state: 'refused', version: 2, openClocks: [], participants: [] });
    expect(refusedQuestion.notes).toStrictEqual({ reason: 'Nội dung khiếu nại', comment: 'nội bộ' });
    expect(refusedQuestion.work.close).toEqual([{ clock: 'classify', closedAt: at }]);
  });

  it('closes only running clocks: publishing an item whose clock is not open closes nothing', () => {
    const running = accepted(
      decide(contentWorkflow, item({ state: 'scheduled', openClocks: ['publication'] }), 'publish', {}, ctx(secretary)),
    );
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

describe('one decision per step, creation as the initial step', () => {
  it('tells the context of every decision, accepted or refused', () => {
    const decided: string[] = [];
    const counting = { ...ctx(chief), onDecide: (action: string) => void decided.push(action) };
    accepted(decide(contentWorkflow, item(), 'approve', {}, counting));
    refused(decide(contentWorkflow, item(), 'publish', {}, counting));
    refused(decide(contentWorkflow, item(), 'nothing' as never, {}, counting));
    expect(decided).toEqual(['approve', 'publish', 'nothing']);
  });

  it('plans asking a question: received at version 1, the classify clock at the portal, the fact of asking audited by the anonymous asker', () => {
    const decided: string[] = [];
    const asked = decideCreation(
      questionWorkflow,
      'ask',
      question({ state: 'received', version: 1, openClocks: [] }),
      { now: new Date(at), requestId: 'req-2', onDecide: (a) => void decided.push(a) },
      {
        actor: { id: 'asker', kind: 'anonymous' },
        after: { field: 'land-environment' },
      },
    );
    expect(decided).toEqual(['ask']);
    expect(asked).toStrictEqual({
      aggregate: { type: 'Question', id: 'q1' },
      action: 'ask',
      next: { state: 'received', version: 1, openClocks: ['classify'] },
      audit: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        at,
        scope: 'demo',
        actor: { id: 'asker', kind: 'anonymous' },
        action: 'question.ask',
        target: { type: 'Question', id: 'q1' },
        before: null,
        after: { state: 'received', version: 1, field: 'land-environment' },
        requestId: 'req-2',
      },
      work: {
        open: [
          { clock: 'classify', policy: 'qa.classify', basis: 'BĐ 12.3', assignee: { unitCode: 'demo' }, startedAt: at },
        ],
        close: [],
      },
      event: { id: 'Question#q1#1', name: 'QuestionReceived' },
    });
  });

  it('plans creating an item as its author, with no clock, and knows no other initial step', () => {
    const created = decideCreation(
      contentWorkflow,
      'create',
      item({ state: 'draft', version: 1, submittedBy: undefined }),
      ctx(reporter),
    );
    expect(created.audit).toMatchObject({
      actor: { id: 'reporter', kind: 'user' },
      action: 'content.create',
      before: null,
      after: { state: 'draft', version: 1 },
    });
    expect(created.work.open).toEqual([]);
    expect(created.next).toEqual({ state: 'draft', version: 1, openClocks: [] });
    expect(created.event).toEqual({ id: 'ContentItem#c1#1', name: 'ContentItemCreated' });
    expect(
      decideCreation(contentWorkflow, 'create', item(), { now: new Date(at), requestId: 'r' }).audit.actor,
    ).toEqual({ id: '', kind: 'anonymous' });
    expect(() => decideCreation(contentWorkflow, 'ask', item(), ctx(reporter))).toThrow(
      'Workflow content has no initial step "ask"',
    );
    expect(() => decideCreation(contentWorkflow, 'toString', item(), ctx(reporter))).toThrow();
  });
});

describe('decide: Q&A routing, clocks and assignment', () => {
  const toSotttt: TransitionInput = { assignTo: { unitPath: sotttt } };

  it('routes to a unit: closes the classify clock, opens the answer and return clocks at that unit', () => {
    const plan = accepted(decide(questionWorkflow, question(), 'route', toSotttt, ctx(secretary)));
    expect(plan.next).toStrictEqual({
      state: 'routed',
      version: 2,
      assignee: { unitPath: sotttt },
      openClocks: ['answer', 'return'],
      participants: [],
    });
    expect(plan.audit.action).toBe('question.route');
    expect(plan.work.close).toEqual([{ clock: 'classify', closedAt: at }]);
    expect(plan.work.open).toStrictEqual([
      {
        clock: 'answer',
        policy: 'qa.answer',
        basis: 'BĐ 12.4; CB 11.4',
        assignee: { unitCode: 'sotttt' },
        startedAt: at,
      },
      {
        clock: 'return',
        policy: 'qa.returnOutOfScope',
        basis: 'BĐ 12.5',
        assignee: { unitCode: 'sotttt' },
        startedAt: at,
      },
    ]);
    expect(plan.audit.after).toEqual({ state: 'routed', version: 2, assignedTo: 'sotttt' });
    expect(plan.events[0]).toMatchObject({
      id: 'Question#q1#2',
      name: 'QuestionRouted',
      detail: { assignedTo: 'sotttt' },
    });
  });

  it('gives a complex question the longer answer clock, and names the person it was assigned to', () => {
    const plan = accepted(
      decide(
        questionWorkflow,
        question({ complex: true }),
        'route',
        { assignTo: { unitPath: sotttt, personId: 'officer' } },
        ctx(secretary),
      ),
    );
    expect(plan.work.open[0]).toMatchObject({
      policy: 'qa.answerComplex',
      assignee: { unitCode: 'sotttt', personId: 'officer' },
    });
    // Without a person, the work sits with the unit: no empty person.
    const unitOnly = accepted(
      decide(questionWorkflow, question(), 'route', { assignTo: { unitPath: sotttt } }, ctx(secretary)),
    );
    expect(unitOnly.work.open[1]?.assignee).toStrictEqual({ unitCode: 'sotttt' });
  });

  it('lets the assigned unit, not the board, return an out-of-scope question; it goes back to the board', () => {
    const routed = question({ state: 'routed', assignee: { unitPath: sotttt }, openClocks: ['answer', 'return'] });
    const plan = accepted(
      decide(questionWorkflow, routed, 'return', { reason: 'Không thuộc thẩm quyền' }, ctx(officer)),
    );
    expect(plan.next).toStrictEqual({ state: 'returned', version: 2, openClocks: ['classify'], participants: [] });
    expect(plan.work.close.map((c) => c.clock)).toEqual(['answer', 'return']);
    expect(plan.work.open).toEqual([
      { clock: 'classify', policy: 'qa.classify', basis: 'BĐ 12.3', assignee: { unitCode: 'demo' }, startedAt: at },
    ]);
    expect(plan.audit.before).toEqual({ state: 'routed', version: 1, assignedTo: 'sotttt' });
    expect(
      refused(decide(questionWorkflow, routed, 'return', { reason: 'x' }, ctx(person('o2', ['unit-officer'])))),
    ).toMatchObject({
      code: 'forbidden',
      messages: {
        vi: 'Không có quyền "qa.answer" đối với đơn vị sotttt',
        en: 'Not allowed to "qa.answer" on unit sotttt',
      },
    });
  });

  it('refuses an assignee-side action on an item assigned to nobody', () => {
    const error = refused(decide(questionWorkflow, question({ state: 'routed' }), 'answer', {}, ctx(officer)));
    expect(error.messages).toEqual({
      vi: 'Không có quyền "qa.answer" đối với đơn vị ',
      en: 'Not allowed to "qa.answer" on unit ',
    });
  });

  it('records who drafted the answer, and keeps the assignee when the board returns it for rework', () => {
    const routed = question({ state: 'routed', assignee: { unitPath: sotttt }, openClocks: ['answer', 'return'] });
    const answered = accepted(decide(questionWorkflow, routed, 'answer', {}, ctx(officer)));
    expect(answered.next).toStrictEqual({
      state: 'answered',
      version: 2,
      submittedBy: 'officer',
      assignee: { unitPath: sotttt },
      openClocks: [],
      participants: [{ id: 'officer', role: 'answerer' }],
    });
    const review = question({
      state: 'answered',
      submittedBy: 'officer',
      assignee: { unitPath: sotttt },
      openClocks: [],
    });
    const rework = accepted(
      decide(questionWorkflow, review, 'return-answer', { comment: 'Dẫn sai văn bản' }, ctx(chief)),
    );
    expect(rework.work.open).toEqual([
      {
        clock: 'answer',
        policy: 'qa.answer',
        basis: 'BĐ 12.4; CB 11.4',
        assignee: { unitCode: 'sotttt' },
        startedAt: at,
      },
    ]);
  });
});

describe('guards, each refused and allowed', () => {
  it('refuses an action the workflow does not have, naming it', () => {
    const error = refused(decide(contentWorkflow, item(), 'fly' as never, {}, ctx(chief)));
    const message = { vi: 'Quy trình content không có thao tác "fly"', en: 'Workflow content has no action "fly"' };
    expect(error).toMatchObject({
      code: 'validation',
      messages: message,
      fields: [{ field: 'action', code: 'unknown_action', message }],
    });
    // Inherited object keys are not actions.
    expect(refused(decide(contentWorkflow, item(), 'toString' as never, {}, ctx(chief))).code).toBe('validation');
  });

  it('refuses a stale version (If-Match) as a failed precondition, accepts the current one', () => {
    const error = refused(decide(contentWorkflow, item(), 'approve', { expectedVersion: 3 }, ctx(chief)));
    const message = {
      vi: 'Mục c1 đã thay đổi: phiên bản hiện tại là 4, không phải 3',
      en: 'Item c1 has changed: its version is 4, not 3',
    };
    expect(error).toMatchObject({
      code: 'precondition_failed',
      messages: message,
      fields: [{ field: 'expectedVersion', code: 'stale_version', message }],
    });
    // The plan remembers that the client named the version: a lost race is then a stale version too.
    expect(
      accepted(decide(contentWorkflow, item(), 'approve', { expectedVersion: 4 }, ctx(chief))).versionFromClient,
    ).toBe(true);
  });

  it('asks the rule table: roles and unit scope', () => {
    for (const who of [editor, secretary, reporter, person('other-chief', ['chief-editor'], 'sotttt')]) {
      const error = refused(decide(contentWorkflow, item(), 'approve', {}, ctx(who)));
      expect(error).toMatchObject({
        code: 'forbidden',
        messages: {
          vi: 'Không có quyền "content.approve" đối với đơn vị demo',
          en: 'Not allowed to "content.approve" on unit demo',
        },
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
    expect(
      refused(decide(contentWorkflow, item(), 'approve', {}, ctx(person('deputy', ['deputy-editor'])))),
    ).toMatchObject(needsDelegation);
    expect(
      refused(decide(contentWorkflow, item(), 'approve', {}, ctx(deputy, new Date('2026-04-01T00:00:00Z')))),
    ).toMatchObject(needsDelegation);
    expect(
      refused(
        decide(
          contentWorkflow,
          item(),
          'approve',
          {},
          ctx({ ...deputy, delegations: [{ ...delegation, revokedAt: '2026-03-05T00:00:00Z' }] }),
        ),
      ),
    ).toMatchObject(needsDelegation);
    // A deputy of another unit lacks scope, not a delegation; a non-delegable action is a plain refusal.
    const elsewhere = refused(
      decide(contentWorkflow, item(), 'approve', {}, ctx(person('deputy', ['deputy-editor'], 'sotttt'))),
    );
    expect(elsewhere.messages.en).toBe('Not allowed to "content.approve" on unit demo');
    const notDelegable = refused(decide(contentWorkflow, item({ state: 'submitted' }), 'accept', {}, ctx(deputy)));
    expect(notDelegable.messages.en).toBe('Not allowed to "content.intake" on unit demo');
    // Deciding is for the portal's own board: a province deputy has no say on a department's portal.
    const above = refused(
      decide(contentWorkflow, item({ unitPath: sotttt }), 'approve', {}, ctx(person('deputy', ['deputy-editor']))),
    );
    expect(above.messages.en).toBe('Not allowed to "content.approve" on unit sotttt');
    // The board's check of an answer is delegable too.
    const qaDeputy = person('deputy', ['deputy-editor'], 'demo');
    const review = question({
      state: 'answered',
      submittedBy: 'officer',
      assignee: { unitPath: sotttt },
      openClocks: [],
    });
    expect(refused(decide(questionWorkflow, review, 'approve-answer', {}, ctx(qaDeputy))).messages.en).toBe(
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
      'Cannot archive (archive) content item c1 in state "draft" (Draft); allowed only from: "published", "withdrawn", "rejected", "recalled"',
    );
    const unknownState = refused(decide(contentWorkflow, item({ state: 'lost' as never }), 'approve', {}, ctx(chief)));
    expect(unknownState.messages.vi).toBe(
      'Không thể duyệt (approve) tin, bài c1 ở trạng thái "lost" (lost); chỉ được từ: "pending-decision"',
    );
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
    expect(refused(decide(contentWorkflow, own, 'reject', { reason: 'x' }, ctx(chief))).messages.en).toBe(
      'Separation of duties: you submitted this, so someone else must reject',
    );
    // Sending back for editing is not a decision on publication: allowed.
    expect(decide(contentWorkflow, own, 'send-back', { comment: 'Sửa tít' }, ctx(chief)).ok).toBe(true);
    expect(decide(contentWorkflow, item({ submittedBy: undefined }), 'approve', {}, ctx(chief)).ok).toBe(true);
    const review = question({
      state: 'answered',
      submittedBy: 'chief',
      assignee: { unitPath: sotttt },
      openClocks: [],
    });
    expect(refused(decide(questionWorkflow, review, 'approve-answer', {}, ctx(chief))).messages.en).toBe(
      'Separation of duties: you submitted this, so someone else must approve the answer',
    );
  });

  it('lets only the author recall and submit, or the secretary acting for the board, recorded as such', () => {
    const submitted = item({ state: 'submitted', author: 'reporter' });
    expect(decide(contentWorkflow, submitted, 'recall', {}, ctx(reporter)).ok).toBe(true);
    const error = refused(decide(contentWorkflow, submitted, 'recall', {}, ctx(person('reporter2', ['reporter']))));
    expect(error).toMatchObject({
      code: 'forbidden',
      messages: {
        vi: 'Chỉ tác giả (hoặc Thư ký thay mặt Ban Biên tập) mới được rút lại',
        en: 'Only the author (or the secretary acting for the board) may recall',
      },
      fields: [{ field: 'actor', code: 'not_author' }],
    });
    expect(
      refused(
        decide(contentWorkflow, item({ state: 'submitted', submittedBy: undefined }), 'recall', {}, ctx(reporter)),
      ).code,
    ).toBe('forbidden');
    // A colleague cannot take a draft over, or re-submit a returned item, even after submitting it once.
    const draft = item({ state: 'draft', author: 'reporter', submittedBy: undefined });
    expect(
      refused(decide(contentWorkflow, draft, 'submit', {}, ctx(person('reporter2', ['reporter'])))).fields[0],
    ).toMatchObject({ code: 'not_author' });
    const returned = item({ state: 'returned', author: 'reporter', submittedBy: 'reporter2' });
    expect(
      refused(decide(contentWorkflow, returned, 'submit', {}, ctx(person('reporter2', ['reporter'])))).fields[0],
    ).toMatchObject({ code: 'not_author' });
    const own = accepted(decide(contentWorkflow, draft, 'submit', {}, ctx(reporter)));
    expect(own.audit.after).not.toHaveProperty('onBehalfOf');
    // The secretary acts for the board: the step names whom for, in the audit entry and the event.
    const proxied = accepted(decide(contentWorkflow, draft, 'submit', {}, ctx(secretary)));
    expect(proxied.audit.after).toMatchObject({ onBehalfOf: 'reporter' });
    expect(proxied.events[0]?.detail).toMatchObject({ onBehalfOf: 'reporter', actor: { id: 'secretary' } });
    expect(proxied.next.participants).toEqual([{ id: 'secretary', role: 'submitter' }]);
    // A secretary of another unit is no proxy here.
    expect(
      refused(decide(contentWorkflow, draft, 'submit', {}, ctx(person('sec2', ['secretary'], 'sotttt')))).code,
    ).toBe('forbidden');
  });

  it('bars every participant from deciding, naming what they did, and keeps the set growing', () => {
    const edited = item({
      submittedBy: 'reporter',
      participants: [
        { id: 'chief', role: 'proposer' },
        { id: 'chief', role: 'contributor' },
      ],
    });
    const error = refused(decide(contentWorkflow, edited, 'approve', {}, ctx(chief)));
    expect(error).toMatchObject({ code: 'forbidden', fields: [{ field: 'actor', code: 'separation_of_duties' }] });
    expect(error.messages.en).toBe(
      'Separation of duties: you proposed it for decision, are one of its co-authors, so someone else must approve',
    );
    expect(decide(contentWorkflow, edited, 'approve', {}, ctx(person('chief2', ['chief-editor']))).ok).toBe(true);
    // Sending back is not a decision on publication.
    expect(decide(contentWorkflow, edited, 'send-back', { comment: 'Sửa' }, ctx(chief)).ok).toBe(true);
    const proposed = accepted(
      decide(
        contentWorkflow,
        item({ state: 'editing', participants: [{ id: 'reporter', role: 'creator' }] }),
        'propose',
        {},
        ctx(editor),
      ),
    );
    expect(proposed.next.participants).toEqual([
      { id: 'reporter', role: 'creator' },
      { id: 'editor', role: 'proposer' },
    ]);
  });

  it('requires the texts an action needs, naming each field; blank is missing', () => {
    for (const reason of [undefined, '', '   ']) {
      const error = refused(
        decide(contentWorkflow, item(), 'reject', reason === undefined ? {} : { reason }, ctx(chief)),
      );
      const message = { vi: 'Cần nêu lý do khi không duyệt', en: 'Give a reason to reject' };
      expect(error).toMatchObject({
        code: 'validation',
        messages: message,
        fields: [{ field: 'reason', code: 'required', message }],
      });
    }
    expect(decide(contentWorkflow, item(), 'reject', { reason: 'Trùng lặp' }, ctx(chief)).ok).toBe(true);
    expect(refused(decide(contentWorkflow, item(), 'send-back', {}, ctx(chief))).fields[0]).toMatchObject({
      field: 'comment',
      code: 'required',
    });
    expect(refused(decide(questionWorkflow, question(), 'refuse', {}, ctx(secretary))).fields[0]).toEqual({
      field: 'reason',
      code: 'required',
      message: { vi: 'Cần nêu lý do khi từ chối tiếp nhận', en: 'Give a reason to refuse' },
    });
  });

  it('requires a unit to route to, within the portal', () => {
    for (const input of [{}, { assignTo: { unitPath: [] } }]) {
      expect(refused(decide(questionWorkflow, question(), 'route', input, ctx(secretary))).fields).toEqual([
        {
          field: 'assignTo',
          code: 'required',
          message: {
            vi: 'Cần nêu đơn vị được giao khi chuyển đơn vị trả lời',
            en: 'Give the unit to send it to to route to a unit',
          },
        },
      ]);
    }
    const outside = refused(
      decide(questionWorkflow, question(), 'route', { assignTo: { unitPath: ['soyt', 'other'] } }, ctx(secretary)),
    );
    const message = { vi: 'Đơn vị soyt không thuộc Cổng của demo', en: 'Unit soyt is not within the portal of demo' };
    expect(outside).toMatchObject({
      code: 'validation',
      messages: message,
      fields: [{ field: 'assignTo', code: 'outside_portal', message }],
    });
    // A department's own board may send a question only below the department.
    const departmentBoard = question({ unitPath: sotttt });
    const sec = person('sec2', ['secretary'], 'sotttt');
    expect(
      refused(decide(questionWorkflow, departmentBoard, 'route', { assignTo: { unitPath: ['demo'] } }, ctx(sec)))
        .fields[0]?.code,
    ).toBe('outside_portal');
    expect(decide(questionWorkflow, departmentBoard, 'route', { assignTo: { unitPath: sotttt } }, ctx(sec)).ok).toBe(
      true,
    );
  });

  it('checks in order: version, permission, state, actor, input, portal', () => {
    const own = item({ state: 'draft', submittedBy: 'chief' });
    expect(refused(decide(contentWorkflow, own, 'reject', { expectedVersion: 1 }, ctx(editor))).code).toBe(
      'precondition_failed',
    );
    expect(refused(decide(contentWorkflow, own, 'reject', {}, ctx(editor))).code).toBe('forbidden');
    expect(refused(decide(contentWorkflow, own, 'reject', {}, ctx(chief))).messages.en).toMatch(/^Cannot reject/);
    expect(
      refused(decide(contentWorkflow, { ...own, state: 'pending-decision' }, 'reject', {}, ctx(chief))).messages.en,
    ).toMatch(/^Separation of duties/);
    expect(refused(decide(contentWorkflow, item(), 'reject', {}, ctx(chief))).code).toBe('validation');
  });
});
