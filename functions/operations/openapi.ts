import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { API_STAGE_NAME, buildOpenApi, type ServerEntry } from '../../shared/http/openapi';
import { problemCodeOfSlug, problemKinds, problemType } from '../../shared/http/error-table';
import { allRoutes } from '../routes';
import { operationsRoutes } from './routes';

// Built once per cold start and base path: the routes cannot change while the function lives.
const documents = new Map<string, ReturnType<typeof buildOpenApi>>();

/**
 * Where the API is served: on API Gateway under its stage (`/v1`, relative to the host that
 * served the document), locally at the local gateway's URL (`npm start`: PORT, default 3000).
 * The server that served this document comes first.
 */
function servers(basePath: string): ServerEntry[] {
  const aws = { url: `/${API_STAGE_NAME}`, description: 'API Gateway stage (on the API’s own host)' };
  const local = { url: `http://127.0.0.1:${process.env.PORT ?? '3000'}`, description: 'Local stack (npm start)' };
  return basePath === '' ? [local, aws] : [aws, local];
}

export const handler = httpFunction('openapi', operationsRoutes, {
  openapi: async ({ basePath }) => json(200, documentFor(basePath), { 'cache-control': 'public, max-age=300' }),
  problem: async ({ params, basePath }) => {
    const code = problemCodeOfSlug(params.code)!;
    const kind = problemKinds[code];
    return json(200, { type: problemType(code, basePath), code: params.code, status: kind.status, title: kind.title }, { 'cache-control': 'public, max-age=3600' });
  },
});

function documentFor(basePath: string) {
  let document = documents.get(basePath);
  if (!document) {
    document = buildOpenApi(allRoutes, {
      title: 'Cổng thông tin điện tử tỉnh – API',
      version: process.env.PORTAL_VERSION ?? '0.1.0',
      servers: servers(basePath),
    });
    documents.set(basePath, document);
  }
  return document;
}
