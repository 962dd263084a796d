import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { RouteDefinition } from '../../shared/http/contract';
import { buildEvent } from '../../infra/local/gateway';

/** An API Gateway proxy event for `route`, built exactly as the local gateway builds it. */
export function apiEvent(
  route: RouteDefinition,
  options: {
    path?: string;
    params?: Record<string, string>;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
    claims?: Record<string, string>;
  } = {},
): APIGatewayProxyEvent {
  const url = new URL(options.path ?? route.path, 'http://localhost');
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  return buildEvent(
    { method: route.method, url, headers: options.headers ?? {}, body: Buffer.from(options.body ?? '') },
    route,
    options.params ?? {},
    options.claims,
  );
}

export const testContext = (): Context =>
  ({
    functionName: 'test',
    awsRequestId: 'test',
    getRemainingTimeInMillis: () => 10_000,
  }) as Context;
