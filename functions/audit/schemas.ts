import * as z from 'zod';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { bilingual } from '../../shared/http/validation';
import { pageQuery } from '../../shared/api/common-schemas';

/** Query schemas of the audit log. */
export const auditQuery = pageQuery
  .extend({
    unit: unitCodeSchema.optional(),
    actor: z.string().min(1).max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.unit !== undefined || q.actor !== undefined, {
    path: ['unit'],
    error: bilingual('Cần unit hoặc actor', 'Give unit or actor'),
  });


export const jobRunsQuery = z.object({
  job: z.string().regex(/^[a-z0-9-]{2,40}$/),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
