import { createHash } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { cacheClasses, cacheClassOf, cacheControlOf, type CacheClass } from './edge-cache';

/**
 * Cached public reads (shared/http/edge-cache.ts) answer with Cache-Control and an ETag, and a
 * request whose If-None-Match names it gets `304 Not Modified` without the body: browsers and
 * CloudFront (revalidating a stale copy) then skip the bytes. The ETag is weak (`W/"…"`): the
 * same body may travel compressed or not (RFC 9110 §8.8.1), and If-None-Match compares weakly.
 * HEAD is answered as GET without the body.
 */
export const etagOf = (body: string): string =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (weak comparison; `*` matches any). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * A route's own Cache-Control speaks for browsers (`public, max-age=60`): shared caches get the
 * class's lifetime as `s-maxage` beside it. Without one, the class's whole value; `no-store`,
 * `private` or an explicit s-maxage are left as the route says.
 */
export function withSharedMaxAge(current: string | undefined, cacheClass: CacheClass): string {
  if (current === undefined || current.trim() === '') return cacheControlOf(cacheClass);
  if (/\b(no-store|private|s-maxage)\b/i.test(current)) return current;
  return `${current}, s-maxage=${cacheClasses[cacheClass].sharedSeconds}`;
}

type Route = { readonly id: string; readonly method: string; readonly auth: string };
type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

/** The header name as the response spells it, or the lower-case one. */
const headerName = (headers: Record<string, unknown>, name: string) =>
  Object.keys(headers).find((key) => key.toLowerCase() === name) ?? name;

export function conditionalGet(
  routeOf: (event: APIGatewayProxyEvent) => Route | undefined,
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    after: (request: Request) => {
      const response = request.response;
      const route = routeOf(request.event);
      if (!response || !route) return;
      const cacheClass = cacheClassOf(route);
      if (cacheClass && response.statusCode === 200) {
        const headers = (response.headers ??= {});
        const cacheKey = headerName(headers, 'cache-control');
        headers[cacheKey] = withSharedMaxAge(
          headers[cacheKey] === undefined ? undefined : String(headers[cacheKey]),
          cacheClass,
        );
        const etagKey = headerName(headers, 'etag');
        const etag = String(headers[etagKey] ?? etagOf(response.body));
        headers[etagKey] = etag;
        if (noneMatch(request.event.headers?.['if-none-match'], etag)) {
          response.statusCode = 304;
          response.body = '';
          delete headers[headerName(headers, 'content-type')];
        }
      }
      if (request.event.httpMethod === 'HEAD') response.body = '';
    },
  };
}
