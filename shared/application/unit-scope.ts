import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import type { Action } from '../domain/access/rules';
import { DomainError } from '../domain/errors';
import type { Services } from '../composition/services';

/**
 * A read of a unit's data, allowed if the principal may take `action` on that unit. The unit's
 * scope (one GetItem: it stores its ancestors' codes) and the read go out together, so a
 * signed-in listing costs two rounds of DynamoDB calls in all: the caller, then both. Nothing
 * read is returned unless access is granted.
 */
export async function readInUnit<T>(
  s: Services,
  principal: Principal,
  action: Action,
  unitCode: string,
  read: () => Promise<T>,
  now = new Date(),
): Promise<T> {
  const [scope, result] = await Promise.allSettled([s.units.scopeOf(unitCode), read()]);
  if (scope.status === 'rejected') throw scope.reason;
  if (scope.value.length === 0)
    throw new DomainError('not_found', { vi: `Không có đơn vị ${unitCode}`, en: `No unit ${unitCode}` });
  requireAccess(principal, action, scope.value, now);
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
