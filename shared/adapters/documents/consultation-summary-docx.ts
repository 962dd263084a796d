import { Table, TableRow, WidthType } from 'docx';
import { SUMMARY_COLUMNS, type SummaryRow } from '../../domain/participation/consultation-summary';
import { a4Document, cell, GRID, NO_BORDERS, para } from './report-docx';

/**
 * A consultation's summary as the usual Word table "Bản tổng hợp, tiếp thu, giải trình ý kiến góp ý"
 * (issue 28 §4), on the reports' renderer (report-docx.ts: A4, Times New Roman 13, the national
 * header): the drafting body and the motto, the title naming the draft, one row per article with
 * what was received and the response, and the signature block.
 */
export interface SummaryDocumentContext {
  readonly unitName: string;
  readonly parentName: string | undefined;
  readonly draftTitle: string;
  /** "từ 08:00 ngày 01/12/2026 đến 24:00 ngày 31/12/2026". */
  readonly windowText: string;
  readonly draftVersion: number;
  readonly totalComments: number;
  readonly rows: readonly SummaryRow[];
}

// Percent widths of the six columns: STT, place, count, received, response, reason.
const WIDTHS = [6, 16, 8, 30, 12, 28] as const;

function header(c: SummaryDocumentContext): Table {
  const left = [
    para((c.parentName ?? 'CƠ QUAN CHỦ QUẢN').toUpperCase(), { center: true, size: 24 }),
    para(c.unitName.toUpperCase(), { center: true, bold: true, size: 24 }),
    para('-------', { center: true, size: 24 }),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { center: true, bold: true, size: 24 }),
    para('Độc lập - Tự do - Hạnh phúc', { center: true, bold: true }),
    para('---------------', { center: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3800, 5700],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

function table(rows: readonly SummaryRow[]): Table {
  const line = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((t, i) =>
        cell(
          t.split(/\r?\n/u).map((l) => para(l, { bold, size: 22, center: bold || i === 0 || i === 2 })),
          WIDTHS[i] ?? 10,
        ),
      ),
    });
  const body =
    rows.length > 0
      ? rows.map((r) => line(r, false))
      : [line(['', '', '0', 'Không nhận được ý kiến góp ý', '', ''], false)];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [line(SUMMARY_COLUMNS, true), ...body],
  });
}

export function consultationSummaryDocx(c: SummaryDocumentContext): Promise<Uint8Array> {
  return a4Document(c.unitName, 'Bản tổng hợp, tiếp thu, giải trình ý kiến góp ý', [
    header(c),
    para(''),
    para('BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý', { center: true, bold: true, size: 28 }),
    para(`đối với ${c.draftTitle}`, { center: true, bold: true }),
    para(`(Phiên bản dự thảo ${c.draftVersion}; lấy ý kiến ${c.windowText})`, { center: true, italics: true }),
    para(`Tổng số ý kiến nhận được: ${c.totalComments}.`, { indent: true }),
    table(c.rows),
    para(''),
    para('CƠ QUAN CHỦ TRÌ SOẠN THẢO', { center: true, bold: true }),
    para('(ký, ghi rõ họ tên, đóng dấu)', { center: true, italics: true }),
  ]);
}
