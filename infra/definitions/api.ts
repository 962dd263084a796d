/**
 * How API Gateway passes bodies, declared once for the RestApi (infra/stacks/api-stack.ts) and the
 * local gateway (infra/local/gateway.ts). Every media type is binary: a Lambda proxy response with
 * `isBase64Encoded` (a gzip-compressed sitemap) reaches the caller as bytes whatever its Accept
 * header, and request bodies reach the function base64-encoded (shared/http/handler.ts decodes them).
 */
export const BINARY_MEDIA_TYPES = ['*/*'] as const;

/** CloudFormation's spelling: a `/` in BinaryMediaTypes is written `~1`. */
export const cloudFormationMediaType = (type: string) => type.replace(/\//g, '~1');

/** Does a Content-Type (or Accept value) fall under one of the binary media types? */
export function isBinaryMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '') return false;
  return BINARY_MEDIA_TYPES.some((pattern) => {
    const [major, minor] = pattern.split('/');
    const [typeMajor, typeMinor] = type.split('/');
    return (major === '*' || major === typeMajor) && (minor === '*' || minor === typeMinor);
  });
}
