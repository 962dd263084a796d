import { fileServices } from './local-stack';
import { expect } from 'vitest';
import { caller, person, type Person } from './directory';
import { httpFrom } from './http-from';
import { setNow, traveller } from './travel';
import { staffNames } from './staff-names';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';
import { periodContaining, type Period } from '../../shared/domain/reports/periods';
import { RATING_SCORES } from '../../shared/domain/reports/figures';
import type { PeriodRule } from '../../shared/domain/reports/periods';

/**
 * Known facts for the report tests (issue 27, "done when"), made through the API at faked dates in
 * one province: content steps in a department's sub-portal, questions asked on the provincial
 * portal and routed to it, an incident restored within 24 h, a security check, accounts opened.
 * Every step is written down in a ledger with its instant, so a test counts each figure of any
 * period itself and compares it with what the report says.
 */
export interface LedgerEntry {
  readonly unit: string;
  readonly group: 'content' | 'questions' | 'accounts' | 'operations';
  readonly figure: string;
  readonly category?: string;
  readonly at: string;
  /** The question an escalation was raised on (escalatedQuestions counts them). */
  readonly questionId?: string;
}

type Api = (path: string, init?: RequestInit) => Promise<Response>;
export const DEPT = 'sotttt';

export interface Scenario {
  readonly province: string;
  readonly people: Record<string, Person>;
  readonly ledger: LedgerEntry[];
  /** Items first published, with their frozen contributors, by quarter. */
  readonly published: { id: string; quarter: string; contributors: { name: string; share: number }[] }[];
  readonly travel: (to: string) => Promise<void>;
  readonly call: ReturnType<typeof caller>;
}

let addresses = 0;

export type RunJob = (name: string, input?: Record<string, unknown>) => Promise<unknown>;

export async function reportScenario(
  api: Api,
  gatewayUrl: () => string,
  province: { code: string; name: string; nameEn: string },
  runJob: RunJob,
): Promise<Scenario> {
  const call = caller(api);
  const ledger: LedgerEntry[] = [];
  const now = () => new Date().toISOString();
  const note = (unit: string, group: LedgerEntry['group'], figure: string, category?: string) =>
    ledger.push({ unit, group, figure, ...(category && { category }), at: now() });
  const ok = (res: { status: number; body: unknown }, status = 200) =>
    expect(res.status, JSON.stringify(res.body)).toBe(status);

  // Sat 31/10/2026 23:00 ICT: the units and their people (accounts opened in October).
  setNow('2026-10-31T23:00:00');
  // Account names as the preset wants them (NA 10.2d: admin.<office>.<unit>, the offices on their units).
  const staff = staffNames();
  const provinceOffices = staff.officesFor(['thuky', 'truongban', 'lanhdao', 'vanhanh']);
  const deptOffices = staff.officesFor(['thuky', 'truongban', 'giamdoc', 'bientap']);
  await ensureProvince(fileServices(), { vi: province.name, en: province.nameEn }, provinceOffices);
  await ensureUnits(fileServices(), [
    {
      code: DEPT,
      name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' },
      kind: 'department',
      parentCode: province.code,
      slug: DEPT,
      ...(deptOffices && { offices: deptOffices }),
    },
  ]);
  const made: [string, string, string, Parameters<typeof person>[3]][] = [
    ['secretary', staff.name('thuky', province.code), province.code, ['secretary']],
    ['chief', staff.name('truongban', province.code), province.code, ['chief-editor']],
    ['head', staff.name('lanhdao', province.code), province.code, ['unit-head']],
    ['operator', staff.name('vanhanh', province.code), province.code, ['operator']],
    ['deptSecretary', staff.name('thuky', DEPT), DEPT, ['secretary']],
    ['deptChief', staff.name('truongban', DEPT), DEPT, ['chief-editor']],
    ['deptHead', staff.name('giamdoc', DEPT), DEPT, ['unit-head']],
  ];
  const people: Record<string, Person> = {};
  for (const [key, username, unit, roles] of made) {
    people[key] = await person(api, username, unit, roles);
    note(unit, 'accounts', 'opened');
  }
  const travel = traveller(api, people);
  const create = async (title: string, contributors?: { name: string; share: number }[]) => {
    const res = await call(`/units/${DEPT}/content`, people.deptSecretary, {
      method: 'POST',
      body: {
        category: 'news',
        language: 'vi',
        title,
        body: `<p>${title}</p>`,
        submit: true,
        ...(contributors && { contributors }),
      },
    });
    ok(res, 201);
    note(DEPT, 'content', 'submitted', 'news');
    return res.body.id as string;
  };
  const step = async (id: string, who: Person, body: Record<string, unknown>) =>
    ok(await call(`/content/${id}/transitions`, who, { method: 'POST', body }));

  // Sat 31/10 23:30: submitted before November (in Q4, H2, the year, NA's and QN's years; not in November).
  await create('Tin gửi cuối tháng Mười');

  // Tue 03/11/2026 09:00.
  await travel('2026-11-03T09:00:00');
  const contributors = [
    { name: 'Nguyễn Văn An', share: 70 },
    { name: 'Trần Thị Bình', share: 30 },
  ];
  const published = await create('Khai mạc hội chợ', contributors);
  await step(published, people.deptSecretary!, { action: 'accept' });
  await step(published, people.deptSecretary!, { action: 'propose' });
  await step(published, people.deptChief!, { action: 'approve' });
  await step(published, people.deptSecretary!, { action: 'publish' });
  note(DEPT, 'content', 'published', 'news');
  note(DEPT, 'content', 'publishedOnTime', 'news');
  const returned = await create('Tin cần bổ sung');
  await step(returned, people.deptSecretary!, { action: 'return', comment: 'Bổ sung nguồn tin' });
  note(DEPT, 'content', 'returned', 'news');
  const rejected = await create('Tin không phù hợp');
  await step(rejected, people.deptSecretary!, { action: 'accept' });
  await step(rejected, people.deptSecretary!, { action: 'propose' });
  await step(rejected, people.deptChief!, { action: 'reject', reason: 'Không phù hợp với tôn chỉ' });
  note(DEPT, 'content', 'rejected', 'news');

  // Questions asked on the provincial portal, routed to the department the same working day.
  const ask = async (title: string) => {
    addresses += 1;
    const res = await httpFrom(gatewayUrl(), `/public/portals/${province.code}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      from: `127.0.2.${addresses}`,
      body: JSON.stringify({
        asker: {
          kind: 'individual',
          fullName: 'Lê Văn Cường',
          nationality: 'Việt Nam',
          address: 'Thành phố Vinh',
          phone: '0238 384 1234',
          occupation: 'Giáo viên',
          idNumber: '040090001234',
        },
        field: 'labour-social',
        title,
        text: `Xin hỏi về ${title.toLowerCase()} như thế nào?`,
        consent: { processing: true, publication: false },
      }),
    });
    expect(res.status, res.text).toBe(201);
    note(province.code, 'questions', 'received');
    secrets.set(res.json.trackingCode as string, res.json.secret as string);
    return res.json.trackingCode as string;
  };
  const secrets = new Map<string, string>();
  const qStep = async (id: string, who: Person, body: Record<string, unknown>) =>
    ok(await call(`/questions/${id}/transitions`, who, { method: 'POST', body }));
  const questions = [await ask('Chế độ trợ cấp'), await ask('Thủ tục cấp phép')];
  for (const id of questions) {
    await qStep(id, people.secretary!, { action: 'classify', complexity: 'simple', scope: 'single-unit' });
    await qStep(id, people.secretary!, { action: 'route', unit: DEPT });
    note(province.code, 'questions', 'routed');
    note(province.code, 'questions', 'routedWithinOneWorkingDay');
    note(DEPT, 'questions', 'received');
  }
  // A complex question the department will not answer in time: a progress notice, then escalations.
  const slow = await ask('Hỗ trợ học nghề');
  await qStep(slow, people.secretary!, { action: 'classify', complexity: 'complex', scope: 'single-unit' });
  await qStep(slow, people.secretary!, { action: 'route', unit: DEPT });
  note(province.code, 'questions', 'routed');
  note(province.code, 'questions', 'routedWithinOneWorkingDay');
  note(DEPT, 'questions', 'received');
  await travel('2026-11-04T09:00:00');
  await progressNotice(call, people.deptHead!, slow, () => note(DEPT, 'questions', 'progressNotices'));
  await qStep(questions[0]!, people.deptHead!, {
    action: 'answer',
    answer: {
      text: 'Theo quy định hiện hành, người cao tuổi từ đủ 75 tuổi được hưởng trợ cấp hằng tháng.',
      citations: [],
    },
  });
  note(DEPT, 'questions', 'answered');
  note(DEPT, 'questions', 'answeredOnTime');
  await qStep(questions[1]!, people.deptHead!, { action: 'return', reason: 'Không thuộc thẩm quyền của Sở' });
  note(DEPT, 'questions', 'returnedNotCompetent');

  // An incident restored within 24 hours, and a security check.
  const reported = await call('/incidents', people.deptSecretary, {
    method: 'POST',
    body: {
      title: 'Trang con chậm',
      description: 'Trang con của Sở tải chậm từ 07:00.',
      severity: 'medium',
      affectedServices: ['portal'],
      detectedAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
    },
  });
  ok(reported, 201);
  note('*', 'operations', 'incidents');
  ok(
    await call(`/incidents/${reported.body.id}/timeline`, people.operator, {
      method: 'POST',
      body: {
        note: 'Đã khởi động lại',
        status: 'resolved',
        restoredAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    }),
  );
  note('*', 'operations', 'restoredWithinLimit');
  ok(
    await call('/security-checks', people.operator, {
      method: 'POST',
      body: { performedAt: now(), performedBy: 'Đội vận hành', scope: 'Toàn bộ Cổng', findings: [] },
    }),
    201,
  );
  note('*', 'operations', 'securityChecks');

  // Withdrawn after publication: the tally of its quarter keeps it (frozen attribution).
  await travel('2026-11-05T09:00:00');
  await step(published, people.deptChief!, { action: 'withdraw', publicNote: 'Tin đã được cập nhật ở bài khác' });
  note(DEPT, 'content', 'withdrawn', 'news');
  // A person who joins in November.
  people.deptEditor = await person(api, staff.name('bientap', DEPT), DEPT, ['editor']);
  note(DEPT, 'accounts', 'opened');
  // Their roles change (the province's operator), and the answered question is approved, sent and rated by its asker.
  ok(
    await call(`/accounts/${people.deptEditor.id}/roles`, people.operator, {
      method: 'PUT',
      body: { roles: ['editor', 'secretary'] },
    }),
  );
  note(DEPT, 'accounts', 'rolesChanged');
  await qStep(questions[0]!, people.chief!, { action: 'approve-answer' });
  await qStep(questions[0]!, people.secretary!, { action: 'send' });
  const rated = await httpFrom(gatewayUrl(), `/public/questions/${questions[0]}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-question-secret': secrets.get(questions[0]!)! },
    from: '127.0.2.250',
    body: JSON.stringify({ rating: 'partly' }),
  });
  expect(rated.status, rated.text).toBe(201);
  note(DEPT, 'questions', 'ratings');
  note(DEPT, 'questions', 'ratedPartly');

  // Mon 30/11/2026: the escalation job raises what is due (the unanswered question, the returned one back with the
  // board); the test counts each level from the questions' staff views (their escalation log), not from the report.
  await travel('2026-11-30T09:00:00');
  await runJob('escalate-questions', { at: new Date().toISOString() });
  for (const id of [...questions, slow]) {
    const view = await call(`/questions/${id}`, people.secretary);
    ok(view);
    for (const e of view.body.escalations as { unitCode: string; raisedAt: string }[])
      ledger.push({ unit: e.unitCode, group: 'questions', figure: 'escalations', at: e.raisedAt, questionId: id });
  }
  expect(ledger.filter((e) => e.figure === 'escalations').length, 'the scenario raises escalations').toBeGreaterThan(0);

  return {
    province: province.code,
    people,
    ledger,
    published: [{ id: published, quarter: '2026-Q4', contributors }],
    travel,
    call,
  };
}

/**
 * A progress notice on `id`, of the kind the preset provides for: BĐ 12.4's report-back needs no
 * date; CB 11.4's new date must come after the answer is now due. A preset that provides for none
 * refuses it (409) and nothing is counted.
 */
async function progressNotice(
  call: ReturnType<typeof caller>,
  head: Person,
  id: string,
  counted: () => void,
): Promise<void> {
  const plain = await call(`/questions/${id}/transitions`, head, {
    method: 'POST',
    body: { action: 'progress-notice' },
  });
  if (plain.status === 200) return counted();
  if (plain.status === 409) return;
  expect(plain.body.errors?.[0]?.field, JSON.stringify(plain.body)).toBe('body.expectedBy');
  const { answerDueAt } = (await call(`/questions/${id}`, head)).body as { answerDueAt: string };
  const expectedBy = new Date(Date.parse(answerDueAt) + 7 * 3_600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
  const dated = await call(`/questions/${id}/transitions`, head, {
    method: 'POST',
    body: { action: 'progress-notice', expectedBy },
  });
  expect(dated.status, JSON.stringify(dated.body)).toBe(200);
  counted();
}

/** What the test itself counts for a period: one figure of one unit (or `*`), optionally one category. */
export function counted(
  ledger: readonly LedgerEntry[],
  period: Period,
  unit: string,
  group: LedgerEntry['group'],
  figure: string,
  category?: string,
): number {
  return ledger.filter(
    (e) =>
      e.unit === unit &&
      e.group === group &&
      e.figure === figure &&
      (category === undefined || e.category === category) &&
      e.at >= period.startsAt &&
      e.at < period.endsAt,
  ).length;
}

/** The period of a kind that holds the scenario's facts (31/10–05/11/2026). */
export const periodOfNovember = (rule: PeriodRule): Period => periodContaining(rule, '2026-11-04');

/** Checks every figure of a generated report against the ledger. */
export function expectFiguresMatch(
  figures: any,
  ledger: readonly LedgerEntry[],
  period: Period,
  province: string,
): void {
  const c = (unit: string, group: LedgerEntry['group'], figure: string, category?: string) =>
    counted(ledger, period, unit, group, figure, category);
  for (const unit of [province, DEPT]) {
    const row = figures.units.find((u: { unitCode: string }) => u.unitCode === unit);
    expect(row, unit).toBeDefined();
    for (const figure of ['submitted', 'published', 'publishedOnTime', 'returned', 'rejected', 'withdrawn']) {
      expect(row.content[figure], `${unit} content.${figure}`).toBe(c(unit, 'content', figure));
      if (c(unit, 'content', figure) > 0)
        expect(row.contentByCategory.news[figure], `${unit} news.${figure}`).toBe(c(unit, 'content', figure, 'news'));
    }
    expect(row.content.publishedLate).toBe(c(unit, 'content', 'published') - c(unit, 'content', 'publishedOnTime'));
    for (const figure of [
      'received',
      'routed',
      'routedWithinOneWorkingDay',
      'answered',
      'answeredOnTime',
      'returnedNotCompetent',
    ]) {
      expect(row.questions[figure], `${unit} questions.${figure}`).toBe(c(unit, 'questions', figure));
    }
    for (const figure of [
      'progressNotices',
      'escalations',
      'ratings',
      'ratedSatisfied',
      'ratedPartly',
      'ratedNotAnswered',
    ]) {
      expect(row.questions[figure], `${unit} questions.${figure}`).toBe(c(unit, 'questions', figure));
    }
    const escalated = ledger.filter(
      (e) => e.unit === unit && e.figure === 'escalations' && e.at >= period.startsAt && e.at < period.endsAt,
    );
    expect(row.questions.escalatedQuestions, `${unit} questions.escalatedQuestions`).toBe(
      new Set(escalated.map((e) => e.questionId)).size,
    );
    const ratings = c(unit, 'questions', 'ratings');
    const score =
      c(unit, 'questions', 'ratedSatisfied') * RATING_SCORES.satisfied! +
      c(unit, 'questions', 'ratedPartly') * RATING_SCORES.partly!;
    expect(row.questions.meanRatingScore, `${unit} questions.meanRatingScore`).toBe(
      ratings === 0 ? null : Math.round((score / ratings) * 10) / 10,
    );
    expect(row.accounts).toEqual({
      opened: c(unit, 'accounts', 'opened'),
      closed: 0,
      rolesChanged: c(unit, 'accounts', 'rolesChanged'),
    });
  }
  for (const figure of ['incidents', 'restoredWithinLimit', 'securityChecks'])
    expect(figures.operations[figure], `operations.${figure}`).toBe(c('*', 'operations', figure));
  expect(figures.operations).toMatchObject({ weeklyBackups: 0, restoreDrills: 0 });
  expect(figures.totals.content.submitted).toBe(c(province, 'content', 'submitted') + c(DEPT, 'content', 'submitted'));
}
