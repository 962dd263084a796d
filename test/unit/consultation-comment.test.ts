import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/domain/errors';
import {
  anchorOf,
  COMMENT_CODE,
  commentCode,
  commentFlag,
  commentPublication,
  initialCommentState,
  moderationTarget,
  requireOpenForComment,
  type CommentableConsultation,
} from '../../shared/domain/participation/comment';
import { splitArticles } from '../../shared/domain/participation/consultation';

/** Comments on a consultation (issue 28 #2, #3): the window, the anchor and its flag, publication per preset, moderation steps. */
const draft = splitArticles(
  [
    'Điều 1. Phạm vi điều chỉnh',
    'Quy định này áp dụng trên địa bàn tỉnh.',
    'Điều 2. Đối tượng áp dụng',
    'Cơ quan, tổ chức, cá nhân.',
    'Điều 3. Hiệu lực',
    'Có hiệu lực từ ngày ký.',
  ].join('\n'),
);
const consultation: CommentableConsultation = {
  id: 'c-1',
  unitPath: ['binhdinh'],
  state: 'open',
  opensAt: '2026-03-16T01:00:00.000Z',
  closesAt: '2026-04-15T10:00:00.000Z',
  version: 1,
  articles: draft.articles,
};
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
};

describe('the comment window', () => {
  it('takes comments from the opening instant until (not at) the closing instant; scheduled counts once the instant came', () => {
    expect(refusal(() => requireOpenForComment(consultation, new Date('2026-03-16T01:00:00.000Z')))).toBeUndefined();
    expect(
      refusal(() => requireOpenForComment({ ...consultation, state: 'scheduled' }, new Date('2026-03-20T00:00:00Z'))),
    ).toBeUndefined();
    const early = refusal(() => requireOpenForComment(consultation, new Date('2026-03-16T00:59:59.999Z')));
    expect(early).toMatchObject({ code: 'conflict', fields: [{ field: 'id', code: 'not_open' }] });
    expect(early!.messages.en).toContain('not open for comment yet');
    const late = refusal(() => requireOpenForComment(consultation, new Date('2026-04-15T10:00:00.000Z')));
    expect(late!.messages.en).toContain('closed at 2026-04-15T10:00:00.000Z');
    // Closed by the board (or summarised) before the instant: refused as well.
    for (const state of ['closed', 'summary-drafted', 'published'])
      expect(
        refusal(() => requireOpenForComment({ ...consultation, state }, new Date('2026-03-20T00:00:00Z'))),
      ).toMatchObject({
        code: 'conflict',
      });
  });

  it('names the window in both languages when it refuses a comment', () => {
    const early = refusal(() => requireOpenForComment(consultation, new Date('2026-03-10T00:00:00Z')));
    expect(early!.messages.vi).toContain(`chưa mở lấy ý kiến (mở từ ${consultation.opensAt})`);
    expect(early!.fields[0]!.message).toEqual(early!.messages);
    const late = refusal(() => requireOpenForComment(consultation, new Date('2026-05-01T00:00:00Z')));
    expect(late!.messages.vi).toContain(`hết thời gian lấy ý kiến (đóng lúc ${consultation.closesAt})`);
    const closed = refusal(() =>
      requireOpenForComment({ ...consultation, state: 'closed' }, new Date('2026-03-20T00:00:00Z')),
    );
    expect(closed!.messages).toEqual({
      vi: expect.stringContaining('không còn mở lấy ý kiến'),
      en: expect.stringContaining('not open for comment'),
    });
  });
});

describe('anchors and flags', () => {
  it("anchors to an article's number and digest; an article the draft lacks is a 400 naming the article", () => {
    expect(anchorOf(consultation, undefined)).toBeUndefined();
    expect(anchorOf(consultation, 2)).toEqual({ number: 2, digest: draft.articles[1]!.digest });
    expect(refusal(() => anchorOf(consultation, 4))).toMatchObject({
      code: 'validation',
      messages: { vi: 'Dự thảo không có Điều 4', en: 'The draft has no article 4' },
      fields: [{ field: 'article', code: 'not_found', message: { vi: 'Dự thảo không có Điều 4' } }],
    });
  });

  it('flags a comment whose article changed or went away in the version shown, not one on an unchanged article or the whole draft', () => {
    const next = splitArticles(
      [
        'Điều 1. Phạm vi điều chỉnh',
        'Quy định này áp dụng trên địa bàn tỉnh.',
        'Điều 2. Đối tượng áp dụng',
        'Cơ quan, tổ chức, cá nhân và hộ gia đình.',
      ].join('\n'),
    ).articles;
    expect(commentFlag(anchorOf(consultation, 1), next)).toBeUndefined();
    expect(commentFlag(anchorOf(consultation, 2), next)).toBe('article-changed');
    expect(commentFlag(anchorOf(consultation, 3), next)).toBe('article-removed');
    expect(commentFlag(undefined, next)).toBeUndefined();
    expect(commentFlag(anchorOf(consultation, 2), draft.articles)).toBeUndefined();
  });
});

describe('publication per preset', () => {
  it('publishes at once under Cao Bằng (CB 10.1đ) with consent; elsewhere after moderation', () => {
    expect(commentPublication('cao-bang-2015')).toMatchObject({
      mode: 'immediate',
      basis: expect.stringContaining('CB 10.1đ'),
    });
    expect(commentPublication('binh-dinh-2020').mode).toBe('after-moderation');
    expect(commentPublication('national').basis).toContain('product default');
    expect(initialCommentState('cao-bang-2015', true)).toBe('published');
    expect(initialCommentState('cao-bang-2015', false)).toBe('pending');
    expect(initialCommentState('binh-dinh-2020', true)).toBe('pending');
  });
});

describe('moderation steps', () => {
  it('publishes a pending or hidden comment with consent; hides with a reason; refuses a step to the state it is in', () => {
    expect(moderationTarget('pending', 'publish', undefined, true)).toBe('published');
    expect(moderationTarget('hidden', 'publish', undefined, true)).toBe('published');
    expect(moderationTarget('published', 'hide', 'Nội dung xúc phạm', true)).toBe('hidden');
    expect(moderationTarget('pending', 'hide', 'Quảng cáo', false)).toBe('hidden');
    expect(refusal(() => moderationTarget('pending', 'hide', undefined, true))).toMatchObject({
      code: 'validation',
      fields: [{ field: 'reason' }],
    });
    expect(refusal(() => moderationTarget('pending', 'hide', '  ', true))).toMatchObject({ code: 'validation' });
    expect(refusal(() => moderationTarget('published', 'publish', undefined, true))).toMatchObject({
      code: 'conflict',
    });
    expect(refusal(() => moderationTarget('hidden', 'hide', 'Lần nữa', true))).toMatchObject({ code: 'conflict' });
    expect(refusal(() => moderationTarget('pending', 'publish', undefined, false))).toMatchObject({
      code: 'conflict',
      fields: [{ field: 'action', code: 'no_consent' }],
    });
  });

  it('says in both languages why a moderation step is refused', () => {
    const noReason = refusal(() => moderationTarget('pending', 'hide', ' ', true));
    expect(noReason).toMatchObject({
      messages: { vi: expect.stringContaining('lý do ẩn'), en: expect.stringContaining('reason for hiding') },
      fields: [{ field: 'reason', code: 'required', message: { vi: expect.stringContaining('lý do ẩn') } }],
    });
    expect(refusal(() => moderationTarget('hidden', 'hide', 'Lần nữa', true))?.messages).toEqual({
      vi: expect.stringContaining('đã bị ẩn'),
      en: expect.stringContaining('hidden already'),
    });
    expect(refusal(() => moderationTarget('published', 'publish', undefined, true))?.messages).toEqual({
      vi: expect.stringContaining('đã được đăng'),
      en: expect.stringContaining('published already'),
    });
    expect(refusal(() => moderationTarget('pending', 'publish', undefined, false))).toMatchObject({
      messages: {
        vi: expect.stringContaining('không đồng ý công khai'),
        en: expect.stringContaining('did not consent to publication'),
      },
      fields: [{ message: { en: expect.stringContaining('consent.publication') } }],
    });
  });

  it('numbers comments GY.<local day>.<counter>', () => {
    expect(commentCode('20260316', 7)).toBe('GY.20260316.0007');
    expect(() => commentCode('2026-03-16', 1)).toThrow();
    expect(() => commentCode('20260316', 0)).toThrow();
  });

  it('counts from 1 to 999,999 a day, six digits at most as the code allows; eight digits of day, no more, no less', () => {
    expect(commentCode('20260316', 1)).toBe('GY.20260316.0001');
    expect(commentCode('20260316', 999_999)).toMatch(COMMENT_CODE);
    expect(commentCode('20260316', 999_999)).toBe('GY.20260316.999999');
    expect(() => commentCode('20260316', 1_000_000)).toThrow('Counter out of range: 1000000');
    expect(() => commentCode('20260316', 1.5)).toThrow('Counter out of range: 1.5');
    expect(() => commentCode('x20260316', 1)).toThrow('Not a day: x20260316');
    expect(() => commentCode('20260316x', 1)).toThrow('Not a day: 20260316x');
  });
});
