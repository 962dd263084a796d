import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { requireAccess } from '../../shared/domain/access/authorize';
import { jobOverview } from '../../shared/application/job-overview';
import { auditRoutes } from './routes';

/**
 * Audit queries: by unit (the caller must reach that unit) or by actor. An actor's entries span
 * units, so only the province's auditors and operators may query by actor alone. Entries of a
 * unit that no longer exists are reachable by the province only.
 */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'audit',
    auditRoutes,
    {
      jobRuns: async ({ query, principal }) => {
        requireAccess(principal, 'audit.read', [s.config.PROVINCE_CODE]);
        const [items, overview] = await Promise.all([
          query.job ? s.jobRuns.latest(query.job, query.limit) : [],
          jobOverview(s, new Date()),
        ]);
        return json(200, { items, jobs: overview.items }, { 'cache-control': 'no-store' });
      },
      jobs: async ({ principal }) => {
        requireAccess(principal, 'audit.read', [s.config.PROVINCE_CODE]);
        return json(200, await jobOverview(s, new Date()), { 'cache-control': 'no-store' });
      },
      audit: async ({ query, principal }) => {
        const scope = query.unit;
        const path = scope ? (await s.units.path(scope)).map((u) => u.code) : [s.config.PROVINCE_CODE];
        // Portal-wide settings (the calendar) are audited under the province's own code.
        requireAccess(principal, 'audit.read', path.length === 0 ? [s.config.PROVINCE_CODE] : path);
        const page = await s.audit.query({
          ...(scope ? { scope } : {}),
          ...(query.actor ? { actor: query.actor } : {}),
          ...(query.target ? { target: query.target } : {}),
          ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
          ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
          limit: query.limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        });
        return json(200, page, { 'cache-control': 'no-store' });
      },
    },
    httpServices(s),
  ),
);
