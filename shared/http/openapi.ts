import * as z from 'zod';
import type { RouteDefinition } from './contract';
import { problemSchema } from '../api/common-schemas';
import { problemKinds } from './error-table';

/**
 * Builds the OpenAPI 3.1 document from the route contracts. Schemas come from zod's own
 * JSON Schema (draft 2020-12) output, which OpenAPI 3.1 uses as its schema dialect.
 */
type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
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
  const unsafe = route.method !== 'GET' && route.method !== 'DELETE' && route.idempotent !== false;
  if (unsafe) list.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return list;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export function buildOpenApi(routes: readonly RouteDefinition[], info: { title: string; version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const contentType = spec.contentType ?? 'application/json';
      responses[status] = {
        description: spec.description,
        ...(spec.schema ? { content: { [contentType]: { schema: schemaOf(spec.schema, 'output') } } } : {}),
      };
    }
    if (route.params || route.query || route.body) responses['400'] ??= problemResponse(problemKinds.validation.title.en);
    if (route.auth !== 'public') {
      responses['401'] ??= problemResponse(problemKinds.unauthenticated.title.en);
      responses['403'] ??= problemResponse(problemKinds.forbidden.title.en);
    }
    responses.default ??= problemResponse('Problem details (RFC 9457)');
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
        : {}),
      responses,
      ...(route.auth === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.1',
    info: { title: info.title, version: info.version },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Problem: schemaOf(problemSchema, 'output') },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A unique key per intended operation; a retry with the same key and body returns the first response.',
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
