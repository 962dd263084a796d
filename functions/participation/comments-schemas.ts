import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { askerSchema } from '../../shared/api/asker-schema';
import { pageQuery } from '../../shared/api/common-schemas';
import { COMMENT_CODE, commentStates, moderationActions } from '../../shared/domain/participation/comment';

/**
 * Request and response schemas of consultation comments (issue 28 #2, #3), zod/mini. Bodies are
 * strict: personal data sent where it does not belong is refused, not dropped.
 */
export const commentCodeParams = z.object({
  code: z.string().check(
    z.regex(COMMENT_CODE, {
      error: bilingual('Mã ý kiến có dạng GY.YYYYMMDD.NNNN', 'A comment code looks like GY.YYYYMMDD.NNNN'),
    }),
  ),
});

export const commentBody = z.strictObject({
  commenter: askerSchema,
  article: z.optional(
    z
      .int()
      .check(
        z.minimum(1),
        z.maximum(9999),
        z.describe('The number N of "Điều N" the comment is about; leave it out for a comment on the whole draft'),
      ),
  ),
  text: humanText(10_000, 10),
  consent: z.strictObject({
    processing: z.literal(true, {
      error: bilingual(
        'Cần đồng ý cho xử lý dữ liệu cá nhân để gửi ý kiến',
        'Consent to processing is required to comment',
      ),
    }),
    publication: z
      .boolean()
      .check(z.describe('May the comment, without personal data, be published with the consultation?')),
  }),
  website: z.optional(
    z
      .string()
      .check(
        z.maxLength(500),
        z.describe('Leave empty: a field people do not see (a honeypot); a request that fills it is taken for a bot'),
      ),
  ),
});

export const moderationBody = z.strictObject({
  action: z.enum(moderationActions),
  reason: z.optional(
    humanText(1000, 2).check(z.describe('Required to hide: why (kept with the comment, shown to its author)')),
  ),
});

export const publishedQuery = z.object({ ...pageQuery.shape });
export const moderationQuery = z.object({ ...pageQuery.shape });

const instant = z.string().check(z.describe('RFC 3339 instant (UTC)'));
const flag = z
  .enum(['article-changed', 'article-removed'])
  .check(
    z.describe(
      'The article the comment was written on changed (its text digest differs) or is gone in the version shown',
    ),
  );

export const commentedSchema = z.object({
  code: z.string(),
  secret: z
    .string()
    .check(z.describe('Shown once: send it as X-Comment-Secret to follow the comment; only its hash is kept')),
  receivedAt: instant,
  state: z.enum(commentStates),
  article: z.optional(z.int()),
});

export const commentStatusSchema = z.object({
  code: z.string(),
  consultationId: z.string(),
  draftVersion: z.int(),
  article: z.optional(z.int()),
  state: z.enum(commentStates),
  receivedAt: instant,
  publishedAt: z.optional(instant),
  hidden: z.optional(z.object({ reason: z.string(), at: instant })),
  flag: z.optional(flag),
  erasure: z.optional(
    z
      .object({ requestedAt: instant, erasedAt: instant })
      .check(z.describe("The commenter's personal data was destroyed")),
  ),
});

export const commenterErasureSchema = z.object({
  code: z.string(),
  erasureRequestedAt: instant,
  erasedAt: instant.check(
    z.describe('Completed at once (NĐ 356/2025 allows 2 working days to acknowledge, 15 days to complete)'),
  ),
});

export const publishedCommentsSchema = z.object({
  consultationId: z.string(),
  draftVersion: z.int().check(z.describe('The version of the draft the flags are read against (the latest)')),
  items: z.array(
    z.object({
      code: z.string(),
      draftVersion: z.int(),
      article: z.optional(z.int()),
      commenterKind: z.enum(['individual', 'organisation']),
      text: z.string().check(z.describe('Personal data replaced by [đã ẩn]')),
      receivedAt: instant,
      publishedAt: instant,
      flag: z.optional(flag),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const moderationListSchema = z.object({
  consultationId: z.string(),
  draftVersion: z.int(),
  items: z.array(
    z.object({
      code: z.string(),
      draftVersion: z.int(),
      article: z.optional(z.int()),
      commenterKind: z.enum(['individual', 'organisation']),
      publicationConsent: z.boolean(),
      text: z.string(),
      publicText: z.string().check(z.describe('What is published if it is: personal data replaced')),
      state: z.enum(commentStates),
      version: z.int(),
      receivedAt: instant,
      hidden: z.optional(z.object({ reason: z.string(), at: instant })),
      flag: z.optional(flag),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const moderatedSchema = z.object({
  code: z.string(),
  state: z.enum(commentStates),
  version: z.int(),
  publishedAt: z.optional(instant),
  reason: z.optional(z.string()),
});
