import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, NEW_PASSWORD, person, signIn, type Person } from '../support/directory';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Q&A under Cao Bằng's regulation: its asker fields (CB 11.2b: occupation and ID number), its one
 * 15-working-day answer clock, and the progress notice it alone provides for (CB 11.4): once per
 * question, keeping the question on time until the expected day ends.
 */
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-03-02T09:00:00+07:00'));

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/caobang.json') });
const call = caller(local.api);
const localApi = local.api;
let secretary: Person;
let head: Person;

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const asker = {
  kind: 'individual',
  fullName: 'Nông Văn Dũng',
  nationality: 'Việt Nam',
  address: 'Thành phố Cao Bằng',
  phone: '0206 385 2222',
};
const body = (extra: Record<string, unknown>) => ({
  asker: { ...asker, ...extra },
  field: 'labour-social',
  title: 'Hỏi về chế độ trợ cấp',
  text: 'Xin hỏi điều kiện hưởng trợ cấp xã hội hằng tháng đối với người cao tuổi?',
  consent: { processing: true, publication: false },
});

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Cao Bằng', en: 'Cao Bang Province' });
  await ensureUnits(local.stack().services, [
    {
      code: 'soldtbxh',
      name: { vi: 'Sở Lao động', en: 'Department of Labour' },
      kind: 'department',
      parentCode: 'caobang',
      slug: 'soldtbxh',
    },
  ]);
  secretary = await person(local.api, 'thuky.cb', 'caobang', ['secretary']);
  head = await person(local.api, 'giamdoc.sld', 'soldtbxh', ['unit-head']);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('Q&A under Cao Bằng (CB 11)', () => {
  it('asks for occupation and ID number, answers in 15 working days, and allows one progress notice', async () => {
    const incomplete = await call('/public/portals/caobang/questions', undefined, { method: 'POST', body: body({}) });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.asker.occupation',
      'body.asker.idNumber',
    ]);
    expect(incomplete.body.errors[0].message.vi).toContain('CB 11.2b');
    const asked = await call('/public/portals/caobang/questions', undefined, {
      method: 'POST',
      body: body({ occupation: 'Nông dân', idNumber: '004052001234' }),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const { trackingCode: id, secret } = asked.body;

    await call(`/questions/${id}/transitions`, secretary, {
      method: 'POST',
      body: { action: 'classify', complexity: 'complex' },
    });
    const routed = await call(`/questions/${id}/transitions`, secretary, {
      method: 'POST',
      body: { action: 'route', unit: 'soldtbxh' },
    });
    // Routed Mon 02/03: 15 working days, complex or not (CB 11.4), end on Mon 23/03.
    expect(routed.body).toMatchObject({ stage: 'routed', answerDueAt: endOf('2026-03-23') });

    const notice = (expectedBy?: string) =>
      call(`/questions/${id}/transitions`, head, {
        method: 'POST',
        body: { action: 'progress-notice', ...(expectedBy !== undefined && { expectedBy }) },
      });
    expect((await notice()).body.errors[0]).toMatchObject({ field: 'body.expectedBy', code: 'required' });
    expect((await notice('2026-03-20')).body.errors[0]).toMatchObject({ field: 'body.expectedBy', code: 'not_later' });
    expect((await notice('20/04/2026')).status).toBe(400);
    const given = await notice('2026-04-10');
    expect(given.body).toMatchObject({
      stage: 'routed',
      version: 4,
      dueAt: endOf('2026-04-10'),
      answerDueAt: endOf('2026-03-23'),
    });
    // Once per question.
    const again = await notice('2026-04-20');
    expect(again.status).toBe(409);
    expect(again.body.i18n.en.detail).toBe('A progress notice was given on 2026-03-02; once per question');

    // The asker sees the expected date; the answer clock's work item moved with it, so it is not overdue before then.
    const status = await local.api(`/public/questions/${id}`, { headers: { 'x-question-secret': secret } });
    expect(await status.json()).toMatchObject({
      stage: 'routed',
      dueAt: endOf('2026-04-10'),
      progressNotice: { expectedBy: '2026-04-10' },
    });
    const work = (await local.scanAll()).find((i) => i.workId === `Question#${id}#answer`);
    expect(work).toMatchObject({ status: 'open', dueAt: endOf('2026-04-10') });
    const overdueOn = async (local: string) => {
      vi.setSystemTime(new Date(`${local}+07:00`));
      const board = { ...secretary, token: await signIn(localApi, secretary.username, NEW_PASSWORD) };
      const res = await call('/units/caobang/questions?overdue=true', board);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id);
    };
    // Past the 15 working days but before the expected date: on time; after it: overdue.
    expect(await overdueOn('2026-03-30T09:00:00')).not.toContain(id);
    expect(await overdueOn('2026-04-13T09:00:00')).toContain(id);
  });
});
