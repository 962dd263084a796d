import sanitizeHtml from 'sanitize-html';
import { stripInvisible } from '../text';

/**
 * Rich text (an item's body) is HTML cleaned on input against an allow-list with sanitize-html, the
 * well-kept sanitiser (used by Apostrophe, millions of weekly downloads): every tag, attribute and
 * URL scheme not listed is dropped, so no script, event handler, style or `javascript:` URL is ever
 * stored, and nothing downstream (public API, RSS) has to trust what editors pasted.
 */
const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  // Dropped with their content: what they hold is code, never text a reader should see.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
  ],
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
};
// rel is set by the transform; allow it on links only so the transform's value survives.
allowList.allowedAttributes = {
  ...(allowList.allowedAttributes as Record<string, string[]>),
  a: ['href', 'title', 'rel'],
};

/**
 * The body as stored: sanitised, then NFC (TCVN 6909:2001), without invisible characters (bidi
 * controls, zero-width and format characters: shared/domain/text.ts), raw or as entities — the
 * sanitiser decodes entities, so stripping its output catches both.
 */
export function cleanRichText(html: string): string {
  return stripInvisible(sanitizeHtml(html.normalize('NFC'), allowList).normalize('NFC')).trim();
}

/** The visible text of sanitised HTML, to tell an empty body (only tags or spaces) from a real one. */
export function visibleText(html: string): string {
  // Stryker disable next-line ArrayDeclaration: a tag name with spaces cannot occur in HTML, so allowing it keeps nothing
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;|\s+/g, ' ')
    .trim();
}
