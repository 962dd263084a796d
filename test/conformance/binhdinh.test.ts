import { describe, expect, test } from 'vitest';
import { conformance, DEPT } from '../support/conformance';
import { seedConsultation } from '../support/consultation-seed';
import { commentPerArticle } from '../support/law-making';

/**
 * Bình Định's Quy chế (QĐ …/2020/QĐ-UBND, draft), article by article, through the public API of a
 * deployment of infra/config/provinces/binhdinh.json. docs/provinces.md lists these names
 * (npm run provinces).
 */
const bd = conformance('binhdinh.json');

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
const approval = (decidedOn: string) => ({ decisionNumber: '125/UBND-KT', decidedOn, file: 'upload-approval-125' });
/** Content on the department's sub-portal, written by its board's secretary and approved by its chief. */
const create = (body: Record<string, unknown>) =>
  bd.call(`/units/${DEPT}/content`, bd.people.deptSecretary, { method: 'POST', body });
const step = (id: string, who: string, action: string, extra: Record<string, unknown> = {}) =>
  bd.call(`/content/${id}/transitions`, bd.people[who], { method: 'POST', body: { action, ...extra } });

async function dueOf(body: Record<string, unknown>): Promise<string> {
  const created = await create(body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return (await bd.call(`/content/${created.body.id}`, bd.people.deptSecretary)).body.dueAt;
}

/** Created, accepted and proposed for approval; its id. */
async function proposed(body: Record<string, unknown>): Promise<string> {
  const created = await create(body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const action of ['accept', 'propose'])
    expect((await step(created.body.id, 'deptSecretary', action)).status).toBe(200);
  return created.body.id;
}

describe('Bình Định (binh-dinh-2020)', () => {
  test('BĐ 6.2: the portal runs in Vietnamese and English, English at en.binhdinh.gov.vn', async () => {
    const res = await bd.call(`/units/${bd.province}`, undefined);
    expect(res.body.unit).toMatchObject({
      domain: 'binhdinh.gov.vn',
      languages: ['vi', 'en'],
      languageDomains: { en: 'en.binhdinh.gov.vn' },
    });
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
    await bd.step(q.trackingCode, 'deptHead', {
      action: 'answer',
      answer: {
        text: 'Người lao động nộp hồ sơ tại Trung tâm dịch vụ việc làm trong 3 tháng kể từ ngày chấm dứt hợp đồng.',
        citations: [],
      },
    });
    await bd.step(q.trackingCode, 'chief', { action: 'approve-answer' });
    await bd.step(q.trackingCode, 'secretary', { action: 'send' });
    const seen = await bd.status(q);
    expect(seen).toMatchObject({
      stage: 'sent',
      answer: { text: expect.stringContaining('Trung tâm dịch vụ việc làm') },
    });
    // CB 11.6 is Cao Bằng's: Bình Định's answers carry no advisory notice.
    expect(seen.answer).not.toHaveProperty('advisoryNotice');
  });

  test('BĐ 12.5: a unit that is not competent returns the question within 1 day', async () => {
    await bd.at('2026-03-02T09:00:00');
    const q = await bd.asked();
    const routed = await bd.routed(q);
    expect(routed.returnDueAt).toBe('2026-03-03T17:00:00.000Z');
    const back = await bd.step(q.trackingCode, 'deptHead', {
      action: 'return',
      reason: 'Không thuộc thẩm quyền của Sở',
    });
    expect(back.stage).toBe('returned');
  });

  test('BĐ 19.9: periodic reports on the portal’s activity, each quarter and year', async () => {
    await bd.at('2026-03-02T09:00:00');
    const kinds = await bd.reportKinds();
    expect(kinds.filter((k) => k.citation === 'BĐ 19.9').map((k) => k.id)).toEqual(
      expect.arrayContaining(['bd-quarterly', 'bd-yearly']),
    );
  });

  test('BĐ 7.1: advertising is published only with the People’s Committee’s approval, recorded (decision, date, file) before the chief approves', async () => {
    await bd.at('2026-05-05T09:00:00');
    const created = await create(item('advertising'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await step(id, 'deptSecretary', 'accept')).status).toBe(200);
    expect((await step(id, 'deptSecretary', 'propose')).status).toBe(200);
    const refused = await step(id, 'deptChief', 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'peoplesCommitteeApproval', code: 'approval_required' });
    expect(refused.body.i18n.vi.detail).toContain('BĐ 7.1');

    // Sent back, the approval recorded (a future date is refused), proposed again: approved and published.
    expect(
      (await step(id, 'deptChief', 'send-back', { comment: 'Bổ sung văn bản chấp thuận của UBND tỉnh' })).status,
    ).toBe(200);
    const current = (await bd.call(`/content/${id}`, bd.people.deptSecretary)).body.version as number;
    const edit = (body: Record<string, unknown>) =>
      bd.call(`/content/${id}`, bd.people.deptSecretary, {
        method: 'PATCH',
        body,
        headers: { 'if-match': `"${current}"` },
      });
    const future = await edit({ peoplesCommitteeApproval: approval('2026-05-06') });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({
      field: 'body.peoplesCommitteeApproval.decidedOn',
      code: 'in_future',
    });
    expect((await edit({ peoplesCommitteeApproval: approval('2026-05-04') })).status).toBe(200);
    for (const [who, action] of [
      ['deptSecretary', 'propose'],
      ['deptChief', 'approve'],
      ['deptSecretary', 'publish'],
    ] as const) {
      const res = await step(id, who, action);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    expect((await bd.call(`/content/${id}`, bd.people.deptSecretary)).body).toMatchObject({
      state: 'published',
      peoplesCommitteeApproval: approval('2026-05-04'),
    });
  });

  test('BĐ 7.1: only advertising carries the People’s Committee’s approval', async () => {
    await bd.at('2026-05-05T09:00:00');
    const refused = await create(item('news', { peoplesCommitteeApproval: approval('2026-05-04') }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.peoplesCommitteeApproval', code: 'not_allowed' });
  });

  test('BĐ 11.2: news and direction are due online the working day they are approved; approved after hours, the next working day', async () => {
    await bd.at('2026-05-05T09:00:00'); // Tuesday
    const direction = await proposed(item('direction'));
    expect((await step(direction, 'deptChief', 'approve')).body).toMatchObject({
      state: 'approved',
      dueAt: endOf('2026-05-05'),
    });
    const news = await proposed(item('news'));
    await bd.at('2026-05-05T18:00:00');
    expect((await step(news, 'deptChief', 'approve')).body).toMatchObject({
      state: 'approved',
      dueAt: endOf('2026-05-06'),
    });
  });

  test('BĐ 11.3: a legal document issued Sat 02/05/2026 is due at the end of Tue 05/05 (2 working days counted from the day after its issue)', async () => {
    await bd.at('2026-05-04T09:00:00');
    const legalDocument = {
      form: 'quyet-dinh',
      numberSymbol: '15/2026/QĐ-UBND',
      issuingAuthority: 'Ủy ban nhân dân tỉnh Bình Định',
      signer: 'Phạm Anh Tuấn',
      issuedOn: '2026-05-02',
      summary: 'Ban hành quy định',
    };
    expect(await dueOf(item('legal-document', { legalDocument }))).toBe(endOf('2026-05-05'));
  });

  test('BĐ 11.3: procedures count from their announcement and drafts from their issue, whenever the board approves', async () => {
    await bd.at('2026-05-04T09:00:00');
    // Wed 29/04 announced; Thu 30/04–Sun 03/05 off: Mon 04/05 and Tue 05/05.
    expect(await dueOf(item('administrative-procedure', { eventDate: '2026-04-29' }))).toBe(endOf('2026-05-05'));
    expect(await dueOf(item('draft-for-comment', { eventDate: '2026-04-29' }))).toBe(endOf('2026-05-05'));
  });

  test('BĐ 11.4: advertising, Q&A and links go online right after approval: due the day they are approved', async () => {
    await bd.at('2026-05-05T09:00:00');
    const links = await proposed(item('useful-information'));
    const advert = await proposed(item('advertising', { peoplesCommitteeApproval: approval('2026-05-04') }));
    await bd.at('2026-05-05T10:00:00');
    expect((await step(links, 'deptChief', 'approve')).body).toMatchObject({
      state: 'approved',
      dueAt: endOf('2026-05-05'),
    });
    expect((await step(advert, 'deptChief', 'approve')).body).toMatchObject({
      state: 'approved',
      dueAt: endOf('2026-05-05'),
    });
    expect((await step(advert, 'deptSecretary', 'publish')).status).toBe(200);
    expect((await bd.call(`/content/${advert}`, bd.people.deptSecretary)).body).toMatchObject({
      publishedOnTime: true,
      publishPolicy: 'publish.afterApproval',
    });
  });

  test('BĐ 11.5: the English version is updated right after a change: a translation is due the day its source went online', async () => {
    await bd.at('2026-05-05T09:00:00');
    const source = await proposed(item('news'));
    expect((await step(source, 'deptChief', 'approve')).status).toBe(200);
    expect((await step(source, 'deptSecretary', 'publish')).status).toBe(200);
    await bd.at('2026-05-05T10:00:00');
    const english = await create({ ...item('news'), language: 'en', title: 'Provincial news', translationOf: source });
    expect(english.status, JSON.stringify(english.body)).toBe(201);
    expect((await bd.call(`/content/${english.body.id}`, bd.people.deptSecretary)).body).toMatchObject({
      dueAt: endOf('2026-05-05'),
      publishPolicy: 'publish.translation',
    });
  });

  test('BĐ 12.4: the unit reports back on a complex question so the board can inform the asker; the 7 working days stay', async () => {
    await bd.at('2026-05-05T09:00:00');
    const complex = await bd.asked();
    // Routed Tue 05/05: 7 working days (BĐ 12.4), to Thu 14/05.
    expect(await bd.routed(complex, { complexity: 'complex', scope: 'inter-agency' })).toMatchObject({
      answerDueAt: endOf('2026-05-14'),
    });
    const notice = (id: string, expectedBy?: string) =>
      bd.call(`/questions/${id}/transitions`, bd.people.deptHead, {
        method: 'POST',
        body: { action: 'progress-notice', ...(expectedBy !== undefined && { expectedBy }) },
      });
    expect((await notice(complex.trackingCode, '2026-05-15')).body.errors[0]).toMatchObject({
      field: 'body.expectedBy',
      code: 'after_due',
    });
    const reported = await notice(complex.trackingCode, '2026-05-13');
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body).toMatchObject({
      stage: 'routed',
      dueAt: endOf('2026-05-14'),
      answerDueAt: endOf('2026-05-14'),
    });
    expect(
      (await bd.call(`/questions/${complex.trackingCode}`, bd.people.secretary)).body.progressNotice,
    ).toMatchObject({ kind: 'report-back', expectedBy: '2026-05-13' });

    // A simple question has no report-back.
    const simple = await bd.asked();
    await bd.routed(simple);
    const refused = await notice(simple.trackingCode);
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.en.detail).toContain('BĐ 12.4');
  });

  test('BĐ 8.2đ: people comment on a draft article by article; the board publishes each after moderation', async () => {
    await bd.at('2026-03-16T09:00:00');
    const { id } = await seedConsultation({
      unitCode: bd.province,
      opensAt: '2026-03-16T01:00:00.000Z',
      closesAt: '2026-04-15T10:00:00.000Z',
    });
    const comments = `/public/portals/${bd.province}/consultations/${id}/comments`;
    const taken = await commentPerArticle(bd, id);
    expect(taken.map((c) => c.state)).toEqual(['pending', 'pending']);
    const sent = taken.map((c) => c.code);
    expect((await bd.call(comments, undefined)).body.items).toEqual([]);
    for (const code of sent) {
      const res = await bd.call(`/consultation-comments/${code}/moderation`, bd.people.secretary, {
        method: 'POST',
        body: { action: 'publish' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const listed = (await bd.call(comments, undefined)).body.items;
    expect(listed.map((c: { code: string; article: number }) => [c.code, c.article])).toEqual([
      [sent[0], 1],
      [sent[1], 2],
    ]);
  });
});
