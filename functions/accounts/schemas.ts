import * as z from 'zod/mini';
import { unitCodeSchema } from '../../shared/domain/units/unit';
import { usernameSchema, closureReasons } from '../../shared/domain/accounts/account';
import { roles } from '../../shared/domain/roles';
import { accessRules, type Action } from '../../shared/domain/access/rules';
import { bilingual } from '../../shared/http/validation';
import { machineScopeNames } from '../../shared/domain/access/scopes';
import { humanText } from '../../shared/domain/text';
import { pageQuery, recordId } from '../../shared/api/common-schemas';

/** Request and response schemas of accounts, roles, delegations and machine clients. */
const roleSchema = z.enum(roles);

export const newAccountBody = z.object({
  username: z.optional(usernameSchema).check(z.describe('Defaults to the unit admin name, admin.<unit> (NA 10.2d)')),
  fullName: humanText(120, 2),
  email: z.email({ error: bilingual('Địa chỉ thư điện tử không hợp lệ', 'Invalid e-mail address') }),
  unitCode: unitCodeSchema,
  roles: z.array(roleSchema).check(z.minLength(1), z.maxLength(roles.length)),
});

export const accountIdParam = z.object({ id: recordId });
export const rolesBody = z.object({ roles: z.array(roleSchema).check(z.minLength(1), z.maxLength(roles.length)) });
export const closeBody = z.object({ successorId: recordId, reason: z.enum(closureReasons) });
const secret = () => z.string().check(z.minLength(1), z.maxLength(256));
export const passwordBody = z.object({ currentPassword: secret(), newPassword: secret() });

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string(),
  unitCode: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(['active', 'closed']),
  mustChangePassword: z.boolean(),
  passwordChangedAt: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  closedReason: z.optional(z.string()),
  successorId: z.optional(z.string()),
  createdAt: z.string(),
  version: z.int(),
});

const delegableActions = accessRules.filter((r) => r.delegable).map((r) => r.action) as [Action, ...Action[]];

export const delegationBody = z.object({
  deputyId: recordId,
  actions: z.array(z.enum(delegableActions)).check(z.minLength(1)),
  validFrom: z.iso.datetime({ offset: true }),
  validTo: z.iso.datetime({ offset: true }),
});
export const delegationParams = z.object({ id: recordId, delegationId: z.uuid() });

export const machineClientBody = z.object({
  name: humanText(100, 2),
  unitCode: unitCodeSchema,
  scopes: z.array(z.enum(machineScopeNames as [string, ...string[]])).check(z.minLength(1)),
});
/** A unit's machine clients: the caller's unit unless `unit` names another it manages. */
export const machineClientsQuery = z.extend(pageQuery, {
  unit: z
    .optional(unitCodeSchema)
    .check(z.describe('The unit whose clients are listed; omitted: the caller\u2019s unit')),
});
export const clientIdParam = z.object({ clientId: z.string().check(z.regex(/^[A-Za-z0-9]{10,64}$/)) });

/** Responses. */
export const delegationSchema = z.object({
  id: z.string(),
  deputyId: z.string(),
  unitCode: z.string(),
  actions: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  revokedAt: z.optional(z.string()),
});
export const workSchema = z.object({
  workId: z.string(),
  kind: z.string(),
  title: z.string(),
  unitCode: z.string(),
  assigneeId: z.optional(z.string()),
  openedAt: z.string(),
  status: z.enum(['open', 'done']),
});
export const machineClientSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  unitCode: z.string(),
  scopes: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  version: z.int(),
});
export const closedSchema = z.object({ closed: z.string(), successor: z.string(), movedWork: z.int() });
export const meSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), account: accountSchema, delegations: z.array(delegationSchema) }),
  z.object({ kind: z.literal('machine'), clientId: z.string(), unitCode: z.string(), scopes: z.array(z.string()) }),
]);
