import type { Principal } from '../../shared/domain/access/authorize';
import type { Role } from '../../shared/domain/roles';
import { askQuestion, type NewQuestion } from '../../shared/application/questions';
import { transitionQuestion, type QuestionTransitionRequest } from '../../shared/application/question-transitions';
import type { Services } from '../../shared/composition/services';
import { askerRequirements, type IndividualField, type OrganisationField } from '../../shared/domain/questions/asker';

/**
 * Demo questions on the provincial portal (issue 9 §10), once: one in each stage — received
 * (one of them asked two weeks ago and never classified, so it shows overdue), routed, answered,
 * sent, refused — made through the same use cases as the API, so their clocks, work items and
 * audit entries are real. The askers are invented, and sealed like any asker's data; each gives
 * what the deployment's preset requires of an asker (CB 11.2 asks more than BĐ 12.2), and no more.
 */
const DAY_MS = 86_400_000;

/** Every field an asker may give, invented: a preset picks what it requires (typed, so a new field needs a demo value). */
const individuals: Array<Record<IndividualField, string>> = [
  {
    fullName: 'Nguyễn Thị Mẫu',
    nationality: 'Việt Nam',
    address: '1 Đường Thử Nghiệm, phường Mẫu',
    phone: '0900 000 001',
    email: '',
    occupation: 'Giáo viên',
    idNumber: '001190000001',
  },
  {
    fullName: 'Trần Văn Ví Dụ',
    nationality: 'Việt Nam',
    address: '2 Đường Thử Nghiệm, xã Mẫu',
    phone: '0900 000 002',
    email: 'vidu@example.vn',
    occupation: 'Nông dân',
    idNumber: '001190000002',
  },
];
const organisation: Record<OrganisationField, string> = {
  representativeName: 'Lê Minh Đại Diện',
  representativePosition: 'Giám đốc',
  organisationName: 'Công ty TNHH Mẫu Thử',
  organisationAddress: '3 Đường Thử Nghiệm, phường Mẫu',
  phone: '0900 000 003',
  email: 'lienhe@mauthu.example.vn',
};

/** The demo askers as the preset wants them: its required fields, plus an e-mail where the demo has one. */
export function demoAskers(presetId: string): Array<NewQuestion['asker']> {
  const required = askerRequirements(presetId);
  const pick = <F extends string>(values: Record<F, string>, fields: readonly F[]) =>
    Object.fromEntries([...new Set<F>([...fields, 'email' as F])].filter((f) => values[f]).map((f) => [f, values[f]]));
  return [
    ...individuals.map((person) => ({ kind: 'individual' as const, ...pick(person, required.individual.required) })),
    { kind: 'organisation' as const, ...pick(organisation, required.organisation.required) },
  ];
}

const questions: Array<Omit<NewQuestion, 'asker' | 'consent'>> = [
  {
    field: 'land-environment',
    title: 'Hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất',
    text: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu được giải quyết trong bao nhiêu ngày làm việc?',
  },
  {
    field: 'administrative-procedures',
    title: 'Hỏi về nộp hồ sơ trực tuyến',
    text: 'Tôi có thể nộp hồ sơ đăng ký hộ kinh doanh trực tuyến trên Cổng dịch vụ công của tỉnh không?',
  },
  {
    field: 'education-health',
    title: 'Hỏi về thẻ bảo hiểm y tế cho trẻ em',
    text: 'Trẻ em dưới sáu tuổi được cấp thẻ bảo hiểm y tế ở đâu và cần những giấy tờ gì?',
  },
  {
    field: 'investment-business',
    title: 'Hỏi về ưu đãi đầu tư tại khu kinh tế',
    text: 'Doanh nghiệp đầu tư vào khu kinh tế của tỉnh được hưởng những ưu đãi nào về thuế?',
  },
  {
    field: 'labour-social',
    title: 'Hỏi về trợ cấp thất nghiệp',
    text: 'Người lao động cần nộp hồ sơ hưởng trợ cấp thất nghiệp trong thời hạn bao lâu sau khi nghỉ việc?',
  },
  {
    field: 'other',
    title: 'Khiếu nại về việc hàng xóm lấn chiếm lối đi',
    text: 'Hàng xóm xây tường lấn chiếm lối đi chung, tôi muốn khiếu nại việc này thì làm thế nào?',
  },
];

type Step = QuestionTransitionRequest & { readonly by: 'secretary' | 'chief' | 'unitHead' };
const toRoute: Step[] = [
  { by: 'secretary', action: 'classify', complexity: 'simple' },
  { by: 'secretary', action: 'route', unit: 'cattan' },
];
const toAnswer: Step[] = [
  ...toRoute,
  {
    by: 'unitHead',
    action: 'answer',
    answer: {
      text: 'Theo quy định hiện hành, hồ sơ được giải quyết trong thời hạn nêu tại thủ tục hành chính đã công bố.',
      citations: [],
    },
  },
];
const toSend: Step[] = [...toAnswer, { by: 'chief', action: 'approve-answer' }, { by: 'secretary', action: 'send' }];
/** By question: how long ago it was asked (days), and its steps. */
const plans: Array<{ readonly daysAgo: number; readonly steps: readonly Step[] }> = [
  { daysAgo: 14, steps: [] }, // overdue: classification was due the next working day (even across Tết)
  { daysAgo: 0, steps: [] },
  { daysAgo: 1, steps: toRoute },
  { daysAgo: 2, steps: toAnswer },
  { daysAgo: 3, steps: toSend },
  {
    daysAgo: 1,
    steps: [
      {
        by: 'secretary',
        action: 'refuse',
        ground: 'complaint',
        reason: 'Đây là khiếu nại: đề nghị gửi theo Luật Khiếu nại đến cơ quan có thẩm quyền.',
      },
    ],
  },
];

async function principal(s: Services, username: string, unitCode: string, roles: readonly Role[]): Promise<Principal> {
  const id = await s.accounts.idOfUsername(username);
  if (!id) throw new Error(`Demo account ${username} is missing`);
  return { id, kind: 'user', unitCode, roles: [...roles] as Principal['roles'], delegations: [] };
}

/** The demo accounts that take the steps (their names follow the preset, NA 10.2d: see demoCast). */
export interface DemoActors {
  readonly secretary: string;
  readonly chief: string;
  readonly unitHead: string;
}

export async function seedDemoQuestions(
  s: Services,
  province: string,
  presetId: string,
  names: DemoActors,
): Promise<void> {
  const askers = demoAskers(presetId);
  if ((await s.questions.list(province, { view: 'portal', limit: 1 })).items.length > 0) return;
  const actors = {
    secretary: await principal(s, names.secretary, province, ['secretary']),
    chief: await principal(s, names.chief, province, ['chief-editor']),
    unitHead: await principal(s, names.unitHead, 'cattan', ['operator', 'unit-head']),
  };
  const now = Date.now();
  for (const [i, plan] of plans.entries()) {
    const asked = new Date(now - plan.daysAgo * DAY_MS);
    const { trackingCode } = await askQuestion(
      s,
      { requestId: `demo-question-${i}`, now: asked, clientAddress: `demo-${i}` },
      province,
      {
        asker: askers[i % askers.length]!,
        ...questions[i]!,
        consent: { processing: true, publication: i % 2 === 0 },
      },
    );
    for (const [j, { by, ...request }] of plan.steps.entries()) {
      // Each step an hour after the previous one, on the day the question was asked.
      await transitionQuestion(
        s,
        {
          principal: actors[by],
          requestId: `demo-question-${i}-${j}`,
          now: new Date(asked.getTime() + (j + 1) * 3_600_000),
        },
        trackingCode,
        request,
      );
    }
  }
}
