import { describe, expect, test } from 'vitest';
import { conformance, DEPT } from '../support/conformance';
import { seedConsultation } from '../support/consultation-seed';
import { commentPerArticle } from '../support/law-making';
import { demoAskers } from '../../infra/local/demo-questions';

/**
 * Cao Bằng's Quy chế (QĐ 31/2015/QĐ-UBND), article by article, through the public API of a
 * deployment of infra/config/provinces/caobang.json. Articles are counted as docs/regulation-map.md
 * explains (the seed lost its headings). docs/provinces.md lists these names (npm run provinces).
 */
const cb = conformance('caobang.json');

/** The end of a local day (24:00 in Việt Nam), as the API writes due instants. */
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const item = (category: string, extra: Record<string, unknown> = {}) => ({
  category,
  language: 'vi',
  title: `Tin ${category}`,
  body: '<p>Nội dung</p>',
  submit: true,
  ...extra,
});
const legal = (issuedOn: string, numberSymbol: string, issuingAuthority: string) => ({
  form: 'quyet-dinh',
  numberSymbol,
  issuingAuthority,
  signer: 'Hoàng Xuân Ánh',
  issuedOn,
  summary: 'Ban hành quy định',
});

/** Submits an item on the provincial portal as the board's secretary; the instant it is due. */
async function dueOf(body: Record<string, unknown>): Promise<string> {
  const created = await cb.call(`/units/${cb.province}/content`, cb.people.secretary, { method: 'POST', body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return (await cb.call(`/content/${created.body.id}`, cb.people.secretary)).body.dueAt;
}

const answer = { text: 'Hồ sơ gồm đơn đề nghị và bản sao quyết định chấm dứt hợp đồng lao động.', citations: [] };

describe('Cao Bằng (cao-bang-2015)', () => {
  test('CB 4.3: re-used content cites “theo www.caobang.gov.vn”, a sub-portal by its own address', async () => {
    await cb.at('2026-03-02T09:00:00');
    expect(
      (await cb.published(cb.province, { title: 'Công viên địa chất Non nước Cao Bằng đón khách' })).citation,
    ).toBe('theo www.caobang.gov.vn');
    expect((await cb.published(DEPT, { title: 'Hội nghị chuyển đổi số' })).citation).toBe('theo sotttt.caobang.gov.vn');
  });

  test('CB 11.1: a complaint or denunciation is not a question: the board refuses it and tells the asker why', async () => {
    await cb.at('2026-03-02T09:00:00');
    const q = await cb.asked();
    await cb.step(q.trackingCode, 'secretary', {
      action: 'refuse',
      ground: 'complaint',
      reason: 'Đây là khiếu nại: đề nghị gửi theo Luật Khiếu nại.',
    });
    expect(await cb.status(q)).toMatchObject({ stage: 'refused', refusal: { ground: 'complaint' } });
  });

  test('CB 11.2b: an individual also gives occupation and ID or passport number', async () => {
    await cb.at('2026-03-02T09:00:00');
    const res = await cb.ask({}, { idNumber: undefined, occupation: undefined });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.asker.idNumber', 'body.asker.occupation']),
    );
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
    const byOfficer = await cb.call(`/questions/${q.trackingCode}/transitions`, cb.people.deptOfficer, {
      method: 'POST',
      body: { action: 'answer', answer },
    });
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
    expect(seen.answer.advisoryNotice.vi).toBe(
      'Ý kiến trả lời chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý để giải quyết các quan hệ dân sự (CB 11.6).',
    );
    expect(seen.answer.advisoryNotice.en).toContain('(CB 11.6)');
  });

  test('CB 21.1: a monthly report on the portal', async () => {
    await cb.at('2026-03-02T09:00:00');
    expect((await cb.reportKinds()).map((k) => [k.id, k.citation])).toContainEqual(['cb-monthly', 'CB 21.1']);
  });

  test('CB 11.4: the 15 working days count from the portal’s receipt (Fri 13/02/2026 16:00, routed Mon 23/02 → end of Fri 13/03), and a re-routing does not restart them', async () => {
    await cb.at('2026-02-13T16:00:00');
    const q = await cb.asked();
    // The board classifies and routes after Tết: Mon 23/02.
    await cb.at('2026-02-23T09:00:00');
    const routed = await cb.routed(q);
    // Counted from routing it would end Mon 16/03; from the receipt (CB 11.4) it ends Fri 13/03. The unit has 14 of the 15 days.
    expect(routed).toMatchObject({
      stage: 'routed',
      answerDueAt: endOf('2026-03-13'),
      dueAt: endOf('2026-03-13'),
      unitShare: { workingDays: 14 },
    });

    // The unit returns it as outside its competence; the board routes it elsewhere on Wed 25/02: the asker's date stays.
    await cb.at('2026-02-24T09:00:00');
    await cb.step(q.trackingCode, 'deptHead', { action: 'return', reason: 'Không thuộc lĩnh vực của Sở' });
    await cb.at('2026-02-25T09:00:00');
    const other = await cb.call('/units', cb.people.operator, {
      method: 'POST',
      body: {
        code: 'soyte',
        kind: 'department',
        parentCode: cb.province,
        name: { vi: 'Sở Y tế', en: 'Department of Health' },
      },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const rerouted = await cb.step(q.trackingCode, 'secretary', { action: 'route', unit: 'soyte' });
    expect(rerouted).toMatchObject({
      stage: 'routed',
      answerDueAt: endOf('2026-03-13'),
      unitShare: { workingDays: 12 },
    });
    const work = (await cb.local.scanAll()).find((i) => i.workId === `Question#${q.trackingCode}#answer`);
    expect(work).toMatchObject({ status: 'open', dueAt: endOf('2026-03-13') });
    const stored = await cb.call(`/questions/${q.trackingCode}`, cb.people.secretary);
    expect(
      stored.body.routings.map((r: { unitCode: string; answerDueAt: string; unitWorkingDays: number }) => [
        r.unitCode,
        r.answerDueAt,
        r.unitWorkingDays,
      ]),
    ).toEqual([
      [DEPT, endOf('2026-03-13'), 14],
      ['soyte', endOf('2026-03-13'), 12],
    ]);
  });

  test('CB 10.1b: legal dissemination and guidance go online within 15 working days of their issue, whenever the board approves', async () => {
    await cb.at('2026-03-10T09:00:00');
    expect(await dueOf(item('legal-guidance', { eventDate: '2026-03-02' }))).toBe(endOf('2026-03-23'));
  });

  test('CB 10.1c: documents of the provincial People’s Committee go online within 2 working days of their issue, other issuers’ within the national 5', async () => {
    await cb.at('2026-03-10T09:00:00');
    expect(
      await dueOf(
        item('legal-document', {
          legalDocument: legal('2026-03-02', '21/2026/QĐ-UBND', 'Ủy ban nhân dân tỉnh Cao Bằng'),
        }),
      ),
    ).toBe(endOf('2026-03-04'));
    expect(
      await dueOf(
        item('legal-document', { legalDocument: legal('2026-03-02', '22/2026/QĐ-STC', 'Sở Tài chính tỉnh Cao Bằng') }),
      ),
    ).toBe(endOf('2026-03-09'));
  });

  test('CB 10.1d: strategies, plans and investment go online within 10 working days of their approval', async () => {
    await cb.at('2026-03-10T09:00:00');
    expect(await dueOf(item('plan-project', { eventDate: '2026-03-02' }))).toBe(endOf('2026-03-16'));
  });

  test('CB 10.1đ: a draft for comment is due the day the portal receives it (after hours: the next working day)', async () => {
    await cb.at('2026-03-06T17:30:00');
    expect(await dueOf(item('draft-for-comment'))).toBe(endOf('2026-03-09'));

    // A draft kept unsubmitted has no clock yet; submitted Mon 09/03 10:00, it is due that day, and the approval keeps it.
    const kept = await cb.call(`/units/${cb.province}/content`, cb.people.secretary, {
      method: 'POST',
      body: item('draft-for-comment', { submit: false }),
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect((await cb.call(`/content/${kept.body.id}`, cb.people.secretary)).body.dueAt).toBeUndefined();
    await cb.at('2026-03-09T10:00:00');
    const submitted = await cb.call(`/content/${kept.body.id}/transitions`, cb.people.secretary, {
      method: 'POST',
      body: { action: 'submit' },
    });
    expect(submitted.body).toMatchObject({ state: 'submitted', dueAt: endOf('2026-03-09') });
    expect((await cb.call(`/content/${kept.body.id}`, cb.people.secretary)).body.dueAt).toBe(endOf('2026-03-09'));
  });

  test('CB 10.1e: a science call is due 4 working days after its issue date (issued Thu 05/03 → end of Wed 11/03); the date is required, and not in the future', async () => {
    await cb.at('2026-03-10T09:00:00');
    const created = await cb.call(`/units/${cb.province}/content`, cb.people.secretary, {
      method: 'POST',
      body: item('science-call', { eventDate: '2026-03-05' }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await cb.call(`/content/${id}`, cb.people.secretary)).body).toMatchObject({
      dueAt: endOf('2026-03-11'),
      eventDate: '2026-03-05',
    });

    // Corrected while it is being edited: the due instant is counted again from the new date.
    expect(
      (await cb.call(`/content/${id}/transitions`, cb.people.secretary, { method: 'POST', body: { action: 'accept' } }))
        .status,
    ).toBe(200);
    const edit = async (eventDate: string) => {
      const version = (await cb.call(`/content/${id}`, cb.people.secretary)).body.version as number;
      return cb.call(`/content/${id}`, cb.people.secretary, {
        method: 'PATCH',
        body: { eventDate },
        headers: { 'if-match': `"${version}"` },
      });
    };
    const edited = await edit('2026-03-06');
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await cb.call(`/content/${id}`, cb.people.secretary)).body).toMatchObject({
      dueAt: endOf('2026-03-12'),
      eventDate: '2026-03-06',
    });
    expect((await edit('2026-03-12')).body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'in_future' });

    const create = (body: Record<string, unknown>) =>
      cb.call(`/units/${cb.province}/content`, cb.people.secretary, { method: 'POST', body });
    const missing = await create(item('science-call'));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'required' });
    expect(missing.body.errors[0].message.vi).toContain('CB 10.1e');
    expect((await create(item('science-call', { eventDate: '2026-03-11' }))).body.errors[0]).toMatchObject({
      field: 'body.eventDate',
      code: 'in_future',
    });
    expect((await create(item('news', { eventDate: '2026-03-05' }))).body.errors[0]).toMatchObject({
      field: 'body.eventDate',
      code: 'not_allowed',
    });
  });

  test('CB 10.1e: a science programme’s approval goes online within 6 working days of the programme’s approval', async () => {
    await cb.at('2026-03-10T09:00:00');
    expect(await dueOf(item('science-approval', { eventDate: '2026-03-02' }))).toBe(endOf('2026-03-10'));
  });

  test('CB 10.1f: statistics go online within 10 working days of the head’s decision to publish them', async () => {
    await cb.at('2026-03-10T09:00:00');
    expect(await dueOf(item('statistics', { eventDate: '2026-03-02' }))).toBe(endOf('2026-03-16'));
  });

  test('CB 10.1g: the English version is updated right after a change: a translation is due the day its source went online', async () => {
    await cb.at('2026-03-10T09:00:00');
    const source = await cb.call(`/units/${cb.province}/content`, cb.people.secretary, {
      method: 'POST',
      body: item('news'),
    });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    for (const [who, action] of [
      ['secretary', 'accept'],
      ['secretary', 'propose'],
      ['chief', 'approve'],
      ['secretary', 'publish'],
    ] as const) {
      const res = await cb.call(`/content/${source.body.id}/transitions`, cb.people[who], {
        method: 'POST',
        body: { action },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await cb.at('2026-03-10T10:00:00');
    const english = await cb.call(`/units/${cb.province}/content`, cb.people.secretary, {
      method: 'POST',
      body: { ...item('news'), language: 'en', translationOf: source.body.id },
    });
    expect(english.status, JSON.stringify(english.body)).toBe(201);
    expect((await cb.call(`/content/${english.body.id}`, cb.people.secretary)).body).toMatchObject({
      dueAt: endOf('2026-03-10'),
      publishPolicy: 'publish.translation',
    });
  });

  test('CB 7.8, 10.1đ: a draft takes comments from organisations and individuals, posted as soon as received', async () => {
    await cb.at('2026-03-16T09:00:00');
    const { id } = await seedConsultation({
      unitCode: cb.province,
      opensAt: '2026-03-16T01:00:00.000Z',
      closesAt: '2026-04-15T10:00:00.000Z',
    });
    const comments = `/public/portals/${cb.province}/consultations/${id}/comments`;
    const taken = await commentPerArticle(cb, id);
    expect(taken.map((c) => c.state)).toEqual(['published', 'published']);
    const sent = taken.map((c) => c.code);
    const listed = (await cb.call(comments, undefined)).body.items;
    expect(listed.map((c: { code: string; article: number }) => [c.code, c.article])).toEqual([
      [sent[0], 1],
      [sent[1], 2],
    ]);
  });
});
