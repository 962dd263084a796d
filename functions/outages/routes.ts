import * as z from 'zod/mini';
import { defineRoute } from '../../shared/http/contract';
import { announceBody, announcedSchema, outagesSchema, portalParams } from './schemas';

/** Planned outage notices (issue 28 §6; NĐ 224/2026 Điều 13.1a). */
export const outagesRoutes = {
  listPlannedOutages: defineRoute({
    id: 'listPlannedOutages',
    method: 'GET',
    path: '/public/portals/{portal}/planned-outages',
    function: 'outagesPublic',
    auth: 'public',
    summary:
      'The planned suspensions of a portal (and of the portals above it) not yet over, by start, with their window and expected return',
    tags: ['public', 'operations'],
    params: portalParams,
    responses: {
      200: { description: 'The notices', schema: outagesSchema },
      404: { description: 'No such portal' },
    },
  }),
  getPlannedOutageFeed: defineRoute({
    id: 'getPlannedOutageFeed',
    method: 'GET',
    path: '/public/portals/{portal}/planned-outages.rss',
    function: 'outagesPublic',
    auth: 'public',
    summary: 'The same notices as RSS 2.0',
    tags: ['public', 'operations'],
    params: portalParams,
    responses: {
      200: { description: 'RSS 2.0 feed', contentType: 'application/rss+xml', schema: z.string() },
      404: { description: 'No such portal' },
    },
  }),
  announcePlannedOutage: defineRoute({
    id: 'announcePlannedOutage',
    method: 'POST',
    path: '/planned-outages',
    function: 'outages',
    auth: 'signed-in',
    action: 'outage.announce',
    summary:
      "Announce a planned suspension (the portal's operators): at least 7 working days ahead (NĐ 224/2026 Điều 13.1a, policy operations.plannedOutageNotice), or marked as an emergency with its reason",
    description:
      'Counted on the working calendar in force: the day of the announcement is not counted (outside working hours, counting starts from the next working day) and the suspension may start once the 7th working day after it has ended. A start sooner is a 409 naming `body.startsAt` and the earliest start allowed.',
    tags: ['operations'],
    body: announceBody,
    responses: {
      201: { description: 'The notice', schema: announcedSchema },
      404: { description: 'No such portal' },
      409: { description: 'Less notice than the rule asks, and not marked as an emergency' },
    },
  }),
} as const;
