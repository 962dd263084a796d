import { describe, expect, test } from 'vitest';
import { conformance, DEPT } from '../support/conformance';
import { demoAskers } from '../../infra/local/demo-questions';

/**
 * Cao Bằng's Quy chế (QĐ 31/2015/QĐ-UBND), article by article, through the public API of a
 * deployment of infra/config/provinces/caobang.json. Articles are counted as docs/regulation-map.md
 * explains (the seed lost its headings). docs/provinces.md lists these names (npm run provinces).
 */
const cb = conformance('caobang.json');

const answer = { text: 'Hồ sơ gồm đơn đề nghị và bản sao quyết định chấm dứt hợp đồng lao động.', citations: [] };

describe('Cao Bằng (cao-bang-2015)', () => {
  test('CB 4.3: re-used content cites “theo www.caobang.gov.vn”, a sub-portal by its own address', async () => {
    await cb.at('2026-03-02T09:00:00');
    expect((await cb.published(cb.province, { title: 'Công viên địa chất Non nước Cao Bằng đón khách' })).citation).toBe('theo www.caobang.gov.vn');
    expect((await cb.published(DEPT, { title: 'Hội nghị chuyển đổi số' })).citation).toBe('theo sotttt.caobang.gov.vn');
  });

  test('CB 11.1: a complaint or denunciation is not a question: the board refuses it and tells the asker why', async () => {
    await cb.at('2026-03-02T09:00:00');
    const q = await cb.asked();
    await cb.step(q.trackingCode, 'secretary', { action: 'refuse', ground: 'complaint', reason: 'Đây là khiếu nại: đề nghị gửi theo Luật Khiếu nại.' });
    expect(await cb.status(q)).toMatchObject({ stage: 'refused', refusal: { ground: 'complaint' } });
  });

  test('CB 11.2b: an individual also gives occupation and ID or passport number', async () => {
    await cb.at('2026-03-02T09:00:00');
    const res = await cb.ask({}, { idNumber: undefined, occupation: undefined });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.asker.idNumber', 'body.asker.occupation']));
  });

  test('CB 11.2a: an organisation also gives its head-office address', async () => {
    await cb.at('2026-03-02T09:00:00');
    const { organisationAddress: _, ...organisation } = demoAskers('cao-bang-2015')[2] as Record<string, unknown>;
    const res = await cb.ask({ asker: organisation });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body.asker.organisationAddress');
  });

  test('CB 11.4: the unit answers within 15 working days', async () => {
    await cb.at('2026-03-02T09:00:00'); // Monday; routed the same minute, so receipt and routing give the same day
    const q = await cb.asked();
    await cb.routed(q);
    expect((await cb.status(q)).answerDueAt).toBe('2026-03-23T17:00:00.000Z');
  });

  test('CB 11.4: instead of the answer, the unit may send a progress notice stating when the answer will come', async () => {
    await cb.at('2026-03-02T09:00:00');
    const q = await cb.asked();
    await cb.routed(q);
    await cb.step(q.trackingCode, 'deptHead', { action: 'progress-notice', expectedBy: '2026-04-10' });
    expect(await cb.status(q)).toMatchObject({ progressNotice: { expectedBy: '2026-04-10' } });
  });

  test('CB 11.5: only the unit head, or an officer the head authorised, answers', async () => {
    await cb.at('2026-03-02T09:00:00');
    const q = await cb.asked();
    await cb.routed(q);
    const byOfficer = await cb.call(`/questions/${q.trackingCode}/transitions`, cb.people.deptOfficer, { method: 'POST', body: { action: 'answer', answer } });
    expect(byOfficer.status).toBe(403);
    await cb.step(q.trackingCode, 'deptHead', { action: 'answer', answer });
  });

  test('CB 11.6: the answer carries the advisory notice in Cao Bằng’s own words', async () => {
    await cb.at('2026-03-02T09:00:00');
    const q = await cb.asked();
    await cb.routed(q);
    await cb.step(q.trackingCode, 'deptHead', { action: 'answer', answer });
    await cb.step(q.trackingCode, 'chief', { action: 'approve-answer' });
    await cb.step(q.trackingCode, 'secretary', { action: 'send' });
    const seen = await cb.status(q);
    expect(seen.answer.advisoryNotice.vi).toBe('Ý kiến trả lời chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý để giải quyết các quan hệ dân sự (CB 11.6).');
    expect(seen.answer.advisoryNotice.en).toContain('(CB 11.6)');
  });

  test('CB 21.1: a monthly report on the portal', async () => {
    await cb.at('2026-03-02T09:00:00');
    expect((await cb.reportKinds()).map((k) => [k.id, k.citation])).toContainEqual(['cb-monthly', 'CB 21.1']);
  });

  test.todo('CB 10.1b: legal dissemination and guidance go online within 15 working days — issue 23 — seeds-clocks');
  test.todo('CB 10.1c: documents of the provincial People’s Committee go online within 2 working days — issue 23 — seeds-clocks');
  test.todo('CB 10.1d: strategies, plans and investment go online within 10 working days of their approval — issue 23 — seeds-clocks');
  test.todo('CB 10.1e: a science call goes online within 4 working days, an approval within 6 — issue 23 — seeds-clocks');
  test.todo('CB 10.1f: statistics go online within 10 working days of the head’s decision — issue 23 — seeds-clocks');
  test.todo('CB 10.1g: the English version is updated right after a change — issue 23 — seeds-clocks');
  test.todo('CB 11.4: the 15 working days count from the portal’s receipt, and a re-routing does not restart them — issue 23 — seeds-clocks');
  test.todo('CB 7.8: drafts are published and take comments from organisations and individuals — issue 28');
});
