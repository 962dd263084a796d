/**
 * Every key of the single table, in one module. Prefixes are upper-case entity names; ids that
 * come from users are never concatenated without a separator they cannot contain (`#`).
 * Index attributes: gsi1 (owner → time), gsi2 (status/category → time), due (sparse deadlines).
 */
export interface Key {
  pk: string;
  sk: string;
}

const join = (...parts: Array<string | number>) => parts.join('#');

export const keys = {
  idempotency: (scopeHash: string): Key => ({ pk: join('IDEM', scopeHash), sk: 'IDEM' }),

  /** Operator-configured calendar data: one small partition read whole. */
  calendarConfig: () => ({ pk: 'CALENDAR' }),
  calendarSchedule: (year: number): Key => ({ pk: 'CALENDAR', sk: join('SCHEDULE', year) }),
  holidayRule: (id: string): Key => ({ pk: 'CALENDAR', sk: join('RULE', id) }),

  /** Audit entries per scope (a unit code, or PORTAL for portal-wide settings), by time. */
  auditEntry: (scope: string, at: string, id: string): Key => ({ pk: join('AUDIT', scope), sk: join(at, id) }),
  auditOf: (scope: string) => ({ pk: join('AUDIT', scope) }),
  /** gsi1: an actor's audit entries by time. */
  auditByActor: (actorId: string, at: string) => ({ gsi1pk: join('ACTOR', actorId), gsi1sk: at }),

  jobRun: (job: string, finishedAt: string, runId: string): Key => ({
    pk: join('JOB', job),
    sk: join('RUN', finishedAt, runId),
  }),
  jobRunsOf: (job: string) => ({ pk: join('JOB', job), skPrefix: 'RUN#' }),
  /** gsi1: every job's runs by time, for the operators' overview. */
  jobRunsByTime: (finishedAt?: string, job?: string) => ({
    gsi1pk: 'JOBRUNS',
    ...(finishedAt ? { gsi1sk: join(finishedAt, job ?? '') } : {}),
  }),
} as const;
