import { createHash } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { text } from '../domain/text';
import type { RouteDefinition } from './contract';
import type { IdempotencyStore } from './idempotency-store';
import { HttpProblem } from './problem';

/**
 * Idempotency-Key for unsafe methods (draft-ietf-httpapi-idempotency-key-header): the first
 * response is stored and replayed for a retry with the same key and the same request; the same
 * key with another request is a 422; a retry while the first still runs is a 409.
 * Registered before CORS and security headers so that the stored response carries them.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH']);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>;

export function idempotency(
  routeOf: (event: APIGatewayProxyEvent) => RouteDefinition | undefined,
  store: () => IdempotencyStore,
  callerIdOf: (event: APIGatewayProxyEvent) => string,
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const claimed = new WeakMap<object, string>();

  return {
    before: async (request: Request) => {
      const { event } = request;
      const route = routeOf(event);
      if (!route || !UNSAFE.has(event.httpMethod) || route.idempotent === false) return;
      const key = event.headers?.['idempotency-key'];
      if (key === undefined) return;
      if (!KEY_PATTERN.test(key)) {
        const message = text(
          'Idempotency-Key phải gồm 1–255 ký tự ASCII in được',
          'Idempotency-Key must be 1–255 printable ASCII characters',
        );
        throw new HttpProblem('validation', message, [{ field: 'headers.Idempotency-Key', code: 'invalid_format', message }]);
      }
      const scope = sha256([callerIdOf(event), event.httpMethod, event.resource, key].join('\n'));
      const fingerprint = sha256([event.httpMethod, event.path, event.body ?? ''].join('\n'));
      const outcome = await store().begin(scope, fingerprint, new Date());
      switch (outcome.kind) {
        case 'started':
          claimed.set(request, scope);
          return;
        case 'replay':
          return {
            statusCode: outcome.response.statusCode,
            headers: { ...outcome.response.headers, 'idempotent-replayed': 'true' },
            body: outcome.response.body,
          };
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
    },
    after: async (request: Request) => {
      const scope = claimed.get(request);
      if (!scope || !request.response) return;
      const { statusCode, headers, body } = request.response;
      const stringHeaders = Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
      await store().complete(scope, { statusCode, headers: stringHeaders, body }, new Date());
    },
    onError: async (request: Request) => {
      const scope = claimed.get(request);
      if (scope) await store().release(scope);
    },
  };
}
