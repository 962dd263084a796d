import { buildOpenApi } from '../../shared/http/openapi';
import { allRoutes } from '../routes';

/**
 * The OpenAPI document as the route contracts describe it, without its servers (each answer adds
 * them for the host that served it). `npm run openapi` writes it to openapi.generated.json, which
 * the openapi function serves: generating it at cold start would load every area's contracts and
 * schemas. test/unit/openapi-generated.test.ts fails when the file is stale.
 */
export const openApiSource = () => buildOpenApi(allRoutes, { title: 'Cổng thông tin điện tử tỉnh – API', version: '0.1.0' });

export const generatedPath = new URL('./openapi.generated.json', import.meta.url);
export const serialise = (document: unknown) => `${JSON.stringify(document, null, 1)}\n`;
