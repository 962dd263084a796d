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

export const unitsQuery = z.extend(pageQuery, {
  parent: z.optional(unitCodeSchema).check(z.describe('Children of this unit; omitted: the province')),
});

const officeSchema = z.object({
  slug: slugSchema.check(z.describe('The office’s abbreviation, as in admin.<office>.<unit> (NA 10.2d)')),
  name,
});
const offices = z
  .optional(z.array(officeSchema).check(z.maxLength(50)))
  .check(z.describe('Offices (phòng ban) within the unit, where the preset names them (NA 10.2d); refused elsewhere'));

export const newUnitBody = z.object({
  code: unitCodeSchema,
  name,
  kind: z.enum(
    unitKinds.filter((k) => k !== 'province') as [Exclude<UnitKind, 'province'>, ...Exclude<UnitKind, 'province'>[]],
  ),
  parentCode: unitCodeSchema,
  slug: z
    .optional(slugSchema)
    .check(
      z.describe(
        'Domain label (no diacritics, no spaces); when omitted, an agency’s initials (QN 4.1: sttvtt) or a place’s name without its level (QN 4.2–4.3: campha, quangtrung)',
      ),
    ),
  languages: z.optional(z.array(z.enum(['vi', 'en', 'zh'])).check(z.minLength(1))),
  offices,
});

export const renameBody = z.object({ name, slug: z.optional(slugSchema), offices });
export const mergeBody = z.object({
  sources: z.array(unitCodeSchema).check(
    z.minLength(1),
    z.maxLength(20),
    z.refine((codes) => new Set(codes).size === codes.length, {
      error: bilingual('Đơn vị bị liệt kê hai lần', 'A unit is listed twice'),
    }),
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
  offices: z.optional(z.array(z.object({ slug: z.string(), name: z.object({ vi: z.string(), en: z.string() }) }))),
  languageDomains: z.optional(z.record(z.string(), z.string())),
  version: z.int(),
});
