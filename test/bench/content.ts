/**
 * Content on the local stack (issue 8): p50/p99 of createContentItem with `submit`, of each step of
 * the main path (transitionContentItem: accept, propose, approve, publish) and of a public list page,
 * over BENCH_CONTENT_N items (200 by default), each beside a floor measured in the same run: the
 * cheapest request that reads the table (a public item that does not exist: gateway, middleware,
 * one GetItem, a 404) and a bare DynamoDB GetItem through the same client.
 * People sign in as the integration tests' do (test/support/directory.ts).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { LocalStack } from '../../infra/local/stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { latency, report } from './report';
import { summarize, timePaired, timeRuns } from './stats';

/**
 * The floors: what every request pays before its own work. Each figure below is paired with the
 * HTTP floor, one floor request after each measured one (stats.ts timePaired).
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
    getItem: () => documentClient().send(new GetCommand({ TableName: stack.resources.tableName, Key: key })),
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

export async function benchContent(stack: LocalStack): Promise<void> {
  const floor = floors(stack).http;
  const paired = (s: { times: number[]; floor: number[] }) => latency(summarize(s.times), summarize(s.floor));
  const n = Math.max(200, Number(process.env.BENCH_CONTENT_N ?? 200));
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

  const ids: string[] = [];
  const versions: number[] = [];
  const created = await timePaired(n, async (i) => {
    const res = await call('/units/huyena/content', people.contributor, { method: 'POST', body: news(i), headers: { 'idempotency-key': randomUUID() } });
    const body = expect(201, res, 'createContentItem');
    ids.push(body.id);
    versions.push(body.version);
  }, floor);
  report('createContentItem (submit) p50 / p99', paired(created));

  const steps: Array<[action: string, who: Person]> = [
    ['accept', people.secretary],
    ['propose', people.secretary],
    ['approve', people.chief],
    ['publish', people.secretary],
  ];
  for (const [action, who] of steps) {
    const times = await timePaired(n, async (i) => {
      const res = await call(`/content/${ids[i]}/transitions`, who, { method: 'POST', body: { action }, headers: { 'if-match': `"${versions[i]}"` } });
      versions[i] = expect(200, res, `transition ${action}`).version;
    }, floor);
    report(`transitionContentItem ${action} p50 / p99`, paired(times));
  }

  const list = await timePaired(n, async () => {
    const res = await call('/public/portals/huyena/content?language=vi&limit=20', undefined);
    const page = res.body as { items: unknown[] };
    if (res.status !== 200 || page.items.length !== 20) throw new Error(`listPublishedContent: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }, floor, 5);
  report('listPublishedContent (public, 20 items) p50 / p99', paired(list));
}
