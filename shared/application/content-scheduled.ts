import { systemPrincipal } from '../domain/access/authorize';
import { DomainError } from '../domain/errors';
import { type DueMarker } from '../adapters/dynamo/scheduled-publication';
import { logger } from '../logger';
import { takeContentStep } from './content-transitions';
import type { Services } from '../composition/services';

/**
 * Scheduled publication (issue 8 §3): publishes every `scheduled` item whose `publishAt` has come,
 * as the system identity `system:publication-scheduler` (audit entry and event say `kind: system`).
 * Reads only the due markers (the sparse due index, sharded), all of them up to now, so an item a
 * failed or late run missed is published by the next one. Each item is its own conditional step
 * (`state = scheduled AND version = v`): of two runs at once, one publishes and the other skips;
 * files must still be clean (the publish guards), else the item waits, scheduled, for the next run.
 */
const BATCH = 200;

export interface ScheduledPublicationRun {
  /** Markers due by the run's clock that it read. */
  readonly due: number;
  readonly published: number;
  /** Published (or moved on) by someone else meanwhile: another run, a secretary. */
  readonly skipped: number;
  /** Markers of items no longer scheduled for that time, removed. */
  readonly stale: number;
  /** Still scheduled but refused (e.g. a file not checked clean yet): tried again next run. */
  readonly held: number;
  /** More were due than one run takes: the next run continues. */
  readonly more: boolean;
}

export async function publishDueItems(s: Services, now: Date, requestId: string): Promise<ScheduledPublicationRun> {
  const ctx = { principal: systemPrincipal('publication-scheduler', s.config.PROVINCE_CODE), requestId, now };
  const { markers: due, more } = await s.scheduledPublications.dueBy(now.toISOString(), BATCH);
  const counts = { published: 0, skipped: 0, stale: 0, held: 0 };
  for (const marker of due) counts[await publishOne(s, ctx, marker)] += 1;
  return { due: due.length, ...counts, more };
}

async function publishOne(
  s: Services,
  ctx: Parameters<typeof takeContentStep>[1],
  marker: DueMarker,
): Promise<'published' | 'skipped' | 'stale' | 'held'> {
  const record = await s.content.get(marker.id);
  if (!record || record.state !== 'scheduled' || record.publishAt !== marker.publishAt) {
    // Its step out of `scheduled` deleted the marker with it; one left behind is removed here.
    return (await s.scheduledPublications.removeStale(marker)) ? 'stale' : 'skipped';
  }
  try {
    await takeContentStep(s, ctx, record, { action: 'publish-scheduled' });
    return 'published';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const now = await s.content.get(marker.id);
    if (now?.state !== 'scheduled' || now.version !== record.version) return 'skipped';
    logger.warn('scheduled item not published', {
      id: marker.id,
      code: error.code,
      fields: error.fields.map((i) => i.field),
    });
    return 'held';
  }
}
