import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { reportSuite } from '../support/report-suite';
import { docxToPdfText, positionsInOrder } from '../support/office';
import { DEPT } from '../support/report-scenario';

/**
 * Issue 27 under infra/config/provinces/nghean.json: every report kind's figures against the test's
 * own count; then NA 15.7's yearly report through its workflow (free text audited, approval by the
 * head of the reporting body only, sent with its number), its CSV parsed back, and its Word document
 * read back through LibreOffice with the appendix's headings in order, the header block and the figures.
 */
const ID = 'na-yearly.2026.nghean';

reportSuite('infra/config/provinces/nghean.json', (scenario, local) => {
  it('is written, approved by the head (never whoever generated or edited it) and sent with its number, every step audited', async () => {
    const s = scenario();
    const text = (who: keyof typeof s.people, sections: Record<string, string>, version?: number) =>
      s.call(`/reports/${ID}/text`, s.people[who], {
        method: 'PATCH',
        body: { sections },
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
    const step = (who: keyof typeof s.people, body: Record<string, unknown>) =>
      s.call(`/reports/${ID}/transitions`, s.people[who], { method: 'POST', body });

    const unknown = await text('chief', { VI: 'Không có phần này' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'body.sections.VI', code: 'unknown_section' });
    const written = await text(
      'chief',
      {
        I: 'Ban hành Quy chế hoạt động của Ban Biên tập.\nPhân công biên tập viên trực Cổng.',
        'III.1': 'Thông tin được cập nhật kịp thời.',
        IV: 'Nâng cấp giao diện Cổng.',
        V: 'Bổ sung kinh phí vận hành.',
      },
      1,
    );
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body).toMatchObject({
      version: 2,
      editors: [s.people.chief!.id],
      sections: { I: expect.stringContaining('Quy chế') },
    });
    expect((await text('secretary', { 'III.2': 'Còn chậm' }, 1)).status).toBe(412);

    // Separation of duties: the chief edited it, the secretary generated it (and may not approve at all).
    const byEditor = await step('chief', { action: 'approve' });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.errors[0]).toMatchObject({ code: 'separation_of_duties' });
    expect((await step('secretary', { action: 'approve' })).status).toBe(403);
    const approved = await step('head', { action: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', version: 3, approvedBy: s.people.head!.id });
    expect((await text('chief', { V: 'Sửa sau khi duyệt' })).status).toBe(409);

    const noNumber = await step('secretary', { action: 'send' });
    expect(noNumber.body.errors[0]).toMatchObject({ field: 'body.number' });
    const sent = await step('secretary', { action: 'send', number: '15/BC-BBT', sentOn: '2027-01-02' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ state: 'sent', number: '15/BC-BBT', sentOn: '2027-01-02' });

    const audits = (await local.scanAll())
      .filter((i) => i.pk === 'AUDIT#nghean' && i.target?.id === ID)
      .map((i) => i.action)
      .sort();
    expect(audits).toEqual(['report.approve', 'report.edit-text', 'report.generate', 'report.send']);
    const listed = await s.call('/reports?limit=50', s.people.chief);
    expect(listed.body.items.find((r: { id: string }) => r.id === ID)).toMatchObject({ state: 'sent' });
    expect(listed.body.kinds.map((k: { id: string }) => k.id)).toContain('na-yearly');
  });

  it('downloads CSV (BOM, CRLF, RFC 4180) that a standard parser reads back to the same figures; bom=false for machines', async () => {
    const s = scenario();
    const get = (query: string) =>
      local.api(`/reports/${ID}/download?${query}`, { headers: { authorization: `Bearer ${s.people.chief!.token}` } });
    const res = await get('format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n').length).toBeGreaterThan(10);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const figures = (await s.call(`/reports/${ID}`, s.people.chief)).body.figures;
    const value = (v: number | null) => (v === null ? '' : String(v));
    for (const unit of figures.units) {
      for (const [key, v] of Object.entries(unit.content))
        expect(
          rows.find(
            (r) => r.nhom === 'content' && r.ma_don_vi === unit.unitCode && r.phan_loai === '' && r.chi_so === key,
          )?.gia_tri,
          `${unit.unitCode} ${key}`,
        ).toBe(value(v as number | null));
      for (const [key, v] of Object.entries(unit.questions))
        expect(
          rows.find((r) => r.nhom === 'questions' && r.ma_don_vi === unit.unitCode && r.chi_so === key)?.gia_tri,
        ).toBe(value(v as number | null));
      for (const [key, v] of Object.entries(unit.accounts))
        expect(
          rows.find((r) => r.nhom === 'accounts' && r.ma_don_vi === unit.unitCode && r.chi_so === key)?.gia_tri,
          `${unit.unitCode} ${key}`,
        ).toBe(value(v as number | null));
    }
    for (const [key, v] of Object.entries(figures.operations))
      expect(rows.find((r) => r.nhom === 'operations' && r.chi_so === key)?.gia_tri).toBe(value(v as number | null));
    expect(rows.find((r) => r.ma_don_vi === DEPT && r.chi_so === 'submitted' && r.phan_loai === '')!.don_vi).toBe(
      'Sở Thông tin và Truyền thông',
    );
    const plain = new Uint8Array(await (await get('format=csv&bom=false')).arrayBuffer());
    expect(plain[0]).toBe('n'.charCodeAt(0));
    expect((await get('format=pdf')).status).toBe(400);
  });

  it('downloads the Word document: the NA appendix read back through LibreOffice, headings in order, header block and figures, on A4 in Times New Roman or its metric twin', async () => {
    const s = scenario();
    const res = await local.api(`/reports/${ID}/download?format=docx`, {
      headers: { authorization: `Bearer ${s.people.chief!.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docx = new Uint8Array(await res.arrayBuffer());
    // Read before the conversion: the gateway closes idle connections within the seconds LibreOffice takes.
    const figures = (await s.call(`/reports/${ID}`, s.people.chief)).body.figures;
    expect([...docx.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const read = docxToPdfText(docx);
    const headings = [
      'CÔNG TÁC CHỈ ĐẠO, QUẢN LÝ',
      'KẾT QUẢ HOẠT ĐỘNG',
      'Về chấp hành các quy định của pháp luật',
      'Về việc cung cấp thông tin (số lượng, chất lượng, tiến độ)',
      'Công tác bảo đảm hoạt động Cổng Thông tin điện tử',
      'ĐÁNH GIÁ CHUNG',
      'Ưu điểm',
      'Tồn tại, hạn chế',
      'Nguyên nhân của tồn tại, hạn chế',
      'PHƯƠNG HƯỚNG, NHIỆM VỤ HOẠT ĐỘNG NĂM 2027',
      'ĐỀ XUẤT, KIẾN NGHỊ',
    ];
    // The two-column header block (bodies | Quốc hiệu; Số | place and date) reads row by row: checked as a block before the title.
    const block = [
      'CƠ QUAN CHỦ QUẢN',
      'TỈNH NGHỆ AN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-BBT',
      'Nghệ An, ngày 02 tháng 01 năm 2027',
    ];
    const titleAt = read.text.indexOf('BÁO CÁO Tình hình hoạt động');
    for (const line of block) expect(read.text.indexOf(line), line).toBeGreaterThanOrEqual(0);
    for (const line of block) expect(read.text.indexOf(line), line).toBeLessThan(titleAt);
    const header = [
      'BÁO CÁO',
      'Tình hình hoạt động',
      'của Cổng Thông tin điện tử Tỉnh Nghệ An',
      'Kính gửi: Văn phòng Ủy ban nhân dân tỉnh',
    ];
    expect(
      positionsInOrder(read.text, [
        ...header,
        ...headings,
        'Nơi nhận:',
        'Đại diện đơn vị báo cáo',
        '(ký, ghi rõ họ tên, đóng dấu)',
      ]).filter((p) => p < 0),
      read.text,
    ).toEqual([]);
    expect(read.text).toContain('Ban hành Quy chế hoạt động của Ban Biên tập.');
    // The figures: the department's row of II.2 (submitted, published, on time, late) as the report holds them.
    const dept = figures.units.find((u: { unitCode: string }) => u.unitCode === DEPT);
    expect(read.text).toContain(
      `Sở Thông tin và Truyền thông ${dept.content.submitted} ${dept.content.published} ${dept.content.publishedOnTime} ${dept.content.publishedLate}`,
    );
    expect(read.text).toContain(`${'Sự cố'} ${figures.operations.incidents}`);
    // Its row of progress notices, escalations and ratings, and the accounts whose roles changed.
    const q = dept.questions;
    const dash = (v: number | null) => (v === null ? '–' : String(v));
    expect(read.text).toContain(
      `Sở Thông tin và Truyền thông ${[q.progressNotices, q.escalations, q.escalatedQuestions, q.ratings, q.ratedSatisfied, q.ratedPartly, q.ratedNotAnswered, q.meanRatingScore].map(dash).join(' ')}`,
    );
    expect(read.text).toContain(`Tài khoản thay đổi vai trò ${figures.totals.accounts.rolesChanged}`);
    expect(read.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(read.fonts).toMatch(/TimesNewRoman|Times New Roman|LiberationSerif/);
    console.info(
      `NA report: ${docx.length} bytes, ${read.pages} pages, LibreOffice conversion ${Math.round(read.convertMs)} ms`,
    );
  }, 180_000);

  it('generates each periodic kind of the last closed period on schedule, once (the scheduled job)', async () => {
    const s = scenario();
    const first = await local.stack().runJob('generate-reports');
    expect(first).toMatchObject({ outcome: 'succeeded', generated: 1, existing: 3, 'na-monthly': '2026-12' });
    const listed = await s.call('/reports?limit=50', s.people.chief);
    expect(listed.body.items.find((r: { id: string }) => r.id === 'na-monthly.2026-12.nghean')).toMatchObject({
      trigger: 'schedule',
      generatedBy: 'system',
      state: 'draft',
      dueAt: '2027-01-05T17:00:00.000Z',
    });
    expect(await local.stack().runJob('generate-reports')).toMatchObject({
      outcome: 'succeeded',
      generated: 0,
      existing: 4,
    });
  });
});
