/** A message in both languages the portal must serve (BĐ 6.2, NĐ 42 Điều 7.2). */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export type Language = keyof LocalizedText;

export const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Unicode text is stored in NFC (TCVN 6909:2001; QN 5.1, CB 8.1). */
export const nfc = (value: string): string => value.normalize('NFC');

/** Diacritic-insensitive folding for search and slugs: đ is a letter of its own, not a mark. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
