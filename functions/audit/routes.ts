import { defineRoute } from '../../shared/http/contract';
import { auditQuery, jobRunsQuery } from './schemas';

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
    responses: { 200: { description: 'A page of audit entries' } },
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
    responses: { 200: { description: 'Runs' } },
  }),
} as const;
