import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { acceptedContentTypes, MAX_UPLOAD_BYTES } from '../../shared/domain/uploads/file-types';

/** Request and response schemas of the uploads area. */
const fileName = humanText(255).check(
  z.refine((name) => !/[/\\]/.test(name), {
    error: bilingual('Tên tệp không được chứa / hoặc \\', 'A file name must not contain / or \\'),
  }),
);

export const createUploadBody = z.strictObject({
  fileName,
  contentType: z.enum(acceptedContentTypes as [string, ...string[]]),
  size: z.int().check(
    z.minimum(1, { error: bilingual('Tệp phải có ít nhất 1 byte', 'A file must hold at least 1 byte') }),
    z.maximum(MAX_UPLOAD_BYTES, {
      error: bilingual(
        `Tệp không được lớn hơn ${MAX_UPLOAD_BYTES} byte`,
        `A file must not exceed ${MAX_UPLOAD_BYTES} bytes`,
      ),
    }),
  ),
});

export const uploadIdParam = z.object({ uploadId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)) });

export const uploadFormSchema = z.object({
  uploadId: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const uploadStatusSchema = z.object({
  uploadId: z.string(),
  status: z.enum(['pending', 'clean', 'quarantined']),
  detectedType: z.nullable(z.string()),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  reason: z.optional(z.enum(['type-mismatch', 'forbidden-type', 'size-mismatch', 'replaced'])),
});
