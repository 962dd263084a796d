import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { USER_SCOPE } from '../../shared/domain/access/scopes';
import { LOCAL_CONSOLE_CLIENT_ID } from '../../shared/adapters/identity/local';
import { CONSOLE_PATH, issuerOf } from './oauth-endpoints';

/**
 * Serves the built console (console/build/build.ts) at /console/ on the API's own origin, as the
 * edge serves its bucket on AWS: fingerprinted assets cached for good, index.html for every other
 * path under /console/ (the console's screens), and config.json naming this stack's sign-in.
 */
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The console runs only its own script and talks only to this origin. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export async function serveConsole(req: IncomingMessage, res: ServerResponse, url: URL, dir: string): Promise<void> {
  if (url.pathname === '/console') {
    res.writeHead(301, { location: CONSOLE_PATH });
    return void res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return void res.end();
  }
  const rest = url.pathname.slice(CONSOLE_PATH.length);
  if (rest === 'config.json') {
    const origin = issuerOf(req).replace(/\/local-auth$/, '');
    const config = {
      issuer: `${origin}/local-auth`,
      clientId: LOCAL_CONSOLE_CLIENT_ID,
      scope: `openid ${USER_SCOPE}`,
      redirectUri: `${origin}${CONSOLE_PATH}`,
      api: origin,
    };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
    return void res.end(JSON.stringify(config));
  }
  const asset = rest.startsWith('assets/') ? resolve(dir, rest) : undefined;
  if (asset && !asset.startsWith(resolve(dir) + sep)) {
    res.writeHead(404);
    return void res.end();
  }
  try {
    const file = asset ?? resolve(dir, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(asset ? {} : { 'content-security-policy': CSP, 'x-frame-options': 'DENY' }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(asset ? 'not found' : 'The console is not built: npm run console:build');
  }
}
