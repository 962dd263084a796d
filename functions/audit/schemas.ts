import * as z from 'zod/mini';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { bilingual } from '../../shared/http/validation';
import { decimalInteger, pageQuery, recordId } from '../../shared/api/common-schemas';

/** Query schemas of the audit log. */
export const auditQuery = z
  .extend(pageQuery, {
    unit: z.optional(unitCodeSchema),
    actor: z.optional(recordId),
    from: z.optional(z.iso.datetime({ offset: true })),
    to: z.optional(z.iso.datetime({ offset: true })),
    target: z.optional(
      z
        .string()
        .check(
          z.regex(/^[A-Za-z0-9._:#-]{1,120}$/, { error: bilingual('Mã đối tượng không hợp lệ', 'Invalid target id') }),
          z.describe(
            "Only the entries about this item (a content item's or a question's id…), with `unit`: a filter on the unit's entries in the time range, so a page may hold fewer than `limit` and still end with a cursor",
          ),
        ),
    ),
  })
  .check(
    z.refine((q) => q.target === undefined || q.unit !== undefined, {
      path: ['target'],
      error: bilingual('Cần unit khi lọc theo target', 'Give unit to filter by target'),
    }),
    z.refine((q) => q.unit !== undefined || q.actor !== undefined, {
      path: ['unit'],
      error: bilingual('Cần unit hoặc actor', 'Give unit or actor'),
    }),
    z.refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
      path: ['to'],
      error: bilingual('Thời điểm to không được trước from', 'to must not be before from'),
    }),
  );

export const jobRunsQuery = z.object({
  /** The job whose runs to list; without it, only every job's overview (`jobs`). */
  job: z.optional(z.string().check(z.regex(/^[a-z0-9-]{2,40}$/))),
  limit: z._default(decimalInteger(1, 100), 20),
});
