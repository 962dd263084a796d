import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { recordId } from '../../shared/api/common-schemas';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { RATING_TEXT_MAX, ratingReasonIds, ratingTargetKinds } from '../../shared/domain/participation/rating';

/** Request and response schemas of the ratings of information (issue 28 §5). */
const target = z.strictObject({
  kind: z
    .enum(ratingTargetKinds)
    .check(z.describe('`content`: a published item (its id); `answer`: a published answer (its tracking code)')),
  id: recordId,
});

export const rateBody = z.strictObject({
  target,
  useful: z.optional(z.boolean()).check(z.describe('"Was this useful?" Send this or `score`, not both')),
  score: z.optional(
    z
      .int()
      .check(
        z.gte(1, { error: bilingual('Điểm từ 1 đến 5', 'A score from 1 to 5') }),
        z.lte(5, { error: bilingual('Điểm từ 1 đến 5', 'A score from 1 to 5') }),
      ),
  ),
  reason: z.optional(z.enum(ratingReasonIds)),
  text: z.optional(
    humanText(RATING_TEXT_MAX).check(
      z.describe(
        'At most 500 characters; personal data (e-mail, phone, ID numbers, names) is removed before it is kept',
      ),
    ),
  ),
  /** The honeypot: people never see or fill it (the page hides it); bots that fill every field are dropped silently. */
  website: z.optional(z.string().check(z.maxLength(2000), z.describe('Leave empty (anti-automation honeypot)'))),
});

export const ratedSchema = z.object({
  id: z.string(),
  target: z.object({ kind: z.enum(ratingTargetKinds), id: z.string() }),
  scale: z.enum(['useful', 'score']),
  value: z.int(),
  reason: z.optional(z.enum(ratingReasonIds)),
  textKept: z.boolean(),
  localDate: z.string(),
});

const localDate = z.iso.date();
export const figuresQuery = z.object({
  unit: unitCodeSchema,
  from: localDate,
  to: localDate,
  targetKind: z.optional(z.enum(ratingTargetKinds)),
  targetId: z.optional(recordId),
});

const figures = z.object({
  ratings: z.int(),
  usefulVotes: z.int(),
  usefulYes: z.int(),
  usefulRate: z.nullable(z.number()),
  scoreVotes: z.int(),
  scores: z.record(z.string(), z.int()),
  meanScore: z.nullable(z.number()),
  reasons: z.record(z.string(), z.int()),
  withText: z.int(),
});

export const figuresSchema = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  totals: figures,
  byCategory: z.record(z.string(), figures),
  byItem: z.record(z.string(), figures),
  reasons: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
  texts: z.array(
    z.object({
      targetKind: z.enum(ratingTargetKinds),
      targetId: z.string(),
      category: z.string(),
      localDate: z.string(),
      reason: z.optional(z.enum(ratingReasonIds)),
      text: z.string(),
    }),
  ),
});
