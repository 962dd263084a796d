/**
 * What a content step changes at the edge (issue 26): the published item's public path, and its
 * attachments, served from the media bucket under `published/` only while the item is online.
 * Publication copies each clean attachment to `published/<portal>/<item>/<upload>`; withdrawal
 * (or archiving) deletes them there, so the bucket stops serving them, and the distribution's
 * copies are invalidated. Each change invalidates exactly what it changes, as wildcards (one
 * path each for CloudFront's count): the item's path with any query string, and — when files
 * stop being served — its files' prefix. Lists are not invalidated: they live a minute.
 */
export const PUBLISHED_PREFIX = 'published/';

const ONLINE = new Set(['published', 'emergency-published']);

export const publishedFilesPrefix = (portal: string, itemId: string) => `${PUBLISHED_PREFIX}${portal}/${itemId}/`;
export const publishedFileKey = (portal: string, itemId: string, uploadId: string) => `${publishedFilesPrefix(portal, itemId)}${uploadId}`;

export type EdgeChangeKind = 'published' | 'withdrawn';

export interface EdgeChange {
  readonly kind: EdgeChangeKind;
  readonly portal: string;
  readonly itemId: string;
}

/** The edge change of a workflow step, or undefined when the public side does not change. */
export function edgeChangeOf(step: { readonly type: string; readonly id: string; readonly unitCode: string; readonly from: string; readonly to: string }): EdgeChange | undefined {
  if (step.type !== 'ContentItem') return undefined;
  const base = { portal: step.unitCode, itemId: step.id };
  if (ONLINE.has(step.to)) return { kind: 'published', ...base };
  if (ONLINE.has(step.from)) return { kind: 'withdrawn', ...base };
  return undefined;
}

/**
 * The distribution paths to invalidate: the item's public path (every query string), and its
 * files' prefix when any file stops being served. `apiBase` is the API's path at the edge (/v1).
 */
export function invalidationPaths(change: EdgeChange, apiBase: string, filesRemoved: boolean): string[] {
  const item = `${apiBase}/public/portals/${change.portal}/content/${change.itemId}*`;
  return change.kind === 'withdrawn' || filesRemoved ? [item, `/${publishedFilesPrefix(change.portal, change.itemId)}*`] : [item];
}

/** Paths from many changes, each once (a batch may publish and then edit the same item). */
export const uniquePaths = (paths: Iterable<string>): string[] => [...new Set(paths)].sort();
