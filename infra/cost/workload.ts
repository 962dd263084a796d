import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

/**
 * A workload the cost model prices (infra/config/workloads/*.json): the province's volumes, as the
 * issue states them, and the model's assumptions, each one a number a reader can challenge.
 */
const count = z.number().check(z.gte(0));
const share = z.number().check(z.gte(0), z.lte(1));

export const workloadSchema = z.object({
  name: z.string(),
  units: count,
  staff: count,
  monthlyActiveStaff: count,
  itemsPerYear: count,
  questionsPerYear: count,
  publicReadsPerMonth: count,
  staffCallsPerMonth: count,
  mediaGb: count,
  mediaGrowthGbPerMonth: count,
  tableGb: count,
  backups: z.object({ weeklyKept: count, monthlyKept: count }),
  logsGbPerMonth: count,
  assumptions: z.object({
    /** Average public response, uncompressed. */
    publicResponseKb: count,
    /** Public GETs answered by the CloudFront cache (lists live a minute, items and feeds an hour). */
    publicCacheHitRatio: share,
    attachmentDownloadsPerMonth: count,
    attachmentKb: count,
    consoleLoadsPerMonth: count,
    consoleKb: count,
    /** Edits made to an item while published, on average. */
    editsOfPublishedPerItem: count,
    withdrawnShare: share,
    /** Share of the month's hours in which an average API method is called (per-method metrics are billed by the hour). */
    methodActiveHourShare: share,
    /** Seconds of the month in which at least one request arrives (X-Ray's default rule traces the first request of each second). */
    busySecondsPerMonth: count,
    /** Share of Lambda log bytes that are the platform's START/END/REPORT lines. */
    platformLogShare: share,
    /** Stored (compressed) bytes per ingested byte. */
    logCompression: share,
    httpMs: count,
    readUnitsPerPublicRead: count,
    readUnitsPerStaffCall: count,
    writeUnitsPerStaffCall: count,
    /** Share of the table's items that are written into each global secondary index. */
    indexedShare: share,
    eventsPerItem: count,
    eventsPerQuestion: count,
    mailsPerQuestion: count,
  }),
});

export type Workload = z.infer<typeof workloadSchema>;

export function loadWorkload(file: string): Workload {
  const parsed = workloadSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid workload ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
