import * as z from 'zod/mini';
import { bilingual, humanText } from '../../shared/domain/text';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { affectedServices } from '../../shared/domain/operations/incidents';

/** Request and response schemas of planned outage notices (issue 28 §6; NĐ 224/2026 Điều 13.1a). */
const instant = z.iso.datetime({ offset: true });

export const announceBody = z.strictObject({
  portal: unitCodeSchema.check(
    z.describe("The portal suspended (a unit's code); the province's suspends every portal"),
  ),
  startsAt: instant,
  endsAt: instant,
  expectedReturnAt: z.optional(instant.check(z.describe('When service is expected back (default: `endsAt`)'))),
  affectedServices: z.array(z.enum(affectedServices)).check(
    z.minLength(1, {
      error: bilingual('Cần ít nhất một dịch vụ bị ảnh hưởng', 'Name at least one affected service'),
    }),
    z.maxLength(affectedServices.length),
  ),
  notice: z.strictObject({ vi: humanText(2000), en: z.optional(humanText(2000)) }),
  emergency: z.optional(
    z
      .strictObject({ reason: humanText(1000, 10) })
      .check(
        z.describe('An emergency is not held to the notice period; its reason is recorded with the notice and audited'),
      ),
  ),
});

export const portalParams = z.object({ portal: unitCodeSchema });

const localized = z.object({ vi: z.string(), en: z.optional(z.string()) });
const requiredNotice = z.object({ workingDays: z.int(), basis: z.string(), earliestStart: z.string() });

export const announcedSchema = z.object({
  id: z.string(),
  portal: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  expectedReturnAt: z.string(),
  affectedServices: z.array(z.string()),
  notice: localized,
  emergency: z.boolean(),
  emergencyReason: z.optional(z.string()),
  announcedAt: z.string(),
  announcedBy: z.string(),
  requiredNotice,
});

export const outagesSchema = z.object({
  portal: z.string(),
  rule: z.object({ workingDays: z.int(), basis: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      portal: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      expectedReturnAt: z.string(),
      affectedServices: z.array(z.string()),
      notice: localized,
      emergency: z.boolean(),
      emergencyReason: z.optional(z.string()),
      announcedAt: z.string(),
      requiredNotice,
      status: z.enum(['upcoming', 'ongoing', 'over']),
    }),
  ),
});
