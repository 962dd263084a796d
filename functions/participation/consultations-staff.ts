import { lambdaRoot } from '../../shared/composition/lambda';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import { staffConsultation, transitionConsultation } from '../../shared/application/consultations';
import type { ConsultationRecord } from '../../shared/adapters/dynamo/consultations';
import type { ConsultationDraftVersion } from '../../shared/domain/participation/consultation';
import { consultationRoutes } from './consultations-routes';

/** Staff read and steps of consultations (issue 28 §1, §4): schedule, open, close, new versions, the summary. */
const view = (r: ConsultationRecord, draft: ConsultationDraftVersion) => ({
  id: r.id,
  portal: r.unitCode,
  contentId: r.contentId,
  title: r.title,
  documentType: r.documentType,
  state: r.state,
  version: r.version,
  opensAt: r.opensAt,
  closesAt: r.closesAt,
  minimumCalendarDays: r.minimumDays,
  basis: r.minimumBasis,
  ...(r.simplified && { simplifiedProcedure: r.simplified.reason }),
  draftVersion: r.draft.draftVersion,
  articles: draft.articles,
  ...(r.summary && { summary: r.summary }),
});

export const handler = lambdaRoot((s) =>
  httpFunction(
    'consultations',
    consultationRoutes,
    {
      getStaffConsultation: async ({ params, principal, requestId }) => {
        const record = await staffConsultation(s, { principal, requestId, now: new Date() }, params.id);
        return json(200, view(record, await s.consultations.currentDraft(record)), {
          etag: `"${record.version}"`,
          'cache-control': 'no-store',
        });
      },
      transitionConsultation: async ({ params, body, headers, principal, requestId, basePath }) => {
        const { record: done, draft } = await transitionConsultation(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          body,
          expectedVersion(headers),
        );
        const created = body.action === 'schedule';
        // The version the step took in, or the one in force (committed by an earlier step).
        return json(created ? 201 : 200, view(done, draft ?? (await s.consultations.currentDraft(done))), {
          etag: `"${done.version}"`,
          'cache-control': 'no-store',
          ...(created && { location: `${basePath}/public/portals/${done.unitCode}/consultations/${done.id}` }),
        });
      },
    },
    httpServices(s),
  ),
);
