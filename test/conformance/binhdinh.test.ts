import { describe, expect, test } from 'vitest';
import { conformance } from '../support/conformance';

/**
 * Bình Định's Quy chế (QĐ …/2020/QĐ-UBND, draft), article by article, through the public API of a
 * deployment of infra/config/provinces/binhdinh.json. docs/provinces.md lists these names
 * (npm run provinces).
 */
const bd = conformance('binhdinh.json');

describe('Bình Định (binh-dinh-2020)', () => {
  test('BĐ 6.2: the portal runs in Vietnamese and English, English at en.binhdinh.gov.vn', async () => {
    const res = await bd.call(`/units/${bd.province}`, undefined);
    expect(res.body.unit).toMatchObject({ domain: 'binhdinh.gov.vn', languages: ['vi', 'en'], languageDomains: { en: 'en.binhdinh.gov.vn' } });
  });

  test('BĐ 9.3: re-used content names its source, the portal and its address', async () => {
    await bd.at('2026-03-02T09:00:00');
    const item = await bd.published(bd.province, { title: 'Khai mạc Tuần Văn hóa tỉnh' });
    expect(item.citation).toBe('Theo Cổng thông tin điện tử tỉnh Bình Định (binhdinh.gov.vn)');
  });

  test('BĐ 12.2a: a question not written in Vietnamese with diacritics is refused', async () => {
    await bd.at('2026-03-02T09:00:00');
    const res = await bd.ask({ text: 'Xin hoi ve che do tro cap that nghiep cho nguoi lao dong nhu the nao?' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body.text');
  });

  test('BĐ 12.2c: an individual gives full name, nationality, address and phone', async () => {
    await bd.at('2026-03-02T09:00:00');
    const res = await bd.ask({}, { nationality: undefined });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body.asker.nationality');
  });

  test('BĐ 12.3: the board receives, classifies and routes a question within 1 working day', async () => {
    await bd.at('2026-03-02T09:00:00'); // Monday
    const q = await bd.asked();
    expect(q.classificationDueAt).toBe('2026-03-03T17:00:00.000Z'); // end of Tuesday 03/03
  });

  test('BĐ 12.4: the unit answers within 4 working days of routing', async () => {
    await bd.at('2026-03-02T09:00:00');
    const q = await bd.asked();
    await bd.routed(q);
    expect((await bd.status(q)).answerDueAt).toBe('2026-03-06T17:00:00.000Z'); // end of Friday 06/03
  });

  test('BĐ 12.4: a complex, inter-agency question is answered within 7 working days', async () => {
    await bd.at('2026-03-02T09:00:00');
    const q = await bd.asked();
    await bd.routed(q, { complexity: 'complex', scope: 'inter-agency' });
    expect((await bd.status(q)).answerDueAt).toBe('2026-03-11T17:00:00.000Z'); // end of Wednesday 11/03
  });

  test('BĐ 12.4: the answer goes to the asker through the board, without another province’s advisory notice', async () => {
    await bd.at('2026-03-02T09:00:00');
    const q = await bd.asked();
    await bd.routed(q);
    await bd.step(q.trackingCode, 'deptHead', { action: 'answer', answer: { text: 'Người lao động nộp hồ sơ tại Trung tâm dịch vụ việc làm trong 3 tháng kể từ ngày chấm dứt hợp đồng.', citations: [] } });
    await bd.step(q.trackingCode, 'chief', { action: 'approve-answer' });
    await bd.step(q.trackingCode, 'secretary', { action: 'send' });
    const seen = await bd.status(q);
    expect(seen).toMatchObject({ stage: 'sent', answer: { text: expect.stringContaining('Trung tâm dịch vụ việc làm') } });
    // CB 11.6 is Cao Bằng's: Bình Định's answers carry no advisory notice.
    expect(seen.answer).not.toHaveProperty('advisoryNotice');
  });

  test('BĐ 12.5: a unit that is not competent returns the question within 1 day', async () => {
    await bd.at('2026-03-02T09:00:00');
    const q = await bd.asked();
    const routed = await bd.routed(q);
    expect(routed.returnDueAt).toBe('2026-03-03T17:00:00.000Z');
    const back = await bd.step(q.trackingCode, 'deptHead', { action: 'return', reason: 'Không thuộc thẩm quyền của Sở' });
    expect(back.stage).toBe('returned');
  });

  test('BĐ 19.9: periodic reports on the portal’s activity, each quarter and year', async () => {
    await bd.at('2026-03-02T09:00:00');
    const kinds = await bd.reportKinds();
    expect(kinds.filter((k) => k.citation === 'BĐ 19.9').map((k) => k.id)).toEqual(expect.arrayContaining(['bd-quarterly', 'bd-yearly']));
  });

  test.todo('BĐ 7.1: advertising is published only with the People’s Committee’s approval — issue 23 — seeds-clocks');
  test.todo('BĐ 11.2: news and direction are updated daily on working days — issue 23 — seeds-clocks');
  test.todo('BĐ 11.3: legal documents, drafts and procedures go online within 2 working days of their issue or announcement — issue 23 — seeds-clocks');
  test.todo('BĐ 11.4: advertising, Q&A and links go online right after approval — issue 23 — seeds-clocks');
  test.todo('BĐ 11.5: the English version is updated right after a change — issue 23 — seeds-clocks');
  test.todo('BĐ 12.4: the unit reports back on a complex question so the board can inform the asker — issue 23 — seeds-clocks');
  test.todo('BĐ 8.2đ: people comment on drafts article by article — issue 28');
});
