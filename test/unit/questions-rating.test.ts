import { describe, expect, it } from 'vitest';
import { ratingRefusal, ratingReopens, reopenedFields, ratings } from '../../shared/domain/questions/rating';

/** The asker's rating (issue 9 §4): when it is refused, when it reopens, what reopening moves. */
describe('a rating', () => {
  const rated = { rating: 'partly' as const, at: '2026-03-02T02:00:00.000Z', reopened: false };

  it('is refused once the question is rated, before anything else, and while the answer is not sent', () => {
    const twice = ratingRefusal({ state: 'sent', sentAt: '2026-03-01T02:00:00.000Z', rating: rated });
    expect(twice).toMatchObject({
      code: 'conflict',
      messages: { vi: expect.stringMatching(/đã được đánh giá/), en: expect.stringMatching(/rated already/) },
    });
    // Rated already wins over not sent.
    expect(ratingRefusal({ state: 'routed', rating: rated })?.messages.en).toMatch(/rated already/);
    for (const facts of [
      { state: 'answered' },
      { state: 'approved' },
      { state: 'sent' },
      { state: 'reopened', sentAt: '2026-03-01T02:00:00.000Z' },
    ]) {
      const refusal = ratingRefusal(facts);
      expect(refusal, JSON.stringify(facts)).toMatchObject({
        code: 'conflict',
        messages: { vi: expect.stringMatching(/đã được gửi/), en: expect.stringMatching(/once it has been sent/) },
      });
    }
  });

  it('is taken once the answer is sent or published', () => {
    expect(ratingRefusal({ state: 'sent', sentAt: '2026-03-01T02:00:00.000Z' })).toBeUndefined();
    expect(ratingRefusal({ state: 'published', sentAt: '2026-03-01T02:00:00.000Z' })).toBeUndefined();
  });

  it('reopens only when it says the question was not answered, up to the last instant of the window', () => {
    const end = '2026-03-13T17:00:00.000Z';
    expect(ratingReopens('not-answered', new Date(end), end)).toBe(true);
    expect(ratingReopens('not-answered', new Date('2026-03-13T16:59:59.999Z'), end)).toBe(true);
    expect(ratingReopens('not-answered', new Date('2026-03-13T17:00:00.001Z'), end)).toBe(false);
    expect(ratingReopens('partly', new Date('2026-03-02T00:00:00.000Z'), end)).toBe(false);
    expect(ratingReopens('satisfied', new Date('2026-03-02T00:00:00.000Z'), end)).toBe(false);
    expect(ratings).toEqual(['satisfied', 'partly', 'not-answered']);
  });
});

describe('reopening', () => {
  const at = '2026-03-05T03:00:00.000Z';
  const due = '2026-03-06T10:00:00.000Z';

  it('moves the sent answer with its facts to the history, opens the board’s clock, and takes the answer off the question', () => {
    const record = {
      answer: { text: 'Trả lời' },
      answeredAt: '2026-03-01T01:00:00.000Z',
      answeredOnTime: false,
      approval: { by: 'chief', at: '2026-03-01T02:00:00.000Z' },
      sentAt: '2026-03-01T03:00:00.000Z',
      previousAnswers: [{ answer: { text: 'Lần đầu' }, reopenedAt: '2026-02-20T00:00:00.000Z' }],
    };
    const { set, remove } = reopenedFields(record, at, due);
    expect(set).toEqual({
      previousAnswers: [
        { answer: { text: 'Lần đầu' }, reopenedAt: '2026-02-20T00:00:00.000Z' },
        {
          answer: { text: 'Trả lời' },
          answeredAt: record.answeredAt,
          answeredOnTime: false,
          approval: record.approval,
          sentAt: record.sentAt,
          reopenedAt: at,
        },
      ],
      classificationDueAt: due,
      dueAt: due,
      reopenedAt: at,
      updatedAt: at,
    });
    expect(remove).toEqual(['answer', 'answeredAt', 'answeredOnTime', 'approval', 'sentAt']);
  });

  it('keeps only the facts the answer had', () => {
    const { set } = reopenedFields({ answer: 'x' }, at, due);
    expect(set.previousAnswers).toEqual([{ answer: 'x', reopenedAt: at }]);
  });
});
