import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellOptions,
} from 'docx';
import type { ReportKind } from '../../domain/reports/kinds';
import { naAppendixSections } from '../../domain/reports/kinds';
import type {
  ContentFigures,
  OperationsFigures,
  QuestionReportFigures,
  ReportFigures,
} from '../../domain/reports/figures';
import type { RoyaltyTally } from '../../domain/reports/royalties';
import { figureLabels } from '../../domain/reports/labels';

/**
 * A report as the Word document of its seed (issue 27 §4), built with the `docx` package: NA 15.7's
 * Phụ lục word for word (its header block, headings I–V, Nơi nhận and signature block, with the
 * figures under II.2 and II.3), the other kinds in the national administrative layout of
 * NĐ 30/2020/NĐ-CP (A4; Times New Roman 13, black; Quốc hiệu and Tiêu ngữ; Số, place and date;
 * Kính gửi; Nơi nhận; signature), and the royalty tally as a table. Headings are bold runs in the
 * default style, not Word's heading styles, which come out blue.
 */
export interface DocumentContext {
  readonly kind: ReportKind;
  /** The reporting body and the body above it (cơ quan chủ quản). */
  readonly unitName: string;
  readonly parentName: string | undefined;
  /** Where it is issued, for "Nghệ An, ngày … tháng … năm …". */
  readonly place: string;
  readonly periodLabel: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly number: string | undefined;
  /** The date it bears (YYYY-MM-DD), once sent. */
  readonly dated: string | undefined;
  readonly figures?: ReportFigures;
  readonly tally?: RoyaltyTally;
}

export const SIZE = 26; // 13 pt in half-points (NĐ 30/2020 Phụ lục I: 13–14)
export const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };
const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    color: '000000',
  });
export const para = (text: string, style: RunStyle & { center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [run(text, style)],
    alignment: style.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: 80, line: 300 },
    ...(style.indent && { indent: { firstLine: 567 } }),
  });
export const heading = (text: string) => para(text, { bold: true });
const textOf = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => para(l, { indent: true }));
export const cell = (children: Paragraph[], width: number, extra: Partial<ITableCellOptions> = {}) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, ...extra });

function dateLine(place: string, dated: string | undefined): string {
  if (!dated) return `${place}, ngày     tháng     năm 20…`;
  const [y, m, d] = dated.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** Quốc hiệu block: the two bodies on the left, the national motto on the right; Số and the date below. */
function headerBlock(c: DocumentContext): Table {
  const left = [
    ...(c.parentName
      ? [para(c.parentName.toUpperCase(), { center: true, size: 24 })]
      : [para('CƠ QUAN CHỦ QUẢN', { center: true, size: 24 })]),
    para(c.unitName.toUpperCase(), { center: true, bold: true, size: 24 }),
    para('-------', { center: true, size: 24 }),
    para(`Số: ${c.number ?? '……/…….'}`, { center: true }),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { center: true, bold: true, size: 24 }),
    para('Độc lập - Tự do - Hạnh phúc', { center: true, bold: true }),
    para('---------------', { center: true }),
    para(dateLine(c.place, c.dated), { center: true, italics: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3800, 5700],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

function footerBlock(signer: string): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: 24 }),
    para('- Như trên;', { size: 22 }),
    para('- …', { size: 22 }),
    para('- Lưu: VT....', { size: 22 }),
  ];
  const right = [
    para(signer, { center: true, bold: true }),
    para('(ký, ghi rõ họ tên, đóng dấu)', { center: true, italics: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [4500, 5000],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })],
  });
}

/** A table with a header row; the first column wider (names), numbers centred. */
function grid(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const first = 34;
  const rest = Math.floor((100 - first) / Math.max(1, header.length - 1));
  const line = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      children: cells.map((t, i) => cell([para(t, { bold, size: 22, center: i > 0 })], i === 0 ? first : rest)),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [line(header, true), ...rows.map((r) => line(r, false))],
  });
}

const n = (v: number | null) => (v === null ? '–' : String(v));
const CONTENT_COLUMNS: readonly (keyof ContentFigures)[] = [
  'submitted',
  'published',
  'publishedOnTime',
  'publishedLate',
  'onTimeRate',
  'returned',
  'rejected',
  'withdrawn',
];
const QUESTION_COLUMNS: readonly (keyof QuestionReportFigures)[] = [
  'received',
  'routed',
  'routedWithinOneWorkingDay',
  'returnedNotCompetent',
  'answered',
  'answeredOnTime',
  'answeredLate',
];
/** The Q&A figures after the answer: progress notices, escalations, the askers' ratings (issue 27 §2). */
const FOLLOW_UP_COLUMNS: readonly (keyof QuestionReportFigures)[] = [
  'progressNotices',
  'escalations',
  'escalatedQuestions',
  'ratings',
  'ratedSatisfied',
  'ratedPartly',
  'ratedNotAnswered',
  'meanRatingScore',
];
const OPERATION_ROWS: readonly (keyof OperationsFigures)[] = [
  'incidents',
  'restoredWithinLimit',
  'notRestoredWithinLimit',
  'medianHoursToRestore',
  'restoreLimitHours',
  'weeklyBackups',
  'failedBackups',
  'restoreDrills',
  'failedRestoreDrills',
  'securityChecks',
];

function contentTables(f: ReportFigures): (Paragraph | Table)[] {
  const units = [
    ...f.units.map((u) => ({ name: u.unitName, content: u.content, questions: u.questions })),
    { name: 'Tổng cộng', content: f.totals.content, questions: f.totals.questions },
  ];
  return [
    para('a) Tin, bài (số lượng, tiến độ):', { italics: true }),
    grid(
      ['Đơn vị', ...CONTENT_COLUMNS.map((k) => figureLabels[k]!)],
      units.map((u) => [u.name, ...CONTENT_COLUMNS.map((k) => n(u.content[k]))]),
    ),
    para('b) Hỏi đáp:', { italics: true }),
    grid(
      ['Đơn vị', ...QUESTION_COLUMNS.map((k) => figureLabels[k]!)],
      units.map((u) => [u.name, ...QUESTION_COLUMNS.map((k) => n(u.questions[k]))]),
    ),
    para('c) Thông báo tiến độ, nhắc hạn và đánh giá của người hỏi:', { italics: true }),
    grid(
      ['Đơn vị', ...FOLLOW_UP_COLUMNS.map((k) => figureLabels[k]!)],
      units.map((u) => [u.name, ...FOLLOW_UP_COLUMNS.map((k) => n(u.questions[k]))]),
    ),
  ];
}

function operationsTable(f: ReportFigures): (Paragraph | Table)[] {
  return [
    grid(
      ['Nội dung', 'Số liệu'],
      [
        ...OPERATION_ROWS.map((k) => [figureLabels[k]!, n(f.operations[k])]),
        [figureLabels.opened!, n(f.totals.accounts.opened)],
        [figureLabels.closed!, n(f.totals.accounts.closed)],
        [figureLabels.rolesChanged!, n(f.totals.accounts.rolesChanged)],
      ],
    ),
  ];
}

function naAppendix(c: DocumentContext): (Paragraph | Table)[] {
  const f = c.figures!;
  const s = (id: string) => naAppendixSections.find((x) => x.id === id)!.heading;
  const nextYear = Number(c.periodLabel.slice(-4)) + 1;
  return [
    headerBlock(c),
    para(''),
    para('BÁO CÁO', { center: true, bold: true, size: 28 }),
    para('Tình hình hoạt động', { center: true, bold: true }),
    para(`của Cổng Thông tin điện tử ${c.unitName}`, { center: true, bold: true }),
    para(`(Số liệu ${c.periodLabel})`, { center: true, italics: true }),
    para(`Kính gửi: ${c.kind.recipients.join('; ')}.`, { center: true }),
    heading(s('I')),
    ...textOf(c.sections.I),
    heading('II. KẾT QUẢ HOẠT ĐỘNG'),
    heading(s('II.1')),
    ...textOf(c.sections['II.1']),
    heading(s('II.2')),
    ...contentTables(f),
    ...textOf(c.sections['II.2']),
    heading(s('II.3')),
    ...operationsTable(f),
    ...textOf(c.sections['II.3']),
    heading('III. ĐÁNH GIÁ CHUNG'),
    heading(s('III.1')),
    ...textOf(c.sections['III.1']),
    heading(s('III.2')),
    ...textOf(c.sections['III.2']),
    heading(s('III.3')),
    ...textOf(c.sections['III.3']),
    heading(`${s('IV')} ${nextYear}`),
    ...textOf(c.sections.IV),
    heading(s('V')),
    ...textOf(c.sections.V),
    para(''),
    footerBlock('Đại diện đơn vị báo cáo'),
  ];
}

function administrative(c: DocumentContext): (Paragraph | Table)[] {
  const f = c.figures!;
  const body: (Paragraph | Table)[] = [heading('1. Kết quả cung cấp thông tin'), ...contentTables(f)];
  let next = 2;
  if (c.kind.figures.includes('operations'))
    body.push(heading(`${next++}. Công tác bảo đảm hoạt động`), ...operationsTable(f));
  for (const s of c.kind.sections) body.push(heading(`${next++}. ${s.heading}`), ...textOf(c.sections[s.id]));
  return [
    headerBlock(c),
    para(''),
    para('BÁO CÁO', { center: true, bold: true, size: 28 }),
    para(c.kind.title.vi, { center: true, bold: true }),
    para(`Kỳ báo cáo: ${c.periodLabel} (${c.kind.citation})`, { center: true, italics: true }),
    para(`Kính gửi: ${c.kind.recipients.join('; ')}.`, { center: true }),
    ...body,
    para(''),
    footerBlock('THỦ TRƯỞNG ĐƠN VỊ'),
  ];
}

function royalty(c: DocumentContext): (Paragraph | Table)[] {
  const t = c.tally!;
  return [
    headerBlock(c),
    para(''),
    para('BẢNG TỔNG HỢP NHUẬN BÚT', { center: true, bold: true, size: 28 }),
    para(`Tin, bài đã đăng ${c.periodLabel} (${c.kind.citation})`, { center: true, italics: true }),
    para(`Mức nhuận bút: ${t.rates.basis}`, { italics: true }),
    heading('1. Theo người đóng góp'),
    grid(
      [
        'Người đóng góp',
        'Đơn vị',
        figureLabels.items!,
        figureLabels.shareOfItems!,
        `${figureLabels.amount!} (${t.rates.currency})`,
      ],
      t.contributors.map((x) => [x.name, x.unitCode, String(x.items), String(x.shareOfItems), String(x.amount)]),
    ),
    heading('2. Theo đơn vị'),
    grid(
      ['Đơn vị', figureLabels.items!, `${figureLabels.amount!} (${t.rates.currency})`],
      [
        ...t.units.map((u) => [u.unitCode, String(u.items), String(u.amount)]),
        ['Tổng cộng', String(t.total.items), String(t.total.amount)],
      ],
    ),
    ...c.kind.sections.flatMap((s) => (c.sections[s.id] ? [heading(s.heading), ...textOf(c.sections[s.id])] : [])),
    para(''),
    footerBlock('THỦ TRƯỞNG ĐƠN VỊ'),
  ];
}

export async function reportDocx(c: DocumentContext): Promise<Uint8Array> {
  const children =
    c.kind.template === 'na-appendix' ? naAppendix(c) : c.kind.template === 'royalty' ? royalty(c) : administrative(c);
  return a4Document(c.unitName, c.kind.title.vi, children);
}

/** A document in the national layout's page and default run (the reports' and the consultation summaries'). */
export async function a4Document(
  creator: string,
  title: string,
  children: readonly (Paragraph | Table)[],
): Promise<Uint8Array> {
  const doc = new Document({
    creator,
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE, color: '000000' } } } },
    sections: [
      {
        // A4 portrait; margins of NĐ 30/2020 Phụ lục I: top and bottom 20 mm, left 30 mm, right 15 mm.
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        children: [...children],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
