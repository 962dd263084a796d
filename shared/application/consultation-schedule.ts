import { systemPrincipal } from '../domain/access/authorize';
import { DomainError } from '../domain/errors';
import { logger } from '../logger';
import type { ConsultationDueMarker } from '../adapters/dynamo/consultations';
import { transitionConsultation, type ConsultationServices } from './consultations';

/**
 * The consultation scheduler (issue 28 §1): opens every scheduled consultation whose opening instant
 * has come and closes every open one whose closing instant has, as the system identity
 * `system:consultation-scheduler` (audited, `kind: system`). It reads only the due index (sharded,
 * all of it up to now, so what a late or failed run missed is taken by the next); each step is the
 * workflow's conditional write, so of two runs at once one acts and the other skips.
 */
const BATCH = 200;

export interface ConsultationScheduleRun {
  readonly due: number;
  readonly opened: number;
  readonly closed: number;
  /** Moved on meanwhile (another run, the board) or not due after all. */
  readonly skipped: number;
  readonly more: boolean;
}

export async function runConsultationSchedule(
  s: ConsultationServices,
  now: Date,
  requestId: string,
): Promise<ConsultationScheduleRun> {
  const ctx = { principal: systemPrincipal('consultation-scheduler', s.config.PROVINCE_CODE), requestId, now };
  const { markers, more } = await s.consultations.dueBy(now.toISOString(), BATCH);
  const counts = { opened: 0, closed: 0, skipped: 0 };
  for (const marker of markers) counts[await stepOne(s, ctx, marker)] += 1;
  return { due: markers.length, ...counts, more };
}

async function stepOne(
  s: ConsultationServices,
  ctx: Parameters<typeof transitionConsultation>[1],
  marker: ConsultationDueMarker,
): Promise<'opened' | 'closed' | 'skipped'> {
  const record = await s.consultations.get(marker.id);
  const now = ctx.now.getTime();
  const action =
    record?.state === 'scheduled' && Date.parse(record.opensAt) <= now
      ? 'openScheduled'
      : record?.state === 'open' && Date.parse(record.closesAt) <= now
        ? 'closeScheduled'
        : undefined;
  if (!record || action === undefined) return 'skipped';
  try {
    await transitionConsultation(s, ctx, record.id, { action }, record.version);
    return action === 'openScheduled' ? 'opened' : 'closed';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logger.warn('consultation step skipped', { id: record.id, action, code: error.code });
    return 'skipped';
  }
}
