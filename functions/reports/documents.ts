import { reportServices } from '../../shared/application/reports';
import { lambdaRoot } from '../../shared/composition/lambda';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { reportDownload } from '../../shared/application/report-documents';
import { reportsRoutes } from './routes';

/**
 * A report's downloads (issue 27 §4): CSV, or the Word document of its seed. Its own function, so
 * the `docx` package (~0.7 MiB minified) is loaded only by the route that writes documents.
 */
export const handler = lambdaRoot((root) => {
  const s = reportServices(root, createS3Client());
  return httpFunction(
    'reportDocuments',
    reportsRoutes,
    {
      downloadReport: async ({ params, query, principal, requestId }) => {
        const file = await reportDownload(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          query.format,
          query.bom === 'true',
        );
        return {
          status: 200,
          body: file.body,
          contentType: file.contentType,
          headers: { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file.filename}"` },
        };
      },
    },
    httpServices(root),
  );
});
