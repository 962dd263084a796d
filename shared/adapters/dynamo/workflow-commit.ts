import { pendingEvent, type EventDetail, type PendingEvent } from '../../../events/catalogue';
import type { ClockClose, ClockOpen, TransitionPlan } from '../../domain/workflow';
import { keys, type Key } from './keys';
import type { Work, WriteAction } from './unit-of-work';

/**
 * Turns a workflow plan (shared/domain/workflow `decide()`) into one unit of work: the item's
 * conditional update, its audit entry, the work items of the clocks it opens and closes, and its
 * event. Committed together, a transition happens whole or not at all, and of two transitions
 * from the same version exactly one commits.
 */
export interface PlanWriteOptions {
  readonly tableName: string;
  /** The key of the item the plan changes (its `state` and `version` attributes are the guard). */
  readonly itemKey: Key;
  /** The due instant (ISO) of a clock the plan opens: the caller counts it on the working calendar. */
  readonly dueOf: (open: ClockOpen<string>) => string;
  /** The client named the version (If-Match): a lost race is then a 412, not a 409 (default: as the plan says). */
  readonly ifMatch?: boolean;
  /** The open work's title for the people who must act (default: the item's type and id). */
  readonly title?: string;
  /** Attributes the owning area sets on the item in the same update (content: its listing keys, publication fields). */
  readonly extraSet?: Readonly<Record<string, unknown>>;
  /** Attributes it removes (e.g. the sparse due index's key once the item is published). */
  readonly extraRemove?: readonly string[];
}

export function workOfPlan(plan: TransitionPlan<string, string, string>, options: PlanWriteOptions): Required<Work> {
  const trail = trailOfPlan(plan, options);
  return { ...trail, actions: [itemUpdate(plan, options), ...trail.actions] };
}

/**
 * What a plan writes besides the item itself: the work items of the clocks it opens and closes, its
 * audit entry and its event (for a step taken on an item created in the same transaction).
 */
export function trailOfPlan(
  plan: TransitionPlan<string, string, string>,
  options: Omit<PlanWriteOptions, 'itemKey'>,
): Required<Work> {
  const { tableName } = options;
  const title = options.title ?? `${plan.aggregate.type} ${plan.aggregate.id}`;
  return {
    actions: [
      // The owner (the audit scope: the item's portal) travels on the work item, for whoever escalates it.
      ...plan.work.open.map((open) =>
        openClockWork(tableName, { ...plan.aggregate, owner: plan.audit.scope }, open, options.dueOf(open), title),
      ),
      ...plan.work.close.map((close) => closeClockWork(tableName, plan.aggregate, close)),
    ],
    audits: [plan.audit],
    events: plan.events.map(
      (e): PendingEvent =>
        pendingEvent('WorkflowTransitioned', {
          key: e.id,
          event: e.name,
          ...e.detail,
        } as EventDetail<'WorkflowTransitioned'>),
    ),
  };
}

/** Sets the plan's next workflow fields where the item is still in `from` at `expectedVersion`. */
function itemUpdate(plan: TransitionPlan<string, string, string>, options: PlanWriteOptions): WriteAction {
  const { next } = plan;
  const set = ['#state = :to', '#version = :next', '#openClocks = :openClocks', '#participants = :participants'];
  const remove: string[] = [];
  const values: Record<string, unknown> = {
    ':to': next.state,
    ':next': next.version,
    ':openClocks': next.openClocks,
    ':participants': next.participants,
    ':from': plan.from,
    ':expected': plan.expectedVersion,
  };
  for (const field of ['submittedBy', 'assignee'] as const) {
    const value = next[field];
    if (value === undefined) remove.push(`#${field}`);
    else {
      set.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  const names: Record<string, string> = {
    '#state': 'state',
    '#version': 'version',
    '#openClocks': 'openClocks',
    '#participants': 'participants',
    '#submittedBy': 'submittedBy',
    '#assignee': 'assignee',
  };
  Object.entries(options.extraSet ?? {}).forEach(([name, value], i) => {
    set.push(`#x${i} = :x${i}`);
    names[`#x${i}`] = name;
    values[`:x${i}`] = value;
  });
  (options.extraRemove ?? []).forEach((name, i) => {
    remove.push(`#r${i}`);
    names[`#r${i}`] = name;
  });
  const { type, id } = plan.aggregate;
  const ifMatch = options.ifMatch ?? plan.versionFromClient;
  const message = ifMatch
    ? {
        vi: `${type} ${id} đã thay đổi từ phiên bản ${plan.expectedVersion} bạn đã xem`,
        en: `${type} ${id} changed since version ${plan.expectedVersion} you saw`,
      }
    : {
        vi: `${type} ${id} vừa được người khác thay đổi; hãy tải lại và thử lại`,
        en: `${type} ${id} was just changed by someone else; reload and try again`,
      };
  return {
    item: {
      Update: {
        TableName: options.tableName,
        Key: options.itemKey,
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: '#state = :from AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConflict: ifMatch
      ? { code: 'precondition_failed', message, field: 'expectedVersion' }
      : { code: 'conflict', message },
  };
}

type AggregateRef = {
  readonly type: string;
  readonly id: string;
  /** The unit owning the item (its portal), kept on the work item: an escalation names it without reading the item. */
  readonly owner?: string;
};

/**
 * Opens the work item of a clock (also for an item created with clocks running): listed for its
 * unit and assignee (gsi2, gsi1) and, by due instant, for the escalation sweep (due index), all
 * three only while it is open. A clock that ran before is reopened in place; one running refuses.
 */
export function openClockWork(
  tableName: string,
  aggregate: AggregateRef,
  open: ClockOpen<string>,
  dueAt: string,
  title: string,
): WriteAction {
  const workId = keys.workflowClockWorkId(aggregate.type, aggregate.id, open.clock);
  const { unitCode, personId } = open.assignee;
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.work(workId),
          type: 'WorkAssignment',
          workId,
          kind: `${aggregate.type}.${open.clock}`,
          title,
          unitCode,
          ...(personId !== undefined && { assigneeId: personId }),
          openedAt: open.startedAt,
          status: 'open',
          aggregateType: aggregate.type,
          aggregateId: aggregate.id,
          ...(aggregate.owner !== undefined && { owner: aggregate.owner }),
          clock: open.clock,
          policy: open.policy,
          basis: open.basis,
          ...keys.openWorkOfUnit(unitCode, open.startedAt, workId),
          ...(personId !== undefined && keys.openWorkOfAssignee(personId, open.startedAt, workId)),
          ...keys.openWorkDue(aggregate.type, keys.workDueShardOf(workId), dueAt),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :done',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done' },
      },
    },
    onConflict: {
      message: {
        vi: `Thời hạn "${open.clock}" của ${aggregate.id} đang chạy`,
        en: `The "${open.clock}" clock of ${aggregate.id} is running already`,
      },
    },
  };
}

/** Moves the due instant of a clock's open work item (a progress notice names when the answer comes). */
export function moveClockDue(tableName: string, aggregate: AggregateRef, clock: string, dueAt: string): WriteAction {
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: keys.work(keys.workflowClockWorkId(aggregate.type, aggregate.id, clock)),
        UpdateExpression: 'SET dueAt = :due',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':due': dueAt, ':open': 'open' },
      },
    },
    onConflict: {
      message: {
        vi: `Thời hạn trả lời của ${aggregate.id} không còn mở`,
        en: `The ${clock} clock of ${aggregate.id} is not open`,
      },
    },
  };
}

/** Closes a clock's work item if open, taking it off every open-work and due listing. */
function closeClockWork(tableName: string, aggregate: AggregateRef, close: ClockClose<string>): WriteAction {
  const workId = keys.workflowClockWorkId(aggregate.type, aggregate.id, close.clock);
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: keys.work(workId),
        UpdateExpression: 'SET #status = :done, closedAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk, duePk, dueAt',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':open': 'open', ':at': close.closedAt },
      },
    },
    onConflict: {
      message: {
        vi: `Thời hạn "${close.clock}" của ${aggregate.id} không còn mở`,
        en: `The "${close.clock}" clock of ${aggregate.id} is not open`,
      },
    },
  };
}
