/**
 * The little XML the feeds need, written by hand: text and attribute values escaped, characters XML
 * 1.0 forbids removed (a feed with one of them is not XML at all, and readers drop the whole feed).
 */

/**
 * Characters outside XML 1.0's `Char` production (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF), and the C1 controls and DEL the specification discourages.
 */
const NOT_XML = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute content: forbidden characters removed, markup characters escaped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * An absolute http(s) URL as readers and crawlers expect it: parsed, with non-ASCII characters
 * percent-encoded (`URL.href`). Anything else (a relative path, `javascript:`) is a programming
 * error of the caller: the links come from our own configuration and ids.
 */
export function absoluteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`not an absolute URL: ${value.slice(0, 100)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`not an http(s) URL: ${value.slice(0, 100)}`);
  return url.href;
}

export function validDate(value: Date, what: string): Date {
  if (Number.isNaN(value.getTime())) throw new RangeError(`${what} is not a valid date`);
  return value;
}
