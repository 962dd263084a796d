import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { text } from '../domain/text';
import { logger } from '../logger';
import type { Caller, RouteDefinition } from './contract';
import type { EarlierOutcome, IdempotencyStore, StoredResponse } from './idempotency-store';
import { HttpProblem } from './problem';

/**
 * Idempotency-Key on every POST, PUT and PATCH (draft-ietf-httpapi-idempotency-key-header): the
 * first response is stored and replayed for a retry with the same key and the same request; the
 * same key with another request is a 422; a retry while the first still runs is a 409.
 * It wraps the route's implementation (after authorisation and validation), so the whole
 * middleware chain (request log, CORS for this request's origin, security headers) runs on a
 * replay as on the first response. Fields a route marks secret are never stored: a replay
 * comes without them and names them in `Idempotent-Redacted`.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH']);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const REPLAYED_HEADER = 'idempotent-replayed';
export const REDACTED_HEADER = 'idempotent-redacted';

/**
 * Whose keys these are. Anonymous callers do not share one scope: each source address has its
 * own, hashed (an address is personal data: it is never stored or logged as such).
 */
export function keyScopeOf(caller: Caller, event: APIGatewayProxyEvent): string {
  if (caller.kind !== 'anonymous') return `${caller.kind}:${caller.id}`;
  return `anonymous:${sha256(`source-ip\n${event.requestContext?.identity?.sourceIp ?? ''}`)}`;
}

/** The response without the route's secret fields (top-level or dotted paths of a JSON body). */
function redact(response: StoredResponse, secretFields: readonly string[]): StoredResponse {
  if (secretFields.length === 0) return response;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    // Not JSON: keep nothing of it rather than a secret.
    return { ...response, body: '', redacted: ['body'] };
  }
  const redacted: string[] = [];
  for (const field of secretFields) {
    const path = field.split('.');
    let node = body as Record<string, unknown> | undefined;
    for (const part of path.slice(0, -1))
      node = node && typeof node[part] === 'object' ? (node[part] as Record<string, unknown>) : undefined;
    const last = path[path.length - 1]!;
    if (node && Object.hasOwn(node, last)) {
      delete node[last];
      redacted.push(field);
    }
  }
  return redacted.length === 0 ? response : { ...response, body: JSON.stringify(body), redacted };
}

const stringHeaders = (headers: APIGatewayProxyResult['headers']) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));

export async function withIdempotencyKey(
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
  keyScope: string,
  store: () => IdempotencyStore,
  run: () => Promise<APIGatewayProxyResult>,
): Promise<APIGatewayProxyResult> {
  return beginIdempotency(route, event, keyScope, store)(run);
}

type Step = () => Promise<APIGatewayProxyResult>;

/**
 * Starts what the key needs before the route's step may run (called before authorisation): for a
 * route whose record joins its commit, the record's read starts now, alongside the caller's. The
 * function returned runs the step under the key; a malformed key is refused there, after the
 * caller and the request are checked, as before.
 */
export function beginIdempotency(
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
  keyScope: string,
  store: () => IdempotencyStore,
): (run: Step) => Promise<APIGatewayProxyResult> {
  if (!UNSAFE.has(event.httpMethod)) return (run) => run();
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return (run) => run();
  if (!KEY_PATTERN.test(key)) {
    return async () => {
      const message = text(
        'Idempotency-Key phải gồm 1–255 ký tự ASCII in được',
        'Idempotency-Key must be 1–255 printable ASCII characters',
      );
      throw new HttpProblem('validation', message, [
        { field: 'headers.Idempotency-Key', code: 'invalid_format', message },
      ]);
    };
  }
  const claim = [keyScope, event.httpMethod, event.resource, key].join('\n');
  const scope = sha256(claim);
  // The key itself is part of the fingerprint: what is stored cannot be guessed back to a body.
  const fingerprint = sha256([claim, event.path, event.body ?? ''].join('\n'));
  const joining = route.idempotencyJoinsCommit && store().peek && store().joinCommit ? store() : undefined;
  if (joining) {
    const earlier = joining.peek!(scope, fingerprint, new Date());
    earlier.catch(() => undefined);
    return async (run) => {
      // A failed step (an error, a 5xx) keeps nothing: its retry runs again.
      const stored = (response: APIGatewayProxyResult) =>
        response.statusCode >= 500 ? undefined : storable(route, response);
      const outcome = await joining.joinCommit!(scope, fingerprint, new Date(), earlier, run, stored);
      return outcome.kind === 'done' ? outcome.value : answerEarlier(outcome);
    };
  }
  return (run) => claimedBefore(route, scope, fingerprint, store, run);
}

/** The answer to a request whose key an earlier request used: its response replayed, or a 409 or 422. */
function answerEarlier(outcome: EarlierOutcome): APIGatewayProxyResult {
  switch (outcome.kind) {
    case 'replay': {
      const { statusCode, headers, body, redacted } = outcome.response;
      return {
        statusCode,
        headers: {
          ...headers,
          [REPLAYED_HEADER]: 'true',
          ...(redacted?.length ? { [REDACTED_HEADER]: redacted.join(',') } : {}),
        },
        body,
      };
    }
    case 'in_progress':
      throw new HttpProblem('idempotency_in_progress', undefined, [], { 'retry-after': '1' });
    case 'mismatch':
      throw new HttpProblem('idempotency_mismatch', undefined, [
        {
          field: 'headers.Idempotency-Key',
          code: 'reused',
          message: text(
            'Khóa này đã được dùng cho một yêu cầu có nội dung khác',
            'This key was already used for a request with a different body',
          ),
        },
      ]);
  }
}

const storable = (route: RouteDefinition, response: APIGatewayProxyResult): StoredResponse =>
  redact(
    { statusCode: response.statusCode, headers: stringHeaders(response.headers), body: response.body },
    route.secretFields ?? [],
  );

/** The key claimed before the step runs (a Put), completed after it (an Update): routes that do not join their commit. */
async function claimedBefore(
  route: RouteDefinition,
  scope: string,
  fingerprint: string,
  store: () => IdempotencyStore,
  run: Step,
): Promise<APIGatewayProxyResult> {
  const outcome = await store().begin(scope, fingerprint, new Date());
  if (outcome.kind !== 'started') return answerEarlier(outcome);
  let response: APIGatewayProxyResult;
  try {
    response = await run();
  } catch (error) {
    // A failed request is not kept: its retry runs again.
    await store().release(scope);
    throw error;
  }
  if (response.statusCode >= 500) {
    await store().release(scope);
    return response;
  }
  const stored = storable(route, response);
  try {
    await store().complete(scope, stored, new Date());
  } catch (error) {
    // The change is made: answer it. The claim expires, and a retry then runs again.
    logger.error('Idempotency record not completed', { error: error as Error, route: route.path });
  }
  return response;
}
