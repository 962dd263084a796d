import * as z from 'zod/mini';
import { bilingual, humanText } from '../text';

/**
 * A legal or administrative document's own metadata (NĐ 30/2020 on the form of documents; NĐ 42/2022
 * Điều 4). Its effectiveness (in force, expired…) is a fact about the law, kept apart from the
 * editorial state of the item that publishes it.
 */
export const legalForms = {
  'luat': 'Luật',
  'nghi-quyet': 'Nghị quyết',
  'nghi-dinh': 'Nghị định',
  'quyet-dinh': 'Quyết định',
  'chi-thi': 'Chỉ thị',
  'thong-tu': 'Thông tư',
  'cong-van': 'Công văn',
  'ke-hoach': 'Kế hoạch',
  'thong-bao': 'Thông báo',
  'huong-dan': 'Hướng dẫn',
  'bao-cao': 'Báo cáo',
  'to-trinh': 'Tờ trình',
} as const;
export type LegalForm = keyof typeof legalForms;
export const legalFormIds = Object.keys(legalForms) as [LegalForm, ...LegalForm[]];

export const effectivenessStatuses = [
  'not-yet-in-force',
  'in-force',
  'partly-expired',
  'expired',
  'suspended',
] as const;
export const relationKinds = ['replaces', 'amends', 'guides'] as const;

/**
 * Số, ký hiệu as NĐ 30/2020 Phụ lục I writes it: the number, the year for normative documents, then
 * the form's and the issuer's abbreviations: `12/2026/QĐ-UBND`, `45/KH-UBND`, `15/2026/QĐ-TTg`.
 */
const NUMBER_SYMBOL = /^([1-9]\d{0,5})(?:\/(\d{4}))?\/(\p{L}[\p{L}\d]*(?:[-.]\p{L}[\p{L}\d]*)*)$/u;

export interface ParsedNumber {
  readonly number: number;
  readonly year?: number;
  readonly symbol: string;
}

export function parseNumberSymbol(value: string): ParsedNumber | undefined {
  const match = NUMBER_SYMBOL.exec(value.normalize('NFC'));
  if (!match) return undefined;
  const [, number, year, symbol] = match;
  return { number: Number(number), ...(year !== undefined && { year: Number(year) }), symbol: symbol! };
}

const numberError = bilingual(
  'Số, ký hiệu không hợp lệ: dạng "12/2026/QĐ-UBND" hoặc "45/KH-UBND"',
  'Invalid number/symbol: write it as "12/2026/QĐ-UBND" or "45/KH-UBND"',
);
export const numberSymbolSchema = z.pipe(
  z.string().check(z.maxLength(60, { error: numberError }), z.trim(), z.normalize('NFC')),
  z.string().check(
    z.refine(
      (v) => {
        const parsed = parseNumberSymbol(v);
        return parsed !== undefined && (parsed.year === undefined || (parsed.year >= 1945 && parsed.year <= 2100));
      },
      { error: numberError },
    ),
  ),
);

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), from 1945 to 2100. */
export const civilDateSchema = z.string().check(
  z.refine(
    (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      return (
        y >= 1945 &&
        y <= 2100 &&
        date.getUTCMonth() === mo - 1 &&
        // Stryker disable next-line ConditionalExpression: a day the month lacks (or 00) rolls the date into another month, which the month check already refuses
        date.getUTCDate() === d
      );
    },
    { error: bilingual('Ngày không hợp lệ (YYYY-MM-DD, 1945–2100)', 'Invalid date (YYYY-MM-DD, 1945–2100)') },
  ),
);

export const legalDocumentSchema = z
  .object({
    form: z.enum(legalFormIds),
    numberSymbol: numberSymbolSchema,
    issuingAuthority: humanText(200, 2),
    signer: humanText(120, 2),
    issuedOn: civilDateSchema,
    effectiveFrom: z.optional(civilDateSchema),
    summary: humanText(2000, 2),
    field: z.optional(humanText(120, 2)),
    effectiveness: z._default(z.enum(effectivenessStatuses), 'in-force'),
    relations: z._default(
      z.array(z.object({ kind: z.enum(relationKinds), numberSymbol: numberSymbolSchema })).check(z.maxLength(20)),
      [],
    ),
  })
  .check(
    z.refine((d) => d.effectiveFrom === undefined || d.effectiveFrom >= d.issuedOn, {
      path: ['effectiveFrom'],
      error: bilingual(
        'Ngày có hiệu lực không được trước ngày ban hành',
        'The effective date cannot precede the issue date',
      ),
    }),
    z.refine(
      (d) => {
        const year = parseNumberSymbol(d.numberSymbol)?.year;
        return year === undefined || year === Number(d.issuedOn.slice(0, 4));
      },
      {
        path: ['numberSymbol'],
        error: bilingual(
          'Năm trong số, ký hiệu phải là năm ban hành',
          'The year in the number/symbol must be the year of issue',
        ),
      },
    ),
  );

export type LegalDocument = z.output<typeof legalDocumentSchema>;
