import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import {
  endOfRatingDay,
  RATING_TEXT_MAX,
  ratingDayOf,
  ratingFigures,
  ratingFiguresBy,
  ratingReasonIds,
  ratingValue,
  scrubbedRatingText,
  sourceBucket,
  voteToken,
  type RatingFact,
} from '../../shared/domain/participation/rating';
import { informationRatingReportFigures, reportFigures } from '../../shared/domain/reports/figures';

/** The pure rules of rating information (issue 28 §5): the value, the scrubbing, the day's token, the figures. */
const key = (byte: number) => new Uint8Array(32).fill(byte);
const source = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' };
const item = { kind: 'content', id: '0b1c2d3e-0000-4000-8000-000000000001' } as const;

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return { code: (e as DomainError).code, fields: (e as DomainError).fields.map((x) => x.field) };
  }
  throw new Error('did not throw');
};

describe('the value', () => {
  it('is exactly one of useful and score', () => {
    expect(ratingValue({ useful: true })).toEqual({ scale: 'useful', value: 1 });
    expect(ratingValue({ useful: false })).toEqual({ scale: 'useful', value: 0 });
    expect(ratingValue({ score: 1 })).toEqual({ scale: 'score', value: 1 });
    expect(ratingValue({ score: 5 })).toEqual({ scale: 'score', value: 5 });
    expect(fieldOf(() => ratingValue({}))).toEqual({ code: 'validation', fields: ['useful'] });
    expect(fieldOf(() => ratingValue({ useful: true, score: 3 }))).toEqual({
      code: 'validation',
      fields: ['useful'],
    });
  });

  it('says why in both languages', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).fields;
      }
      return [];
    };
    expect(issues(() => ratingValue({}))).toEqual([
      {
        field: 'useful',
        code: 'one_of',
        message: {
          vi: 'Gửi đúng một trong hai: "useful" (có/không) hoặc "score" (1–5)',
          en: 'Send exactly one of "useful" (yes/no) and "score" (1–5)',
        },
      },
    ]);
    expect(issues(() => ratingValue({ score: 9 }))).toEqual([
      {
        field: 'score',
        code: 'invalid',
        message: { vi: 'Điểm là số nguyên từ 1 đến 5', en: 'The score is a whole number from 1 to 5' },
      },
    ]);
  });

  it('refuses scores outside 1–5 and fractions, naming body.score', () => {
    for (const score of [0, 6, 2.5, -1, Number.NaN]) {
      expect(fieldOf(() => ratingValue({ score }))).toEqual({ code: 'validation', fields: ['score'] });
    }
  });
});

describe('the text', () => {
  it('is kept without e-mail, phone or ID numbers, and blank is nothing', () => {
    const kept = scrubbedRatingText(
      'Tôi là Nguyễn Văn An, gọi 0912345678 hoặc an.nguyen@example.vn, CCCD 001203004567',
    );
    expect(kept).not.toMatch(/0912345678|example\.vn|001203004567|Nguyễn Văn An/);
    expect(kept).toContain('[đã ẩn]');
    expect(scrubbedRatingText('   ')).toBeUndefined();
    expect(scrubbedRatingText(undefined)).toBeUndefined();
    expect(scrubbedRatingText('Thông tin rất rõ ràng')).toBe('Thông tin rất rõ ràng');
  });

  it('never exceeds the bound', () => {
    expect(scrubbedRatingText('a'.repeat(RATING_TEXT_MAX + 20))).toHaveLength(RATING_TEXT_MAX);
  });
});

describe('the day and its token', () => {
  it('the local day is Việt Nam’s (UTC+7), and ends at its midnight', () => {
    expect(ratingDayOf(new Date('2026-12-07T16:59:59Z'))).toBe('2026-12-07');
    expect(ratingDayOf(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
    expect(endOfRatingDay('2026-12-07').toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('is the same for the same day, target and source; different when any of them, or the key, differs', () => {
    const t = voteToken(key(1), '2026-12-07', item, source);
    expect(voteToken(key(1), '2026-12-07', item, source)).toBe(t);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const others = [
      voteToken(key(2), '2026-12-07', item, source),
      voteToken(key(1), '2026-12-08', item, source),
      voteToken(key(1), '2026-12-07', { ...item, id: `${item.id.slice(0, -1)}2` }, source),
      voteToken(key(1), '2026-12-07', { kind: 'answer', id: item.id }, source),
      voteToken(key(1), '2026-12-07', item, { ...source, address: '203.0.113.8' }),
      voteToken(key(1), '2026-12-07', item, { ...source, userAgent: 'curl/8' }),
    ];
    expect(new Set([t, ...others]).size).toBe(7);
  });

  it('is the documented HMAC: SHA-256 under the day’s key of the lines vote, day, kind, id, address, user agent', () => {
    const expected = (prefix: string, ...parts: string[]) =>
      createHmac('sha256', key(1))
        .update([prefix, ...parts].join('\n'))
        .digest('base64url');
    expect(voteToken(key(1), '2026-12-07', item, source)).toBe(
      expected('vote', '2026-12-07', 'content', item.id, source.address, source.userAgent),
    );
    expect(sourceBucket(key(1), '2026-12-07T02:00:00.000Z', source)).toBe(
      expected('rate', '2026-12-07T02:00:00.000Z', source.address, source.userAgent),
    );
  });

  it('holds nothing of the address: the address is not in it, and without the day’s key it cannot be recomputed', () => {
    const t = voteToken(key(1), '2026-12-07', item, source);
    expect(t).not.toContain('203');
    expect(Buffer.from(t, 'base64url').toString('latin1')).not.toContain('203.0.113.7');
    // Two days of one person under the two days' keys share nothing.
    expect(voteToken(key(3), '2026-12-08', item, source)).not.toBe(t);
  });

  it('the hourly bucket differs per hour and per key, not per target', () => {
    const b = sourceBucket(key(1), '2026-12-07T02:00:00.000Z', source);
    expect(sourceBucket(key(1), '2026-12-07T02:00:00.000Z', source)).toBe(b);
    expect(sourceBucket(key(1), '2026-12-07T03:00:00.000Z', source)).not.toBe(b);
    expect(sourceBucket(key(2), '2026-12-07T02:00:00.000Z', source)).not.toBe(b);
    expect(b).not.toBe(voteToken(key(1), '2026-12-07', item, source));
  });
});

describe('the figures', () => {
  const fact = (over: Partial<RatingFact>): RatingFact => ({
    id: 'r',
    targetKind: 'content',
    targetId: 'a',
    unitCode: 'soa',
    category: 'news',
    scale: 'useful',
    value: 1,
    at: '2026-12-07T02:00:00.000Z',
    localDate: '2026-12-07',
    ...over,
  });

  it('are empty without ratings (rates and means null)', () => {
    expect(ratingFigures([])).toEqual({
      ratings: 0,
      usefulVotes: 0,
      usefulYes: 0,
      usefulRate: null,
      scoreVotes: 0,
      scores: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      meanScore: null,
      reasons: {},
      withText: 0,
    });
  });

  it('count yes/no and scores apart, with the share of yes and the mean score', () => {
    const facts = [
      fact({ value: 1, reason: 'found-what-i-needed' }),
      fact({ value: 1 }),
      fact({ value: 0, reason: 'outdated', text: 'Số liệu năm 2020' }),
      fact({ scale: 'score', value: 5 }),
      fact({ scale: 'score', value: 4, reason: 'outdated' }),
      fact({ scale: 'score', value: 2 }),
    ];
    expect(ratingFigures(facts)).toEqual({
      ratings: 6,
      usefulVotes: 3,
      usefulYes: 2,
      usefulRate: 66.7,
      scoreVotes: 3,
      scores: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 },
      meanScore: 3.67,
      reasons: { 'found-what-i-needed': 1, outdated: 2 },
      withText: 1,
    });
  });

  it('group by any key, sorted', () => {
    const by = ratingFiguresBy(
      [fact({ category: 'news' }), fact({ category: 'answer:land' }), fact({ category: 'news', value: 0 })],
      (f) => f.category,
    );
    expect(Object.keys(by)).toEqual(['answer:land', 'news']);
    expect(by.news).toMatchObject({ ratings: 2, usefulYes: 1, usefulRate: 50 });
    expect(by['answer:land']).toMatchObject({ ratings: 1, usefulRate: 100 });
  });

  it('offer a fixed list of reasons, each in Vietnamese and English', () => {
    expect(ratingReasonIds).toContain('other');
    expect(ratingReasonIds.length).toBeGreaterThanOrEqual(5);
  });
});

describe('in the reports (shared/domain/reports/figures.ts)', () => {
  const period = {
    id: '2026-12',
    from: '2026-12-01',
    to: '2026-12-31',
    startsAt: '2026-11-30T17:00:00.000Z',
    endsAt: '2026-12-31T17:00:00.000Z',
  };
  const unit = (code: string, ratingFacts?: RatingFact[]) => ({
    unitCode: code,
    unitName: code,
    contentSteps: [],
    publications: [],
    questionFacts: [],
    accounts: [],
    roleChanges: [],
    ...(ratingFacts && { ratingFacts }),
  });
  const fact = (at: string, over: Partial<RatingFact> = {}): RatingFact => ({
    id: at,
    targetKind: 'content',
    targetId: 'a',
    unitCode: 'soa',
    category: 'news',
    scale: 'score',
    value: 4,
    at,
    localDate: at.slice(0, 10),
    ...over,
  });

  it('count only the period’s ratings, per unit and in total (a unit without facts counts none)', () => {
    const f = reportFigures(
      [
        unit('soa', [
          fact('2026-11-30T16:59:59.000Z'),
          fact('2026-11-30T17:00:00.000Z', { value: 2 }),
          fact('2026-12-31T16:59:59.000Z', { scale: 'useful', value: 1, text: 'Rõ ràng' }),
          fact('2026-12-31T17:00:00.000Z'),
        ]),
        unit('sob'),
      ],
      { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
      period,
    );
    expect(f.units.find((u) => u.unitCode === 'soa')!.informationRatings).toEqual({
      informationRatings: 2,
      usefulVotes: 1,
      usefulYes: 1,
      usefulRate: 100,
      scoreVotes: 1,
      meanScore: 2,
      ratingsWithText: 1,
    });
    expect(f.units.find((u) => u.unitCode === 'sob')!.informationRatings.informationRatings).toBe(0);
    expect(f.totals.informationRatings).toEqual(
      informationRatingReportFigures([fact('x', { value: 2 }), fact('y', { scale: 'useful', value: 1, text: 't' })]),
    );
  });
});
