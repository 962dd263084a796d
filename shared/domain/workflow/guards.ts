import { can, type Principal } from '../access/authorize';
import { rulesFor, type Action } from '../access/rules';
import { DomainError, invalidField, type FieldIssue } from '../errors';
import type { LocalizedText } from '../text';
import { participantDid, rolesOf, type ParticipantRole } from './participants';
import type { RequiredInput, TransitionDefinition, TransitionInput, WorkflowAggregate } from './types';

/**
 * One function per guard, each returning the refusal (or nothing). The engine runs them in a fixed
 * order: stale version, permission, state, the actor's relation to the item, required input.
 */

type Transition = TransitionDefinition<string, string>;

export function staleVersion(aggregate: WorkflowAggregate, input: TransitionInput): DomainError | undefined {
  if (input.expectedVersion === undefined || input.expectedVersion === aggregate.version) return undefined;
  const message = {
    vi: `Mục ${aggregate.id} đã thay đổi: phiên bản hiện tại là ${aggregate.version}, không phải ${input.expectedVersion}`,
    en: `Item ${aggregate.id} has changed: its version is ${aggregate.version}, not ${input.expectedVersion}`,
  };
  // 412, as when the same stale If-Match loses at the commit (and as an edit's): RFC 9110 §13.1.1.
  return new DomainError('precondition_failed', message, [
    { field: 'expectedVersion', code: 'stale_version', message },
  ]);
}

/** The unit path the permission is checked on: the owning portal, or the unit the item was sent to. */
export const permissionPath = (aggregate: WorkflowAggregate, transition: Transition): readonly string[] =>
  transition.on === 'assignee' ? (aggregate.assignee?.unitPath ?? []) : aggregate.unitPath;

export function forbidden(
  principal: Principal,
  transition: Transition,
  unitPath: readonly string[],
  now: Date,
): DomainError | undefined {
  const action = transition.permission;
  if (can(principal, action, unitPath, now)) return undefined;
  const unit = unitPath[0] ?? '';
  if (deputyWithoutDelegation(principal, action, unitPath)) {
    return new DomainError('forbidden', {
      vi: `Phó Trưởng ban chỉ được "${action}" đối với đơn vị ${unit} khi có ủy quyền còn hiệu lực của Trưởng ban (CB 17.3b)`,
      en: `A deputy may "${action}" on unit ${unit} only under a live delegation from the chief (CB 17.3b)`,
    });
  }
  return new DomainError('forbidden', {
    vi: `Không có quyền "${action}" đối với đơn vị ${unit}`,
    en: `Not allowed to "${action}" on unit ${unit}`,
  });
}

/** True when the only thing missing is a delegation: a deputy in scope of a delegable rule. */
function deputyWithoutDelegation(principal: Principal, action: Action, unitPath: readonly string[]): boolean {
  if (!principal.roles.includes('deputy-editor')) return false;
  return rulesFor(action).some(
    (rule) =>
      rule.delegable === true &&
      rule.roles.includes('deputy-editor') &&
      (rule.scope === 'own-unit' ? unitPath[0] === principal.unitCode : unitPath.includes(principal.unitCode)),
  );
}

export function illegalState(
  aggregate: WorkflowAggregate,
  action: string,
  transition: Transition,
  names: StateNames,
): DomainError | undefined {
  if (transition.from.includes(aggregate.state)) return undefined;
  const allowed = transition.from.map((s) => `"${s}"`).join(', ');
  return new DomainError('conflict', {
    vi: `Không thể ${transition.label.vi} (${action}) ${names.item.vi} ${aggregate.id} ở trạng thái "${aggregate.state}" (${names.state(aggregate.state).vi}); chỉ được từ: ${allowed}`,
    en: `Cannot ${transition.label.en} (${action}) ${names.item.en} ${aggregate.id} in state "${aggregate.state}" (${names.state(aggregate.state).en}); allowed only from: ${allowed}`,
  });
}

export interface StateNames {
  readonly item: LocalizedText;
  readonly state: (state: string) => LocalizedText;
}

/**
 * Separation of duties (as GOV.UK Whitehall's edition rules): nobody who took part decides on it
 * (participants.ts); and authorship steps are the author's, or a proxy's acting for the board.
 */
export function wrongActor(
  aggregate: WorkflowAggregate,
  transition: Transition,
  principal: Principal,
  now: Date,
): DomainError | undefined {
  if (transition.actor === 'not-participant') {
    const roles = participationOf(aggregate, principal.id);
    if (roles.length > 0) {
      const did = roles.map((r) => participantDid[r]);
      const message = {
        vi: `Phân tách nhiệm vụ: bạn ${did.map((d) => d.vi).join(', ')} nên người khác phải ${transition.label.vi}`,
        en: `Separation of duties: you ${did.map((d) => d.en).join(', ')}, so someone else must ${transition.label.en}`,
      };
      return new DomainError('forbidden', message, [{ field: 'actor', code: 'separation_of_duties', message }]);
    }
  }
  if (transition.actor === 'author' && actingFor(aggregate, transition, principal, now) === false) {
    const message = {
      vi: `Chỉ tác giả (hoặc Thư ký thay mặt Ban Biên tập) mới được ${transition.label.vi}`,
      en: `Only the author (or the secretary acting for the board) may ${transition.label.en}`,
    };
    return new DomainError('forbidden', message, [{ field: 'actor', code: 'not_author', message }]);
  }
  return undefined;
}

/** The roles in which someone took part, the last submitter counted even on items stored before the set existed. */
export function participationOf(aggregate: WorkflowAggregate, id: string): ParticipantRole[] {
  const roles = rolesOf(aggregate.participants, id);
  return aggregate.submittedBy === id && roles.length === 0 ? ['submitter'] : roles;
}

/**
 * For an authorship step: `undefined` when the author takes it, the author's id when a proxy
 * acts for them (recorded as such), `false` when the actor is neither. An item without an author
 * (none recorded) is its last submitter's.
 */
export function actingFor(
  aggregate: WorkflowAggregate,
  transition: Transition,
  principal: Principal,
  now: Date,
): string | undefined | false {
  const author = aggregate.author ?? aggregate.submittedBy;
  if (author === principal.id) return undefined;
  if (transition.proxy !== undefined && can(principal, transition.proxy, aggregate.unitPath, now)) return author ?? '';
  return false;
}

const inputNames: Record<RequiredInput, { field: string; name: LocalizedText }> = {
  comment: { field: 'comment', name: { vi: 'ý kiến', en: 'a comment' } },
  reason: { field: 'reason', name: { vi: 'lý do', en: 'a reason' } },
  publicNote: { field: 'publicNote', name: { vi: 'thông báo công khai', en: 'a public note' } },
  assignee: { field: 'assignTo', name: { vi: 'đơn vị được giao', en: 'the unit to send it to' } },
};

const given = (input: TransitionInput, key: RequiredInput): boolean =>
  key === 'assignee'
    ? input.assignTo !== undefined && input.assignTo.unitPath.length > 0
    : (input[key]?.trim() ?? '') !== '';

/** Every missing input at once, each naming its field, so a form can flag them together. */
export function missingInput(transition: Transition, input: TransitionInput): DomainError | undefined {
  const issues: FieldIssue[] = (transition.requires ?? [])
    .filter((key) => !given(input, key))
    .map((key) => ({
      field: inputNames[key].field,
      code: 'required',
      message: {
        vi: `Cần nêu ${inputNames[key].name.vi} khi ${transition.label.vi}`,
        en: `Give ${inputNames[key].name.en} to ${transition.label.en}`,
      },
    }));
  if (issues.length === 0) return undefined;
  const message = { vi: issues.map((i) => i.message.vi).join('; '), en: issues.map((i) => i.message.en).join('; ') };
  return new DomainError('validation', message, issues);
}

/** An item may only be sent within the owning portal's tree (a province board to any unit below it). */
export function outsidePortal(
  aggregate: WorkflowAggregate,
  transition: Transition,
  input: TransitionInput,
): DomainError | undefined {
  if (transition.assigns !== 'input') return undefined;
  const owner = aggregate.unitPath[0];
  const target = input.assignTo?.unitPath ?? [];
  const [unit] = target; // present: missingInput has run
  if (owner === undefined || target.includes(owner)) return undefined;
  return invalidField(
    'assignTo',
    { vi: `Đơn vị ${unit} không thuộc Cổng của ${owner}`, en: `Unit ${unit} is not within the portal of ${owner}` },
    'outside_portal',
  );
}
