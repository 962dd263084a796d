import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isBinaryMediaType } from '../definitions/api';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { acceptedScopes, type RouteDefinition } from '../../shared/http/contract';
import { allowedOrigins, allowOriginHeader, corsPolicy, isPublicPath, PUBLIC_ORIGIN } from '../../shared/http/cors';
import { problemBody, problemHeaders } from '../../shared/http/problem';
import { MAX_REQUEST_BODY_BYTES } from '../../shared/http/body-limit';
import type { ProblemCode } from '../../shared/http/error-table';
import type { LocalFunctions } from './functions';
import { handleLocalAuth, LOCAL_AUTH_PREFIX, sourceOf } from './identity-endpoints';
import type { OAuthState } from './oauth-endpoints';
import { serveConsole } from './console-static';
import { compressBody } from '../../shared/http/compression';
import { answersHead } from '../../shared/http/edge-cache';

/**
 * Stands in for API Gateway (REST, Lambda proxy): matches the route table, builds the same
 * proxy event (including the Cognito authorizer's claims shape), calls the same handler and
 * answers unknown routes with the same problem+json gateway responses.
 */
export type Authorizer = (authorization: string | undefined) => Promise<Record<string, string> | undefined>;

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: string[];
}

/**
 * What the deployed firewall and handler refuse (shared/http/body-limit.ts), far below API Gateway's
 * own 10 MB: a body the deployment would refuse is refused here too, before any function runs.
 */
const MAX_BODY_BYTES = MAX_REQUEST_BODY_BYTES;

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(match[1]!);
      return match[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/**
 * Plain objects built with Object.fromEntries, never by assignment into `{}`: a query or header
 * named `constructor` or `__proto__` becomes an own property like any other name, instead of
 * reaching Object.prototype.
 */
function grouped(pairs: Iterable<[string, string]>): { last: Record<string, string>; all: Record<string, string[]> } {
  const all = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const values = all.get(name);
    if (values) values.push(value);
    else all.set(name, [value]);
  }
  return {
    last: Object.fromEntries([...all].map(([name, values]) => [name, values[values.length - 1]!])),
    all: Object.fromEntries(all),
  };
}

function* headerPairs(headers: IncomingMessage['headers']): Generator<[string, string]> {
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) yield [name, v];
  }
}

export function buildEvent(
  req: { method: string; url: URL; headers: IncomingMessage['headers']; body: Buffer; sourceIp?: string },
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEvent {
  const { last: headers, all: multiValueHeaders } = grouped(headerPairs(req.headers));
  const { last: query, all: multiQuery } = grouped(req.url.searchParams);
  const hasQuery = Object.keys(query).length > 0;
  // As API Gateway with the API's binary media types (every type): request bodies arrive base64-encoded.
  const binary = isBinaryMediaType(headers['content-type']);
  const now = new Date();
  return {
    resource: route.path,
    path: req.url.pathname,
    httpMethod: req.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : null,
    stageVariables: null,
    body: req.body.length === 0 ? null : binary ? req.body.toString('base64') : req.body.toString('utf8'),
    isBase64Encoded: binary && req.body.length > 0,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: claims ? { claims } : null,
      httpMethod: req.method,
      identity: {
        sourceIp: req.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? null,
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: req.url.pathname, // no stage prefix locally (on AWS: /v1/…)
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: route.path,
      stage: 'local',
    },
  } as APIGatewayProxyEvent;
}

function send(res: ServerResponse, result: APIGatewayProxyResult, acceptEncoding?: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  let body: Buffer = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body ?? '');
  // As API Gateway with minimumCompressionSize (shared/http/compression.ts): large answers, compressed when asked.
  const compressed = compressBody(body, acceptEncoding, headers['content-encoding'] !== undefined);
  if (compressed) {
    body = compressed.body;
    Object.assign(headers, compressed.headers);
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  }
  res.writeHead(result.statusCode, headers);
  res.end(body);
}

/**
 * The distribution's /published/* behaviour, locally: the media bucket's object under the same key,
 * or 404 (the bucket serves nothing else to the distribution: infra/stacks/data-stack.ts).
 */
export type PublishedFileReader = (
  key: string,
) => Promise<{ body: Buffer; headers: Record<string, string> } | undefined>;

function gatewayProblem(res: ServerResponse, code: ProblemCode, path: string) {
  const body = problemBody(code, { lang: 'vi', instance: path, requestId: randomUUID() });
  // As the API stack's gateway responses: the one configured origin, or none (never `*`).
  const origins = allowedOrigins(process.env.CORS_ALLOWED_ORIGINS);
  send(res, {
    statusCode: body.status,
    headers: {
      ...problemHeaders(body.status),
      ...(origins.length === 1 ? { 'access-control-allow-origin': origins[0]! } : {}),
    },
    body: JSON.stringify(body),
  });
}

function invalidPathParameter(res: ServerResponse, name: string, path: string) {
  const message = {
    vi: `Tham số đường dẫn ${name} có %-encoding không hợp lệ`,
    en: `Path parameter ${name} has malformed %-encoding`,
  };
  const body = problemBody('validation', {
    lang: 'vi',
    instance: path,
    requestId: randomUUID(),
    detail: message,
    fields: [{ field: `path.${name}`, code: 'malformed_encoding', message }],
  });
  const origins = allowedOrigins(process.env.CORS_ALLOWED_ORIGINS);
  send(res, {
    statusCode: body.status,
    headers: {
      ...problemHeaders(body.status),
      ...(origins.length === 1 ? { 'access-control-allow-origin': origins[0]! } : {}),
    },
    body: JSON.stringify(body),
  });
}

/**
 * The body, or undefined when it exceeds the deployment's body limit (announced by Content-Length
 * or found while reading). The rest of an oversized body is read and dropped, so that the client
 * receives the 413 instead of a connection reset in the middle of its upload.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (tooLarge) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request target as a URL; only origin-form ("/path?query") reaches a REST API, anything else is a 400. */
function targetOf(raw: string | undefined): URL | undefined {
  if (!raw?.startsWith('/')) return undefined;
  try {
    return new URL(`http://localhost${raw}`);
  } catch {
    return undefined;
  }
}

/** A path parameter as the handler receives it: %-decoded, or undefined when its encoding is malformed. */
function decodeParameter(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export interface LocalGateway {
  readonly url: string;
  close(): Promise<void>;
}

export async function startGateway(options: {
  routes: readonly RouteDefinition[];
  invoke: LocalFunctions['invoke'];
  port?: number;
  authorizer?: Authorizer;
  /** Serve the local identity provider's sign-in endpoints under /local-auth. */
  localAuth?: OAuthState;
  /** Serve this built console folder at /console/ (the edge serves its bucket on AWS). */
  consoleDir?: string;
  /** Serve published attachments under /published/, as the distribution does. */
  publishedFiles?: { prefix: string; read: PublishedFileReader };
}): Promise<LocalGateway> {
  // API Gateway prefers literal segments over parameters (/calendar/due before /calendar/{year}).
  const literals = (c: CompiledRoute) => c.route.path.split('/').filter((seg) => !seg.startsWith('{')).length;
  const compiled = options.routes.map(compile).sort((a, b) => literals(b) - literals(a));
  const authorizer: Authorizer = options.authorizer ?? (async () => undefined);

  const server: Server = createServer(async (req, res) => {
    let url = new URL('http://localhost/');
    try {
      const target = targetOf(req.url);
      if (!target) return gatewayProblem(res, 'validation', '/');
      url = target;
      const method = req.method ?? 'GET';
      if (options.localAuth && url.pathname.startsWith(LOCAL_AUTH_PREFIX)) {
        const body = await readBody(req);
        if (!body) return gatewayProblem(res, 'payload_too_large', url.pathname);
        return await handleLocalAuth(options.localAuth, req, res, url, body);
      }
      if (options.consoleDir && (url.pathname === '/console' || url.pathname.startsWith('/console/')))
        return await serveConsole(req, res, url, options.consoleDir);
      const files = options.publishedFiles;
      if (files && url.pathname.startsWith(`/${files.prefix}`) && (method === 'GET' || method === 'HEAD')) {
        const file = await files.read(decodeURIComponent(url.pathname.slice(1)));
        if (!file) return gatewayProblem(res, 'route_not_found', url.pathname);
        res.writeHead(200, file.headers);
        res.end(method === 'HEAD' ? undefined : file.body);
        return;
      }
      const candidates = compiled
        .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
        .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
      if (method === 'OPTIONS' && candidates.length > 0) {
        // As the API stack's preflights: `*` on public paths, the configured origins elsewhere.
        const origin = isPublicPath(candidates.map((x) => x.c.route))
          ? { 'access-control-allow-origin': PUBLIC_ORIGIN }
          : allowOriginHeader(req.headers.origin, allowedOrigins(process.env.CORS_ALLOWED_ORIGINS));
        res.writeHead(204, {
          ...origin,
          'access-control-allow-methods': [...candidates.map((x) => x.c.route.method as string), 'OPTIONS'].join(','),
          'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
          'access-control-max-age': String(corsPolicy.maxAgeSeconds),
        });
        res.end();
        return;
      }
      // HEAD reaches the GET route where the deployment has a HEAD method for it (api-stack.ts).
      const hit = candidates.find(
        (x) =>
          x.c.route.method === method || (method === 'HEAD' && x.c.route.method === 'GET' && answersHead(x.c.route)),
      );
      if (!hit) return gatewayProblem(res, 'route_not_found', url.pathname);
      const body = await readBody(req);
      if (!body) return gatewayProblem(res, 'payload_too_large', url.pathname);
      const { route, names } = hit.c;
      let claims: Record<string, string> | undefined;
      if (route.auth !== 'public') {
        claims = await authorizer(req.headers.authorization);
        if (!claims) return gatewayProblem(res, 'unauthenticated', url.pathname);
        // As API Gateway's Cognito authorizer with authorization scopes: a token without one the
        // route accepts is refused as unauthorized (401), like a missing token, not forbidden.
        const scopes = (claims.scope ?? '').split(' ');
        if (!acceptedScopes(route).some((s) => scopes.includes(s)))
          return gatewayProblem(res, 'unauthenticated', url.pathname);
      }
      const decoded = names.map((name, i) => [name, decodeParameter(hit.m[i + 1]!)] as const);
      const malformed = decoded.find(([, value]) => value === undefined);
      if (malformed) return invalidPathParameter(res, malformed[0], url.pathname);
      const params = Object.fromEntries(decoded) as Record<string, string>;
      const event = buildEvent(
        { method, url, headers: req.headers, body, sourceIp: sourceOf(req) },
        route,
        params,
        claims,
      );
      const result = (await options.invoke(route.function, event)) as APIGatewayProxyResult;
      send(res, method === 'HEAD' ? { ...result, body: '' } : result, req.headers['accept-encoding']);
    } catch (error) {
      console.error('local gateway: handler failed', error);
      gatewayProblem(res, 'unavailable', url.pathname);
    } finally {
      req.resume(); // drop any body left unread, so that the client reads the answer rather than a reset
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
