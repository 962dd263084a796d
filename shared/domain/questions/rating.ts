import { DomainError } from '../errors';

/**
 * The asker's rating of a sent answer (issue 9 §4, CPGRAMS' appeal in the spirit of QĐ 31/2021/QĐ-TTg
 * Điều 46): one per question. "Did not answer my question" within the reopen window (policy
 * `qa.reopenWindow`, working days from sending) reopens the question for the board, once; later,
 * or a second time, it is recorded and reopens nothing.
 */
export const ratings = ['satisfied', 'partly', 'not-answered'] as const;
export type Rating = (typeof ratings)[number];

export interface QuestionRating {
  readonly rating: Rating;
  readonly comment?: string;
  readonly at: string;
  /** Did this rating reopen the question? Frozen when given. */
  readonly reopened: boolean;
}

/** An answer the question had before it was reopened, kept with its facts (answered, approved, sent). */
export interface PreviousAnswer {
  readonly answer: unknown;
  readonly answeredAt?: string;
  readonly answeredOnTime?: boolean;
  readonly approval?: unknown;
  readonly sentAt?: string;
  readonly reopenedAt: string;
}

export interface RatingFacts {
  readonly state: string;
  readonly sentAt?: string | undefined;
  readonly rating?: QuestionRating | undefined;
}

/** Why a rating is refused now: not yet sent (409), or rated already (409). */
export function ratingRefusal(facts: RatingFacts): DomainError | undefined {
  if (facts.rating !== undefined) {
    return new DomainError('conflict', {
      vi: 'Câu hỏi này đã được đánh giá; mỗi câu hỏi chỉ một lần',
      en: 'This question has been rated already; once per question',
    });
  }
  if (facts.sentAt === undefined || (facts.state !== 'sent' && facts.state !== 'published')) {
    return new DomainError('conflict', {
      vi: 'Chỉ đánh giá được khi câu trả lời đã được gửi',
      en: 'An answer can be rated only once it has been sent',
    });
  }
  return undefined;
}

/**
 * "Not answered" before the window closes (`windowEndsAt`, counted from sending). Once: a question
 * has one rating (a second is refused), so a rating reopens it at most once.
 */
export const ratingReopens = (rating: Rating, now: Date, windowEndsAt: string): boolean =>
  rating === 'not-answered' && now.toISOString() <= windowEndsAt;

/** What reopening does to the item: the sent answer, with its facts, moves to the history; the board has a new classification clock. */
export function reopenedFields(
  record: {
    readonly answer?: unknown;
    readonly answeredAt?: string;
    readonly answeredOnTime?: boolean;
    readonly approval?: unknown;
    readonly sentAt?: string;
    readonly previousAnswers?: readonly PreviousAnswer[];
  },
  at: string,
  classificationDueAt: string,
): { set: Record<string, unknown>; remove: string[] } {
  const previous: PreviousAnswer = {
    answer: record.answer,
    ...(record.answeredAt !== undefined && { answeredAt: record.answeredAt }),
    ...(record.answeredOnTime !== undefined && { answeredOnTime: record.answeredOnTime }),
    ...(record.approval !== undefined && { approval: record.approval }),
    ...(record.sentAt !== undefined && { sentAt: record.sentAt }),
    reopenedAt: at,
  };
  return {
    set: {
      previousAnswers: [...(record.previousAnswers ?? []), previous],
      classificationDueAt,
      dueAt: classificationDueAt,
      reopenedAt: at,
      updatedAt: at,
    },
    // The next answer must be approved and sent again before the asker sees it.
    remove: ['answer', 'answeredAt', 'answeredOnTime', 'approval', 'sentAt'],
  };
}
