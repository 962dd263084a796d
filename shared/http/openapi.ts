import * as z from 'zod/mini';
import { acceptedScopes, type ResponseSpec, type RouteDefinition } from './contract';
import { problemSchema } from '../api/common-schemas';
import { problemKinds } from './error-table';

/**
 * Builds the OpenAPI 3.1 document from the route contracts. Schemas come from zod's own
 * JSON Schema (draft 2020-12) output, which OpenAPI 3.1 uses as its schema dialect.
 */
type JsonSchema = Record<string, unknown>;

/** API Gateway's stage: every URL of the API on AWS starts with `/v1`. */
export const API_STAGE_NAME = 'v1';

export interface ServerEntry {
  readonly url: string;
  readonly description: string;
}

function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(route: RouteDefinition) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const props = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(props)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
        schema: prop,
      });
    }
  }
  const unsafe = route.method !== 'GET' && route.method !== 'DELETE';
  if (unsafe) list.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return list;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * One documented response: a 2xx with its schema (JSON, or the media type it declares, e.g.
 * text/calendar as a string), a 204 with no content, an error as problem+json.
 */
function responseOf(status: number, spec: ResponseSpec) {
  if (status >= 400 && !spec.schema) return problemResponse(spec.description);
  if (status === 204) return { description: spec.description };
  const contentType = spec.contentType ?? 'application/json';
  const schema = spec.schema ? schemaOf(spec.schema, 'output') : { type: 'string' };
  return { description: spec.description, content: { [contentType]: { schema } } };
}

export function buildOpenApi(
  routes: readonly RouteDefinition[],
  info: { title: string; version: string; servers?: readonly ServerEntry[] },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) responses[status] = responseOf(Number(status), spec);
    const unsafe = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
    if (route.params || route.query || route.body || unsafe)
      responses['400'] ??= problemResponse(problemKinds.validation.title.en);
    if (route.auth !== 'public') {
      responses['401'] ??= problemResponse(problemKinds.unauthenticated.title.en);
      responses['403'] ??= problemResponse(problemKinds.forbidden.title.en);
    }
    if (unsafe) {
      responses['409'] ??= problemResponse(
        `${problemKinds.conflict.title.en}; or ${problemKinds.idempotency_in_progress.title.en}`,
      );
      responses['422'] ??= problemResponse(problemKinds.idempotency_mismatch.title.en);
    }
    if (route.body) {
      responses['413'] ??= problemResponse(problemKinds.payload_too_large.title.en);
      responses['415'] ??= problemResponse(problemKinds.unsupported_media_type.title.en);
    }
    responses.default ??= problemResponse('Problem details (RFC 9457)');
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } },
          }
        : {}),
      responses,
      // OpenAPI 3.1 lets a bearer scheme list the scopes (roles) an operation accepts: the authorizer's.
      security: route.auth === 'public' ? [] : [{ cognito: acceptedScopes(route) }],
    };
  }
  return {
    openapi: '3.1.1',
    info: { title: info.title, version: info.version },
    ...(info.servers && info.servers.length > 0 ? { servers: info.servers } : {}),
    paths,
    components: {
      schemas: { Problem: schemaOf(problemSchema, 'output') },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A unique key per intended operation; a retry with the same key and body returns the first response.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
    security: [{ cognito: [] }],
  };
}
