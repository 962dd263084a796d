import { describe, expect, it } from 'vitest';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { BINARY_MEDIA_TYPES, isBinaryMediaType } from '../../infra/definitions/api';

/**
 * The RestApi treats every media type as binary (issue 19 #7): a gzip-compressed sitemap, returned
 * base64-encoded with isBase64Encoded, reaches any client as bytes, whatever its Accept header. The
 * local gateway decodes (and encodes request bodies) from the same definition.
 */
describe('binary media types (from the template)', () => {
  it('are every type, written as CloudFormation spells a slash', () => {
    const apis = Object.values(wholeTemplate(defaultPortal().stacks.api).findResources('AWS::ApiGateway::RestApi'));
    expect(apis).toHaveLength(1);
    expect(apis[0]!.Properties.BinaryMediaTypes).toEqual(['*~1*']);
    expect(BINARY_MEDIA_TYPES).toEqual(['*/*']);
  });

  it('cover what the API returns and receives, as the local gateway reads them', () => {
    for (const type of [
      'application/xml; charset=utf-8',
      'application/json',
      'application/rss+xml',
      'text/calendar',
      'application/pdf',
    ])
      expect(isBinaryMediaType(type), type).toBe(true);
    expect(isBinaryMediaType(undefined)).toBe(false);
  });
});
