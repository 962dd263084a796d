/**
 * The line every reuse of a portal's content must carry (QN 13.1): "Theo Cổng thông tin điện tử …",
 * naming the portal and its address.
 */
export function citationLine(portalName: string, domain: string): string {
  return `Theo Cổng thông tin điện tử ${portalName} (${domain})`;
}
