import { describe, expect, it } from 'vitest';
import { absoluteUrl, validDate } from '../../shared/domain/feeds/xml';

/** The feeds' guards against programming errors say what they refused, cut to 100 characters. */
describe('feed value guards', () => {
  it('names a relative or malformed URL, cut to 100 characters', () => {
    expect(() => absoluteUrl('/tin-tuc/1')).toThrow(new RangeError('not an absolute URL: /tin-tuc/1'));
    const long = `/${'a'.repeat(150)}`;
    expect(() => absoluteUrl(long)).toThrow(new RangeError(`not an absolute URL: ${long.slice(0, 100)}`));
  });
  it('names a URL of another scheme, cut to 100 characters', () => {
    expect(() => absoluteUrl('javascript:alert(1)')).toThrow(new RangeError('not an http(s) URL: javascript:alert(1)'));
    const long = `ftp://a.vn/${'b'.repeat(150)}`;
    expect(() => absoluteUrl(long)).toThrow(new RangeError(`not an http(s) URL: ${long.slice(0, 100)}`));
  });
  it('names the invalid date', () => {
    expect(() => validDate(new Date(Number.NaN), 'pubDate')).toThrow(new RangeError('pubDate is not a valid date'));
  });
});
