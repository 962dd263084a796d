/**
 * Content on the local stack (issue 8): p50/p99 of createContentItem with `submit`, of each step of
 * the main path (transitionContentItem: accept, propose, approve, publish) and of a public list page,
 * over BENCH_CONTENT_N items (200 by default), of asking a question, and of creates and asks 8 and
 * 64 in flight; each beside a floor measured alone in the same run, in blocks between the measured
 * request's blocks: the cheapest request that reads the table (a public item that does not exist:
 * gateway, middleware, one GetItem, a 404). Each write also prints its DynamoDB calls and rounds,
 * and its commit replayed bare, measured alone the same way (bare-transaction.ts): DynamoDB Local's
 * own cost of the write's items, which no change of ours but fewer items makes smaller.
 * People sign in as the integration tests' do (test/support/directory.ts).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { LocalStack } from '../../infra/local/stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { fmt, latency, report } from './report';
import { summarize, timeConcurrent, timeInterleaved, timeRuns } from './stats';
import { countRounds } from './round-counter';
import { httpFrom } from '../support/http-from';
import type { FunctionKey } from '../../functions/manifest';
import { recordTransactions } from './bare-transaction';

/**
 * The floors: what every request pays before its own work. Each figure below is set against the
 * HTTP floor measured in blocks of its own between the measured request's (stats.ts timeInterleaved).
 */
export function floors(stack: LocalStack) {
  const missing = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
  const key = keys.publishedContent(missing);
  return {
    async http() {
      const res = await fetch(`${stack.gateway.url}/public/portals/huyena/content/${missing}`);
      await res.arrayBuffer();
      if (res.status !== 404) throw new Error(`floor: expected 404, got ${res.status}`);
    },
    getItem: () => stack.services.db.send(new GetCommand({ TableName: stack.resources.tableName, Key: key })),
  };
}

export async function measureFloors(stack: LocalStack, n: number): Promise<void> {
  const floor = floors(stack);
  report('floor: GET a missing public item (404) p50 / p99', latency(summarize(await timeRuns(n, floor.http, 50))));
  report('floor: bare DynamoDB GetItem p50 / p99', latency(summarize(await timeRuns(n, floor.getItem, 50))));
}

const news = (i: number) => ({
  category: 'news',
  language: 'vi',
  title: `Hội nghị chuyển đổi số lần thứ ${i + 1}`,
  summary: 'Tóm tắt: Ủy ban nhân dân huyện tổ chức hội nghị triển khai chuyển đổi số năm 2026',
  body: `<p>Sáng nay, Ủy ban nhân dân huyện A tổ chức <strong>hội nghị</strong> lần thứ ${i + 1} về chuyển đổi số.</p><ul><li>Dịch vụ công trực tuyến</li><li>Dữ liệu số</li></ul>`,
  contributors: [{ name: 'Nguyễn Văn A', share: 100 }],
  submit: true,
});

const asker = (i: number) => ({
  asker: {
    kind: 'individual',
    fullName: `Trần Văn Bình ${i}`,
    nationality: 'Việt Nam',
    address: '12 Lê Lợi, Quy Nhơn',
    phone: '0905 000 111',
    email: 'binh.tran@example.vn',
  },
  field: 'land-environment',
  title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
  text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì, nộp ở đâu? (câu ${i})`,
  consent: { processing: true, publication: false },
});

/** Each ask from an address of its own (127.x.y.z), so the per-address limit never refuses the bench. */
let asks = 0;
const nextAddress = () => {
  asks += 1;
  return `127.${10 + Math.floor(asks / 65_536)}.${Math.floor(asks / 256) % 256}.${(asks % 254) + 1}`;
};

export async function benchContent(stack: LocalStack): Promise<void> {
  const floor = floors(stack).http;
  const vsFloor = (s: { times: number[]; floor: number[] }) => latency(summarize(s.times), summarize(s.floor));
  const n = Math.max(40, Number(process.env.BENCH_CONTENT_N ?? 200));
  // Untimed writes first: DynamoDB Local's JVM compiles its transaction path over the first hundreds of
  // transactions (a fresh one's 8-item commit took 314 ms p50, 33 ms after 600, 14 ms after 1,200), and
  // create and ask are the first of their kind here; the floor's path is warm from measureFloors.
  const warmUp = Math.max(5, Number(process.env.BENCH_WARM_UP ?? 100));
  const api = (path: string, init?: RequestInit) => fetch(`${stack.gateway.url}${path}`, init);
  const call = caller(api);
  await seedTree();
  const people: Record<'contributor' | 'secretary' | 'chief', Person> = {
    contributor: await person(api, 'bench.ctv', 'huyena', ['contributor']),
    secretary: await person(api, 'bench.thuky', 'huyena', ['secretary']),
    chief: await person(api, 'bench.truongban', 'huyena', ['chief-editor']),
  };
  const expect = (status: number, res: { status: number; body: unknown }, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  // Each write beside the floor and beside a bare replay of its own commit (DynamoDB Local's cost, bare-transaction.ts).
  const tx = recordTransactions(stack.services.dynamo);
  const table = stack.resources.tableName;
  const alone = (fn: FunctionKey) => ({ alone: { commit: tx.bareReplay(fn, table) } });
  const vsCommit = (
    label: string,
    fn: FunctionKey,
    s: { times: number[]; floor: number[]; alone: { commit: number[] } },
  ) => {
    const [write, floorOf, commit] = [summarize(s.times), summarize(s.floor), summarize(s.alone.commit)];
    const shape = tx.transactionOf(fn);
    report(`${label} p50 / p99`, latency(write, floorOf));
    report(
      `  its commit bare (${shape?.count} items, ${fmt((shape?.bytes ?? 0) / 1024, 1)} KiB)`,
      latency(commit, floorOf),
    );
    report(
      '  the write less its bare commit, p50',
      `${fmt(write.p50 - commit.p50, 1)} ms = ${fmt((write.p50 - commit.p50) / floorOf.p50, 1)}× floor`,
    );
  };
  const rounds = async (fn: FunctionKey, request: () => Promise<unknown>) => {
    const counted = await countRounds(stack.services.dynamo, fn, request);
    return `${counted.calls.length} calls in ${counted.rounds} rounds, ${counted.beforeCommit} before the commit [${counted.calls.join(', ')}]`;
  };

  const ids: string[] = [];
  const versions: number[] = [];
  const create = async (i: number) => {
    const res = await call('/units/huyena/content', people.contributor, {
      method: 'POST',
      body: news(i),
      headers: { 'idempotency-key': randomUUID() },
    });
    const body = expect(201, res, 'createContentItem');
    if (i >= 0) {
      ids[i] = body.id;
      versions[i] = body.version;
    }
  };
  // Floors alone, in blocks between blocks of the measured request (stats.ts timeInterleaved).
  vsCommit(
    'createContentItem (submit, Idempotency-Key)',
    'contentCreate',
    await timeInterleaved(n, create, floor, { warmUp, ...alone('contentCreate') }),
  );
  report('createContentItem DynamoDB', await rounds('contentCreate', () => create(-100)));
  report('createContentItem commit', tx.transactionOf('contentCreate')?.actions.join(', ') ?? '');

  const steps: Array<[action: string, who: Person]> = [
    ['accept', people.secretary],
    ['propose', people.secretary],
    ['approve', people.chief],
    ['publish', people.secretary],
  ];
  for (const [action, who] of steps) {
    const step = async (i: number) => {
      const res = await call(`/content/${ids[i]}/transitions`, who, {
        method: 'POST',
        body: { action },
        headers: { 'if-match': `"${versions[i]}"`, 'idempotency-key': randomUUID() },
      });
      versions[i] = expect(200, res, `transition ${action}`).version;
    };
    vsCommit(`transitionContentItem ${action}`, 'content', await timeInterleaved(n - 1, step, floor, alone('content')));
    report(`transitionContentItem ${action} DynamoDB`, await rounds('content', () => step(n - 1)));
  }

  const list = await timeInterleaved(
    n,
    async () => {
      const res = await call('/public/portals/huyena/content?language=vi&limit=20', undefined);
      const page = res.body as { items: unknown[] };
      if (res.status !== 200 || page.items.length !== 20)
        throw new Error(`listPublishedContent: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    },
    floor,
    { warmUp: 5 },
  );
  report('listPublishedContent (public, 20 items) p50 / p99', vsFloor(list));

  // Asking (anonymous, each from its own address), one at a time against the floor, then in flight together.
  const ask = async () => {
    const res = await httpFrom(stack.gateway.url, '/public/portals/demo/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      from: nextAddress(),
      body: JSON.stringify(asker(asks)),
    });
    if (res.status !== 201) throw new Error(`askQuestion: ${res.status} ${res.text.slice(0, 200)}`);
  };
  vsCommit(
    'askQuestion (Idempotency-Key)',
    'questionsPublic',
    await timeInterleaved(n, ask, floor, { warmUp, ...alone('questionsPublic') }),
  );
  report('askQuestion DynamoDB', await rounds('questionsPublic', ask));

  // Writes in flight together: every request must pass (a failure is printed, not hidden).
  for (const concurrency of [8, 64]) {
    const total = Math.max(128, concurrency * 4);
    for (const [label, fn] of [
      ['createContentItem', (i: number) => create(10_000 * concurrency + i)],
      ['askQuestion', () => ask()],
    ] as const) {
      const run = await timeConcurrent(total, concurrency, fn);
      const figure = run.times.length > 0 ? latency(summarize(run.times)) : 'no request passed';
      report(
        `${label} at ${concurrency} in flight p50 / p99`,
        `${figure}, ${fmt(run.times.length / run.seconds, 0)}/s, ${run.failures.length} failed${run.failures.length ? ` (${run.failures[0]})` : ''}`,
      );
    }
  }
}
