import { resolvePrincipal } from '../application/principals';
import type { Services } from '../composition/services';
import type { HttpServices } from './handler';

/**
 * What signed-in and state-changing routes need from DynamoDB, from the root's services: principals
 * from our own account records, the Idempotency-Key store, the staff origins for CORS.
 */
export const httpServices = (services: Services): HttpServices => ({
  resolvePrincipal: (claims) => resolvePrincipal(services.principals, claims),
  idempotencyStore: () => services.idempotency,
  corsOrigins: services.config.CORS_ALLOWED_ORIGINS,
});
