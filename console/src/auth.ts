import * as oauth from 'oauth4webapi';

/**
 * Sign-in with the authorization-code flow and PKCE (S256), against Cognito's managed login on
 * AWS and its local stand-in under /local-auth: the same code. Tokens stay in this page's memory
 * only (never storage, never cookies); the refresh token renews the access token. Only the PKCE
 * verifier, the state and the screen to return to wait in sessionStorage during the redirect.
 */
export interface AuthConfig {
  issuer: string;
  clientId: string;
  scope: string;
  /** The registered callback and sign-out URL (the console's root). */
  redirectUri: string;
  /** Cognito's /logout when the discovery document names no end_session_endpoint. */
  logoutEndpoint?: string;
}

const PENDING = 'console.pending-sign-in';
let config: AuthConfig;
let as: oauth.AuthorizationServer;
let client: oauth.Client;
let tokens: { access: string; refresh?: string; expiresAt: number } | undefined;

const options = () => ({ [oauth.allowInsecureRequests]: new URL(config.issuer).protocol === 'http:' });

export async function initAuth(next: AuthConfig): Promise<void> {
  config = next;
  client = { client_id: config.clientId };
  const issuer = new URL(config.issuer);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options() }),
  );
}

export const signedIn = () => tokens !== undefined;

export async function signIn(returnTo: string, lang: string): Promise<void> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    lang,
  }).toString();
  location.assign(url);
}

/** Completes a sign-in when the page is the callback (?code=…&state=…); returns the screen to show. */
export async function completeSignIn(current: URL): Promise<string | undefined> {
  const pending = sessionStorage.getItem(PENDING);
  if (!pending || !(current.searchParams.has('code') || current.searchParams.has('error'))) return undefined;
  sessionStorage.removeItem(PENDING);
  const { verifier, state, returnTo } = JSON.parse(pending) as { verifier: string; state: string; returnTo: string };
  const params = oauth.validateAuthResponse(as, client, current, state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    config.redirectUri,
    verifier,
    options(),
  );
  keep(await oauth.processAuthorizationCodeResponse(as, client, response));
  return returnTo;
}

function keep(result: oauth.TokenEndpointResponse) {
  tokens = {
    access: result.access_token,
    refresh: result.refresh_token ?? tokens?.refresh,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
  };
}

/** A valid access token, refreshed a minute before it expires. */
export async function accessToken(): Promise<string | undefined> {
  if (!tokens) return undefined;
  if (tokens.expiresAt - Date.now() < 60_000 && tokens.refresh) {
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh, options());
    keep(await oauth.processRefreshTokenResponse(as, client, response));
  }
  return tokens.access;
}

export async function signOut(): Promise<void> {
  const refresh = tokens?.refresh;
  tokens = undefined;
  if (refresh && as.revocation_endpoint)
    await oauth.revocationRequest(as, client, oauth.None(), refresh, options()).catch(() => undefined);
  const endpoint = as.end_session_endpoint ?? config.logoutEndpoint;
  if (!endpoint) return location.assign(config.redirectUri);
  const url = new URL(endpoint);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  location.assign(url);
}
