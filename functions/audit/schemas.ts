import * as z from 'zod';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { bilingual } from '../../shared/http/validation';
import { decimalInteger, pageQuery, recordId } from '../../shared/api/common-schemas';

/** Query schemas of the audit log. */
export const auditQuery = pageQuery
  .extend({
    unit: unitCodeSchema.optional(),
    actor: recordId.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.unit !== undefined || q.actor !== undefined, {
    path: ['unit'],
    error: bilingual('Cần unit hoặc actor', 'Give unit or actor'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    error: bilingual('Thời điểm to không được trước from', 'to must not be before from'),
  });


export const jobRunsQuery = z.object({
  job: z.string().regex(/^[a-z0-9-]{2,40}$/),
  limit: decimalInteger(1, 100).default(20),
});
