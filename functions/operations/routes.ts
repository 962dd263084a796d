import * as z from 'zod';
import { defineRoute } from '../../shared/http/contract';
import { dependencyStatusSchema } from '../../shared/api/common-schemas';

/** The operations area's route contracts. */
export const operationsRoutes = {
  health: defineRoute({
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    function: 'health',
    auth: 'public',
    summary: 'Liveness and dependency check',
    description: 'Answers 200 when the table, buckets and queues answer, 503 when any does not.',
    tags: ['operations'],
    responses: {
      200: {
        description: 'All dependencies answer',
        schema: z.object({
          status: z.enum(['ok', 'degraded']),
          time: z.iso.datetime(),
          checks: z.record(z.string(), dependencyStatusSchema),
        }),
      },
      503: { description: 'At least one dependency does not answer' },
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
    responses: { 200: { description: 'The OpenAPI document' } },
  }),
} as const;
