import { randomUUID } from 'node:crypto';
import type { Principal } from '../domain/access/authorize';
import { figuresMonths } from '../domain/questions/figures';
import { readInUnit } from './unit-scope';
import { auditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import {
  endOfRatingDay,
  ratingDayOf,
  ratingFigures,
  ratingFiguresBy,
  ratingReasons,
  ratingValue,
  RATINGS_PER_SOURCE_PER_HOUR,
  scrubbedRatingText,
  sourceBucket,
  voteToken,
  type RatingFact,
  type RatingInput,
  type RatingTarget,
} from '../domain/participation/rating';
import { InformationRatingRepository } from '../adapters/dynamo/information-ratings';
import { pendingEvent } from '../../events/catalogue';
import type { Services } from '../composition/services';

/**
 * Rating the portal's information (issue 28 §5): anyone, no account. A token valid for one day
 * (shared/domain/participation/rating.ts `voteToken`) refuses a second vote on the same target
 * the same day: the second is refused (409), not put in place of the first, because replacing
 * would need the guard to point at the rating it allowed (linking the day's token to a stored
 * rating) and would make a frozen fact change after it was counted. The guard, the source's hourly
 * count, the rating, its audit entry and its event commit in one transaction, so of 50 concurrent
 * votes with one token exactly one is kept.
 */
export interface RatingContext {
  readonly requestId: string;
  readonly now: Date;
  /** Personal data: only ever fed to the day's HMAC, never stored, logged or returned. */
  readonly clientAddress: string;
  readonly userAgent: string;
}

const HOUR_MS = 3_600_000;
const ratings = (s: Services) => new InformationRatingRepository(s.db, s.table);
const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
const RATER = { id: 'rater', kind: 'anonymous' } as const;

const noSuchTarget = (target: RatingTarget) => {
  const message = {
    vi: `Không có thông tin đã đăng với mã ${target.id}`,
    en: `No published ${target.kind === 'content' ? 'item' : 'answer'} ${target.id}`,
  };
  return new DomainError('not_found', message, [{ field: 'target.id', code: 'not_found', message }]);
};

export async function rateInformation(s: Services, ctx: RatingContext, input: RatingInput) {
  const value = ratingValue(input);
  const text = scrubbedRatingText(input.text);
  const repo = ratings(s);
  const owner = await repo.publishedTarget(input.target);
  if (!owner) throw noSuchTarget(input.target);
  const day = ratingDayOf(ctx.now);
  // Deleted by the table an hour after the day: a late request of the day still finds it.
  const dayKey = await repo.dayKey(day, epochSeconds(endOfRatingDay(day)) + 3600);
  const source = { address: ctx.clientAddress, userAgent: ctx.userAgent };
  const hourStart = new Date(Math.floor(ctx.now.getTime() / HOUR_MS) * HOUR_MS);
  const at = ctx.now.toISOString();
  const fact: RatingFact = {
    id: randomUUID(),
    targetKind: input.target.kind,
    targetId: input.target.id,
    unitCode: owner.unitCode,
    category: owner.category,
    scale: value.scale,
    value: value.value,
    ...(input.reason !== undefined && { reason: input.reason }),
    ...(text !== undefined && { text }),
    at,
    localDate: day,
  };
  await s.uow.commit(
    {
      actions: [
        // First: a repeated vote is a 409 even when the hour's count is spent too.
        repo.vote(voteToken(dayKey, day, input.target, source), epochSeconds(endOfRatingDay(day)) + 3600),
        repo.chargeSource(
          sourceBucket(dayKey, hourStart.toISOString(), source),
          RATINGS_PER_SOURCE_PER_HOUR,
          epochSeconds(hourStart) + 2 * 3600,
        ),
        repo.put(fact),
      ],
      audits: [
        auditEntry(
          {
            scope: owner.unitCode,
            actor: RATER,
            action: 'information.rate',
            target: { type: 'InformationRating', id: fact.id },
            before: null,
            // The text stays out of the log: it is the rater's own words (the unit reads it with the figures).
            after: {
              targetKind: fact.targetKind,
              targetId: fact.targetId,
              scale: fact.scale,
              value: fact.value,
              reason: fact.reason ?? null,
              withText: text !== undefined,
            },
            requestId: ctx.requestId,
          },
          ctx.now,
        ),
      ],
      events: [
        pendingEvent('InformationRated', {
          id: fact.id,
          targetKind: fact.targetKind,
          targetId: fact.targetId,
          unitCode: fact.unitCode,
          category: fact.category,
          scale: fact.scale,
          value: fact.value,
          ...(fact.reason !== undefined && { reason: fact.reason }),
          localDate: day,
        }),
      ],
    },
    { requestId: ctx.requestId, now: ctx.now },
  );
  return {
    id: fact.id,
    target: input.target,
    scale: fact.scale,
    value: fact.value,
    ...(fact.reason !== undefined && { reason: fact.reason }),
    textKept: text !== undefined,
    localDate: day,
  };
}

export interface FiguresQuery {
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  readonly targetKind?: RatingTarget['kind'] | undefined;
  readonly targetId?: string | undefined;
}

/**
 * A unit's figures for the local dates `from`..`to` (at most 366 days, as the Q&A figures:
 * shared/domain/questions/figures.ts `figuresMonths`): totals, per category and per item, and the
 * free texts given with them. Staff of the unit or above (`rating.read`, unit tree): another unit's
 * texts are never returned (403; shared/application/unit-scope.ts `readInUnit`).
 */
export async function ratingFiguresOf(s: Services, ctx: { principal: Principal; now: Date }, q: FiguresQuery) {
  const months = figuresMonths(q.from, q.to);
  const all = await readInUnit(
    s,
    ctx.principal,
    'rating.read',
    q.unit,
    () => ratings(s).facts(q.unit, months, q.from, q.to),
    ctx.now,
  );
  const facts = all.filter(
    (f) =>
      (q.targetKind === undefined || f.targetKind === q.targetKind) &&
      (q.targetId === undefined || f.targetId === q.targetId),
  );
  return {
    unit: q.unit,
    from: q.from,
    to: q.to,
    totals: ratingFigures(facts),
    byCategory: ratingFiguresBy(facts, (f) => f.category),
    byItem: ratingFiguresBy(facts, (f) => `${f.targetKind}:${f.targetId}`),
    reasons: ratingReasons,
    // Newest first; each already scrubbed of personal data before it was stored.
    texts: facts
      .filter((f) => f.text !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 500)
      .map((f) => ({
        targetKind: f.targetKind,
        targetId: f.targetId,
        category: f.category,
        localDate: f.localDate,
        ...(f.reason !== undefined && { reason: f.reason }),
        text: f.text!,
      })),
  };
}
