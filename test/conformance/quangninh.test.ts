import { describe, expect, test } from 'vitest';
import { lawMakingRound } from '../support/law-making';
import { conformance } from '../support/conformance';

/**
 * Quảng Ninh's Quy chế (QĐ 05/2023/QĐ-UBND), article by article, through the public API of a
 * deployment of infra/config/provinces/quangninh.json. docs/provinces.md lists these names
 * (npm run provinces).
 */
const qn = conformance('quangninh.json');

/** A unit made by the provincial operator without a slug: its domain is the default the regulation writes. */
async function unitWithDefaultDomain(
  code: string,
  kind: string,
  parentCode: string,
  vi: string,
  en: string,
): Promise<string> {
  const res = await qn.call('/units', qn.people.operator, {
    method: 'POST',
    body: { code, kind, parentCode, name: { vi, en } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.domain;
}

describe('Quảng Ninh (quang-ninh-2023)', () => {
  test('QN 2: the portal runs in Vietnamese, English and Chinese', async () => {
    const res = await qn.call(`/units/${qn.province}`, undefined);
    expect(res.body.unit).toMatchObject({
      languages: ['vi', 'en', 'zh'],
      languageDomains: { en: 'en.quangninh.gov.vn', zh: 'zh.quangninh.gov.vn' },
    });
  });

  test('QN 4.1: an agency’s sub-portal takes its abbreviation (Sở Thông tin và Truyền thông → sttvtt.quangninh.gov.vn)', async () => {
    await qn.at('2026-03-02T09:00:00');
    expect(
      await unitWithDefaultDomain(
        'sotttt-moi',
        'department',
        qn.province,
        'Sở Thông tin và Truyền thông',
        'Department of Information and Communications',
      ),
    ).toBe('sttvtt.quangninh.gov.vn');
    expect(
      await unitWithDefaultDomain('thanhtra', 'department', qn.province, 'Thanh tra Tỉnh', 'Provincial Inspectorate'),
    ).toBe('ttt.quangninh.gov.vn');
  });

  test('QN 4.2–4.3: districts and communes take their full names without their level (campha, quangtrung.uongbi)', async () => {
    await qn.at('2026-03-02T09:00:00');
    expect(await unitWithDefaultDomain('campha', 'district', qn.province, 'Thành phố Cẩm Phả', 'Cẩm Phả City')).toBe(
      'campha.quangninh.gov.vn',
    );
    expect(await unitWithDefaultDomain('uongbi', 'district', qn.province, 'Thành phố Uông Bí', 'Uông Bí City')).toBe(
      'uongbi.quangninh.gov.vn',
    );
    expect(
      await unitWithDefaultDomain('quangtrung', 'commune', 'uongbi', 'Phường Quang Trung', 'Quang Trung Ward'),
    ).toBe('quangtrung.uongbi.quangninh.gov.vn');
  });

  test('QN 12.2: royalties are tallied each quarter from the contributors frozen at publication', async () => {
    await qn.at('2026-03-03T09:00:00');
    const created = await qn.call(`/units/${qn.province}/content`, qn.people.secretary, {
      method: 'POST',
      body: {
        category: 'news',
        language: 'vi',
        title: 'Lễ hội Carnaval Hạ Long',
        body: '<p>Lễ hội Carnaval Hạ Long</p>',
        submit: true,
        contributors: [{ name: 'Phạm Thu Hà', share: 100 }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const [who, action] of [
      ['secretary', 'accept'],
      ['secretary', 'propose'],
      ['chief', 'approve'],
      ['secretary', 'publish'],
    ] as const) {
      expect(
        (await qn.call(`/content/${created.body.id}/transitions`, qn.people[who], { method: 'POST', body: { action } }))
          .status,
      ).toBe(200);
    }
    const tally = await qn.call('/royalties/2026-Q1', qn.people.chief);
    expect(tally.status, JSON.stringify(tally.body)).toBe(200);
    expect(tally.body.contributors).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Phạm Thu Hà', items: 1 })]),
    );
  });

  test('QN 13.1: re-used content cites “Theo Cổng thông tin điện tử tỉnh Quảng Ninh”', async () => {
    await qn.at('2026-03-02T09:00:00');
    const item = await qn.published(qn.province, { title: 'Khánh thành cầu Cửa Lục 3' });
    expect(item.citation).toBe('Theo Cổng thông tin điện tử tỉnh Quảng Ninh');
  });

  test('QN 13.1: English and Chinese items carry the source line in their own language', async () => {
    await qn.at('2026-03-02T09:00:00');
    const en = await qn.published(qn.province, {
      language: 'en',
      title: 'Cua Luc 3 bridge opens to traffic',
      body: 'The bridge links Ha Long and Quang Yen.',
    });
    expect(en.citation).toBe('According to the e-information portal of Quang Ninh Province');
    const zh = await qn.published(qn.province, {
      language: 'zh',
      title: '陆口3号桥通车',
      body: '大桥连接下龙和广安。',
    });
    expect(zh.citation).toBe('来源：广宁省电子信息门户网站');
  });

  test('QN 14.12: the asker follows the question and receives the result, without another province’s advisory notice', async () => {
    await qn.at('2026-03-02T09:00:00');
    const q = await qn.asked();
    expect(await qn.status(q)).toMatchObject({ stage: 'received', classificationDueAt: q.classificationDueAt });
    await qn.routed(q);
    await qn.step(q.trackingCode, 'deptHead', {
      action: 'answer',
      answer: { text: 'Hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh.', citations: [] },
    });
    await qn.step(q.trackingCode, 'chief', { action: 'approve-answer' });
    await qn.step(q.trackingCode, 'secretary', { action: 'send' });
    const seen = await qn.status(q);
    expect(seen).toMatchObject({
      stage: 'sent',
      answer: { text: 'Hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh.' },
    });
    expect(seen.answer).not.toHaveProperty('advisoryNotice');
  });

  test('QN 14: with no numeric Q&A clock of its own, a question is answered within the national 15 working days', async () => {
    await qn.at('2026-03-02T09:00:00'); // Monday; the 15th working day after it is Monday 23/03
    const q = await qn.asked();
    await qn.routed(q);
    expect((await qn.status(q)).answerDueAt).toBe('2026-03-23T17:00:00.000Z');
  });

  test('QN 23.3: an annual report, due on 15 November', async () => {
    await qn.at('2026-03-02T09:00:00');
    expect((await qn.reportKinds()).map((k) => [k.id, k.citation])).toContainEqual(['qn-yearly', 'QN 23.3']);
  });

  test('QN 15.3: with no number of its own, an English or Chinese version of an item keeps its category’s national clock (5 working days from approval)', async () => {
    await qn.at('2026-03-02T09:00:00'); // Monday
    const step = async (id: string, who: string, action: string) => {
      const res = await qn.call(`/content/${id}/transitions`, qn.people[who], { method: 'POST', body: { action } });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    };
    const create = async (body: Record<string, unknown>) => {
      const res = await qn.call(`/units/${qn.province}/content`, qn.people.secretary, {
        method: 'POST',
        body: { category: 'news', submit: true, ...body },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const source = await create({
      language: 'vi',
      title: 'Hạ Long đón khách quốc tế',
      body: '<p>Hạ Long đón khách quốc tế</p>',
    });
    for (const [who, action] of [
      ['secretary', 'accept'],
      ['secretary', 'propose'],
      ['chief', 'approve'],
      ['secretary', 'publish'],
    ] as const)
      await step(source, who, action);
    for (const [language, title] of [
      ['en', 'Ha Long welcomes international visitors'],
      ['zh', '下龙湾迎接国际游客'],
    ] as const) {
      const version = await create({ language, title, body: `<p>${title}</p>`, translationOf: source });
      await step(version, 'secretary', 'accept');
      await step(version, 'secretary', 'propose');
      // Approved Mon 02/03: the 5 working days run Tue 03/03 – Mon 09/03.
      expect(await step(version, 'chief', 'approve'), language).toMatchObject({
        state: 'approved',
        dueAt: '2026-03-09T17:00:00.000Z',
      });
      expect((await qn.call(`/content/${version}`, qn.people.secretary)).body, language).toMatchObject({
        translationOf: source,
        publishPolicy: 'publish.news',
      });
    }
  });

  test('QN 14.12: people rate the portal’s information, without an account and without being known (NĐ 224/2026 Điều 10.3b)', async () => {
    await qn.at('2026-03-02T09:00:00');
    const item = await qn.published(qn.province, { title: 'Kế hoạch chuyển đổi số năm 2026' });
    const rate = (body: Record<string, unknown>) =>
      qn.call('/public/ratings', undefined, {
        method: 'POST',
        body: { target: { kind: 'content', id: item.id }, ...body },
        headers: { 'user-agent': 'QN-14.12-browser' },
      });
    const first = await rate({ score: 4, reason: 'incomplete', text: 'Cần thêm lộ trình; gọi tôi 0203 3835 555' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // Once a day from one address and browser.
    expect((await rate({ useful: true })).status).toBe(409);
    const figures = await qn.call(
      `/ratings/figures?unit=${qn.province}&from=2026-03-02&to=2026-03-02`,
      qn.people.chief,
    );
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    expect(figures.body.totals).toMatchObject({ ratings: 1, scoreVotes: 1, meanScore: 4, reasons: { incomplete: 1 } });
    expect(figures.body.texts[0].text).toContain('Cần thêm lộ trình');
    expect(figures.body.texts[0].text).not.toContain('3835');
  });

  test('QN 14.12: people take part in law-making on drafts: comments article by article, moderated, refused after closing', () =>
    lawMakingRound(qn));
});
