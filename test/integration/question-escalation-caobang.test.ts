import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, NEW_PASSWORD, person, signIn, type Person } from '../support/directory';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Issue 9 #5 under Cao Bằng: a 15-working-day answer clock (CB 11.4), reminded from the start of
 * its 3rd last working day (the preset's value), and a progress notice (CB 11.4) that moves the
 * answer's due instant to the expected day: the escalation job follows the new instant, never
 * the old one. The clock is set with fake Dates (the handlers and the job run in this process).
 */
vi.useFakeTimers({ toFake: ['Date'] });
const setNow = (local: string) => vi.setSystemTime(new Date(`${local}+07:00`));
setNow('2026-03-02T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/caobang.json') });
const call = caller(local.api);
let secretary: Person;
let head: Person;

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const runAt = async (localTime: string) => {
  setNow(localTime);
  return (await local.stack().runJob('escalate-questions', { at: `${localTime}+07:00` })) as Record<string, unknown>;
};
async function answerEscalations(id: string): Promise<string[]> {
  return (await local.scanAll())
    .filter((i) => String(i.pk).startsWith('OUTBOX#') && i.detailType === 'QuestionEscalated')
    .map((i) => JSON.parse(i.payload).data)
    .filter((d) => d.questionId === id && d.clock === 'answer')
    .map((d) => `${d.level}:${d.dueAt}:${d.recipientRole}`)
    .sort();
}

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
  // Independent accounts: created and signed in at once.
  [secretary, head] = await Promise.all([
    person(local.api, 'thuky.cb', 'caobang', ['secretary']),
    person(local.api, 'giamdoc.sld', 'soldtbxh', ['unit-head']),
  ]);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('question escalation under Cao Bằng (CB 11.4)', () => {
  it('follows a progress notice: no overdue at the old deadline, reminder and overdue at the expected day', async () => {
    const asked = await call('/public/portals/caobang/questions', undefined, {
      method: 'POST',
      body: {
        asker: {
          kind: 'individual',
          fullName: 'Nông Văn Dũng',
          nationality: 'Việt Nam',
          address: 'Thành phố Cao Bằng',
          phone: '0206 385 2222',
          occupation: 'Nông dân',
          idNumber: '004052001234',
        },
        field: 'labour-social',
        title: 'Hỏi về chế độ trợ cấp',
        text: 'Xin hỏi điều kiện hưởng trợ cấp xã hội hằng tháng đối với người cao tuổi?',
        consent: { processing: true, publication: false },
      },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = asked.body.trackingCode as string;
    await call(`/questions/${id}/transitions`, secretary, {
      method: 'POST',
      body: { action: 'classify', complexity: 'simple' },
    });
    // Routed Mon 02/03: due at the end of Mon 23/03; reminded from Thu 19/03 (Thu, Fri, Mon).
    const routed = await call(`/questions/${id}/transitions`, secretary, {
      method: 'POST',
      body: { action: 'route', unit: 'soldtbxh' },
    });
    expect(routed.body).toMatchObject({ answerDueAt: endOf('2026-03-23') });

    await runAt('2026-03-18T09:00:00');
    expect(await answerEscalations(id)).toEqual([]);
    await runAt('2026-03-19T09:00:00');
    expect(await answerEscalations(id)).toEqual([`reminder:${endOf('2026-03-23')}:unit-officer`]);

    // Thu 19/03: the head gives a progress notice, the answer expected by Tue 31/03.
    setNow('2026-03-19T10:00:00');
    const token = await signIn(local.api, head.username, NEW_PASSWORD);
    const notice = await call(
      `/questions/${id}/transitions`,
      { ...head, token },
      { method: 'POST', body: { action: 'progress-notice', expectedBy: '2026-03-31' } },
    );
    expect(notice.body).toMatchObject({ dueAt: endOf('2026-03-31') });

    // Tue 24/03, past the old deadline: on time, nothing raised. Fri 27/03 (Fri, Mon, Tue): the new reminder.
    await runAt('2026-03-24T09:00:00');
    await runAt('2026-03-26T09:00:00');
    expect(await answerEscalations(id)).toEqual([`reminder:${endOf('2026-03-23')}:unit-officer`]);
    await runAt('2026-03-27T09:00:00');
    // Wed 01/04: overdue against the expected day, to the unit head.
    await runAt('2026-04-01T09:00:00');
    await runAt('2026-04-01T10:00:00');
    expect(await answerEscalations(id)).toEqual([
      `overdue:${endOf('2026-03-31')}:unit-head`,
      `reminder:${endOf('2026-03-23')}:unit-officer`,
      `reminder:${endOf('2026-03-31')}:unit-officer`,
    ]);
  });
});
