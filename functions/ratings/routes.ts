import { defineRoute } from '../../shared/http/contract';
import { figuresQuery, figuresSchema, rateBody, ratedSchema } from './schemas';

/** Ratings of information (issue 28 §5; NĐ 224/2026 Điều 10.3b; QN 14.12). */
export const ratingsRoutes = {
  rateInformation: defineRoute({
    id: 'rateInformation',
    method: 'POST',
    path: '/public/ratings',
    function: 'ratingsPublic',
    auth: 'public',
    summary:
      'Rate a published item or answer (no account): useful yes/no or a score of 1–5, an optional reason and at most 500 characters of text',
    description:
      'Nothing identifying the rater is kept: a second rating of the same target from the same address and browser on the same local day is a 409, recognised by a token under a key of that day only (the day after, it cannot be linked). The text is stored with personal data removed and is read only by the owning unit. At most 100 ratings per address and hour (429). A challenge hook, when configured, reads X-Challenge-Token as asking does.',
    tags: ['public', 'participation'],
    body: rateBody,
    responses: {
      201: { description: 'Recorded', schema: ratedSchema },
      403: { description: 'A challenge hook is configured and X-Challenge-Token is missing or does not pass' },
      404: { description: 'No published item or answer with this id' },
      409: {
        description:
          'Rated already today from this address and browser; or a request with this Idempotency-Key is in progress',
      },
      429: { description: 'Too many ratings from this address within the hour' },
    },
  }),
  getRatingFigures: defineRoute({
    id: 'getRatingFigures',
    method: 'GET',
    path: '/ratings/figures',
    function: 'ratings',
    auth: 'signed-in',
    action: 'rating.read',
    summary:
      "A unit's rating figures for a period of local dates (at most 366 days): totals, per category and per item, and the raters' texts (scrubbed) — the unit's staff and those above it",
    tags: ['participation'],
    query: figuresQuery,
    responses: { 200: { description: 'The figures', schema: figuresSchema } },
  }),
} as const;
