import { DomainError, invalidField } from '../errors';
import type { LocalizedText } from '../text';
import type { OperationsPolicy } from './policy';

/**
 * The incident register (QN 20.2, NA 15.6, TG 17.1): what an incident is, how its status may
 * move, and how its time to restore is measured against the restore limit (TG 16.3).
 */
export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

/** What each severity means, so reporters choose alike. */
export const severityMeanings: Readonly<Record<Severity, LocalizedText>> = {
  critical: {
    vi: 'Cổng ngừng hoạt động, hoặc dữ liệu bị mất, bị lộ, bị sửa trái phép',
    en: 'The portal is down, or data was lost, leaked or altered without authority',
  },
  high: {
    vi: 'Một chức năng chính không dùng được (đăng tin, hỏi đáp, đăng nhập)',
    en: 'A main function is unavailable (publishing, Q&A, sign-in)',
  },
  medium: {
    vi: 'Chức năng chậm hoặc lỗi một phần, có cách làm tạm',
    en: 'A function is slow or partly failing, with a workaround',
  },
  low: { vi: 'Lỗi nhỏ, không ảnh hưởng người dùng', en: 'A minor fault with no effect on users' },
};

export const affectedServices = [
  'portal',
  'content',
  'questions',
  'sign-in',
  'uploads',
  'search',
  'api',
  'backups',
  'email',
  'other',
] as const;
export type AffectedService = (typeof affectedServices)[number];

export const incidentStatuses = ['reported', 'investigating', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Where each status may go next: forward, and back to investigating when a mitigation fails. Resolved is final. */
export const incidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['investigating', 'mitigated', 'resolved'],
  investigating: ['mitigated', 'resolved'],
  mitigated: ['investigating', 'resolved'],
  resolved: [],
};

export interface TimelineEntry {
  readonly at: string;
  readonly by: string;
  readonly note: string;
  /** Set when the entry moved the status. */
  readonly status?: IncidentStatus;
}

export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly affectedServices: readonly AffectedService[];
  readonly status: IncidentStatus;
  readonly unitCode: string;
  readonly reportedBy: string;
  readonly reportedAt: string;
  readonly detectedAt: string | null;
  readonly restoredAt: string | null;
  readonly timeline: readonly TimelineEntry[];
  readonly version: number;
}

/** A timeline holds at most this many entries (the record is one item; DynamoDB items hold 400 KB). */
export const MAX_TIMELINE_ENTRIES = 100;

export interface IncidentReport {
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly affectedServices: readonly AffectedService[];
  readonly detectedAt?: string | undefined;
}

export function newIncident(
  report: IncidentReport,
  by: { id: string; unitCode: string },
  id: string,
  now: Date,
): Incident {
  if (report.detectedAt !== undefined && Date.parse(report.detectedAt) > now.getTime()) {
    throw invalidField('detectedAt', {
      vi: 'Thời điểm phát hiện không được ở tương lai',
      en: 'detectedAt must not be in the future',
    });
  }
  const at = now.toISOString();
  return {
    id,
    title: report.title,
    description: report.description,
    severity: report.severity,
    affectedServices: [...new Set(report.affectedServices)],
    status: 'reported',
    unitCode: by.unitCode,
    reportedBy: by.id,
    reportedAt: at,
    detectedAt: report.detectedAt === undefined ? null : new Date(report.detectedAt).toISOString(),
    restoredAt: null,
    timeline: [{ at, by: by.id, note: 'Báo cáo sự cố / Incident reported', status: 'reported' }],
    version: 1,
  };
}

export interface TimelineUpdate {
  readonly note: string;
  readonly status?: IncidentStatus | undefined;
  /** When service came back; only with `mitigated` or `resolved` (defaults to now on resolve). */
  readonly restoredAt?: string | undefined;
}

/** The incident after one timeline entry, or a refusal naming the field. Pure: the caller commits it conditioned on `version`. */
export function applyTimelineUpdate(incident: Incident, update: TimelineUpdate, by: string, now: Date): Incident {
  if (incident.status === 'resolved') {
    throw new DomainError('conflict', {
      vi: 'Sự cố đã được giải quyết, không thể cập nhật',
      en: 'The incident is resolved and closed to updates',
    });
  }
  if (incident.timeline.length >= MAX_TIMELINE_ENTRIES) {
    throw new DomainError('conflict', {
      vi: `Dòng thời gian đã đủ ${MAX_TIMELINE_ENTRIES} mục`,
      en: `The timeline holds ${MAX_TIMELINE_ENTRIES} entries already`,
    });
  }
  const next = update.status ?? incident.status;
  if (
    update.status !== undefined &&
    update.status !== incident.status &&
    !incidentTransitions[incident.status].includes(update.status)
  ) {
    throw invalidField(
      'status',
      {
        vi: `Không thể chuyển từ "${incident.status}" sang "${update.status}"`,
        en: `Cannot move from "${incident.status}" to "${update.status}" (allowed: ${incidentTransitions[incident.status].join(', ')})`,
      },
      'invalid_transition',
    );
  }
  if (update.restoredAt !== undefined && next !== 'mitigated' && next !== 'resolved') {
    throw invalidField('restoredAt', {
      vi: 'restoredAt chỉ đi cùng trạng thái mitigated hoặc resolved',
      en: 'restoredAt goes with status mitigated or resolved only',
    });
  }
  let restoredAt = incident.restoredAt;
  if (update.restoredAt !== undefined) {
    const at = Date.parse(update.restoredAt);
    if (at > now.getTime())
      throw invalidField('restoredAt', {
        vi: 'restoredAt không được ở tương lai',
        en: 'restoredAt must not be in the future',
      });
    if (at < Date.parse(restoreClockStart(incident))) {
      throw invalidField('restoredAt', {
        vi: 'restoredAt không được trước lúc phát hiện sự cố',
        en: 'restoredAt must not be before the incident was detected',
      });
    }
    restoredAt = new Date(at).toISOString();
  }
  // Back to investigating: the service is not restored after all.
  if (next === 'investigating') restoredAt = null;
  if (next === 'resolved' && restoredAt === null) restoredAt = now.toISOString();
  const entry: TimelineEntry = {
    at: now.toISOString(),
    by,
    note: update.note,
    ...(update.status !== undefined && update.status !== incident.status ? { status: update.status } : {}),
  };
  return {
    ...incident,
    status: next,
    restoredAt,
    timeline: [...incident.timeline, entry],
    version: incident.version + 1,
  };
}

/** The restore clock runs from detection, or from the report when detection is unknown. */
export const restoreClockStart = (incident: Pick<Incident, 'detectedAt' | 'reportedAt'>) =>
  incident.detectedAt ?? incident.reportedAt;

export interface RestoreMeasure {
  readonly limitHours: number;
  readonly basis: string;
  readonly from: string;
  readonly deadline: string;
  readonly restoredAt: string | null;
  /** Hours from the clock's start to restoration, or to now while not restored (two decimals). */
  readonly hours: number;
  /** Restored within the limit; while not restored, whether the limit has not passed yet. */
  readonly withinRestoreLimit: boolean;
}

export function restoreMeasure(
  incident: Pick<Incident, 'detectedAt' | 'reportedAt' | 'restoredAt'>,
  policy: OperationsPolicy,
  now: Date,
): RestoreMeasure {
  const from = restoreClockStart(incident);
  const start = Date.parse(from);
  const end = incident.restoredAt ? Date.parse(incident.restoredAt) : now.getTime();
  const limitMs = policy.restoreLimitHours * 3_600_000;
  return {
    limitHours: policy.restoreLimitHours,
    basis: policy.restoreBasis,
    from,
    deadline: new Date(start + limitMs).toISOString(),
    restoredAt: incident.restoredAt,
    hours: Math.round(((end - start) / 3_600_000) * 100) / 100,
    withinRestoreLimit: end - start <= limitMs,
  };
}
