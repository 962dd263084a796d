import { registerIdentityProvider } from '../../application/identity';
import { env } from '../../config/env';
import { CognitoIdentityProvider } from './cognito';
import type { CoreServices } from '../../composition/services';

/** Cognito, for the roots of the entry points that manage users (shared/composition/lambda.ts options). */
export const cognitoIdentity = (core: CoreServices) => new CognitoIdentityProvider(core.config.USER_POOL_ID, core.config.USER_POOL_CLIENT_ID);

/** The same for entry points not yet wired by a composition root: registered by name, built on first use. */
export const useCognitoIdentity = () =>
  registerIdentityProvider('cognito', () => new CognitoIdentityProvider(env().USER_POOL_ID, env().USER_POOL_CLIENT_ID));
