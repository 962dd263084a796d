import { httpFunction } from '../../shared/http/handler';
import { dynamoServices } from '../../shared/http/services';
import { reportDownload } from '../../shared/application/report-documents';
import { reportsRoutes } from './routes';

/**
 * A report's downloads (issue 27 §4): CSV, or the Word document of its seed. Its own function, so
 * the `docx` package (~0.7 MiB minified) is loaded only by the route that writes documents.
 */
export const handler = httpFunction('reportDocuments', reportsRoutes, {
  downloadReport: async ({ params, query, principal, requestId }) => {
    const file = await reportDownload({ principal, requestId, now: new Date() }, params.id, query.format, query.bom === 'true');
    return { status: 200, body: file.body, contentType: file.contentType, headers: { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file.filename}"` } };
  },
}, dynamoServices);
