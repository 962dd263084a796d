import { documentClient } from '../adapters/aws-clients';
import { DynamoIdempotencyStore } from '../adapters/dynamo/idempotency-store';
import { resolvePrincipal } from '../application/principals';
import { env } from '../config/env';
import type { HttpServices } from './handler';

/**
 * What signed-in and state-changing routes need from DynamoDB: principals from our own account
 * records and the Idempotency-Key store. Entry points that serve only public reads do not import
 * this, so their bundles carry no SDK they never call.
 */
let store: DynamoIdempotencyStore | undefined;

export const dynamoServices: HttpServices = {
  resolvePrincipal,
  idempotencyStore: () => (store ??= new DynamoIdempotencyStore(documentClient(), env().TABLE_NAME, env().IDEMPOTENCY_TTL_SECONDS)),
};
