import { documentClient } from '../adapters/aws-clients';
import { DynamoIdempotencyStore } from '../adapters/dynamo/idempotency-store';
import { PrincipalRecords } from '../adapters/dynamo/principal-records';
import { resolvePrincipal } from '../application/principals';
import type { Services } from '../composition/services';
import { env } from '../config/env';
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

/**
 * The same for entry points not yet wired by a composition root (shared/composition/lambda.ts):
 * built on first use from the process's environment. Entry points that serve only public reads do
 * not import this, so their bundles carry no SDK they never call.
 */
let store: { records: PrincipalRecords; idempotency: DynamoIdempotencyStore } | undefined;
const stores = () =>
  (store ??= {
    records: new PrincipalRecords(documentClient(), env().TABLE_NAME),
    idempotency: new DynamoIdempotencyStore(documentClient(), env().TABLE_NAME, env().IDEMPOTENCY_TTL_SECONDS),
  });

export const dynamoServices: HttpServices = {
  resolvePrincipal: (claims) => resolvePrincipal(stores().records, claims),
  idempotencyStore: () => stores().idempotency,
};
