import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { dynamoServices } from '../../shared/http/services';
import { createUpload, getUpload } from '../../shared/application/uploads';
import { uploadsRoutes } from './routes';

/** Attachments: the upload form and the check status. */
export const handler = httpFunction('uploads', uploadsRoutes, {
  createUpload: async ({ body, principal, requestId }) =>
    json(201, await createUpload({ principal, requestId, now: new Date() }, body), { 'cache-control': 'no-store' }),
  getUpload: async ({ params, principal, requestId }) =>
    json(200, await getUpload({ principal, requestId, now: new Date() }, params.uploadId), { 'cache-control': 'no-store' }),
}, dynamoServices);
