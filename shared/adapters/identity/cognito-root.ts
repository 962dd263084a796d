import { registerIdentityProvider } from '../../application/identity';
import { env } from '../../config/env';
import { CognitoIdentityProvider } from './cognito';

/** The AWS composition root for identity: entry points that manage users call this once. */
export const useCognitoIdentity = () =>
  registerIdentityProvider('cognito', () => new CognitoIdentityProvider(env().USER_POOL_ID, env().USER_POOL_CLIENT_ID));
