/**
 * How long public reads may be cached, by route (issue 26): the one definition the CloudFront
 * behaviours (infra/stacks/edge-stack.ts), the handlers' Cache-Control and the local gateway read.
 * Lists live a minute (a publication shows within it, no invalidation needed); an item lives an
 * hour and is invalidated when it is published, edited or withdrawn (shared/domain/edge); feeds
 * and sitemaps live a quarter of an hour; reference data (calendar, policies, problem types) an hour.
 * A public GET absent here is never cached: health, the due-date calculator (it reads the clock),
 * an asker's question status (it depends on the x-question-secret header), and the units (`/units`
 * carries a signed-in POST, and `/units/*` would also match signed-in routes under /units/{code}/).
 */
export const cacheClasses = {
  list: { sharedSeconds: 60 },
  feed: { sharedSeconds: 900 },
  item: { sharedSeconds: 3600 },
} as const;

export type CacheClass = keyof typeof cacheClasses;

/** Browsers keep any public read at most this long before revalidating (If-None-Match → 304). */
export const BROWSER_MAX_AGE_SECONDS = 60;

export const publicCaching: Readonly<Record<string, CacheClass>> = {
  listPublishedContent: 'list',
  searchLegalDocuments: 'list',
  listPublishedQuestions: 'list',
  getPublishedContent: 'item',
  getCalendarYear: 'item',
  getCalendarYearIcs: 'item',
  listPolicies: 'item',
  getPolicy: 'item',
  getProblemType: 'item',
  getOpenApi: 'item',
  getContentFeed: 'feed',
  getSitemap: 'feed',
};

/** The request headers a cached public answer may vary on (part of the CloudFront cache key). */
export const CACHE_KEY_HEADERS = ['accept-language'] as const;

export const cacheClassOf = (route: {
  readonly id: string;
  readonly method: string;
  readonly auth: string;
}): CacheClass | undefined => (route.method === 'GET' && route.auth === 'public' ? publicCaching[route.id] : undefined);

/** The Cache-Control a cached public read answers with: shared caches by its class, browsers a minute. */
export const cacheControlOf = (cacheClass: CacheClass): string =>
  `public, max-age=${Math.min(BROWSER_MAX_AGE_SECONDS, cacheClasses[cacheClass].sharedSeconds)}, s-maxage=${cacheClasses[cacheClass].sharedSeconds}`;

/** A route path as a CloudFront path pattern: each `{param}` becomes `*` (which matches `/` too). */
export const edgePathPattern = (path: string): string => path.replace(/\{[^}]+\}/g, '*');

/** Whether a CloudFront path pattern (`*` any characters, `?` one) matches a path. */
export function patternMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(path);
}

/**
 * The API behaviours in the order CloudFront must evaluate them (first match wins), most literal
 * first (`/calendar/*\/days-off.ics` before `/calendar/*`). A path that carries any signed-in
 * route is never cached (a staff request never passes a caching behaviour); an uncached route that
 * a cached pattern would catch (`/calendar/due` under `/calendar/*`) gets its own uncached entry.
 */
export function cachedBehaviours(
  routes: ReadonlyArray<{ readonly id: string; readonly method: string; readonly auth: string; readonly path: string }>,
) {
  const staffPaths = new Set(routes.filter((r) => r.auth !== 'public').map((r) => r.path));
  const byPattern = new Map<string, CacheClass | undefined>();
  for (const route of routes) {
    const cacheClass = cacheClassOf(route);
    if (cacheClass && !staffPaths.has(route.path)) byPattern.set(edgePathPattern(route.path), cacheClass);
  }
  const cachedPatterns = [...byPattern.keys()];
  const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');
  for (const route of routes) {
    const pattern = edgePathPattern(route.path);
    if (byPattern.has(pattern)) continue;
    if (cachedPatterns.some((p) => patternMatches(p, sample(route.path)))) byPattern.set(pattern, undefined);
  }
  const literal = (pattern: string) => pattern.replace(/\*/g, '').length;
  return [...byPattern]
    .map(([pattern, cacheClass]) => ({ pattern, cacheClass }))
    .sort((a, b) => literal(b.pattern) - literal(a.pattern) || a.pattern.localeCompare(b.pattern));
}

/** Whether a route is cached at the edge: its class, and no signed-in route on its path. */
export const cachedAtEdge = (
  route: { readonly id: string; readonly method: string; readonly auth: string; readonly path: string },
  routes: ReadonlyArray<{ readonly auth: string; readonly path: string }>,
): boolean => cacheClassOf(route) !== undefined && !routes.some((r) => r.path === route.path && r.auth !== 'public');

/** Cached public reads answer HEAD too (an API Gateway method each on AWS, the same route locally). */
export const answersHead = (route: { readonly id: string; readonly method: string; readonly auth: string }): boolean =>
  cacheClassOf(route) !== undefined;
