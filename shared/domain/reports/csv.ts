import type { ReportFigures } from './figures';
import type { RoyaltyTally } from './royalties';
import { figureLabels, groupLabels } from './labels';

/**
 * A report's figures as CSV (issue 27 §4): RFC 4180 (fields with a comma, quote or line break are
 * quoted, quotes doubled), CRLF line ends, UTF-8, with a byte-order mark by default because Excel
 * reads UTF-8 reliably only with one. One row per figure ("long" form), so every figure of every
 * unit and category is one line a machine reads without knowing the layout.
 */
export const CSV_HEADER = [
  'nhom',
  'ten_nhom',
  'ma_don_vi',
  'don_vi',
  'phan_loai',
  'chi_so',
  'ten_chi_so',
  'gia_tri',
] as const;
export type CsvRow = readonly [string, string, string, string, string, string, string, string];

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// A figure with no value (a rate or median over nothing) is null in the figures: an empty cell.
const cell = (v: number | null) => (v === null ? '' : String(v));

export function toCsv(rows: readonly CsvRow[], bom = true): string {
  const lines = [CSV_HEADER, ...rows].map((r) => r.map(field).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

const rowsOf = (group: string, unitCode: string, unitName: string, category: string, values: object): CsvRow[] =>
  Object.entries(values).map(([key, value]) => [
    group,
    groupLabels[group] ?? group,
    unitCode,
    unitName,
    category,
    key,
    figureLabels[key] ?? key,
    cell(value as number | null),
  ]);

export function figuresRows(f: ReportFigures): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const u of f.units) {
    rows.push(...rowsOf('content', u.unitCode, u.unitName, '', u.content));
    for (const [category, values] of Object.entries(u.contentByCategory))
      rows.push(...rowsOf('content', u.unitCode, u.unitName, category, values));
    rows.push(...rowsOf('questions', u.unitCode, u.unitName, '', u.questions));
    rows.push(...rowsOf('information-ratings', u.unitCode, u.unitName, '', u.informationRatings));
    rows.push(...rowsOf('accounts', u.unitCode, u.unitName, '', u.accounts));
  }
  rows.push(...rowsOf('content', '*', 'Tổng cộng', '', f.totals.content));
  rows.push(...rowsOf('questions', '*', 'Tổng cộng', '', f.totals.questions));
  rows.push(...rowsOf('information-ratings', '*', 'Tổng cộng', '', f.totals.informationRatings));
  rows.push(...rowsOf('accounts', '*', 'Tổng cộng', '', f.totals.accounts));
  rows.push(...rowsOf('operations', '*', 'Toàn Cổng', '', f.operations));
  return rows;
}

export function royaltyRows(t: RoyaltyTally): CsvRow[] {
  return [
    ...t.contributors.flatMap((c) =>
      rowsOf('royalty-contributor', c.unitCode, c.name, c.contributor, {
        items: c.items,
        shareOfItems: c.shareOfItems,
        amount: c.amount,
      }),
    ),
    ...t.units.flatMap((u) => rowsOf('royalty-unit', u.unitCode, u.unitCode, '', { items: u.items, amount: u.amount })),
    ...rowsOf('royalty-total', '*', 'Tổng cộng', t.rates.currency, t.total),
  ];
}
