import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import {
  consultationIdParam,
  consultationListQuery,
  consultationListSchema,
  consultationPortalParams,
  consultationSchema,
  consultationStepSchema,
  consultationTransitionBody,
  publicConsultationParams,
  summaryDownloadQuery,
} from './consultations-schemas';

/** Consultations on drafts (issue 28 §1, §4, §7): the public reads them, staff take their steps. */
export const consultationRoutes = {
  listConsultations: defineRoute({
    id: 'listConsultations',
    method: 'GET',
    path: '/public/portals/{portal}/consultations',
    function: 'consultationsPublic',
    auth: 'public',
    summary:
      "A portal's consultations on drafts, open (default) or closed, newest opening first, with their windows (calendar and working days)",
    tags: ['public', 'participation'],
    params: consultationPortalParams,
    query: consultationListQuery,
    responses: {
      200: { description: 'A page of consultations (without their articles)', schema: consultationListSchema },
    },
  }),
  getConsultation: defineRoute({
    id: 'getConsultation',
    method: 'GET',
    path: '/public/portals/{portal}/consultations/{id}',
    function: 'consultationsPublic',
    auth: 'public',
    summary:
      'One open or closed consultation: its window and legal minimum, the current version of the draft split into articles (Điều) and clauses (khoản) with their digests, and the summary once published',
    tags: ['public', 'participation'],
    params: publicConsultationParams,
    responses: {
      200: { description: 'The consultation', schema: consultationSchema },
      404: { description: 'No such consultation open or closed on this portal (a scheduled one is not public)' },
    },
  }),
  getConsultationFeed: defineRoute({
    id: 'getConsultationFeed',
    method: 'GET',
    path: '/public/portals/{portal}/consultations.rss',
    function: 'consultationsPublic',
    auth: 'public',
    summary: "RSS 2.0 of a portal's drafts open for comment",
    tags: ['public', 'participation'],
    params: consultationPortalParams,
    responses: {
      200: { description: 'RSS 2.0 feed', contentType: 'application/rss+xml', schema: z.string() },
      404: { description: 'No such portal' },
    },
  }),
  getConsultationSummary: defineRoute({
    id: 'getConsultationSummary',
    method: 'GET',
    path: '/public/portals/{portal}/consultations/{id}/summary',
    function: 'consultationDocuments',
    auth: 'public',
    summary:
      'The published summary of a consultation ("tổng hợp, tiếp thu, giải trình ý kiến"), as CSV (UTF-8 with BOM for Excel, `bom=false` for machines; RFC 4180, CRLF) or as a Word table',
    tags: ['public', 'participation'],
    params: publicConsultationParams,
    query: summaryDownloadQuery,
    responses: {
      200: { description: 'The file (CSV or .docx)', contentType: 'text/csv; charset=utf-8' },
      404: { description: 'No such consultation, or its summary is not published yet' },
    },
  }),
  getStaffConsultation: defineRoute({
    id: 'getStaffConsultation',
    method: 'GET',
    path: '/consultations/{id}',
    function: 'consultations',
    auth: 'signed-in',
    action: 'content.read',
    summary:
      'A consultation for its portal’s staff, in any state: the window, the current articles, and the summary as written (before approval too), with its writer and approver; ETag: its version',
    tags: ['participation'],
    params: consultationIdParam,
    responses: {
      200: { description: 'The consultation', schema: consultationStepSchema },
      404: { description: 'No such consultation, or not one the caller may read' },
    },
  }),
  transitionConsultation: defineRoute({
    id: 'transitionConsultation',
    method: 'POST',
    path: '/consultations/{id}/transitions',
    function: 'consultations',
    auth: 'signed-in',
    // Coarse check only: the workflow table names the rule each action needs.
    action: 'content.read',
    summary:
      'Take one step on the consultation of a published draft (its id is the draft item’s): schedule (the board: documentType, opensAt, closesAt, checked against the minimum period; simplifiedReason for the simplified procedure), open, close, newVersion (contentId of the newer published draft), writeSummary (the drafting unit: summary per article), returnSummary (reason), approveSummary (not the writer), publishSummary; If-Match guards the version',
    tags: ['participation'],
    params: consultationIdParam,
    body: consultationTransitionBody,
    idempotencyJoinsCommit: true,
    responses: {
      200: { description: 'The consultation after the step (ETag: its version)', schema: consultationStepSchema },
      201: { description: 'Scheduled (the `schedule` step)', schema: consultationStepSchema },
    },
  }),
} as const;
