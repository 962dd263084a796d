import { lambdaRoot } from '../../shared/composition/lambda';
import { httpFunction } from '../../shared/http/handler';
import { consultationSummaryDownload } from '../../shared/application/consultation-documents';
import { consultationRoutes } from './consultations-routes';

/**
 * A published consultation summary's downloads (issue 28 §4): CSV, or the Word table. Its own
 * function, so the `docx` package is loaded only by the routes that write documents.
 */
export const handler = lambdaRoot((s) =>
  httpFunction(
    'consultationDocuments',
    consultationRoutes,
    {
      getConsultationSummary: async ({ params, query }) => {
        const file = await consultationSummaryDownload(s, params.portal, params.id, query.format, query.bom === 'true');
        return {
          status: 200,
          body: file.body,
          contentType: file.contentType,
          headers: {
            'cache-control': 'public, max-age=60',
            'content-disposition': `attachment; filename="${file.filename}"`,
          },
        };
      },
    },
    { corsOrigins: s.config.CORS_ALLOWED_ORIGINS },
  ),
);
