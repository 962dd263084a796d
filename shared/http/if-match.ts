import { invalidField } from '../domain/errors';

/** `If-Match: "3"` → 3; absent → undefined (no concurrency check). */
export function expectedVersion(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['if-match'];
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(raw.trim());
  // Beyond 2^53 the digits no longer name one version (they would compare as 1e+23).
  if (!match || !Number.isSafeInteger(Number(match[1]))) {
    throw invalidField('header.if-match', {
      vi: 'If-Match phải là số phiên bản, ví dụ "3"',
      en: 'If-Match must be a version number, e.g. "3"',
    });
  }
  return Number(match[1]);
}
