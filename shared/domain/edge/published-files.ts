/**
 * What a content step changes at the edge (issue 26): the published item's public path, and its
 * attachments, served from the media bucket under `published/` only while the item is online.
 * Publication copies each clean attachment to `published/<portal>/<item>/<upload>`; withdrawal
 * (or archiving) deletes them there, so the bucket stops serving them, and the distribution's
 * copies are invalidated. Each change invalidates exactly what it changes in the cache (each path,
 * wildcard or not, counts one for CloudFront): a withdrawal the item's path with any query string
 * and its files' prefix; a change of an online item its path; a first publication nothing (the
 * path held at most a 404 for ERROR_CACHE_SECONDS). Lists are not invalidated: they live a minute.
 */
export const PUBLISHED_PREFIX = 'published/';

/** How long the distribution keeps a 404 (its error caching TTL): an item published after one shows within it. */
export const ERROR_CACHE_SECONDS = 10;

/** The states in which an item is online: a step into or out of one changes the edge, no other. */
export const ONLINE_STATES = ['published', 'emergency-published'] as const;
const ONLINE = new Set<string>(ONLINE_STATES);

export const publishedFilesPrefix = (portal: string, itemId: string) => `${PUBLISHED_PREFIX}${portal}/${itemId}/`;
export const publishedFileKey = (portal: string, itemId: string, uploadId: string) =>
  `${publishedFilesPrefix(portal, itemId)}${uploadId}`;

/**
 * `published`: the item came online (its files are copied; its path held at most a briefly cached
 * 404, so nothing to invalidate); `republished`: an online item changed online (an emergency
 * publication confirmed); `withdrawn`: it went offline (withdrawn, archived).
 */
export type EdgeChangeKind = 'published' | 'republished' | 'withdrawn';

export interface EdgeChange {
  readonly kind: EdgeChangeKind;
  readonly portal: string;
  readonly itemId: string;
}

/** The edge change of a workflow step, or undefined when the public side does not change. */
export function edgeChangeOf(step: {
  readonly type: string;
  readonly id: string;
  readonly unitCode: string;
  readonly from: string;
  readonly to: string;
}): EdgeChange | undefined {
  if (step.type !== 'ContentItem') return undefined;
  const base = { portal: step.unitCode, itemId: step.id };
  if (ONLINE.has(step.to)) return { kind: ONLINE.has(step.from) ? 'republished' : 'published', ...base };
  if (ONLINE.has(step.from)) return { kind: 'withdrawn', ...base };
  return undefined;
}

/**
 * The distribution paths to invalidate: the item's public path (every query string), and its
 * files' prefix when any file stops being served. `apiBase` is the API's path at the edge (/v1).
 */
export function invalidationPaths(change: EdgeChange, apiBase: string, filesRemoved: boolean): string[] {
  const item = `${apiBase}/public/portals/${change.portal}/content/${change.itemId}`;
  // A publication or edit refreshes the item's one URL (it takes no query); a withdrawal must also
  // reach any query-string variant someone requested, and the files (CloudFront allows 15 wildcard
  // paths in progress at a time: withdrawals are rare).
  if (change.kind === 'withdrawn') return [`${item}*`, `/${publishedFilesPrefix(change.portal, change.itemId)}*`];
  // A first publication changes a path the distribution holds at most as a 404 for ERROR_CACHE_SECONDS.
  const paths = change.kind === 'republished' ? [item] : [];
  return filesRemoved ? [...paths, `/${publishedFilesPrefix(change.portal, change.itemId)}*`] : paths;
}

/** Paths from many changes, each once (a batch may publish and then edit the same item). */
export const uniquePaths = (paths: Iterable<string>): string[] => [...new Set(paths)].sort();
