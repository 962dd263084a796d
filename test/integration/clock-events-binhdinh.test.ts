import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { setNow, traveller } from '../support/travel';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Bình Định's publication clocks from the events BĐ 11 names, and its People's Committee approval
 * of advertising (BĐ 7.1), through the HTTP API (issue 23 items 1–3).
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-05-04T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const item = (category: string, extra: Record<string, unknown> = {}) => ({ category, language: 'vi', title: `Tin ${category}`, body: '<p>Nội dung</p>', submit: true, ...extra });
const approval = (decidedOn: string) => ({ decisionNumber: '125/UBND-KT', decidedOn, file: 'upload-approval-125' });
const step = (id: string, who: string, action: string, extra: Record<string, unknown> = {}) =>
  call(`/content/${id}/transitions`, people[who], { method: 'POST', body: { action, ...extra } });

beforeAll(async () => {
  await ensureProvince({ vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits([{ code: 'sotttt', name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' }, kind: 'department', parentCode: 'binhdinh', slug: 'sotttt' }]);
  people.secretary = await person(local.api, 'thuky.clock.bd', 'sotttt', ['secretary']);
  people.chief = await person(local.api, 'truongban.clock.bd', 'sotttt', ['chief-editor']);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('BĐ 11: publication clocks from the events they name', () => {
  it('BĐ 11.3: a legal document issued Sat 02/05/2026 is due at the end of Tue 05/05 (counted from the day after the issue)', async () => {
    await travel('2026-05-04T09:00:00');
    const created = await call('/units/sotttt/content', people.secretary, {
      method: 'POST',
      body: item('legal-document', {
        legalDocument: { form: 'quyet-dinh', numberSymbol: '15/2026/QĐ-UBND', issuingAuthority: 'Ủy ban nhân dân tỉnh Bình Định', signer: 'Phạm Anh Tuấn', issuedOn: '2026-05-02', summary: 'Ban hành quy định' },
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(`/content/${created.body.id}`, people.secretary)).body.dueAt).toBe(endOf('2026-05-05'));
  });

  it('BĐ 11.3: an administrative procedure counts from its announcement, whenever the board approves', async () => {
    await travel('2026-05-04T09:00:00');
    const created = await call('/units/sotttt/content', people.secretary, { method: 'POST', body: item('administrative-procedure', { eventDate: '2026-04-29' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Wed 29/04 announced; Thu 30/04–Sun 03/05 off: Mon 04/05 and Tue 05/05.
    expect((await call(`/content/${created.body.id}`, people.secretary)).body.dueAt).toBe(endOf('2026-05-05'));
  });

  it('BĐ 11.2: news approved after working hours is due by the end of the next working day', async () => {
    await travel('2026-05-05T09:00:00');
    const created = await call('/units/sotttt/content', people.secretary, { method: 'POST', body: item('news') });
    expect((await step(created.body.id, 'secretary', 'accept')).status).toBe(200);
    expect((await step(created.body.id, 'secretary', 'propose')).status).toBe(200);
    await travel('2026-05-05T18:00:00');
    expect((await step(created.body.id, 'chief', 'approve')).body).toMatchObject({ state: 'approved', dueAt: endOf('2026-05-06') });
  });
});

describe('BĐ 7.1 and 11.4: advertising', () => {
  it('needs the People’s Committee’s recorded approval before the chief approves it or it goes online, and is due the day it is approved', async () => {
    await travel('2026-05-05T09:00:00');
    const created = await call('/units/sotttt/content', people.secretary, { method: 'POST', body: item('advertising') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await step(id, 'secretary', 'accept')).status).toBe(200);
    expect((await step(id, 'secretary', 'propose')).status).toBe(200);
    const refused = await step(id, 'chief', 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'peoplesCommitteeApproval', code: 'approval_required' });
    expect(refused.body.i18n.vi.detail).toContain('BĐ 7.1');

    // Sent back, the approval recorded (a future date is refused), proposed again and approved at 10:00.
    expect((await step(id, 'chief', 'send-back', { comment: 'Bổ sung văn bản chấp thuận của UBND tỉnh' })).status).toBe(200);
    const edit = (version: number, body: Record<string, unknown>) => call(`/content/${id}`, people.secretary, { method: 'PATCH', body, headers: { 'if-match': `"${version}"` } });
    const current = (await call(`/content/${id}`, people.secretary)).body.version as number;
    const future = await edit(current, { peoplesCommitteeApproval: approval('2026-05-06') });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'body.peoplesCommitteeApproval.decidedOn', code: 'in_future' });
    expect((await edit(current, { peoplesCommitteeApproval: approval('2026-05-04') })).status).toBe(200);
    expect((await step(id, 'secretary', 'propose')).status).toBe(200);
    await travel('2026-05-05T10:00:00');
    expect((await step(id, 'chief', 'approve')).body).toMatchObject({ state: 'approved', dueAt: endOf('2026-05-05') });
    expect((await step(id, 'secretary', 'publish')).status).toBe(200);
    expect((await call(`/content/${id}`, people.secretary)).body).toMatchObject({
      state: 'published',
      publishedOnTime: true,
      peoplesCommitteeApproval: approval('2026-05-04'),
      publishPolicy: 'publish.afterApproval',
    });
  });

  it('only advertising carries the approval', async () => {
    await travel('2026-05-05T09:00:00');
    const refused = await call('/units/sotttt/content', people.secretary, { method: 'POST', body: item('news', { peoplesCommitteeApproval: approval('2026-05-04') }) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.peoplesCommitteeApproval', code: 'not_allowed' });
  });
});

describe('BĐ 12.4: a complex question’s unit reports back so the board can inform the asker', () => {
  it('allows one report-back within the 7 working days, which stay; a simple question has none', async () => {
    await travel('2026-05-05T09:00:00');
    people.head = await person(local.api, 'giamdoc.clock.bd', 'sotttt', ['unit-head']);
    const board = await person(local.api, 'thuky.clock.bdp', 'binhdinh', ['secretary']);
    people.board = board;
    const ask = async (n: number) => {
      const asked = await call('/public/portals/binhdinh/questions', undefined, {
        method: 'POST',
        body: {
          asker: { kind: 'individual', fullName: 'Phạm Thị Hồng Nhung', nationality: 'Việt Nam', address: 'Phường Quy Nhơn Nam', phone: '0905 123 456' },
          field: 'land-environment',
          title: 'Hỏi về quy hoạch khu dân cư',
          text: `Xin hỏi quy hoạch khu dân cư phía tây thành phố được điều chỉnh như thế nào? (${n})`,
          consent: { processing: true, publication: false },
        },
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return asked.body.trackingCode as string;
    };
    const route = async (id: string, complexity: string) => {
      expect((await call(`/questions/${id}/transitions`, people.board, { method: 'POST', body: { action: 'classify', complexity } })).status).toBe(200);
      const routed = await call(`/questions/${id}/transitions`, people.board, { method: 'POST', body: { action: 'route', unit: 'sotttt' } });
      expect(routed.status, JSON.stringify(routed.body)).toBe(200);
      return routed.body;
    };
    const notice = (id: string, expectedBy?: string) =>
      call(`/questions/${id}/transitions`, people.head, { method: 'POST', body: { action: 'progress-notice', ...(expectedBy !== undefined && { expectedBy }) } });

    const complex = await ask(1);
    // Routed Tue 05/05: 7 working days (BĐ 12.4), to Thu 14/05.
    expect(await route(complex, 'complex')).toMatchObject({ answerDueAt: endOf('2026-05-14') });
    expect((await notice(complex, '2026-05-15')).body.errors[0]).toMatchObject({ field: 'body.expectedBy', code: 'after_due' });
    const reported = await notice(complex, '2026-05-13');
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body).toMatchObject({ stage: 'routed', dueAt: endOf('2026-05-14'), answerDueAt: endOf('2026-05-14') });
    const stored = await call(`/questions/${complex}`, people.board);
    expect(stored.body.progressNotice).toMatchObject({ kind: 'report-back', expectedBy: '2026-05-13' });

    const simple = await ask(2);
    await route(simple, 'simple');
    const refused = await notice(simple);
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.en.detail).toContain('BĐ 12.4');
  });
});
