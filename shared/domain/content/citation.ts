import { conventionsOf, type CitedPortal, type PortalLanguage } from '../policies/conventions';

/**
 * The source line every reuse of a portal's item must carry, in the words the preset prescribes
 * and in the item's language (QN 13.1 "Theo Cổng thông tin điện tử tỉnh Quảng Ninh"; CB 4.3
 * "theo www.caobang.gov.vn"; elsewhere the portal's name and address: BĐ 9.3, NA 3.3, TG 23.1).
 */
export function citationLine(portal: CitedPortal, language: string, presetId: string): string {
  const lang: PortalLanguage = language === 'en' || language === 'zh' ? language : 'vi';
  return conventionsOf(presetId).sourceLine.line(portal, lang);
}
