/**
 * The largest request body the API takes: 256 KiB, room for an article of 200,000 characters of
 * Vietnamese (2–3 bytes each in UTF-8, before HTML) with its JSON around it. The handler refuses a
 * larger JSON body, the firewall refuses a request that declares one (infra/stacks/api-stack.ts),
 * and the local gateway refuses both the same way (413 problem+json).
 */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

/**
 * A regular expression matching the decimal integers greater than `limit` (leading zeros and
 * surrounding blanks allowed, as an HTTP Content-Length may come). AWS WAF sees at most 64 KB of a body, so it cannot measure one of
 * 256 KiB; it can read the Content-Length header, and WAF regex rules have no numeric comparison.
 */
export function greaterThanPattern(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`Not a byte count: ${limit}`);
  const digits = String(limit);
  const longer = `[1-9]\\d{${digits.length},}`;
  const sameLength = [...digits].flatMap((digit, i) => {
    const d = Number(digit);
    if (d === 9) return [];
    const rest = digits.length - i - 1;
    return [`${digits.slice(0, i)}[${d + 1}-9]${rest > 0 ? `\\d{${rest}}` : ''}`];
  });
  return `^\\s*0*(?:${[longer, ...sameLength].join('|')})\\s*$`;
}
