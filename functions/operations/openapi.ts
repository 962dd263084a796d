import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { buildOpenApi } from '../../shared/http/openapi';
import { allRoutes } from '../routes';
import { operationsRoutes } from './routes';

// Built once per cold start: the routes cannot change while the function lives.
let document: ReturnType<typeof buildOpenApi> | undefined;

export const handler = httpFunction('openapi', operationsRoutes, {
  openapi: async () => {
    document ??= buildOpenApi(allRoutes, {
      title: 'Cổng thông tin điện tử tỉnh – API',
      version: process.env.PORTAL_VERSION ?? '0.1.0',
    });
    return json(200, document, { 'cache-control': 'public, max-age=300' });
  },
});
