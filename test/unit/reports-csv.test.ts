import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, type CsvRow, figuresRows, royaltyRows, toCsv } from '../../shared/domain/reports/csv';
import { reportFigures, type UnitFacts } from '../../shared/domain/reports/figures';
import { figureLabels, groupLabels } from '../../shared/domain/reports/labels';
import { periodOf } from '../../shared/domain/reports/periods';
import { royaltyTally } from '../../shared/domain/reports/royalties';

/**
 * The CSV download (issue 27 §4, docs/reports.md): RFC 4180, CRLF, UTF-8 with a byte-order mark unless asked not to,
 * one row per figure. Every test reads the CSV back with a standard parser (csv-parse) and rebuilds the figures.
 */
type Record8 = Record<(typeof CSV_HEADER)[number], string>;
const read = (csv: string): Record8[] => parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' });
const valueOf = (cell: string) => (cell === '' ? null : Number(cell));

const november = periodOf({ kind: 'month' }, '2026-11', false);
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const unit = (code: string, name: string, extra: Partial<UnitFacts> = {}): UnitFacts => ({
  unitCode: code,
  unitName: name,
  contentSteps: [],
  publications: [],
  questionFacts: [],
  accounts: [],
  roleChanges: [],
  ...extra,
});
// Two units: one with content in two categories, answers and ratings; one with nothing (its rates and medians null).
const figures = reportFigures(
  [
    unit('sgd', 'Sở Giáo dục và Đào tạo', {
      contentSteps: [
        { itemId: 'a', category: 'news', action: 'submit', at: at(2) },
        { itemId: 'b', category: 'legal', action: 'reject', at: at(3) },
      ],
      publications: [{ itemId: 'a', category: 'news', publishedAt: at(4), onTime: true }],
      questionFacts: [
        { kind: 'received', questionId: 'x', at: at(2) },
        { kind: 'answered', questionId: 'x', at: at(9), onTime: true, workingDays: 5 },
        { kind: 'rated', questionId: 'x', at: at(10), rating: 'partly' },
      ],
      accounts: [{ createdAt: at(5) }],
    }),
    unit('ubnd', 'Ủy ban nhân dân tỉnh'),
  ],
  {
    incidents: [{ reportedAt: at(6), detectedAt: null, restoredAt: at(7) }],
    jobRuns: [{ job: 'weekly-backup', finishedAt: at(8), outcome: 'succeeded' }],
    securityChecks: [],
    restoreLimitHours: 24,
  },
  november,
);

/** One item of two contributors, one with an account and one known by name only. */
const tally = royaltyTally(
  '2026-Q4',
  [
    {
      itemId: 'a',
      unitCode: 'sgd',
      title: 'Tin',
      category: 'news',
      contributors: [
        { name: 'Nông Văn Dũng', accountId: 'u-dung', share: 60 },
        { name: 'Lò Thị Mai', share: 40 },
      ],
      frozenAt: '2026-11-02T03:00:00Z',
      quarter: '2026-Q4',
    },
  ],
  { currency: 'VND', perItem: { news: 150_000 }, default: 0, basis: 'kiểm thử' },
);

/** The figures as a reader of the CSV alone rebuilds them: units by code, totals and operations by their names. */
function figuresFrom(records: Record8[]): unknown {
  const put = (target: Record<string, unknown>, path: string[], key: string, value: number | null) => {
    let node = target;
    for (const step of path) node = (node[step] ??= {}) as Record<string, unknown>;
    node[key] = value;
  };
  const sections: Record<string, string> = {
    content: 'content',
    questions: 'questions',
    'information-ratings': 'informationRatings',
    accounts: 'accounts',
  };
  const units: Record<string, Record<string, unknown>> = {};
  const totals: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const r of records) {
    const value = valueOf(r.gia_tri);
    // The portal-wide rows are not split by category.
    if (r.ma_don_vi === '*') expect(r.phan_loai, `${r.nhom} ${r.chi_so}`).toBe('');
    if (r.ma_don_vi === '*' && r.don_vi === 'Toàn Cổng' && r.nhom === 'operations')
      put(operations, [], r.chi_so, value);
    else if (r.ma_don_vi === '*' && r.don_vi === 'Tổng cộng') put(totals, [sections[r.nhom]!], r.chi_so, value);
    else {
      const u = (units[r.ma_don_vi] ??= { unitCode: r.ma_don_vi, unitName: r.don_vi, contentByCategory: {} });
      expect(u.unitName).toBe(r.don_vi);
      const path =
        r.phan_loai === '' ? [sections[r.nhom]!] : r.nhom === 'content' ? ['contentByCategory', r.phan_loai] : [];
      expect(path, `${r.nhom} ${r.phan_loai}`).not.toEqual([]);
      put(u, path, r.chi_so, value);
    }
  }
  return { units: Object.values(units), totals, operations };
}

describe('report CSV', () => {
  it('reads back to the same figures: one row per figure of every unit and category, the totals and the portal’s operations', () => {
    const { period: _period, ...expected } = figures;
    expect(figures.units.map((u) => u.unitCode)).toEqual(['sgd', 'ubnd']);
    expect(figuresFrom(read(toCsv(figuresRows(figures))))).toEqual(expected);
  });

  it('leaves a figure that has no value (a rate or median over nothing) empty, and writes zero as 0', () => {
    const records = read(toCsv(figuresRows(figures)));
    const ubnd = (chi: string) =>
      records.find((r) => r.ma_don_vi === 'ubnd' && r.nhom === 'content' && r.chi_so === chi);
    expect(figures.units[1]!.content.onTimeRate).toBeNull();
    expect(ubnd('onTimeRate')?.gia_tri).toBe('');
    expect(ubnd('submitted')?.gia_tri).toBe('0');
    const sgdMedian = records.find((r) => r.ma_don_vi === 'sgd' && r.chi_so === 'medianWorkingDaysToAnswer');
    expect(sgdMedian?.gia_tri).toBe('5');
  });

  it('names every group and figure in Vietnamese next to its machine name', () => {
    const records = read(toCsv([...figuresRows(figures), ...royaltyRows(tally)]));
    expect(new Set(records.map((r) => r.nhom))).toEqual(new Set(Object.keys(groupLabels)));
    for (const r of records) {
      expect(r.ten_nhom, r.nhom).toBe(groupLabels[r.nhom]);
      expect(r.ten_chi_so, r.chi_so).toBe(figureLabels[r.chi_so]);
    }
  });

  it('lists the royalty tally per contributor (by unit), per unit and in total, the total in the rates’ currency', () => {
    const records = read(toCsv(royaltyRows(tally)));
    const of = (nhom: string) =>
      records
        .filter((r) => r.nhom === nhom)
        .map((r) => [r.ma_don_vi, r.don_vi, r.phan_loai, r.chi_so, valueOf(r.gia_tri)]);
    expect(of('royalty-contributor')).toEqual(
      tally.contributors.flatMap((c) =>
        (['items', 'shareOfItems', 'amount'] as const).map((k) => [c.unitCode, c.name, c.contributor, k, c[k]]),
      ),
    );
    expect(of('royalty-contributor').map((r) => r[2])).toEqual(expect.arrayContaining(['u-dung', 'name:Lò Thị Mai']));
    expect(of('royalty-unit')).toEqual([
      ['sgd', 'sgd', '', 'items', 1],
      ['sgd', 'sgd', '', 'amount', 150_000],
    ]);
    expect(of('royalty-total')).toEqual([
      ['*', 'Tổng cộng', 'VND', 'items', 1],
      ['*', 'Tổng cộng', 'VND', 'amount', 150_000],
    ]);
    expect(records).toHaveLength(3 * 2 + 2 + 2);
  });

  it('writes RFC 4180: quotes, doubled quotes and line breaks survive a standard parser; CRLF; BOM unless asked not to', () => {
    const tricky = 'Sở "Nội vụ", Phòng 1\nTầng 2\r\nPhòng 3';
    const rows: CsvRow[] = [
      ['content', 'Cung cấp thông tin', 'snv', tricky, '', 'submitted', 'Tin, bài gửi đến', '3'],
      ['content', 'Cung cấp thông tin', 'snv', 'Sở Nội vụ', '', 'published', 'Tin, bài đã đăng (lần đầu)', '2'],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith(`\uFEFF${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // A field with a quote, a comma or a line break is quoted, its quotes doubled; other fields are written as they are.
    expect(csv).toContain(`,"${tricky.replaceAll('"', '""')}",`);
    expect(csv).toContain(',Sở Nội vụ,');
    const parsed = read(csv);
    expect(parsed.map((r) => Object.values(r))).toEqual(rows);
    const plain = toCsv(rows, false);
    expect(plain.startsWith(`${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(parse(plain, { columns: true, record_delimiter: '\r\n' })).toEqual(parsed);
  });

  it('is the header alone for no rows', () => {
    expect(toCsv([], false)).toBe(`${CSV_HEADER.join(',')}\r\n`);
    expect(read(toCsv([]))).toEqual([]);
  });
});
