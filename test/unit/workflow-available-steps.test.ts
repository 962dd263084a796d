import { describe, expect, it } from 'vitest';
import { contentWorkflow } from '../../shared/domain/workflow';
import { type AvailableStep, availableSteps } from '../../shared/domain/workflow/available';
import { chief, item, now, person, reporter, secretary } from '../support/workflow-fixtures';

/**
 * The steps a console offers on an item: those leaving its state, each with whether this caller may
 * take it now (the same permission and separation-of-duties guards `decide()` runs) and, if not, why.
 */
const byAction = (steps: readonly AvailableStep[]) => Object.fromEntries(steps.map((s) => [s.action, s]));

describe('the steps of an item awaiting the chief’s decision (CB 17.3a–b)', () => {
  const pending = item({ state: 'pending-decision' });

  it('are the steps that leave that state, in the table’s order, with their labels and inputs', () => {
    const steps = availableSteps(contentWorkflow, pending, chief, now);
    expect(steps.map((s) => s.action)).toEqual(['send-back', 'approve', 'reject', 'emergency-publish']);
    const { approve, reject } = byAction(steps);
    expect(approve?.label).toEqual({ vi: 'duyệt', en: 'approve' });
    expect(approve?.requires).toEqual([]);
    expect(reject?.requires).toEqual(['reason']);
    expect(byAction(steps)['send-back']?.requires).toEqual(['comment']);
  });

  it('are allowed to the chief without a reason, except what only the secretary may do', () => {
    const steps = byAction(availableSteps(contentWorkflow, pending, chief, now));
    expect(steps.approve).toStrictEqual({
      action: 'approve',
      label: { vi: 'duyệt', en: 'approve' },
      allowed: true,
      requires: [],
    });
    expect(steps.reject?.allowed).toBe(true);
    expect(steps['emergency-publish']?.allowed).toBe(false);
    expect(steps['emergency-publish']?.reason?.en).toBe('Not allowed to "content.publish" on unit demo');
  });

  it('are refused to someone without the permission, saying which', () => {
    const steps = byAction(availableSteps(contentWorkflow, pending, reporter, now));
    expect(steps.approve?.allowed).toBe(false);
    expect(steps.approve?.reason).toEqual({
      vi: 'Không có quyền "content.approve" đối với đơn vị demo',
      en: 'Not allowed to "content.approve" on unit demo',
    });
  });

  it('are refused to a chief who took part in the item (separation of duties), saying why', () => {
    const own = item({ state: 'pending-decision', participants: [{ id: 'chief', role: 'submitter' }] });
    const steps = byAction(availableSteps(contentWorkflow, own, chief, now));
    expect(steps.approve?.allowed).toBe(false);
    expect(steps.approve?.reason?.en).toBe('Separation of duties: you submitted this, so someone else must approve');
    // Sending back asks no separation: the chief who submitted it may still return it for editing.
    expect(steps['send-back']?.allowed).toBe(true);
  });

  it('leave out the steps the caller asks to hide (the scheduler’s own release, for a console)', () => {
    const steps = availableSteps(contentWorkflow, pending, chief, now, ['emergency-publish', 'reject']);
    expect(steps.map((s) => s.action)).toEqual(['send-back', 'approve']);
  });
});

describe('the steps of other states', () => {
  it('offer the secretary intake of a submitted item, and its recall for the author', () => {
    const steps = availableSteps(contentWorkflow, item({ state: 'submitted' }), secretary, now);
    expect(steps.map((s) => s.action)).toEqual(['recall', 'accept', 'return', 'assign', 'reject', 'emergency-publish']);
    const allowed = steps.filter((s) => s.allowed).map((s) => s.action);
    // The secretary takes the item in, and may recall it acting for the board (CB 17.3c); the chief rejects.
    expect(allowed).toEqual(['recall', 'accept', 'return', 'assign', 'emergency-publish']);
  });

  it('refuse the recall to a colleague who is not the author, saying who may', () => {
    const steps = byAction(
      availableSteps(contentWorkflow, item({ state: 'submitted' }), person('other', ['reporter']), now),
    );
    expect(steps.recall?.allowed).toBe(false);
    expect(steps.recall?.reason?.en).toBe('Only the author (or the secretary acting for the board) may recall');
    expect(byAction(availableSteps(contentWorkflow, item({ state: 'submitted' }), reporter, now)).recall?.allowed).toBe(
      true,
    );
  });

  it('offer nothing from an archived item', () => {
    expect(availableSteps(contentWorkflow, item({ state: 'archived' }), person('op', ['operator']), now)).toEqual([]);
  });
});
