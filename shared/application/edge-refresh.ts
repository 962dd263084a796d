import type { EventDetail } from '../../events/catalogue';
import {
  edgeChangeOf,
  invalidationPaths,
  publishedFileKey,
  uniquePaths,
  type EdgeChange,
} from '../domain/edge/published-files';
import { cleanKey } from '../domain/uploads/upload';
import { API_STAGE_NAME } from '../http/openapi';

/** Where published files live (the media bucket: copies under published/). */
export interface PublishedFiles {
  copy(fromKey: string, toKey: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The distribution's cache: one invalidation for a batch of paths. */
export interface EdgeCache {
  invalidate(paths: readonly string[], reference: string): Promise<void>;
}

/** What the consumer needs to know of an item: its attachments (upload ids), in any state. */
export type AttachmentsOf = (itemId: string) => Promise<readonly string[] | undefined>;

/**
 * One workflow step at the edge (issue 26): publication copies the item's clean attachments under
 * published/, withdrawal removes them (the bucket then stops serving them); both are idempotent,
 * so a redelivered step does no harm. Returns the paths the step changes.
 */
export async function applyEdgeStep(
  step: EventDetail<'WorkflowTransitioned'>,
  files: PublishedFiles,
  attachmentsOf: AttachmentsOf,
): Promise<string[]> {
  const change: EdgeChange | undefined = edgeChangeOf(step);
  if (!change) return [];
  const uploads = (await attachmentsOf(change.itemId)) ?? [];
  await Promise.all(
    uploads.map((uploadId) => {
      const key = publishedFileKey(change.portal, change.itemId, uploadId);
      return change.kind === 'withdrawn' ? files.remove(key) : files.copy(cleanKey(uploadId), key);
    }),
  );
  return invalidationPaths(change, `/${API_STAGE_NAME}`, false);
}

/** The batch's paths, each once, in one invalidation (nothing to send when no step changed anything). */
export async function invalidateBatch(paths: Iterable<string>, cache: EdgeCache, reference: string): Promise<string[]> {
  const unique = uniquePaths(paths);
  if (unique.length > 0) await cache.invalidate(unique, reference);
  return unique;
}
