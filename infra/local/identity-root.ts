import { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Env } from '../../shared/config/env';
import { DEFAULT_SCRYPT_N } from '../../shared/adapters/identity/passwords';
import { invocation } from './table-permissions';

/**
 * The local composition root for identity: the stand-in for Cognito, created on first use from the
 * environment the local stack sets; the stack wires it into its services. AWS bundles never import it.
 */
/**
 * Its table calls are Cognito's, not the calling function's: IAM grants the function cognito-idp
 * actions (functions/manifest.ts `identityAdmin`), never the stand-in's partitions, so they run
 * outside the local permission check (infra/local/table-permissions.ts).
 */
const outsideInvocation = <T extends object>(target: T): T =>
  new Proxy(target, {
    get(t, property, receiver) {
      const value = Reflect.get(t, property, receiver) as unknown;
      return typeof value === 'function'
        ? (...args: unknown[]) => invocation.exit(() => (value as (...a: unknown[]) => unknown).apply(t, args))
        : value;
    },
  });

/** The stand-in of one local stack (or `npm run job`), over its table; the stack keeps the one it made. */
export function createLocalIdentity(config: Env, db: DynamoDBDocumentClient): LocalIdentityProvider {
  if (config.IDENTITY_PROVIDER !== 'local') throw new Error('IDENTITY_PROVIDER is not local');
  // LOCAL_IDP_SCRYPT_N is set by the local stack (infra/local/stack.ts); the provider refuses an odd one.
  const scryptN = Number(process.env.LOCAL_IDP_SCRYPT_N ?? DEFAULT_SCRYPT_N);
  return outsideInvocation(
    new LocalIdentityProvider(db, config.TABLE_NAME, config.LOCAL_IDP_SECRET, undefined, scryptN),
  );
}
