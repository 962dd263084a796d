import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince } from '../../shared/application/bootstrap';
import { escalateDueQuestions } from '../../shared/application/question-escalation';

/**
 * A backlog larger than one run may raise (issue 21 #4), under Bình Định: clocks raised already stay
 * on the due index until they close, and must not hide the clocks behind them. With room for one
 * clock a run, three runs raise three clocks' reminders, earliest first, and a fourth finds nothing
 * left. (Reading only the first clocks due, as the job once did, kept raising nothing after the first.)
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);

async function ask(n: number): Promise<string> {
  const res = await call('/public/portals/binhdinh/questions', undefined, {
    method: 'POST',
    body: {
      asker: {
        kind: 'individual',
        fullName: 'Trần Văn Bình',
        nationality: 'Việt Nam',
        address: 'Quy Nhơn',
        phone: '0905 000 111',
      },
      field: 'land-environment',
      title: 'Hỏi về thủ tục đất đai',
      text: `Xin hỏi thủ tục chuyển mục đích sử dụng đất gồm những bước nào? (${n})`,
      consent: { processing: true, publication: false },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.trackingCode as string;
}

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  people.secretary = await person(local.api, 'thuky.bd', 'binhdinh', ['secretary']);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('question escalation with a backlog', () => {
  it('reaches every clock due, one run after another, however many were raised before', async () => {
    // Asked Mon 02/03: each classification is due at the end of Tue 03/03 (BĐ 12.3).
    const asked = [await ask(1), await ask(2), await ask(3)];
    const at = new Date('2026-03-03T09:00:00+07:00');
    await travel('2026-03-03T09:00:00'); // signs the staff in again, a day on
    const runs = [];
    for (let i = 0; i < 4; i++)
      runs.push(await escalateDueQuestions(local.stack().services, at, `backlog-${i}`, { read: 50_000, raise: 1 }));
    expect(runs.map((r) => [r.due, r.reminder, r.more])).toEqual([
      [3, 1, true],
      [3, 1, true],
      [3, 1, false],
      [3, 0, false],
    ]);
    // Each question's staff view lists its one reminder.
    for (const id of asked) {
      const read = await call(`/questions/${id}`, people.secretary!);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(
        read.body.escalations.map((e: Record<string, string>) => `${e.clock}:${e.level}`),
        id,
      ).toEqual(['classify:reminder']);
    }
  });
});
