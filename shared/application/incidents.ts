import { randomUUID } from 'node:crypto';
import { can, requireAccess, type Principal } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import {
  applyTimelineUpdate,
  newIncident,
  restoreMeasure,
  severityMeanings,
  type Incident,
  type IncidentReport,
  type TimelineUpdate,
} from '../domain/operations/incidents';
import { operationsPolicy } from '../domain/operations/policy';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * The incident register (issue 10 §4): any staff member reports; the operators hear of it at once
 * (IncidentReported through the outbox to the operators' topic); operators and the board's chief
 * read the register, add timeline entries, move the status and record when service came back.
 */
const policy = (s: Services) => operationsPolicy(s.config.POLICY_PRESET);

/** What the API shows: the record, what its severity means, and its time to restore against the limit. */
export function incidentView(s: Services, incident: Incident, now: Date) {
  return {
    ...incident,
    severityMeaning: severityMeanings[incident.severity],
    restore: restoreMeasure(incident, policy(s), now),
  };
}

const notFound = (id: string) =>
  new DomainError('not_found', { vi: `Không tìm thấy sự cố ${id}`, en: `Incident ${id} not found` });

async function unitPath(s: Services, code: string): Promise<string[]> {
  const path = (await s.units.path(code)).map((u) => u.code);
  // A unit merged away or removed: its incidents stay the province's.
  return path.length > 0 ? path : [s.config.PROVINCE_CODE];
}

/** Managers of its unit see an incident; its reporter sees their own. Anyone else learns nothing, not even that it exists. */
async function readable(
  s: Services,
  principal: Principal,
  id: string,
  now: Date,
): Promise<{ incident: Incident; manages: boolean }> {
  const incident = await s.incidents.get(id);
  if (!incident) throw notFound(id);
  const manages = can(principal, 'incident.manage', await unitPath(s, incident.unitCode), now);
  if (!manages && incident.reportedBy !== principal.id) throw notFound(id);
  return { incident, manages };
}

export async function reportIncident(s: Services, ctx: UseCaseContext, report: IncidentReport) {
  const { principal, now } = ctx;
  requireAccess(principal, 'incident.report', [principal.unitCode], now);
  const incident = newIncident(report, principal, randomUUID(), now);
  const view = incidentView(s, incident, now);
  await s.uow.commit(
    {
      actions: [s.incidents.create(incident)],
      audits: [
        auditEntry(
          {
            scope: incident.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: 'incident.report',
            target: { type: 'Incident', id: incident.id },
            before: null,
            after: {
              title: incident.title,
              severity: incident.severity,
              affectedServices: incident.affectedServices,
              detectedAt: incident.detectedAt,
            },
            requestId: ctx.requestId,
          },
          now,
        ),
      ],
      events: [
        pendingEvent('IncidentReported', {
          id: incident.id,
          title: incident.title,
          severity: incident.severity,
          affectedServices: [...incident.affectedServices],
          unitCode: incident.unitCode,
          reportedBy: incident.reportedBy,
          reportedAt: incident.reportedAt,
          detectedAt: incident.detectedAt,
          restoreDeadline: view.restore.deadline,
        }),
      ],
    },
    commitContext(ctx),
  );
  return view;
}

export async function getIncident(s: Services, ctx: UseCaseContext, id: string) {
  return incidentView(s, (await readable(s, ctx.principal, id, ctx.now)).incident, ctx.now);
}

/** The register, newest first: for the province's operators and chief (it spans every unit). */
export async function listIncidents(
  s: Services,
  ctx: UseCaseContext,
  query: { limit: number; cursor?: string | undefined },
) {
  requireAccess(ctx.principal, 'incident.manage', [s.config.PROVINCE_CODE], ctx.now);
  const page = await s.incidents.list(query);
  return {
    items: page.items.map((i) => incidentView(s, i, ctx.now)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * One timeline entry: a note, and for managers a status move (and when service came back). The
 * reporter may add notes to their own incident only. Committed over the version it was computed
 * from, so of concurrent updates one wins (412 with If-Match, 409 without).
 */
export async function updateIncident(
  s: Services,
  ctx: UseCaseContext,
  id: string,
  update: TimelineUpdate,
  ifMatch: number | undefined,
) {
  const { principal, now } = ctx;
  const { incident, manages } = await readable(s, principal, id, now);
  if (ifMatch !== undefined && ifMatch !== incident.version) {
    throw new DomainError('precondition_failed', {
      vi: `Sự cố đang ở phiên bản ${incident.version}, không phải ${ifMatch}`,
      en: `The incident is at version ${incident.version}, not ${ifMatch}`,
    });
  }
  if (!manages && (update.status !== undefined || update.restoredAt !== undefined)) {
    throw new DomainError('forbidden', {
      vi: 'Chỉ người vận hành hoặc Trưởng ban được đổi trạng thái sự cố',
      en: 'Only operators and the chief editor may change an incident\u2019s status',
    });
  }
  const next = applyTimelineUpdate(incident, update, principal.id, now);
  await s.uow.commit(
    {
      actions: [s.incidents.update(next, incident.version, ifMatch !== undefined)],
      audits: [
        auditEntry(
          {
            scope: incident.unitCode,
            actor: { id: principal.id, kind: principal.kind },
            action: next.status === incident.status ? 'incident.note' : `incident.${next.status}`,
            target: { type: 'Incident', id },
            before: { status: incident.status, restoredAt: incident.restoredAt, version: incident.version },
            after: { status: next.status, restoredAt: next.restoredAt, version: next.version },
            requestId: ctx.requestId,
          },
          now,
        ),
      ],
    },
    commitContext(ctx),
  );
  return incidentView(s, next, now);
}
