import { DomainError } from '../domain/errors';
import { summaryCsv, summaryRows } from '../domain/participation/consultation-summary';
import { DOCX_MEDIA_TYPE } from '../domain/reports/media-types';
import { consultationSummaryDocx } from '../adapters/documents/consultation-summary-docx';
import type { Services } from '../composition/services';
import { publishedConsultation } from './consultation-reads';

/**
 * A published consultation summary as CSV or as the Word table (issue 28 §4). Only the documents
 * function imports this module, so the `docx` package stays in its bundle alone.
 */
const local = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  const time = d.slice(11, 16) === '00:00' ? '24:00' : d.slice(11, 16);
  // 24:00 is the end of the day before (a period ends at 24:00 of its last day).
  const day = time === '24:00' ? new Date(Date.parse(iso) + 7 * 3_600_000 - 1).toISOString() : d;
  return `${time} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
};

export async function consultationSummaryDownload(
  s: Pick<Services, 'consultations' | 'calendar' | 'units'>,
  portal: string,
  id: string,
  format: 'csv' | 'docx',
  bom: boolean,
) {
  const record = await publishedConsultation(s, portal, id);
  if (record.state !== 'published' || !record.summary)
    throw new DomainError('not_found', {
      vi: `Kết quả lấy ý kiến ${id} chưa được đăng`,
      en: `The summary of consultation ${id} is not published yet`,
    });
  const { summary } = record;
  // The summary answers the version it was written on: its articles are that version's (the current one).
  const rows = summaryRows(summary.entries, (await s.consultations.currentDraft(record)).articles);
  const base = `tong-hop-y-kien-${id.slice(0, 8)}`;
  if (format === 'csv')
    return { body: summaryCsv(rows, bom), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` };
  const unit = await s.units.get(record.unitCode);
  const parent = unit?.parentCode ? await s.units.get(unit.parentCode) : undefined;
  const bytes = await consultationSummaryDocx({
    unitName: unit?.name.vi ?? record.unitCode,
    parentName: parent?.name.vi,
    draftTitle: record.title,
    windowText: `từ ${local(record.opensAt)} đến ${local(record.closedAt ?? record.closesAt)}`,
    draftVersion: summary.draftVersion,
    totalComments: summary.entries.reduce((n, e) => n + e.commentCount, 0),
    rows,
  });
  return { body: bytes, contentType: DOCX_MEDIA_TYPE, filename: `${base}.docx` };
}
