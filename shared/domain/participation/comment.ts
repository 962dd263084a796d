import { DomainError } from '../errors';
import type { Asker } from '../questions/asker';
import type { LocalizedText } from '../text';

/**
 * A comment on a draft open for consultation (issue 28 #2, #3): on the whole draft or on one of its
 * articles, from an individual or an organisation (the asker's fields and rules: shared/domain/questions/asker.ts).
 * The commenter's data is sealed apart (as an asker's); the comment keeps the article's number and
 * the digest of its text at the time, so a later version of the draft can flag it when that article
 * changed or went away.
 */
export type Commenter = Asker;

/** What the comments need from a consultation (its own module owns the rest). */
export interface CommentableConsultation {
  readonly id: string;
  /** The drafting unit, then its ancestors (as the rule table reads scopes). */
  readonly unitPath: readonly string[];
  readonly state: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly version: number;
  readonly articles: readonly { readonly number: number; readonly digest: string }[];
}

/** The article a comment is about, as it was when commenting; none for the whole draft. */
export interface CommentAnchor {
  readonly number: number;
  readonly digest: string;
}

export const commentStates = ['pending', 'published', 'hidden'] as const;
export type CommentState = (typeof commentStates)[number];
export const moderationActions = ['publish', 'hide'] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** A follow code: `GY.YYYYMMDD.NNNN` (góp ý), the local day of receipt and that day's counter. */
export const COMMENT_CODE = /^GY\.(\d{4})(\d{2})(\d{2})\.(\d{4,6})$/;
export function commentCode(day: string, counter: number): string {
  if (!/^\d{8}$/.test(day)) throw new Error(`Not a day: ${day}`);
  if (!Number.isInteger(counter) || counter < 1 || counter > 999_999)
    throw new Error(`Counter out of range: ${counter}`);
  return `GY.${day}.${String(counter).padStart(4, '0')}`;
}

/**
 * Whether comments go out at once or after the board's moderation, per policy preset, with its
 * basis. Cao Bằng's Quy chế updates the comment section "as soon as received" (CB 10.1đ); the
 * others are silent, and the product default is the board's moderation (as a question's publication,
 * BĐ 12.4): nothing a stranger wrote reaches the portal before someone of the board has read it.
 */
export interface CommentPublication {
  readonly mode: 'immediate' | 'after-moderation';
  readonly basis: string;
}
export const commentPublicationByPreset: Readonly<Record<string, CommentPublication>> = {
  'cao-bang-2015': {
    mode: 'immediate',
    basis: 'CB 10.1đ (thông tin mục lấy ý kiến góp ý của tổ chức, cá nhân: cập nhật ngay khi nhận được)',
  },
};
export const nationalCommentPublication: CommentPublication = {
  mode: 'after-moderation',
  basis:
    'Mặc định của hệ thống / product default: Ban Biên tập kiểm duyệt trước khi đăng (as the publication of answers, BĐ 12.4; BĐ 8.1đ, CB 7.8 are silent on it)',
};
export const commentPublication = (presetId: string): CommentPublication =>
  commentPublicationByPreset[presetId] ?? nationalCommentPublication;

/** The state a new comment starts in: published at once only where the preset says so and the commenter consented. */
export const initialCommentState = (presetId: string, publicationConsent: boolean): CommentState =>
  commentPublication(presetId).mode === 'immediate' && publicationConsent ? 'published' : 'pending';

const notOpen = (message: LocalizedText) =>
  new DomainError('conflict', message, [{ field: 'id', code: 'not_open', message }]);

/**
 * Comments are taken from the opening instant until the closing instant (excluded), while the
 * consultation is open: before it opens, after it closes (whether or not the scheduler has moved
 * its state yet) or once withdrawn, a 409 naming the window.
 */
export function requireOpenForComment(c: CommentableConsultation, now: Date): void {
  const at = now.toISOString();
  if (at < c.opensAt)
    throw notOpen({
      vi: `Dự thảo chưa mở lấy ý kiến (mở từ ${c.opensAt})`,
      en: `The draft is not open for comment yet (opens ${c.opensAt})`,
    });
  if (at >= c.closesAt)
    throw notOpen({
      vi: `Đã hết thời gian lấy ý kiến (đóng lúc ${c.closesAt})`,
      en: `The consultation closed at ${c.closesAt}`,
    });
  // Scheduled and past its opening instant: open, whether or not the scheduler has moved its state yet.
  if (c.state !== 'open' && c.state !== 'scheduled')
    throw notOpen({ vi: 'Dự thảo không còn mở lấy ý kiến', en: 'The draft is not open for comment' });
}

/** The anchor of a comment on article `number` of the version open now; an article the draft lacks is a 400. */
export function anchorOf(c: CommentableConsultation, number: number | undefined): CommentAnchor | undefined {
  if (number === undefined) return undefined;
  const article = c.articles.find((a) => a.number === number);
  if (!article) {
    const message = {
      vi: `Dự thảo không có Điều ${number}`,
      en: `The draft has no article ${number}`,
    };
    throw new DomainError('validation', message, [{ field: 'article', code: 'not_found', message }]);
  }
  return { number: article.number, digest: article.digest };
}

/**
 * Whether a comment's article changed since it was written: derived at read time against the
 * version shown, so it is right for whichever version a reader sees, and a new version rewrites no
 * comment. `changed`: the article's text differs; `removed`: the version has no such article.
 */
export type CommentFlag = 'article-changed' | 'article-removed';
export function commentFlag(
  anchor: CommentAnchor | undefined,
  current: readonly { readonly number: number; readonly digest: string }[],
): CommentFlag | undefined {
  if (!anchor) return undefined;
  const now = current.find((a) => a.number === anchor.number);
  if (!now) return 'article-removed';
  return now.digest === anchor.digest ? undefined : 'article-changed';
}

/** The state a moderation action leads to from `from`; an action the state does not allow is a 409. */
export function moderationTarget(
  from: CommentState,
  action: ModerationAction,
  reason: string | undefined,
  publicationConsent: boolean,
): CommentState {
  if (action === 'hide') {
    if (reason === undefined || reason.trim() === '') {
      const message = { vi: 'Cần nêu lý do ẩn ý kiến', en: 'Give the reason for hiding the comment' };
      throw new DomainError('validation', message, [{ field: 'reason', code: 'required', message }]);
    }
    if (from === 'hidden')
      throw new DomainError('conflict', { vi: 'Ý kiến đã bị ẩn', en: 'The comment is hidden already' });
    return 'hidden';
  }
  if (from === 'published')
    throw new DomainError('conflict', { vi: 'Ý kiến đã được đăng', en: 'The comment is published already' });
  if (!publicationConsent) {
    const message = {
      vi: 'Người góp ý không đồng ý công khai ý kiến (consent.publication)',
      en: 'The commenter did not consent to publication (consent.publication)',
    };
    throw new DomainError('conflict', message, [{ field: 'action', code: 'no_consent', message }]);
  }
  return 'published';
}
