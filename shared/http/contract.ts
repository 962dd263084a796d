import type * as z from 'zod/mini';
import type { FunctionKey } from '../../functions/manifest';
import type { Action } from '../domain/access/rules';
import { USER_SCOPE, type MachineScope } from '../domain/access/scopes';
import type { Principal } from '../domain/access/authorize';

/**
 * The contract of one API route: where it lives, who may call it and the zod schemas of its
 * parts. The API stack, the local gateway, validation and the OpenAPI document all read it.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.core.$ZodType;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

export interface RouteDefinition {
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway resource template, e.g. `/calendar/{year}`. */
  readonly path: string;
  readonly function: FunctionKey;
  readonly auth: 'public' | 'signed-in';
  /**
   * With `signed-in`: the action of the rule table (shared/domain/access/rules.ts) the route
   * performs. The caller must hold a role that grants it somewhere; the handler then checks the
   * unit the request targets.
   */
  readonly action?: Action;
  /** Machine-client scopes that may call this signed-in route, besides people (none: people only). */
  readonly machineScopes?: readonly MachineScope[];
  /** Routes a caller may use while their password must be changed (NA 10.2đ). */
  readonly passwordChangeExempt?: boolean;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly params?: z.core.$ZodObject;
  readonly query?: z.core.$ZodObject;
  readonly body?: z.core.$ZodType;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /**
   * Response fields that are secrets shown once (a temporary password, a client secret). Every
   * POST/PUT/PATCH honours Idempotency-Key; these fields are never stored, so a replay omits them.
   */
  readonly secretFields?: readonly string[];
  /**
   * The Idempotency-Key record joins the step's own transaction (issue 22): looked up alongside the
   * caller's read, written with the change, no claim before and no update after. Only for steps
   * whose last call is their one unit-of-work commit (nothing read or written after it).
   */
  readonly idempotencyJoinsCommit?: true;
}

export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

type Out<S> = S extends z.core.$ZodType ? z.output<S> : Record<string, never>;

export interface Caller {
  readonly kind: 'anonymous' | 'user' | 'machine';
  readonly id: string;
  readonly claims: Readonly<Record<string, string>>;
}

export interface RouteInput<R extends RouteDefinition> {
  readonly params: Out<R['params']>;
  readonly query: Out<R['query']>;
  readonly body: Out<R['body']>;
  readonly caller: Caller;
  /** Our own view of a signed-in caller (unit, roles, delegations); undefined on public routes. */
  readonly principal: R['auth'] extends 'signed-in' ? Principal : Principal | undefined;
  readonly requestId: string;
  readonly lang: 'vi' | 'en';
  readonly headers: Readonly<Record<string, string>>;
  /** The client's address as the gateway saw it (personal data: never logged or stored as such). */
  readonly clientAddress: string;
  /** The client's User-Agent as the gateway saw it (personal data, like the address: never logged or stored as such). */
  readonly userAgent: string;
  /**
   * Where the API is served on this host: `/v1` (API Gateway's stage) or `` (local). A `location`
   * header given from the API's root (`/content/…`) gets it added by the handler.
   */
  readonly basePath: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Set for non-JSON bodies (the body is then sent as the string it is). */
  readonly contentType?: string;
  /** Sent gzip-compressed to callers that accept it (shared/http/compression.ts): large text such as sitemaps. */
  readonly compressible?: boolean;
}

export interface RouteImplementation<R extends RouteDefinition> {
  (input: RouteInput<R>): Promise<HttpResult>;
  /**
   * A read the step needs that depends on the path alone (the unit, the item): the handler starts it
   * with the caller's and the Idempotency-Key's reads, before authorisation ends, so it costs no
   * round of its own (issue 22). Its answer reaches the step only once the caller is authorised
   * and the request valid; a refused or replayed request discards it. Set by `readingAhead`.
   */
  readonly readAhead?: (params: Out<R['params']>) => Promise<unknown>;
}

/**
 * An implementation whose step reads `read(params)` ahead (see RouteImplementation.readAhead): the
 * step receives the read started, or starts it itself when the handler did not (a direct call).
 */
export function readingAhead<R extends RouteDefinition, A>(
  read: (params: Out<R['params']>) => Promise<A>,
  step: (input: RouteInput<R>, ahead: Promise<A>) => Promise<HttpResult>,
): RouteImplementation<R> {
  const implementation = (input: RouteInput<R> & { readonly ahead?: Promise<A> }) =>
    step(input, input.ahead ?? read(input.params));
  return Object.assign(implementation, { readAhead: read });
}

export interface RouteBinding {
  readonly route: RouteDefinition;
  readonly implementation: RouteImplementation<RouteDefinition>;
}

/** The routes of an area's table that function `F` serves. */
export type RoutesServedBy<T, F extends FunctionKey> = {
  [K in keyof T as T[K] extends { readonly function: F } ? K : never]: T[K];
};

/**
 * One implementation per route the function serves, keyed like the area's table: a route without
 * an implementation (or an implementation without a route) is a compile error, not a 404.
 */
export type Implementations<T, F extends FunctionKey> = {
  [K in keyof RoutesServedBy<T, F>]: RoutesServedBy<T, F>[K] extends RouteDefinition
    ? RouteImplementation<RoutesServedBy<T, F>[K]>
    : never;
};

/** Pairs each route of `table` served by `fn` with its implementation. */
export function bindAll<T extends Readonly<Record<string, RouteDefinition>>, F extends FunctionKey>(
  fn: F,
  table: T,
  implementations: Implementations<T, F>,
): RouteBinding[] {
  const impls = implementations as unknown as Record<string, RouteImplementation<RouteDefinition> | undefined>;
  return Object.entries(table)
    .filter(([, route]) => route.function === fn)
    .map(([key, route]) => {
      const implementation = impls[key];
      if (!implementation) throw new Error(`Route ${route.id} has no implementation in function ${fn}`);
      return { route, implementation };
    });
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): HttpResult => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** The scopes API Gateway accepts on a signed-in route: people's own, plus the route's machine scopes. */
export const acceptedScopes = (route: RouteDefinition): string[] => [USER_SCOPE, ...(route.machineScopes ?? [])];
