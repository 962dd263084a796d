import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import { stripInvisible } from '../text';

/**
 * A consultation (issue 28 §1): a draft published through the content workflow (category
 * `draft-for-comment`) opened for comment between two instants, split into its articles (Điều, with
 * their khoản) each time a version of the draft is taken in. Comments anchor to an article by its
 * number and the digest of its text (shared/domain/participation/comment*.ts): when a new version
 * changes an article, its digest changes and the comments on it are flagged.
 */

/** One article (Điều) of one version of the draft: what a comment anchors to. */
export interface ConsultationArticle {
  /** N of "Điều N", as the draft numbers it (1, 2, …). */
  readonly number: number;
  /** The heading after "Điều N." (e.g. "Phạm vi điều chỉnh"); empty when the draft gives none. */
  readonly title: string;
  /** The article's text below its heading (its khoản "1.", "2." … each on its own line), NFC, trimmed lines. */
  readonly text: string;
  /** SHA-256 (hex) of the normalised heading and text (`articleDigest`): equal digests, unchanged article. */
  readonly digest: string;
}

/** A khoản (numbered clause) of an article, as `clausesOf` reads it from the article's text. */
export interface ConsultationClause {
  readonly number: number;
  readonly text: string;
}

/**
 * One version of the draft as the consultation took it in: the content item's version it was read
 * from and its articles. `draftVersion` counts 1, 2, … per consultation (a republished draft makes
 * the next); it is what a comment records as the version it was written on. (The consultation's own
 * `version`, in the repository's record, is the workflow's optimistic-lock counter, bumped by every
 * step: never anchor to it.)
 */
export interface ConsultationDraftVersion {
  readonly draftVersion: number;
  /** The content item's version this text was read from. */
  readonly contentVersion: number;
  readonly title: string;
  /** Text before the first article (Căn cứ …), not commentable by article. */
  readonly preamble: string;
  readonly articles: readonly ConsultationArticle[];
  readonly takenAt: string;
}

/** What a draft is split into: the text before the first article, and the articles in order. */
export interface SplitDraft {
  readonly preamble: string;
  readonly articles: readonly ConsultationArticle[];
}

// "Điều 1.", "Điều 2:", "Điều 3 -", "Điều 4" alone; the heading may follow on the same line.
const ARTICLE_HEADING = /^Điều\s+(\d{1,4})\s*(?:[.:–—-]\s*(.*))?$/u;
// Chương I, Mục 2, Phần thứ nhất: structure between articles, never part of an article's text.
const DIVISION_HEADING = /^(?:Chương|Mục|Phần|Tiểu mục)\s+(?:[IVXLCDM]+|\d+|thứ\s+\S+)\b/iu;
const CLAUSE_START = /^(\d{1,3})\s*[.)]\s*(.*)$/u;

const normaliseLine = (line: string) => stripInvisible(line.normalize('NFC')).replace(/\s+/gu, ' ').trim();

/**
 * Splits a draft's plain text into its articles. A line "Điều N" (then ".", ":" or a dash and the
 * heading, or nothing) starts article N when N is above the previous article's number, so a
 * cross-reference that happens to begin a line ("Điều 3 của Luật này…" has no punctuation and is text;
 * a repeated or lower number is text) never opens an article. Division headings (Chương, Mục) end the
 * article before them and belong to none.
 */
export function splitArticles(text: string): SplitDraft {
  const preamble: string[] = [];
  const found: { number: number; title: string; lines: string[] }[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = normaliseLine(raw);
    if (line === '') continue;
    const heading = ARTICLE_HEADING.exec(line);
    const previous = found.at(-1);
    if (heading) {
      const number = Number(heading[1]);
      if (number > 0 && (previous === undefined || number > previous.number)) {
        found.push({ number, title: heading[2] ?? '', lines: [] }); // the line is trimmed already
        continue;
      }
    }
    if (DIVISION_HEADING.test(line)) {
      if (previous) previous.lines.push('\u0000');
      else preamble.push(line);
      continue;
    }
    if (previous) previous.lines.push(line);
    else preamble.push(line);
  }
  return {
    preamble: preamble.join('\n'),
    articles: found.map(({ number, title, lines }) => {
      // Lines after a division heading (the chapter's title) are not the article's.
      const cut = lines.indexOf('\u0000');
      const body = (cut === -1 ? lines : lines.slice(0, cut)).join('\n');
      return { number, title, text: body, digest: articleDigest(title, body) };
    }),
  };
}

/**
 * The digest of an article: SHA-256 over its heading and text, NFC, spacing within each line
 * collapsed and blank lines dropped, so re-spacing or retyping a diacritic in another form is no
 * change, and any change of words, numbers, punctuation or line breaks (khoản) is.
 */
export function articleDigest(title: string, text: string): string {
  const canonical = `${normaliseLine(title)}\n${text
    .split(/\r\n|\r|\n/u)
    .map(normaliseLine)
    .filter((l) => l !== '')
    .join('\n')}`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The khoản of an article's text: lines opening "1.", "2." … in increasing order; other lines continue the clause. */
export function clausesOf(text: string): ConsultationClause[] {
  const clauses: { number: number; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = normaliseLine(raw);
    if (line === '') continue;
    const start = CLAUSE_START.exec(line);
    const last = clauses.at(-1);
    if (start && Number(start[1]) === (last?.number ?? 0) + 1) {
      clauses.push({ number: Number(start[1]), lines: [start[2] ?? ''] });
    } else if (last) last.lines.push(line);
  }
  return clauses.map((c) => ({ number: c.number, text: c.lines.join('\n').trim() }));
}

/**
 * What changed between two versions of a draft, by article number: `changed` has a digest that
 * differs, `added` exists only in the new one, `removed` only in the old one. A comment on a
 * changed or removed article is flagged.
 */
export interface ArticleChanges {
  readonly changed: readonly number[];
  readonly added: readonly number[];
  readonly removed: readonly number[];
}

export function articleChanges(
  previous: readonly ConsultationArticle[],
  next: readonly ConsultationArticle[],
): ArticleChanges {
  const before = new Map(previous.map((a) => [a.number, a.digest]));
  const after = new Map(next.map((a) => [a.number, a.digest]));
  return {
    changed: next.filter((a) => before.has(a.number) && before.get(a.number) !== a.digest).map((a) => a.number),
    added: next.filter((a) => !before.has(a.number)).map((a) => a.number),
    removed: previous.filter((a) => !after.has(a.number)).map((a) => a.number),
  };
}

/** Whether a comment written on article `number` with `digest` now reads a different (or no) text. */
export function articleChangedSince(current: readonly ConsultationArticle[], number: number, digest: string): boolean {
  return current.find((a) => a.number === number)?.digest !== digest;
}

const BLOCK_END = /<\/(?:p|h[1-6]|li|tr|blockquote|figcaption|caption|table)>|<br\s*\/?>|<hr\s*\/?>/giu;

/** The plain text of a draft's sanitised HTML body, one block (paragraph, heading, list item, row) per line. */
export function draftPlainText(html: string): string {
  const withBreaks = html.replace(BLOCK_END, (tag) => `${tag}\n`).replace(/<\/t[dh]>/giu, (tag) => `${tag} `);
  // sanitize-html decodes every entity and escapes only &, < and > in text (quotes and no-break
  // spaces come out as characters), so those three are all there is to undo.
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\u00a0/gu, ' ');
}
