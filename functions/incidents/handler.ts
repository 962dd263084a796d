import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { getIncident, listIncidents, reportIncident, updateIncident } from '../../shared/application/incidents';
import { listSecurityChecks, recordSecurityCheck } from '../../shared/application/security-checks';
import { incidentsRoutes } from './routes';

/** The operations register: incidents and security checks. */
const noStore = { 'cache-control': 'no-store' };
const withEtag = (incident: { version: number }) => ({ ...noStore, etag: `"${incident.version}"` });

export const handler = lambdaRoot((s) =>
  httpFunction(
    'incidents',
    incidentsRoutes,
    {
      reportIncident: async ({ body, principal, requestId }) => {
        const incident = await reportIncident(s, { principal, requestId, now: new Date() }, body);
        return json(201, incident, { ...withEtag(incident), location: `/incidents/${incident.id}` });
      },
      listIncidents: async ({ query, principal, requestId }) =>
        json(200, await listIncidents(s, { principal, requestId, now: new Date() }, query), noStore),
      getIncident: async ({ params, principal, requestId }) => {
        const incident = await getIncident(s, { principal, requestId, now: new Date() }, params.id);
        return json(200, incident, withEtag(incident));
      },
      updateIncident: async ({ params, body, principal, requestId, headers }) => {
        const incident = await updateIncident(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          body,
          expectedVersion(headers),
        );
        return json(200, incident, withEtag(incident));
      },
      recordSecurityCheck: async ({ body, principal, requestId }) =>
        json(201, await recordSecurityCheck(s, { principal, requestId, now: new Date() }, body), noStore),
      listSecurityChecks: async ({ query, principal, requestId }) =>
        json(200, await listSecurityChecks(s, { principal, requestId, now: new Date() }, query.limit), noStore),
    },
    httpServices(s),
  ),
);
