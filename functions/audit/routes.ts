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
    summary: 'The latest runs of a scheduled job, newest first: evidence that monitoring and backups ran (TG 8.2)',
    tags: ['operations'],
    query: jobRunsQuery,
    responses: { 200: { description: 'Runs', schema: z.object({ items: z.array(jobRunSchema) }) } },
  }),
} as const;
