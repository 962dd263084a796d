import * as z from 'zod/mini';
import { unitCodeSchema } from '../domain/units/unit';
import { bilingual } from '../domain/text';

/** Schemas shared by many routes' contracts. */
const localizedTitle = z.object({ title: z.string(), detail: z.optional(z.string()) });

// RFC 9457 §3.2: problem types may add extension members; clients must ignore those they do not know.
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    requestId: z.optional(z.string()),
    errors: z.optional(
      z.array(
        z.object({
          field: z.string(),
          pointer: z.string(),
          code: z.string(),
          detail: z.string(),
          message: z.object({ vi: z.string(), en: z.string() }),
        }),
      ),
    ),
    i18n: z.object({ vi: localizedTitle, en: localizedTitle }),
  })
  .check(z.describe('RFC 9457 problem details, in the requested language and in both'));

export const dependencyStatusSchema = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.optional(z.int()),
  error: z.optional(z.string()),
  checkedAt: z.optional(
    z.iso.datetime().check(z.describe('When the dependency-check job found this (absent for live probes)')),
  ),
});

/** Plain decimal digits, no sign, no leading zero: not `0x7E6`, `' 2026'`, `1e3`, `-0` or `+5`. */
const DECIMAL_DIGITS = /^(?:0|[1-9][0-9]{0,8})$/;

/**
 * An integer in a path or query string, from `min` to `max`. Number() and z.coerce accept hex,
 * exponents, signs and surrounding spaces (`/calendar/0x7E6` was 2022); this accepts digits only.
 */
export function decimalInteger(
  min: number,
  max: number,
  error = bilingual(
    `Phải là số nguyên từ ${min} đến ${max}, chỉ gồm chữ số`,
    `Must be a whole number from ${min} to ${max}, in decimal digits only`,
  ),
) {
  return z.pipe(
    z.pipe(
      z.string({ error }).check(z.regex(DECIMAL_DIGITS, { error })),
      z.transform((digits: string) => Number(digits)),
    ),
    z.int().check(z.gte(min, { error }), z.lte(max, { error })),
  );
}

/** Ids of accounts, clients and actors: what Cognito subs and our own ids are made of. */
export const recordId = z.string().check(
  z.regex(/^[A-Za-z0-9._:-]{1,64}$/, {
    error: bilingual(
      'Mã không hợp lệ (1–64 ký tự A-Z, a-z, 0-9, . _ : -)',
      'Invalid id (1–64 characters A-Z, a-z, 0-9, . _ : -)',
    ),
  }),
);

/** Cursor pagination of every list. */
export const pageQuery = z.object({
  limit: z._default(decimalInteger(1, 100), 25),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const unitCodeParam = z.object({ code: unitCodeSchema });

/** A page of a list: its items and, when there are more, the cursor of the next page. */
export const pageOf = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.optional(z.string()).check(z.describe('Pass as `cursor` for the next page')),
  });
