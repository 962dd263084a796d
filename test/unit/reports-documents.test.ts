import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from 'esbuild';
import { reportDocx, type DocumentContext } from '../../shared/adapters/documents/report-docx';
import { reportKindOf } from '../../shared/domain/reports/kinds';
import { reportFigures } from '../../shared/domain/reports/figures';
import { periodOf } from '../../shared/domain/reports/periods';
import { royaltyTally } from '../../shared/domain/reports/royalties';
import { docxToPdfText, positionsInOrder } from '../support/office';
import { functionDefinitions } from '../../functions/manifest';
import { bundleOptions } from '../../infra/constructs/bundling';

/** The non-NA documents (NĐ 30/2020 layout, royalty tally) and where `docx` is bundled (the CSV: reports-csv.test.ts). */
const period = periodOf({ kind: 'month' }, '2026-11', false);
const figures = reportFigures(
  [
    {
      unitCode: 'caobang',
      unitName: 'Tỉnh Cao Bằng',
      contentSteps: [{ itemId: 'a', category: 'news', action: 'submit', at: '2026-11-02T02:00:00Z' }],
      publications: [{ itemId: 'a', category: 'news', publishedAt: '2026-11-02T03:00:00Z', onTime: true }],
      questionFacts: [],
      accounts: [],
      roleChanges: [],
    },
  ],
  { incidents: [], jobRuns: [], securityChecks: [], restoreLimitHours: 24 },
  period,
);
const base = (kind: string): DocumentContext => ({
  kind: reportKindOf('cao-bang-2015', kind),
  unitName: 'Ban Biên tập Cổng TTĐT tỉnh Cao Bằng',
  parentName: 'Ủy ban nhân dân tỉnh Cao Bằng',
  place: 'Cao Bằng',
  periodLabel: 'từ ngày 01/11/2026 đến ngày 30/11/2026',
  sections: { assessment: 'Đạt yêu cầu, "đúng hạn", đầy đủ.' },
  number: undefined,
  dated: undefined,
});

function xmlOf(docx: Uint8Array, part: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-xml-'));
  try {
    writeFileSync(join(dir, 'r.docx'), docx);
    return execFileSync('unzip', ['-p', join(dir, 'r.docx'), part], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report documents', () => {
  it('lays a CB monthly report out as an administrative document: Quốc hiệu, Kính gửi, figures, signature; A4, Times New Roman 13, black only', async () => {
    const docx = await reportDocx({ ...base('cb-monthly'), figures });
    const xml = xmlOf(docx, 'word/document.xml');
    expect(xml).toContain('w:w="11906" w:h="16838"'); // A4 in twips
    expect(
      [...xml.matchAll(/w:color w:val="([0-9A-Fa-f]{6})"/g)].map((m) => m[1]).filter((c) => c !== '000000'),
    ).toEqual([]);
    expect([...new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))]).toEqual(['Times New Roman']);
    expect(xml).not.toContain('w:pStyle w:val="Heading');
    const read = docxToPdfText(docx);
    expect(
      positionsInOrder(read.text, [
        'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'BÁO CÁO',
        'Báo cáo tình hình cung cấp, cập nhật thông tin',
        'CB 21.1',
        'Kính gửi: Văn phòng Ủy ban nhân dân tỉnh; Sở Thông tin và Truyền thông',
        '1. Kết quả cung cấp thông tin',
        'Tỉnh Cao Bằng 1 1 1 0 100',
        'Đánh giá chung',
        'Đạt yêu cầu, "đúng hạn", đầy đủ.',
        'Đề xuất, kiến nghị',
        'Nơi nhận:',
        'THỦ TRƯỞNG ĐƠN VỊ',
      ]).filter((p) => p < 0),
      read.text,
    ).toEqual([]);
    expect(read.pageSize).toMatch(/\(A4\)/);
  }, 120_000);

  it('prints the royalty tally per contributor and unit with its total', async () => {
    const tally = royaltyTally(
      '2026-Q4',
      [
        {
          itemId: 'a',
          unitCode: 'caobang',
          title: 'Tin',
          category: 'news',
          contributors: [{ name: 'Nông Văn Dũng', share: 100 }],
          frozenAt: '2026-11-02T03:00:00Z',
          quarter: '2026-Q4',
        },
      ],
      { currency: 'VND', perItem: { news: 150000 }, default: 0, basis: 'Quyết định mức nhuận bút (kiểm thử)' },
    );
    const read = docxToPdfText(await reportDocx({ ...base('royalty-quarterly'), periodLabel: 'quý IV/2026', tally }));
    expect(
      positionsInOrder(read.text, [
        'BẢNG TỔNG HỢP NHUẬN BÚT',
        'CB 19.3',
        'Quyết định mức nhuận bút (kiểm thử)',
        'Nông Văn Dũng caobang 1 1 150000',
        'Tổng cộng 1 150000',
      ]).filter((p) => p < 0),
      read.text,
    ).toEqual([]);
  }, 120_000);

  it('serves the Word document under its registered media type (IANA, ECMA-376 WordprocessingML)', async () => {
    // Read inside the test, so that mutation testing sees this test read the constant.
    vi.resetModules();
    const { DOCX_MEDIA_TYPE } = await import('../../shared/domain/reports/media-types');
    expect(DOCX_MEDIA_TYPE).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('bundles the docx package into the document downloads functions only (reports, consultation summaries)', async () => {
    // One build of every entry: shared modules are parsed once.
    const entries = Object.entries(functionDefinitions).map(([name, def]) => ({ in: def.entry, out: name }));
    const out = await build({
      ...bundleOptions,
      entryPoints: entries,
      bundle: true,
      platform: 'node',
      write: false,
      outdir: '/tmp/reports-bundle',
      logLevel: 'silent',
      metafile: true,
    });
    const sizes: Record<string, number> = {};
    for (const [file, output] of Object.entries(out.metafile.outputs)) {
      const name = /([^/]+)\.m?js$/.exec(file)?.[1];
      if (!name || !(name in functionDefinitions)) continue;
      const hasDocx = Object.entries(output.inputs).some(
        ([input, i]) => i.bytesInOutput > 0 && input.includes('node_modules/docx/'),
      );
      expect(hasDocx, name).toBe(name === 'reportDocuments' || name === 'consultationDocuments');
      sizes[name] = output.bytes;
    }
    expect(Object.keys(sizes).sort()).toEqual(Object.keys(functionDefinitions).sort());
    console.info(
      `bundle sizes: reportDocuments ${Math.round(sizes.reportDocuments! / 1024)} KiB, reports ${Math.round(sizes.reports! / 1024)} KiB, generateReports ${Math.round(sizes.generateReports! / 1024)} KiB, incidents ${Math.round(sizes.incidents! / 1024)} KiB`,
    );
  }, 180_000);
});
