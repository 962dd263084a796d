import { lambdaRoot } from '../../shared/composition/lambda';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { expectedVersion } from '../../shared/http/if-match';
import {
  generateReport,
  getReport,
  listReports,
  reportKinds,
  royaltyTallyOf,
  transitionReport,
  updateReportText,
  type StoredReport,
  type ReportServices,
  reportServices,
} from '../../shared/application/reports';
import type { ReportRecord } from '../../shared/adapters/dynamo/reports';
import { reportsRoutes } from './routes';

/** Reports (issue 27): generate, read, write, approve, send; royalty tallies. Downloads are documents.ts (the docx package stays out of this bundle). */
const noStore = { 'cache-control': 'no-store' };
const withEtag = (r: { version: number }) => ({ ...noStore, etag: `"${r.version}"` });
const summary = (r: ReportRecord) => {
  const {
    unitPath: _path,
    openClocks: _clocks,
    figuresKey: _key,
    figuresVersionId: _v,
    submittedBy: _s,
    ...rest
  } = r as ReportRecord & { updatedAt?: string };
  const { updatedAt: _u, ...out } = rest as typeof rest & { updatedAt?: string };
  return out;
};
const full = (r: StoredReport) => ({
  ...summary(r.record),
  figures: r.content.kind === 'royalties' ? r.content.tally : r.content.figures,
});
const kindsOut = (s: ReportServices) =>
  reportKinds(s).map(
    ({ id, title, citation, reportingBody, recipients, period, adHoc, dueBasis, template, sections }) => ({
      id,
      title,
      citation,
      reportingBody,
      recipients,
      period: { kind: period.kind },
      ...(adHoc && { adHoc }),
      dueBasis,
      template,
      sections: [...sections],
    }),
  );

export const handler = lambdaRoot((root) => {
  const s = reportServices(root, createS3Client());
  return httpFunction(
    'reports',
    reportsRoutes,
    {
      listReports: async ({ query, principal, requestId }) => {
        const page = await listReports(
          s,
          { principal, requestId, now: new Date() },
          query.unit,
          query.limit,
          query.cursor,
        );
        return json(
          200,
          {
            items: page.items.map(summary),
            ...(page.nextCursor && { nextCursor: page.nextCursor }),
            kinds: kindsOut(s),
          },
          noStore,
        );
      },
      generateReport: async ({ body, principal, requestId, basePath }) => {
        const report = await generateReport(s, { principal, requestId, now: new Date() }, body);
        return json(201, full(report), {
          ...withEtag(report.record),
          location: `${basePath}/reports/${report.record.id}`,
        });
      },
      getReport: async ({ params, principal, requestId }) => {
        const report = await getReport(s, { principal, requestId, now: new Date() }, params.id);
        return json(200, full(report), withEtag(report.record));
      },
      updateReportText: async ({ params, body, principal, requestId, headers }) => {
        const record = await updateReportText(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          body.sections,
          expectedVersion(headers),
        );
        return json(200, summary(record), withEtag(record));
      },
      transitionReport: async ({ params, body, principal, requestId, headers }) => {
        const record = await transitionReport(
          s,
          { principal, requestId, now: new Date() },
          params.id,
          body,
          expectedVersion(headers),
        );
        return json(200, summary(record), withEtag(record));
      },
      getRoyaltyTally: async ({ params, query, principal, requestId }) =>
        json(
          200,
          await royaltyTallyOf(s, { principal, requestId, now: new Date() }, params.quarter, query.unit),
          noStore,
        ),
    },
    httpServices(root),
  );
});
