import { toCsv, figuresRows, royaltyRows } from '../domain/reports/csv';
import { reportDocx } from '../adapters/documents/report-docx';
import { getReport, type ReportServices } from './reports';
import type { UseCaseContext } from './context';

/**
 * A report's downloads (issue 27 §4): CSV or the Word document of its seed. Only the reports
 * function imports this module, so the `docx` package is in its bundle alone.
 */
import { DOCX_MEDIA_TYPE } from '../domain/reports/media-types';
const dmy = (date: string) => date.split('-').reverse().join('/');

export async function reportDownload(
  s: ReportServices,
  ctx: UseCaseContext,
  id: string,
  format: 'csv' | 'docx',
  bom: boolean,
) {
  const { record, kind, content } = await getReport(s, ctx, id);
  const base = `bao-cao-${record.id.replaceAll('.', '-')}`;
  if (format === 'csv') {
    const rows = content.kind === 'royalties' ? royaltyRows(content.tally) : figuresRows(content.figures);
    return { body: toCsv(rows, bom), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` };
  }
  // Two GetItems, not units.path(): its BatchGetItem is an IAM action of its own, which this function is not granted.
  const unit = await s.units.get(record.unitCode);
  const parent = unit?.parentCode ? await s.units.get(unit.parentCode) : undefined;
  const periodLabel = `từ ngày ${dmy(record.period.from)} đến ngày ${dmy(record.period.to)}`;
  const bytes = await reportDocx({
    kind,
    unitName: unit?.name.vi ?? record.unitCode,
    parentName: parent?.name.vi,
    place: s.config.PROVINCE_NAME.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
    periodLabel,
    sections: record.sections,
    number: record.number,
    dated: record.sentOn,
    ...(content.kind === 'royalties' ? { tally: content.tally } : { figures: content.figures }),
  });
  return { body: bytes, contentType: DOCX_MEDIA_TYPE, filename: `${base}.docx` };
}
