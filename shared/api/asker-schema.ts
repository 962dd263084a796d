import * as z from 'zod/mini';
import { bilingual, humanText } from '../domain/text';

/**
 * Who asks a question or comments on a draft (BĐ 12.2, CB 11.2): an individual or an organisation.
 * Strict objects: a field of the other kind, or one this API does not know, is refused, not dropped.
 * Which fields are required depends on the preset: the use case checks that (shared/domain/questions/asker.ts).
 */
const phone = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\+?[0-9][0-9 .()-]{6,19}$/, { error: bilingual('Số điện thoại không hợp lệ', 'Invalid phone number') }),
  );
const email = z
  .email({ error: bilingual('Địa chỉ thư điện tử không hợp lệ', 'Invalid e-mail address') })
  .check(z.maxLength(254));
/** CMND (9 digits), CCCD (12 digits) or a passport (a letter and 7–8 digits). */
const idNumber = z.string().check(
  z.trim(),
  z.regex(/^(?:\d{9}|\d{12}|[A-Z]\d{7,8})$/, {
    error: bilingual('Số CMND/CCCD/hộ chiếu không hợp lệ', 'Invalid ID card or passport number'),
  }),
);

const individual = z.strictObject({
  kind: z.literal('individual'),
  fullName: z.optional(humanText(120, 2)),
  nationality: z.optional(humanText(60, 2)),
  address: z.optional(humanText(300, 2)),
  phone: z.optional(phone),
  email: z.optional(email),
  occupation: z.optional(humanText(120, 2)),
  idNumber: z.optional(idNumber),
});
const organisation = z.strictObject({
  kind: z.literal('organisation'),
  representativeName: z.optional(humanText(120, 2)),
  representativePosition: z.optional(humanText(120, 2)),
  organisationName: z.optional(humanText(300, 2)),
  organisationAddress: z.optional(humanText(300, 2)),
  phone: z.optional(phone),
  email: z.optional(email),
});

export const askerSchema = z.discriminatedUnion('kind', [individual, organisation]);
