import * as z from 'zod';
import { bilingual, humanText } from '../../shared/domain/text';
import { acceptedContentTypes, MAX_UPLOAD_BYTES } from '../../shared/domain/uploads/file-types';

/**
 * Request and response schemas of the uploads area. Classic zod for now: the route contract
 * (shared/http/contract.ts) still types its schemas as classic `z.ZodType`; they move to zod/mini
 * with the rest of the contracts.
 */
const fileName = humanText(255).refine((name) => !/[/\\]/.test(name), {
  error: bilingual('Tên tệp không được chứa / hoặc \\', 'A file name must not contain / or \\'),
});

export const createUploadBody = z.strictObject({
  fileName,
  contentType: z.enum(acceptedContentTypes as [string, ...string[]]),
  size: z
    .int()
    .min(1, { error: bilingual('Tệp phải có ít nhất 1 byte', 'A file must hold at least 1 byte') })
    .max(MAX_UPLOAD_BYTES, { error: bilingual(`Tệp không được lớn hơn ${MAX_UPLOAD_BYTES} byte`, `A file must not exceed ${MAX_UPLOAD_BYTES} bytes`) }),
});

export const uploadIdParam = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) });

export const uploadFormSchema = z.object({
  uploadId: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const uploadStatusSchema = z.object({
  uploadId: z.string(),
  status: z.enum(['pending', 'clean', 'quarantined']),
  detectedType: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  reason: z.enum(['type-mismatch', 'forbidden-type', 'size-mismatch']).optional(),
});
