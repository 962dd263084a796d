import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { setNow, traveller } from '../support/travel';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Cao Bằng's clocks from the events its regulation names (issue 23 items 1, 2, 4, 7), through the
 * HTTP API: CB 11.4 answers from the portal's receipt (a re-routing does not restart the asker's
 * clock; the unit's share is shown beside it), CB 10.1b–g from each item's own event, CB 10.1c for
 * the provincial People's Committee's documents only.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-02-13T16:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/caobang.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const item = (category: string, extra: Record<string, unknown> = {}) => ({ category, language: 'vi', title: `Tin ${category}`, body: '<p>Nội dung</p>', submit: true, ...extra });
const legal = (issuedOn: string, numberSymbol: string, issuingAuthority: string) => ({
  form: 'quyet-dinh',
  numberSymbol,
  issuingAuthority,
  signer: 'Hoàng Xuân Ánh',
  issuedOn,
  summary: 'Ban hành quy định',
});

beforeAll(async () => {
  await ensureProvince({ vi: 'Tỉnh Cao Bằng', en: 'Cao Bang Province' });
  await ensureUnits([
    { code: 'soldtbxh', name: { vi: 'Sở Lao động', en: 'Department of Labour' }, kind: 'department', parentCode: 'caobang', slug: 'soldtbxh' },
    { code: 'soyte', name: { vi: 'Sở Y tế', en: 'Department of Health' }, kind: 'department', parentCode: 'caobang', slug: 'soyte' },
  ]);
  people.secretary = await person(local.api, 'thuky.clock.cb', 'caobang', ['secretary']);
  people.labour = await person(local.api, 'giamdoc.clock.sld', 'soldtbxh', ['unit-head']);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('CB 11.4: the answer clock counts from the portal’s receipt', () => {
  it('received Fri 13/02/2026 16:00, routed Mon 23/02: due at the end of Fri 13/03, and a re-routing keeps that date', async () => {
    await travel('2026-02-13T16:00:00');
    const asked = await call('/public/portals/caobang/questions', undefined, {
      method: 'POST',
      body: {
        asker: { kind: 'individual', fullName: 'Nông Văn Dũng', nationality: 'Việt Nam', address: 'Thành phố Cao Bằng', phone: '0206 385 2222', occupation: 'Nông dân', idNumber: '004052001234' },
        field: 'labour-social',
        title: 'Hỏi về chế độ trợ cấp',
        text: 'Xin hỏi điều kiện hưởng trợ cấp xã hội hằng tháng đối với người cao tuổi?',
        consent: { processing: true, publication: false },
      },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = asked.body.trackingCode as string;

    // The board classifies and routes after Tết: Mon 23/02.
    await travel('2026-02-23T09:00:00');
    expect((await call(`/questions/${id}/transitions`, people.secretary, { method: 'POST', body: { action: 'classify', complexity: 'simple' } })).status).toBe(200);
    const routed = await call(`/questions/${id}/transitions`, people.secretary, { method: 'POST', body: { action: 'route', unit: 'soldtbxh' } });
    expect(routed.status, JSON.stringify(routed.body)).toBe(200);
    // Counted from routing it would end Mon 16/03; from the receipt (CB 11.4) it ends Fri 13/03. The unit has 14 of the 15 days.
    expect(routed.body).toMatchObject({ stage: 'routed', answerDueAt: endOf('2026-03-13'), dueAt: endOf('2026-03-13'), unitShare: { workingDays: 14 } });

    // The unit returns it as outside its competence; the board routes it elsewhere on Wed 25/02: the asker's date stays.
    await travel('2026-02-24T09:00:00');
    const returned = await call(`/questions/${id}/transitions`, people.labour, { method: 'POST', body: { action: 'return', reason: 'Không thuộc lĩnh vực của Sở' } });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await travel('2026-02-25T09:00:00');
    const rerouted = await call(`/questions/${id}/transitions`, people.secretary, { method: 'POST', body: { action: 'route', unit: 'soyte' } });
    expect(rerouted.body).toMatchObject({ stage: 'routed', answerDueAt: endOf('2026-03-13'), unitShare: { workingDays: 12 } });
    const work = (await local.scanAll()).find((i) => i.workId === `Question#${id}#answer`);
    expect(work).toMatchObject({ status: 'open', dueAt: endOf('2026-03-13') });
    const stored = await call(`/questions/${id}`, people.secretary);
    expect(stored.body.routings.map((r: { unitCode: string; answerDueAt: string; unitWorkingDays: number }) => [r.unitCode, r.answerDueAt, r.unitWorkingDays])).toEqual([
      ['soldtbxh', endOf('2026-03-13'), 14],
      ['soyte', endOf('2026-03-13'), 12],
    ]);
  });
});

describe('CB 10.1: publication clocks from each item’s own event', () => {
  it('CB 10.1e: a science call is due 4 working days after its issue date; the date is required, and not in the future', async () => {
    await travel('2026-03-10T09:00:00');
    const created = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('science-call', { eventDate: '2026-03-05' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(`/content/${created.body.id}`, people.secretary)).body).toMatchObject({ dueAt: endOf('2026-03-11'), eventDate: '2026-03-05' });

    // Corrected while it is being edited: the due instant is counted again from the new date.
    expect((await call(`/content/${created.body.id}/transitions`, people.secretary, { method: 'POST', body: { action: 'accept' } })).status).toBe(200);
    const edited = await call(`/content/${created.body.id}`, people.secretary, { method: 'PATCH', body: { eventDate: '2026-03-06' }, headers: { 'if-match': '"3"' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await call(`/content/${created.body.id}`, people.secretary)).body).toMatchObject({ dueAt: endOf('2026-03-12'), eventDate: '2026-03-06' });
    const editedFuture = await call(`/content/${created.body.id}`, people.secretary, { method: 'PATCH', body: { eventDate: '2026-03-12' }, headers: { 'if-match': '"4"' } });
    expect(editedFuture.body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'in_future' });

    const missing = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('science-call') });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'required' });
    expect(missing.body.errors[0].message.vi).toContain('CB 10.1e');
    const future = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('science-call', { eventDate: '2026-03-11' }) });
    expect(future.body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'in_future' });
    const notHere = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('news', { eventDate: '2026-03-05' }) });
    expect(notHere.body.errors[0]).toMatchObject({ field: 'body.eventDate', code: 'not_allowed' });
  });

  it('CB 10.1b, d, f: legal dissemination, plans and statistics are due from their own events, whenever the board approves', async () => {
    await travel('2026-03-10T09:00:00');
    const due = async (category: string, eventDate: string) => {
      const created = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item(category, { eventDate }) });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (await call(`/content/${created.body.id}`, people.secretary)).body.dueAt;
    };
    expect(await due('legal-guidance', '2026-03-02')).toBe(endOf('2026-03-23'));
    expect(await due('plan-project', '2026-03-02')).toBe(endOf('2026-03-16'));
    expect(await due('statistics', '2026-03-02')).toBe(endOf('2026-03-16'));
    expect(await due('science-approval', '2026-03-02')).toBe(endOf('2026-03-10'));
  });

  it('CB 10.1c: 2 working days for the provincial People’s Committee’s documents, the national 5 for other issuers', async () => {
    await travel('2026-03-10T09:00:00');
    const due = async (numberSymbol: string, authority: string) => {
      const created = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('legal-document', { legalDocument: legal('2026-03-02', numberSymbol, authority) }) });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (await call(`/content/${created.body.id}`, people.secretary)).body.dueAt;
    };
    expect(await due('21/2026/QĐ-UBND', 'Ủy ban nhân dân tỉnh Cao Bằng')).toBe(endOf('2026-03-04'));
    expect(await due('22/2026/QĐ-STC', 'Sở Tài chính tỉnh Cao Bằng')).toBe(endOf('2026-03-09'));
  });

  it('CB 10.1đ: a draft for comment is due the day the portal receives it (after hours: the next working day)', async () => {
    await travel('2026-03-06T17:30:00');
    const created = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('draft-for-comment') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(`/content/${created.body.id}`, people.secretary)).body.dueAt).toBe(endOf('2026-03-09'));

    // A draft kept unsubmitted has no clock yet; submitted Mon 09/03 10:00, it is due that day, and the approval keeps it.
    const kept = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('draft-for-comment', { submit: false }) });
    expect((await call(`/content/${kept.body.id}`, people.secretary)).body.dueAt).toBeUndefined();
    await travel('2026-03-09T10:00:00');
    const submitted = await call(`/content/${kept.body.id}/transitions`, people.secretary, { method: 'POST', body: { action: 'submit' } });
    expect(submitted.body).toMatchObject({ state: 'submitted', dueAt: endOf('2026-03-09') });
    expect((await call(`/content/${kept.body.id}`, people.secretary)).body.dueAt).toBe(endOf('2026-03-09'));
  });

  it('CB 10.1g: a translation of a published item is due the day the source went online', async () => {
    await travel('2026-03-10T09:00:00');
    people.chief = await person(local.api, 'truongban.clock.cb', 'caobang', ['chief-editor']);
    const source = await call('/units/caobang/content', people.secretary, { method: 'POST', body: item('news') });
    for (const [who, action] of [['secretary', 'accept'], ['secretary', 'propose'], ['chief', 'approve'], ['secretary', 'publish']] as const) {
      const step = await call(`/content/${source.body.id}/transitions`, people[who], { method: 'POST', body: { action } });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
    }
    await travel('2026-03-10T10:00:00');
    const english = await call('/units/caobang/content', people.secretary, { method: 'POST', body: { ...item('news'), language: 'en', translationOf: source.body.id } });
    expect(english.status, JSON.stringify(english.body)).toBe(201);
    expect((await call(`/content/${english.body.id}`, people.secretary)).body).toMatchObject({ dueAt: endOf('2026-03-10'), publishPolicy: 'publish.translation' });
  });
});
