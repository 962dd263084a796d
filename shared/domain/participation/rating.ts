import { createHmac } from 'node:crypto';
import { DomainError } from '../errors';
import { redactPersonalData } from '../questions/redaction';
import type { LocalizedText } from '../text';

/**
 * Ratings of the portal's information (issue 28 §5; NĐ 224/2026/NĐ-CP Điều 10 khoản 3 điểm b: people
 * rate online their satisfaction with the information provided, and the raters' identity stays
 * secret; QN 14.12). Anyone rates a published content item or a published answer, with no account:
 * "useful?" yes/no, or a score of 1–5, optionally a reason from a fixed list and a short text.
 *
 * What is kept is a frozen fact (like the Q&A facts of shared/domain/questions/figures.ts): the
 * target, its owning unit and category, the value, the reason, the text scrubbed of personal data,
 * the instant. Never the address, the user agent, nor anything derived from them that outlives the
 * day: repeated votes are stopped by a per-day token, an HMAC of (day, target, address, user agent)
 * under a random key of that day only (`voteToken`), which is kept apart from the ratings and
 * destroyed after the day, so two days' votes of one person cannot be linked.
 */
export const ratingTargetKinds = ['content', 'answer'] as const;
export type RatingTargetKind = (typeof ratingTargetKinds)[number];

/** The fixed reasons a rater may pick (GOV.UK's "Is this page useful?" asks the same kind of thing). */
export const ratingReasons = {
  'found-what-i-needed': { vi: 'Tìm được thông tin cần thiết', en: 'I found what I needed' },
  'easy-to-understand': { vi: 'Dễ hiểu', en: 'Easy to understand' },
  'hard-to-understand': { vi: 'Khó hiểu', en: 'Hard to understand' },
  incomplete: { vi: 'Thông tin chưa đầy đủ', en: 'The information is incomplete' },
  outdated: { vi: 'Thông tin đã cũ', en: 'The information is out of date' },
  inaccurate: { vi: 'Thông tin chưa chính xác', en: 'The information is inaccurate' },
  'hard-to-find': { vi: 'Khó tìm', en: 'Hard to find' },
  other: { vi: 'Lý do khác', en: 'Another reason' },
} as const satisfies Record<string, LocalizedText>;
export type RatingReason = keyof typeof ratingReasons;
export const ratingReasonIds = Object.keys(ratingReasons) as [RatingReason, ...RatingReason[]];

/** The longest free text kept (characters, after scrubbing never longer). */
export const RATING_TEXT_MAX = 500;
/** Ratings one address (with its user agent) may give within an hour; beyond, a 429. */
export const RATINGS_PER_SOURCE_PER_HOUR = 100;

export interface RatingTarget {
  readonly kind: RatingTargetKind;
  readonly id: string;
}

/** What the rater sends: exactly one of `useful` and `score`. */
export interface RatingInput {
  readonly target: RatingTarget;
  readonly useful?: boolean | undefined;
  readonly score?: number | undefined;
  readonly reason?: RatingReason | undefined;
  readonly text?: string | undefined;
}

export type RatingValue =
  | { readonly scale: 'useful'; readonly value: 0 | 1 }
  | { readonly scale: 'score'; readonly value: 1 | 2 | 3 | 4 | 5 };

/** One rating as stored: no address, no token, no user agent. */
export interface RatingFact {
  readonly id: string;
  readonly targetKind: RatingTargetKind;
  readonly targetId: string;
  readonly unitCode: string;
  readonly category: string;
  readonly scale: RatingValue['scale'];
  readonly value: number;
  readonly reason?: RatingReason;
  /** Scrubbed of personal data (shared/domain/questions/redaction.ts); staff of the owning unit read it. */
  readonly text?: string;
  readonly at: string;
  /** The local (UTC+7) date: the day the vote token was valid. */
  readonly localDate: string;
}

const ONE_VALUE = {
  vi: 'Gửi đúng một trong hai: "useful" (có/không) hoặc "score" (1–5)',
  en: 'Send exactly one of "useful" (yes/no) and "score" (1–5)',
};

/** The value on its scale; a 400 naming `useful` when neither or both are given. */
export function ratingValue(input: Pick<RatingInput, 'useful' | 'score'>): RatingValue {
  const hasUseful = input.useful !== undefined;
  const hasScore = input.score !== undefined;
  if (hasUseful === hasScore) {
    throw new DomainError('validation', ONE_VALUE, [{ field: 'useful', code: 'one_of', message: ONE_VALUE }]);
  }
  if (hasUseful) return { scale: 'useful', value: input.useful ? 1 : 0 };
  const score = input.score!;
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    const message = { vi: 'Điểm là số nguyên từ 1 đến 5', en: 'The score is a whole number from 1 to 5' };
    throw new DomainError('validation', message, [{ field: 'score', code: 'invalid', message }]);
  }
  return { scale: 'score', value: score as 1 | 2 | 3 | 4 | 5 };
}

/**
 * The rater's text as kept: personal data (e-mail, phone, ID number, introduced names) replaced,
 * blank kept as nothing. Scrubbing only shortens or keeps the length, so the 500-character bound
 * checked on input still holds.
 */
export function scrubbedRatingText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const scrubbed = redactPersonalData(text).trim();
  return scrubbed === '' ? undefined : scrubbed.slice(0, RATING_TEXT_MAX);
}

const UTC_PLUS_7_MS = 7 * 3_600_000;
/** The local (Việt Nam) calendar date of an instant: the vote token's day. */
export const ratingDayOf = (instant: Date): string =>
  new Date(instant.getTime() + UTC_PLUS_7_MS).toISOString().slice(0, 10);

/** The instant the local day `day` ends (00:00 UTC+7 of the next day). */
export const endOfRatingDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000);

/**
 * The day's token of one rater on one target: HMAC-SHA256 under the day's key of the day, the
 * target, the address and the user agent, each on its own line (only the last, the user agent, may
 * hold a newline, so no two inputs give the same text). Without the
 * day's key nobody can compute it from an address, and the key is gone once the day is over.
 */
export function voteToken(
  dayKey: Uint8Array,
  day: string,
  target: RatingTarget,
  source: { address: string; userAgent: string },
): string {
  return createHmac('sha256', dayKey)
    .update(['vote', day, target.kind, target.id, source.address, source.userAgent].join('\n'))
    .digest('base64url');
}

/** The rate-limit bucket of one source within one hour of the day, under the same day key (never linkable across days). */
export function sourceBucket(dayKey: Uint8Array, hourStart: string, source: { address: string; userAgent: string }) {
  return createHmac('sha256', dayKey)
    .update(['rate', hourStart, source.address, source.userAgent].join('\n'))
    .digest('base64url');
}

export interface RatingFigures {
  readonly ratings: number;
  /** Yes/no ratings, how many said yes, and the share of yes in percent (one decimal; null when none). */
  readonly usefulVotes: number;
  readonly usefulYes: number;
  readonly usefulRate: number | null;
  /** 1–5 ratings, how many of each score, and their mean (two decimals; null when none). */
  readonly scoreVotes: number;
  readonly scores: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>;
  readonly meanScore: number | null;
  /** Ratings per reason given (reasons nobody gave are absent). */
  readonly reasons: Readonly<Partial<Record<RatingReason, number>>>;
  /** Ratings that came with a text. */
  readonly withText: number;
}

type FigureFact = Pick<RatingFact, 'scale' | 'value' | 'reason' | 'text'>;

export function ratingFigures(facts: readonly FigureFact[]): RatingFigures {
  const useful = facts.filter((f) => f.scale === 'useful');
  const scored = facts.filter((f) => f.scale === 'score');
  const yes = useful.filter((f) => f.value === 1).length;
  const scores = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const f of scored) scores[String(f.value) as keyof typeof scores] += 1;
  const reasons: Partial<Record<RatingReason, number>> = {};
  for (const f of facts) if (f.reason !== undefined) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
  const total = scored.reduce((sum, f) => sum + f.value, 0);
  return {
    ratings: facts.length,
    usefulVotes: useful.length,
    usefulYes: yes,
    usefulRate: useful.length === 0 ? null : Math.round((yes / useful.length) * 1000) / 10,
    scoreVotes: scored.length,
    scores,
    meanScore: scored.length === 0 ? null : Math.round((total / scored.length) * 100) / 100,
    reasons,
    withText: facts.filter((f) => f.text !== undefined).length,
  };
}

/** Figures per group (item, category, unit), groups sorted by key. */
export function ratingFiguresBy<F extends FigureFact>(
  facts: readonly F[],
  keyOf: (fact: F) => string,
): Record<string, RatingFigures> {
  const groups = new Map<string, F[]>();
  for (const f of facts) {
    const key = keyOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, ratingFigures(groups.get(k)!)]));
}
