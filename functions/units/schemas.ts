import * as z from 'zod/mini';
import { unitCodeSchema, unitKinds, slugSchema, type UnitKind } from '../../shared/domain/units/unit';
import { pageQuery } from '../../shared/api/common-schemas';
import { bilingual, humanText } from '../../shared/domain/text';
export { unitCodeParam } from '../../shared/api/common-schemas';

/** Request and response schemas of units (sub-portals). */
const name = z.object({
  vi: humanText(200, 2),
  en: humanText(200, 2),
});

export const unitsQuery = z.extend(pageQuery, { parent: z.optional(unitCodeSchema).check(z.describe('Children of this unit; omitted: the province')) });

export const newUnitBody = z.object({
  code: unitCodeSchema,
  name,
  kind: z.enum(unitKinds.filter((k) => k !== 'province') as [Exclude<UnitKind, 'province'>, ...Exclude<UnitKind, 'province'>[]]),
  parentCode: unitCodeSchema,
  slug: z.optional(slugSchema).check(z.describe('Domain label (no diacritics, no spaces); derived from the name when omitted')),
  languages: z.optional(z.array(z.enum(['vi', 'en', 'zh'])).check(z.minLength(1))),
});

export const renameBody = z.object({ name, slug: z.optional(slugSchema) });
export const mergeBody = z.object({
  sources: z.array(unitCodeSchema).check(
    z.minLength(1),
    z.maxLength(20),
    z.refine((codes) => new Set(codes).size === codes.length, { error: bilingual('Đơn vị bị liệt kê hai lần', 'A unit is listed twice') }),
  ),
  into: unitCodeSchema,
});
export const splitBody = z.object({
  into: z.array(z.omit(newUnitBody, { parentCode: true })).check(z.minLength(2), z.maxLength(10)),
  workTo: unitCodeSchema,
});

export const unitSchema = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  kind: z.enum(unitKinds),
  parentCode: z.nullable(z.string()),
  slug: z.string(),
  domain: z.string(),
  languages: z.array(z.string()),
  status: z.enum(['active', 'merged', 'split']),
  successorCode: z.optional(z.string()),
  formerDomains: z.array(z.string()),
  languageDomains: z.optional(z.record(z.string(), z.string())),
  version: z.int(),
});

