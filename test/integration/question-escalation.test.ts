import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setNow, traveller } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { questionFlow } from '../support/question-flow';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Issue 9 #5 on the local stack under Bình Định (reminder on the morning of a clock's last working
 * day, very overdue 2 working days after it): the `escalate-questions` job, run as of chosen
 * instants (`at`, as `npm run job -- escalate-questions --at …`), raises each level of each open
 * clock once per due instant however often it runs, two runs at once included; closed clocks
 * never escalate, a re-routed question's new clock does, days off are skipped. Questions are
 * asked and moved over HTTP; the clock is set with fake Dates (the handlers run in this process).
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-02T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

const travel = traveller(local.api, people);

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const runAt = async (localTime: string) => {
  setNow(localTime);
  return (await local.stack().runJob('escalate-questions', { at: `${localTime}+07:00` })) as Record<
    string,
    number | boolean | string
  >;
};

let texts = 0;
async function ask(): Promise<string> {
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
      text: `Xin hỏi thủ tục chuyển mục đích sử dụng đất gồm những bước nào? (${(texts += 1)})`,
      consent: { processing: true, publication: false },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.trackingCode as string;
}
const questions = questionFlow(call, { cast: () => ({ secretary: people.secretary, unitHead: people.head }) });
const step = questions.take;

interface Escalated {
  questionId: string;
  clock: string;
  level: string;
  dueAt: string;
  recipientRole: string;
  unitCode: string;
  portal: string;
  assigneeId?: string;
}
/** Every QuestionEscalated event of a question in the outbox, with its audit entries and its clocks' marks. */
async function escalations(id: string) {
  const items = await local.scanAll();
  const events = items
    .filter((i) => String(i.pk).startsWith('OUTBOX#') && i.detailType === 'QuestionEscalated')
    .map((i) => JSON.parse(i.payload).data as Escalated)
    .filter((d) => d.questionId === id);
  const audits = items.filter(
    (i) => String(i.pk).startsWith('AUDIT#') && i.action === 'question.escalate' && i.target?.id === id,
  );
  const marks = items
    .filter((i) => i.type === 'WorkAssignment' && i.aggregateId === id)
    .flatMap((w) =>
      Object.entries({
        reminder: w.escalatedReminder,
        overdue: w.escalatedOverdue,
        'very-overdue': w.escalatedVeryOverdue,
      }).flatMap(([level, dueAt]) => (dueAt ? [`${w.clock}:${level}:${dueAt}`] : [])),
    );
  return {
    events,
    audits,
    marks,
    brief: events.map((e) => `${e.clock}:${e.level}:${e.dueAt}:${e.recipientRole}`).sort(),
  };
}

beforeAll(async () => {
  await ensureProvince(local.stack().services, { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(local.stack().services, [
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'binhdinh', slug: 'soa' },
  ]);
  // Independent accounts: created and signed in at once.
  [people.secretary, people.officer, people.head] = await Promise.all([
    person(local.api, 'thuky.bd', 'binhdinh', ['secretary']),
    person(local.api, 'canbo.soa', 'soa', ['unit-officer']),
    person(local.api, 'giamdoc.soa', 'soa', ['unit-head']),
  ]);
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('question escalation (issue 9 #5, Bình Định, March 2026)', () => {
  it('raises reminder, overdue and very overdue of each open clock once, however often and however concurrently the job runs', async () => {
    await travel('2026-03-02T09:00:00'); // its own start (the other test may have moved the clock on)
    // Asked Mon 02/03 09:00: classification due at the end of Tue 03/03 (BĐ 12.3), the board's own clock.
    const late = await ask();
    // Routed Mon 02/03: the answer is due at the end of Fri 06/03 (BĐ 12.4), the return at the end of Tue 03/03 (BĐ 12.5).
    const routed = await ask();
    await step(routed, people.secretary!, { action: 'classify', complexity: 'simple' });
    expect(await step(routed, people.secretary!, { action: 'route', unit: 'soa' })).toMatchObject({
      answerDueAt: endOf('2026-03-06'),
      returnDueAt: endOf('2026-03-03'),
    });
    // Answered Mon 02/03: its clocks closed, it never escalates.
    const answered = await ask();
    await questions.walk(answered, 'answered', {
      answer: { text: 'Theo quy định, hồ sơ gồm đơn đề nghị và giấy chứng nhận quyền sử dụng đất.', citations: [] },
    });

    // Mon 02/03 10:00: nothing is due before the morning of a last day.
    expect(await runAt('2026-03-02T10:00:00')).toMatchObject({
      outcome: 'succeeded',
      workingDay: true,
      reminder: 0,
      overdue: 0,
    });
    expect((await escalations(late)).events).toEqual([]);

    // Tue 03/03 09:00, the last day of the classification and of the return: reminders, to the
    // board's secretary and to the unit (and the officer who holds it, if one does).
    await runAt('2026-03-03T09:00:00');
    expect((await escalations(late)).brief).toEqual([`classify:reminder:${endOf('2026-03-03')}:secretary`]);
    expect((await escalations(routed)).brief).toEqual([`return:reminder:${endOf('2026-03-03')}:unit-officer`]);
    expect((await escalations(routed)).events[0]).toMatchObject({ portal: 'binhdinh', unitCode: 'soa' });

    // Wed 04/03: the classification is overdue. Two runs at once raise it once; three more, not again.
    setNow('2026-03-04T09:00:00');
    const concurrent = (await Promise.all([1, 2].map(() => local.stack().runJob('escalate-questions')))) as Array<
      Record<string, unknown>
    >;
    expect(concurrent.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(concurrent.reduce((n, r) => n + Number(r.overdue), 0)).toBe(1);
    for (let i = 0; i < 3; i++)
      expect(await runAt('2026-03-04T10:00:00')).toMatchObject({ outcome: 'succeeded', overdue: 0 });
    const overdue = await escalations(late);
    expect(overdue.brief).toEqual([
      `classify:overdue:${endOf('2026-03-03')}:chief-editor`,
      `classify:reminder:${endOf('2026-03-03')}:secretary`,
    ]);
    // The return window passed: it only reminds (BĐ 12.5); the answer's reminder is not due yet.
    expect((await escalations(routed)).brief).toEqual([`return:reminder:${endOf('2026-03-03')}:unit-officer`]);

    // Fri 06/03, the answer's last day: its reminder to the unit officer.
    await runAt('2026-03-06T08:00:00');
    expect((await escalations(routed)).brief).toEqual([
      `answer:reminder:${endOf('2026-03-06')}:unit-officer`,
      `return:reminder:${endOf('2026-03-03')}:unit-officer`,
    ]);
    // Two working days after the classification's last day (Wed, Thu): very overdue, to the chief editor (the top of the board).
    expect((await escalations(late)).brief).toContain(`classify:very-overdue:${endOf('2026-03-03')}:chief-editor`);

    // Sat 07/03 is a day off: the job reads nothing.
    expect(await runAt('2026-03-07T09:00:00')).toMatchObject({ outcome: 'succeeded', workingDay: false, due: 0 });
    // Mon 09/03: the answer is overdue, to the unit head; Wed 11/03 (Mon, Tue after Fri) very overdue, to the board's secretary.
    await runAt('2026-03-09T09:00:00');
    await runAt('2026-03-11T09:00:00');
    await runAt('2026-03-11T10:00:00');
    const answer = await escalations(routed);
    expect(answer.brief).toEqual([
      `answer:overdue:${endOf('2026-03-06')}:unit-head`,
      `answer:reminder:${endOf('2026-03-06')}:unit-officer`,
      `answer:very-overdue:${endOf('2026-03-06')}:secretary`,
      `return:reminder:${endOf('2026-03-03')}:unit-officer`,
    ]);
    // Each event with its audit entry, and the level marked on its clock (the one record that it was raised), in one commit.
    expect(answer.audits).toHaveLength(4);
    expect(answer.audits[0]).toMatchObject({
      scope: 'binhdinh',
      actor: { id: 'system:question-escalation', kind: 'system' },
    });
    expect(answer.marks.sort()).toEqual(answer.events.map((e) => `${e.clock}:${e.level}:${e.dueAt}`).sort());
    expect((await local.scanAll()).filter((i) => String(i.pk).startsWith('ESCALATION#'))).toEqual([]);
    expect((await escalations(late)).events).toHaveLength(3);
    expect((await escalations(answered)).events).toEqual([]);
    // The due index is sparse: the answered question's closed clocks left it in the commit that closed them.
    const closed = (await local.scanAll()).filter((i) => i.aggregateId === answered);
    expect(closed.map((w) => [w.clock, w.status, w.duePk, w.dueAt])).toEqual(
      expect.arrayContaining([
        ['answer', 'done', undefined, undefined],
        ['return', 'done', undefined, undefined],
      ]),
    );
  });

  it('restarts with a re-routed question: the closed clock never fires again, the new one does', async () => {
    await travel('2026-03-16T09:00:00');
    const id = await ask();
    // Routed Mon 16/03: answer due at the end of Fri 20/03, return at the end of Tue 17/03.
    await questions.walk(id, 'routed');
    await runAt('2026-03-17T08:00:00');
    expect((await escalations(id)).brief).toEqual([`return:reminder:${endOf('2026-03-17')}:unit-officer`]);
    // Returned Tue 17/03 10:00; the board re-routes it Wed 18/03: answer due Tue 24/03, return Thu 19/03.
    await travel('2026-03-17T10:00:00');
    await step(id, people.officer!, { action: 'return', reason: 'Không thuộc thẩm quyền của Sở A' });
    await travel('2026-03-18T08:30:00');
    expect(await step(id, people.secretary!, { action: 'route', unit: 'soa' })).toMatchObject({
      answerDueAt: endOf('2026-03-24'),
      returnDueAt: endOf('2026-03-19'),
    });

    // Fri 20/03 (the old answer clock's last day) and Mon 23/03 (it would be overdue): nothing of it.
    await runAt('2026-03-19T09:00:00');
    await runAt('2026-03-20T09:00:00');
    await runAt('2026-03-23T09:00:00');
    expect((await escalations(id)).brief).toEqual([
      `return:reminder:${endOf('2026-03-17')}:unit-officer`,
      `return:reminder:${endOf('2026-03-19')}:unit-officer`,
    ]);
    // The new answer clock: reminder Tue 24/03, overdue Wed 25/03.
    await runAt('2026-03-24T09:00:00');
    await runAt('2026-03-25T09:00:00');
    await runAt('2026-03-25T10:00:00');
    expect((await escalations(id)).brief).toEqual([
      `answer:overdue:${endOf('2026-03-24')}:unit-head`,
      `answer:reminder:${endOf('2026-03-24')}:unit-officer`,
      `return:reminder:${endOf('2026-03-17')}:unit-officer`,
      `return:reminder:${endOf('2026-03-19')}:unit-officer`,
    ]);
    // The staff view lists what was raised, oldest first, each with the unit whose clock it is and who was told (issue 25).
    await travel('2026-03-25T10:30:00');
    const read = await call(`/questions/${id}`, people.secretary!);
    expect(read.status).toBe(200);
    expect(
      read.body.escalations.map(
        (e: Record<string, string>) => `${e.clock}:${e.level}:${e.dueAt}:${e.recipientRole}:${e.unitCode}`,
      ),
    ).toEqual([
      `return:reminder:${endOf('2026-03-17')}:unit-officer:soa`,
      `return:reminder:${endOf('2026-03-19')}:unit-officer:soa`,
      `answer:reminder:${endOf('2026-03-24')}:unit-officer:soa`,
      `answer:overdue:${endOf('2026-03-24')}:unit-head:soa`,
    ]);
    expect(read.body.escalations[3].raisedAt).toBe(new Date('2026-03-25T09:00:00+07:00').toISOString());
    // The unit reads the same list.
    expect((await call(`/questions/${id}`, people.officer!)).body.escalations).toHaveLength(4);
  });
});
