/**
 * Content on the local stack (issue 8): p50/p99 of createContentItem with `submit`, of each step of
 * the main path (transitionContentItem: accept, propose, approve, publish) and of a public list page,
 * over BENCH_CONTENT_N items (200 by default), each beside a floor measured in the same run: GET
 * /health (gateway, middleware, one small read) and a bare DynamoDB GetItem through the same client.
 * People sign in as the integration tests' do (test/support/directory.ts).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { LocalStack } from '../../infra/local/stack';
import { caller, person, seedTree, type Person } from '../support/directory';
import { latency, report } from './report';
import { summarize, timeRuns, type LatencySummary } from './stats';

/** The floors: what every request pays before its own work. */
export async function measureFloors(stack: LocalStack, n: number): Promise<{ health: LatencySummary; getItem: LatencySummary }> {
  const health = summarize(await timeRuns(n, () => fetch(`${stack.gateway.url}/health`).then((r) => r.arrayBuffer()), 20));
  const key = keys.contentItem('00000000-0000-4000-8000-000000000000');
  const getItem = summarize(await timeRuns(n, () => documentClient().send(new GetCommand({ TableName: stack.resources.tableName, Key: key })), 20));
  report('floor: GET /health p50 / p99', latency(health));
  report('floor: bare DynamoDB GetItem p50 / p99', latency(getItem));
  return { health, getItem };
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

export async function benchContent(stack: LocalStack, floor: LatencySummary): Promise<void> {
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
  const created = await timeRuns(n, async (i) => {
    const res = await call('/units/huyena/content', people.contributor, { method: 'POST', body: news(i), headers: { 'idempotency-key': randomUUID() } });
    const body = expect(201, res, 'createContentItem');
    ids.push(body.id);
    versions.push(body.version);
  });
  report('createContentItem (submit) p50 / p99', latency(summarize(created), floor));

  const steps: Array<[action: string, who: Person]> = [
    ['accept', people.secretary],
    ['propose', people.secretary],
    ['approve', people.chief],
    ['publish', people.secretary],
  ];
  for (const [action, who] of steps) {
    const times = await timeRuns(n, async (i) => {
      const res = await call(`/content/${ids[i]}/transitions`, who, { method: 'POST', body: { action }, headers: { 'if-match': `"${versions[i]}"` } });
      versions[i] = expect(200, res, `transition ${action}`).version;
    });
    report(`transitionContentItem ${action} p50 / p99`, latency(summarize(times), floor));
  }

  const list = await timeRuns(n, async () => {
    const res = await call('/public/portals/huyena/content?language=vi&limit=20', undefined);
    const page = res.body as { items: unknown[] };
    if (res.status !== 200 || page.items.length !== 20) throw new Error(`listPublishedContent: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }, 5);
  report('listPublishedContent (public, 20 items) p50 / p99', latency(summarize(list), floor));
}
