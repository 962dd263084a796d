import * as z from 'zod';
import { unitCodeSchema, unitKinds, slugSchema } from '../domain/units/unit';
import { usernameSchema, closureReasons } from '../domain/accounts/account';
import { roles } from '../domain/roles';
import { accessRules, type Action } from '../domain/access/rules';
import { bilingual } from '../http/validation';
import { machineScopeNames } from '../domain/access/scopes';

/** Request and response schemas of units, accounts, delegations and the audit log. */
const name = z.object({
  vi: z.string().trim().min(2).max(200),
  en: z.string().trim().min(2).max(200),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const unitCodeParam = z.object({ code: unitCodeSchema });
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

const roleSchema = z.enum(roles);

export const newAccountBody = z.object({
  username: usernameSchema.optional().describe('Defaults to the unit admin name, admin.<unit> (NA 10.2d)'),
  fullName: z.string().trim().min(2).max(120),
  email: z.email({ error: bilingual('Địa chỉ thư điện tử không hợp lệ', 'Invalid e-mail address') }),
  unitCode: unitCodeSchema,
  roles: z.array(roleSchema).min(1).max(roles.length),
});

export const accountIdParam = z.object({ id: z.string().min(1).max(64) });
export const rolesBody = z.object({ roles: z.array(roleSchema).min(1).max(roles.length) });
export const closeBody = z.object({ successorId: z.string().min(1).max(64), reason: z.enum(closureReasons) });
export const passwordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string(),
  unitCode: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(['active', 'closed']),
  mustChangePassword: z.boolean(),
  passwordChangedAt: z.string().optional(),
  closedAt: z.string().optional(),
  closedReason: z.string().optional(),
  successorId: z.string().optional(),
  createdAt: z.string(),
  version: z.number().int(),
});

const delegableActions = accessRules.filter((r) => r.delegable).map((r) => r.action) as [Action, ...Action[]];

export const delegationBody = z.object({
  deputyId: z.string().min(1).max(64),
  actions: z.array(z.enum(delegableActions)).min(1),
  validFrom: z.iso.datetime({ offset: true }),
  validTo: z.iso.datetime({ offset: true }),
});
export const delegationParams = z.object({ id: z.string().min(1).max(64), delegationId: z.uuid() });

export const auditQuery = pageQuery
  .extend({
    unit: unitCodeSchema.optional(),
    actor: z.string().min(1).max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.unit !== undefined || q.actor !== undefined, {
    path: ['unit'],
    error: bilingual('Cần unit hoặc actor', 'Give unit or actor'),
  });

export const machineClientBody = z.object({
  name: z.string().trim().min(2).max(100),
  unitCode: unitCodeSchema,
  scopes: z.array(z.enum(machineScopeNames as [string, ...string[]])).min(1),
});
export const clientIdParam = z.object({ clientId: z.string().regex(/^[A-Za-z0-9]{10,64}$/) });
