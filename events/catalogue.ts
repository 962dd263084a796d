import * as z from 'zod';

/**
 * Every domain event the system publishes: its source, detail-type and the zod schema of its
 * detail. Publishers validate before putting; consumers validate after receiving.
 */
export const EVENT_SOURCE_PREFIX = 'portal';

const jobRunDetail = z.object({
  job: z.string().min(1),
  runId: z.string().min(1),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  outcome: z.enum(['succeeded', 'failed']),
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const eventCatalogue = {
  JobRunFinished: {
    source: `${EVENT_SOURCE_PREFIX}.jobs`,
    detailType: 'JobRunFinished',
    detail: jobRunDetail,
    description: 'A scheduled or manually started compliance job finished.',
  },
} as const;

export type EventName = keyof typeof eventCatalogue;
export type EventDetail<N extends EventName> = z.infer<(typeof eventCatalogue)[N]['detail']>;

/** The envelope EventBridge delivers to SQS targets (the same shape is produced locally). */
export const eventEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelope>;
