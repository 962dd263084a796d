import * as z from 'zod';
import { unitCodeSchema } from '../domain/units/unit';

/** Schemas shared by many routes' contracts. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          pointer: z.string(),
          code: z.string(),
          detail: z.string(),
          message: z.object({ vi: z.string(), en: z.string() }),
        }),
      )
      .optional(),
    i18n: z.object({
      vi: z.object({ title: z.string(), detail: z.string().optional() }),
      en: z.object({ title: z.string(), detail: z.string().optional() }),
    }),
  })
  .describe('RFC 9457 problem details, in the requested language and in both');

export const dependencyStatusSchema = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});


/** Cursor pagination of every list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const unitCodeParam = z.object({ code: unitCodeSchema });
