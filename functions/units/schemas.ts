import * as z from 'zod';
import { unitCodeSchema, unitKinds, slugSchema } from '../../shared/domain/units/unit';
import { pageQuery } from '../../shared/api/common-schemas';
import { humanText } from '../../shared/domain/text';
export { unitCodeParam } from '../../shared/api/common-schemas';

/** Request and response schemas of units (sub-portals). */
const name = z.object({
  vi: humanText(200, 2),
  en: humanText(200, 2),
});

export const unitsQuery = pageQuery.extend({ parent: unitCodeSchema.optional().describe('Children of this unit; omitted: the province') });

export const newUnitBody = z.object({
  code: unitCodeSchema,
  name,
  kind: z.enum(unitKinds).exclude(['province']),
  parentCode: unitCodeSchema,
  slug: slugSchema.optional().describe('Domain label (no diacritics, no spaces); derived from the name when omitted'),
  languages: z.array(z.enum(['vi', 'en', 'zh'])).min(1).optional(),
});

export const renameBody = z.object({ name, slug: slugSchema.optional() });
export const mergeBody = z.object({ sources: z.array(unitCodeSchema).min(1).max(20), into: unitCodeSchema });
export const splitBody = z.object({
  into: z.array(newUnitBody.omit({ parentCode: true })).min(2).max(10),
  workTo: unitCodeSchema,
});

export const unitSchema = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  kind: z.enum(unitKinds),
  parentCode: z.string().nullable(),
  slug: z.string(),
  domain: z.string(),
  languages: z.array(z.string()),
  status: z.enum(['active', 'merged', 'split']),
  successorCode: z.string().optional(),
  formerDomains: z.array(z.string()),
  languageDomains: z.record(z.string(), z.string()).optional(),
  version: z.number().int(),
});

