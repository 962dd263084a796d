import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { pageOf } from '../../shared/api/common-schemas';
import { auditQuery, jobRunsQuery } from './schemas';

const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  scope: z.string(),
  actor: z.object({ id: z.string(), kind: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string(),
});
const jobRunSchema = z.looseObject({ job: z.string(), runId: z.string(), trigger: z.enum(['schedule', 'manual']) });
const jobOverviewSchema = z.object({
  at: z.string(),
  items: z.array(
    z.object({
      job: z.string(),
      trigger: z.enum(['schedule', 'manual']),
      description: z.string(),
      expression: z.nullable(z.string()),
      timeZone: z.nullable(z.string()),
      basis: z.nullable(z.string()),
      runs: z.int(),
      lastRun: z.nullable(
        z.object({
          runId: z.string(),
          outcome: z.enum(['succeeded', 'failed']),
          startedAt: z.nullable(z.string()),
          finishedAt: z.nullable(z.string()),
        }),
      ),
      lastSucceededAt: z.nullable(z.string()),
      nextRunAt: z.nullable(z.string()),
      missedAfterHours: z.nullable(z.number()),
      missed: z.boolean(),
    }),
  ),
});

/** The audit area's route contracts. */
export const auditRoutes = {
  audit: defineRoute({
    id: 'queryAudit',
    method: 'GET',
    path: '/audit',
    function: 'audit',
    auth: 'signed-in',
    action: 'audit.read',
    summary: 'Audit entries of a unit or an actor in a time range, newest first',
    tags: ['audit'],
    query: auditQuery,
    responses: { 200: { description: 'A page of audit entries', schema: pageOf(auditEntrySchema) } },
  }),
  jobRuns: defineRoute({
    id: 'listJobRuns',
    method: 'GET',
    path: '/job-runs',
    function: 'audit',
    auth: 'signed-in',
    action: 'audit.read',
    summary:
      "The latest runs of a job (`job`), newest first: evidence that monitoring and backups ran (TG 8.2); and every job's last run and next run (`jobs`, as GET /jobs)",
    tags: ['operations'],
    query: jobRunsQuery,
    responses: {
      200: {
        description: "Runs of the job named (none without `job`), and every job's overview",
        schema: z.object({ items: z.array(jobRunSchema), jobs: jobOverviewSchema.shape.items }),
      },
    },
  }),
  jobs: defineRoute({
    id: 'listJobs',
    method: 'GET',
    path: '/jobs',
    function: 'audit',
    auth: 'signed-in',
    action: 'audit.read',
    summary:
      'Every job: its last run and last success, its schedule, its next run (Asia/Ho_Chi_Minh) and whether it missed its schedule',
    description:
      '`missed`: no successful run within the longest gap between two firings plus a margin (`missedAfterHours`); the missed-schedule alarms use the same figure.',
    tags: ['operations'],
    responses: { 200: { description: 'Jobs', schema: jobOverviewSchema } },
  }),
} as const;
