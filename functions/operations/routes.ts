import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { dependencyStatusSchema } from '../../shared/api/common-schemas';
import { problemKinds, problemSlug, type ProblemCode } from '../../shared/http/error-table';
import { bilingual } from '../../shared/domain/text';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  time: z.iso.datetime(),
  checks: z.record(z.string(), dependencyStatusSchema),
});

const problemSlugs = (Object.keys(problemKinds) as ProblemCode[]).map(problemSlug) as [string, ...string[]];

/** The operations area's route contracts. */
export const operationsRoutes = {
  health: defineRoute({
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'health',
    auth: 'public',
    summary: 'Liveness and dependency check',
    description:
      'Answers 200 when the table answers and the dependency-check job (every 15 minutes) last found the buckets and queues answering; 503 when any does not, or when that check is missing or older than two periods (`checks.monitoring`).',
    tags: ['operations'],
    responses: {
      200: { description: 'All dependencies answer', schema: healthSchema },
      503: { description: 'At least one dependency does not answer', schema: healthSchema },
    },
  }),
  openapi: defineRoute({
    id: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    function: 'openapi',
    auth: 'public',
    summary: 'This API described as OpenAPI 3.1',
    tags: ['operations'],
    responses: {
      200: {
        description: 'The OpenAPI document',
        schema: z.looseObject({
          openapi: z.string(),
          info: z.object({ title: z.string(), version: z.string() }),
          paths: z.record(z.string(), z.unknown()),
        }),
      },
    },
  }),
  problem: defineRoute({
    id: 'getProblemType',
    method: 'GET',
    path: '/problems/{code}',
    function: 'openapi',
    auth: 'public',
    summary: 'What a problem `type` of this API means (the `type` member of every error points here)',
    tags: ['operations'],
    params: z.object({
      code: z
        .enum(problemSlugs, { error: bilingual('Không có loại lỗi này', 'No such problem type') })
        .check(z.describe('The last segment of a problem `type`')),
    }),
    responses: {
      200: {
        description: 'The problem type',
        schema: z.object({
          type: z.string(),
          code: z.string(),
          status: z.int(),
          title: z.object({ vi: z.string(), en: z.string() }),
        }),
      },
    },
  }),
} as const;
