import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { createUpload, getUpload } from '../../shared/application/uploads';
import { uploadsRoutes } from './routes';

/** Attachments: the upload form and the check status. */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'uploads',
    uploadsRoutes,
    {
      createUpload: async ({ body, principal, requestId }) =>
        json(201, await createUpload(s, { principal, requestId, now: new Date() }, body), {
          'cache-control': 'no-store',
        }),
      getUpload: async ({ params, principal, requestId }) =>
        json(200, await getUpload(s, { principal, requestId, now: new Date() }, params.uploadId), {
          'cache-control': 'no-store',
        }),
    },
    httpServices(s),
  ),
);
