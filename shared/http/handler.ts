import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { httpSecurityHeaders } from './security-headers';
import { negotiateEncoding } from './compression';
import httpCors from '@middy/http-cors';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import { requestField } from './request-fields';
import { text, type Language } from '../domain/text';
import { logger } from '../logger';
import {
  acceptedScopes,
  bindAll,
  type Caller,
  type Implementations,
  type RouteDefinition,
  type HttpResult,
} from './contract';
import type { FunctionKey } from '../../functions/manifest';
import { rolesFor, type Action } from '../domain/access/rules';
import { scopesGrant } from '../domain/access/scopes';
import type { Principal } from '../domain/access/authorize';
import type { Resolution } from '../application/principals';
import type { IdempotencyStore } from './idempotency-store';
import { callerOf } from './caller';
import { beginIdempotency, keyScopeOf } from './idempotency';
import { allowedOrigins, corsPolicy, PUBLIC_ORIGIN } from './cors';
import { basePathOf, HttpProblem, problemBody, problemHeaders } from './problem';
import { parsePart } from './validation';
import { MAX_REQUEST_BODY_BYTES } from './body-limit';
import { conditionalGet } from './conditional-get';

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const languageOf = (event: APIGatewayProxyEvent): Language =>
  /^\s*en\b/i.test(event.headers?.['accept-language'] ?? '') ? 'en' : 'vi';

function readBody(event: APIGatewayProxyEvent): unknown {
  if (event.body == null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_REQUEST_BODY_BYTES) throw new HttpProblem('payload_too_large');
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(
      'unsupported_media_type',
      text('Nội dung phải là application/json', 'The body must be application/json'),
    );
  }
  try {
    return JSON.parse(raw);
  } catch {
    const message = text('JSON không hợp lệ', 'The body is not valid JSON');
    throw new HttpProblem('malformed_json', message, [{ field: 'body', code: 'malformed_json', message }]);
  }
}

/** Validates every part and reports all failing fields at once. */
function validate(route: RouteDefinition, event: APIGatewayProxyEvent) {
  const body = route.body ? readBody(event) : undefined;
  const parts = [
    ['params', route.params, event.pathParameters ?? {}],
    ['query', route.query, event.queryStringParameters ?? {}],
    ['body', route.body, body],
  ] as const;
  const values: Record<string, unknown> = { params: {}, query: {}, body: undefined };
  const issues = [];
  for (const [name, schema, value] of parts) {
    if (!schema) continue;
    const parsed = parsePart(name, schema, value);
    if (parsed.ok) values[name] = parsed.value;
    else issues.push(...parsed.issues);
  }
  if (issues.length > 0) {
    throw new HttpProblem(
      'validation',
      text('Yêu cầu có trường không hợp lệ', 'The request has invalid fields'),
      issues,
    );
  }
  return values as { params: never; query: never; body: never };
}

/** The request's validated parts, or the problem `validate` would throw, to throw once the caller is known. */
function validatedOrProblem(
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
): { values: ReturnType<typeof validate> } | { problem: unknown } {
  try {
    return { values: validate(route, event) };
  } catch (problem) {
    return { problem };
  }
}

/**
 * The response as API Gateway expects it. A `location` the route gives relative to the API's root
 * (`/content/…`) gets the base path the request came in on (`/v1` on AWS), so every route's
 * Location resolves on the host that answered. A body that depended on Accept-Language says so.
 */
function toResponse(result: HttpResult, basePath: string, localized: boolean): APIGatewayProxyResult {
  const isJson = result.contentType === undefined;
  const headers: Record<string, string> = {
    'content-type': result.contentType ?? 'application/json; charset=utf-8',
    ...result.headers,
  };
  if (headers.location?.startsWith('/') && !headers.location.startsWith('//'))
    headers.location = `${basePath}${headers.location}`;
  if (localized) headers.vary = withVary(headers.vary, 'Accept-Language');
  // Bytes (a Word document) travel base64-encoded; API Gateway turns them back into bytes.
  if (result.body instanceof Uint8Array) {
    if (result.contentType === undefined) headers['content-type'] = 'application/octet-stream';
    return {
      statusCode: result.status,
      headers,
      body: Buffer.from(result.body).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: result.status,
    headers,
    body: result.body === undefined ? '' : isJson ? JSON.stringify(result.body) : String(result.body),
  };
}

/**
 * The gateway has authenticated the token of a non-public route; here the caller becomes a
 * principal from our own records, must have changed an expired or temporary password, and must
 * hold a role that grants the route's action somewhere.
 */
async function authorise(
  route: RouteDefinition,
  caller: Caller,
  services: HttpServices,
): Promise<Principal | undefined> {
  if (route.auth === 'public') return undefined;
  if (caller.kind === 'anonymous') throw new HttpProblem('unauthenticated');
  const resolution = await services.resolvePrincipal!(caller.claims);
  if (resolution.kind === 'unknown') {
    throw new HttpProblem(
      'unauthenticated',
      text('Tài khoản không tồn tại trong hệ thống', 'No account for this sign-in'),
    );
  }
  if (resolution.kind === 'closed') {
    throw new HttpProblem('unauthenticated', text('Tài khoản đã bị đóng', 'The account is closed'));
  }
  if (resolution.mustChangePassword && !route.passwordChangeExempt) {
    throw new HttpProblem(
      'password_change_required',
      text(
        'Mật khẩu là mật khẩu tạm hoặc đã quá 3 tháng: hãy đổi tại POST /me/password',
        'Your password is temporary or older than 3 months: change it at POST /me/password',
      ),
    );
  }
  const { principal } = resolution;
  const mayAct = (action: Action) =>
    principal.kind === 'machine'
      ? scopesGrant(principal.scopes, action) && acceptedScopes(route).some((s) => principal.scopes?.includes(s))
      : principal.roles.some((r) => rolesFor(action).includes(r));
  if (route.action && !mayAct(route.action)) {
    throw new HttpProblem('forbidden', text(`Không có quyền "${route.action}"`, `Not allowed to "${route.action}"`));
  }
  return principal;
}

const routeKey = (method: string, path: string) => `${method} ${path}`;

/**
 * Adapters the chain needs for some routes, passed in by the entry point (see shared/http/services.ts):
 * principal resolution for signed-in routes, the Idempotency-Key store for unsafe methods.
 */
export interface HttpServices {
  readonly resolvePrincipal?: (claims: Readonly<Record<string, string>>) => Promise<Resolution>;
  readonly idempotencyStore?: () => IdempotencyStore;
  /** The origins signed-in routes answer (CORS_ALLOWED_ORIGINS); none when unset (an entry point of public routes only). */
  readonly corsOrigins?: string;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Fails at cold start, naming the route, when an entry point serves routes whose adapters it did not wire. */
function checkServices(fn: string, routes: readonly RouteDefinition[], services: HttpServices) {
  for (const route of routes) {
    if (route.auth === 'signed-in' && !services.resolvePrincipal)
      throw new Error(`${fn}: ${route.id} is signed-in but no principal resolver is wired`);
    if (UNSAFE_METHODS.has(route.method) && !services.idempotencyStore)
      throw new Error(`${fn}: ${route.id} changes state but no idempotency store is wired`);
  }
}

/**
 * One Lambda function serving one or more routes, with the house middleware chain:
 * logger → header normaliser → idempotency → CORS → security headers → problem+json errors →
 * cache headers, ETag and 304 for cached public reads (shared/http/edge-cache.ts).
 */
export function httpFunction<T extends Readonly<Record<string, RouteDefinition>>, F extends FunctionKey>(
  fn: F,
  table: T,
  implementations: Implementations<T, F>,
  services: HttpServices = {},
): ApiHandler {
  const bindings = bindAll(fn, table, implementations);
  checkServices(
    fn,
    bindings.map((b) => b.route),
    services,
  );
  const byKey = new Map(bindings.map((b) => [routeKey(b.route.method, b.route.path), b]));
  // HEAD is answered by the GET route of the same path, without the body (conditionalGet).
  const bindingOf = (event: APIGatewayProxyEvent) =>
    byKey.get(routeKey(event.httpMethod === 'HEAD' ? 'GET' : event.httpMethod, event.resource));
  const idempotencyStore = () => services.idempotencyStore!();

  const core = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const binding = bindingOf(event);
    if (!binding) throw new HttpProblem('route_not_found');
    const { route, implementation } = binding;
    const caller = callerOf(event);
    // Started first, so a key's record is read alongside the caller's account (one round).
    const underKey = beginIdempotency(route, event, keyScopeOf(caller, event), idempotencyStore);
    const authorising = authorise(route, caller, services);
    // Validated while the caller is read, refused only after: an unauthenticated caller learns nothing of the request's faults.
    const validation = validatedOrProblem(route, event);
    // The step's own read by path, in the same round (RouteImplementation.readAhead); discarded if the request is refused.
    const ahead = 'values' in validation ? implementation.readAhead?.(validation.values.params) : undefined;
    ahead?.catch(() => undefined);
    const principal = await authorising;
    if ('problem' in validation) throw validation.problem;
    const { params, query, body } = validation.values;
    const basePath = basePathOf(event);
    const run = async () => {
      // Whether the body depends on Accept-Language is known by whether the route read `lang`.
      let localized = false;
      const input = {
        params,
        query,
        body,
        caller,
        principal: principal as Principal,
        requestId: event.requestContext?.requestId ?? 'local',
        get lang() {
          localized = true;
          return languageOf(event);
        },
        headers: event.headers as Record<string, string>,
        clientAddress: event.requestContext?.identity?.sourceIp ?? '',
        userAgent: event.requestContext?.identity?.userAgent ?? '',
        basePath,
        ...(ahead && { ahead }),
      };
      const result = await implementation(input);
      const response = toResponse(result, basePath, localized);
      return result.compressible ? negotiateEncoding(response, event.headers) : response;
    };
    return underKey(run);
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requestLog())
    .use(httpHeaderNormalizer())
    .use(corsByRoute((event) => bindingOf(event)?.route, services.corsOrigins ?? ''))
    .use(httpSecurityHeaders())
    .use(problemErrors((event) => bindingOf(event)?.route))
    .use(conditionalGet((event) => bindingOf(event)?.route)) as unknown as ApiHandler;
}

/**
 * CORS per route (shared/http/cors.ts): public routes answer `*` without credentials, signed-in
 * routes only the configured origins (echoed, with Vary: Origin).
 */
function corsByRoute(
  routeOf: (event: APIGatewayProxyEvent) => RouteDefinition | undefined,
  corsOrigins: string,
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const common = {
    headers: corsPolicy.allowHeaders.join(','),
    exposeHeaders: corsPolicy.exposeHeaders.join(','),
    maxAge: corsPolicy.maxAgeSeconds,
  };
  const staff = httpCors({ ...common, origins: allowedOrigins(corsOrigins) });
  const open = httpCors({ ...common, origins: [PUBLIC_ORIGIN], credentials: false });
  const pick = (request: middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>) =>
    routeOf(request.event)?.auth === 'public' ? open : staff;
  return {
    after: (request) => pick(request).after!(request),
    onError: (request) => pick(request).onError!(request),
  };
}

/** A Vary header with `value` added once (case-insensitive). */
function withVary(current: string | undefined, value: string): string {
  const parts = (current ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.some((p) => p.toLowerCase() === value.toLowerCase()) ? parts.join(', ') : [...parts, value].join(', ');
}

/** Renders any error as problem+json; unexpected errors are logged and hidden from callers. */
function problemErrors(
  routeOf: (event: APIGatewayProxyEvent) => RouteDefinition | undefined,
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      const { error, event } = request;
      const lang = languageOf(event);
      const requestId = event.requestContext?.requestId;
      const instance = event.path;
      let problem: HttpProblem;
      if (error instanceof HttpProblem) problem = error;
      // The domain names its fields; the route's contract says where in the request they came from.
      else if (error instanceof DomainError) {
        const route = routeOf(event);
        problem = new HttpProblem(
          error.code,
          error.messages,
          error.fields.map((f) => ({ ...f, field: requestField(f.field, route) })),
        );
      } else {
        logger.error('Unhandled error', { error: error as Error });
        problem = new HttpProblem(
          'internal',
          text('Đã xảy ra lỗi, vui lòng thử lại sau', 'Something went wrong; please try again later'),
        );
      }
      const body = problemBody(problem.code, {
        detail: problem.detail,
        fields: problem.fields,
        instance,
        ...(requestId ? { requestId } : {}),
        lang,
        basePath: basePathOf(event),
      });
      request.response = {
        statusCode: body.status,
        // Problem bodies carry the title and detail in the caller's language.
        headers: { ...problemHeaders(body.status), ...problem.headers, vary: 'Accept-Language' },
        body: JSON.stringify(body),
      };
    },
  };
}

/** One line per request: route template, status and duration; no values that could be personal. */
function requestLog(): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const started = new WeakMap<object, number>();
  const log = (request: middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>) =>
    logger.info('request', {
      method: request.event.httpMethod,
      route: request.event.resource,
      status: request.response?.statusCode,
      durationMs: Math.round(performance.now() - (started.get(request) ?? performance.now())),
    });
  return {
    before: (request) => {
      started.set(request, performance.now());
    },
    after: log,
    onError: log,
  };
}
