import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (esbuild alias in
 * infra/constructs/bundling.ts). Lambda hands every function its role's credentials in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, the first link of the SDK's
 * default chain; the rest of the chain (SSO, INI files, web identity, process, container and
 * instance metadata, with the STS and SSO clients they bring) is ~130 KB that Lambda never runs
 * but every cold start parses. The local stack and tests run unbundled, on the full chain.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): AwsCredentialIdentityProvider =>
  fromEnv(init);

/** Lambda's credentials live as long as the execution environment: never refreshed in process. */
export const credentialsWillNeedRefresh = (_credentials: AwsCredentialIdentity): boolean => false;
export const credentialsTreatedAsExpired = (_credentials: AwsCredentialIdentity): boolean => false;
