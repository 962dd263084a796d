import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { API_STAGE_NAME, type ServerEntry } from '../../shared/http/openapi';
import { problemCodeOfSlug, problemKinds, problemType } from '../../shared/http/error-table';
import { operationsRoutes } from './routes';
// Generated from the route contracts by `npm run openapi` (openapi-source.ts), kept fresh by a test;
// a string, parsed on the first request that needs it (openapi-source.ts says why).
import { generatedText } from './openapi.generated-text';

const documents = new Map<string, Record<string, unknown>>();
// biome-ignore lint/plugin: a constant memo: the generated document, parsed once (CONSTANT_MEMOS of composition-roots-own-all-state.test.ts)
let parsed:
  | ({ openapi: string; info: { version: string } & Record<string, unknown> } & Record<string, unknown>)
  | undefined;

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
    return json(
      200,
      { type: problemType(code, basePath), code: params.code, status: kind.status, title: kind.title },
      { 'cache-control': 'public, max-age=3600' },
    );
  },
});

function documentFor(basePath: string) {
  let document = documents.get(basePath);
  if (!document) {
    const { openapi, info, ...rest } = (parsed ??= JSON.parse(generatedText) as {
      openapi: string;
      info: { version: string } & Record<string, unknown>;
    } & Record<string, unknown>);
    document = {
      openapi,
      info: { ...info, version: process.env.PORTAL_VERSION ?? info.version },
      servers: servers(basePath),
      ...rest,
    };
    documents.set(basePath, document);
  }
  return document;
}
