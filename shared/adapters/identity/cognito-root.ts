import type { CoreServices } from '../../composition/services';
import { CognitoIdentityProvider } from './cognito';

/**
 * The AWS composition roots' identity provider: entry points that manage users pass it to their
 * lambdaRoot (shared/composition/lambda.ts); the local stack wires its stand-in instead.
 */
export const cognitoIdentity = (core: CoreServices) =>
  new CognitoIdentityProvider(core.config.USER_POOL_ID, core.config.USER_POOL_CLIENT_ID);
