import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { seedQuestionUnits } from '../support/log-capture';
import { setNow } from '../support/travel';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { invocation } from '../../infra/local/table-permissions';

/**
 * DynamoDB calls per write (issue 22), as round-trips.test.ts counts them for reads: a middleware on
 * the functions' own DynamoDB client (the handlers run in this process) records each call while one
 * request runs. A round is a set of calls in flight together. The budgets are the issue's: a create
 * or a transition with an Idempotency-Key 2 rounds (its reads by path read ahead with the caller's,
 * then the commit) and no call of the key's own after it; an ask 3; a legal search at most 2 rounds.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-10T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const call = caller(local.api);
const people: Record<string, Person> = {};

const calls: Array<{ command: string; start: number; end: number }> = [];
let counting = false;
let only: string | undefined;

beforeAll(async () => {
  await seedQuestionUnits([
    {
      code: 'huyena',
      name: { vi: 'Huyện A', en: 'District A' },
      kind: 'district',
      parentCode: 'binhdinh',
      slug: 'huyena',
    },
  ]);
  [people.contributor, people.secretary, people.chief] = await Promise.all([
    person(local.api, 'ctv.rounds', 'huyena', ['contributor']),
    person(local.api, 'thuky.rounds', 'huyena', ['secretary']),
    person(local.api, 'truongban.rounds', 'huyena', ['chief-editor']),
  ]);
  local.stack().services.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const entry = {
        command: String(context.commandName).replace(/Command$/, ''),
        start: performance.now(),
        end: Infinity,
      };
      // Only the calls of the request's own function: the local consumers run in this process too.
      if (counting && (!only || invocation.getStore()?.function === only)) calls.push(entry);
      try {
        return await next(args);
      } finally {
        entry.end = performance.now();
      }
    },
    { step: 'initialize', name: 'writeRoundCounter' },
  );
}, 120_000);

/** Sequential rounds: a call that starts while no earlier call is in flight opens a new round. */
const rounds = () => calls.filter((c, i) => calls.slice(0, i).every((earlier) => earlier.end <= c.start)).length;

async function measure<T>(request: () => Promise<T>, fn?: string) {
  only = fn;
  calls.length = 0;
  counting = true;
  const result = await request();
  counting = false;
  const commands = calls.map((c) => c.command);
  const commit = commands.indexOf('TransactWriteItems');
  return { result, commands, rounds: rounds(), afterCommit: commit < 0 ? [] : commands.slice(commit + 1) };
}

const legal = (title: string, numberSymbol: string) => ({
  category: 'legal-document',
  language: 'vi',
  title,
  body: '<p>Toàn văn quyết định</p>',
  submit: true,
  legalDocument: {
    form: 'quyet-dinh',
    numberSymbol,
    issuingAuthority: 'Ủy ban nhân dân huyện A',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-02-13',
    effectiveFrom: '2026-03-01',
    summary: 'Quy định về quản lý đất đai',
  },
});
const create = (title: string, key: string, numberSymbol = '12/2026/QĐ-UBND') =>
  call('/units/huyena/content', people.contributor, {
    method: 'POST',
    body: legal(title, numberSymbol),
    headers: { 'idempotency-key': key },
  });
const step = (id: string, who: Person, action: string, version: number, key: string) =>
  call(`/content/${id}/transitions`, who, {
    method: 'POST',
    body: { action },
    headers: { 'if-match': `"${version}"`, 'idempotency-key': key },
  });

// One story in steps: the item created first is taken through its steps, then found by the search that is measured.
describe('DynamoDB calls per write', { shuffle: false }, () => {
  it('creates an item with an Idempotency-Key in 2 rounds: the caller with the key’s record and the unit, then the commit', async () => {
    await create('Quyết định khởi động', 'warm-create', '1/2026/QĐ-UBND');
    const { result, commands, rounds, afterCommit } = await measure(
      () => create('Quyết định quản lý đất đai', 'rounds-create'),
      'contentCreate',
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(commands.at(-1)).toBe('TransactWriteItems');
    expect(afterCommit).toEqual([]);
    expect(commands.filter((c) => c === 'TransactWriteItems')).toHaveLength(1);
    expect(rounds, commands.join(', ')).toBeLessThanOrEqual(2);
    expect(commands.length, commands.join(', ')).toBeLessThanOrEqual(4);
    // The replay: the caller, the record and the unit read ahead, in one round; nothing written.
    const replay = await measure(() => create('Quyết định quản lý đất đai', 'rounds-create'), 'contentCreate');
    expect(replay.result.status).toBe(201);
    expect(replay.commands).not.toContain('TransactWriteItems');
    expect(replay.rounds).toBe(1);
  });

  it('takes each editorial step with a key in 1 round before its commit (the caller, the key’s record, the item; publish: then its portal), and nothing after it', async () => {
    const created = await create('Quyết định về đất đai ven biển', 'rounds-steps', '7/2026/QĐ-UBND');
    const id = created.body.id as string;
    let version = created.body.version as number;
    for (const [who, action] of [
      [people.secretary!, 'accept'],
      [people.secretary!, 'propose'],
      [people.chief!, 'approve'],
      [people.secretary!, 'publish'],
    ] as const) {
      const { result, commands, rounds, afterCommit } = await measure(
        () => step(id, who, action, version, `rounds-${action}`),
        'content',
      );
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      version = result.body.version as number;
      expect(afterCommit, action).toEqual([]);
      expect(
        commands.filter((c) => c === 'TransactWriteItems'),
        action,
      ).toHaveLength(1);
      // Publishing also reads the caller's portal for its citation line, once the caller is known (kept 30 s).
      expect(rounds - 1, `${action}: ${commands.join(', ')}`).toBeLessThanOrEqual(action === 'publish' ? 2 : 1);
    }
  });

  it('answers a legal search in at most 2 rounds: the term entries, then the page’s renditions in one batch', async () => {
    const { result, commands, rounds } = await measure(
      () => call('/public/portals/huyena/legal-documents?q=quản lý đất đai', undefined),
      'contentPublic',
    );
    expect(result.status).toBe(200);
    expect(result.body.items.length).toBeGreaterThanOrEqual(1);
    expect(commands.filter((c) => c === 'GetItem')).toEqual([]);
    expect(commands.filter((c) => c === 'BatchGetItem')).toHaveLength(1);
    expect(rounds, commands.join(', ')).toBeLessThanOrEqual(2);
  });

  it('asks a question with a key in at most 3 rounds: the portal with the guards, the number with the calendar, the commit', async () => {
    const ask = (i: number) =>
      measure(
        () =>
          httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
            method: 'POST',
            from: `127.0.6.${i}`,
            headers: { 'content-type': 'application/json', 'idempotency-key': `rounds-ask-${i}` },
            body: JSON.stringify({
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
              text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất gồm những giấy tờ gì? (${i})`,
              consent: { processing: true, publication: false },
            }),
          }),
        'questionsPublic',
      );
    await ask(1);
    const { result, commands, rounds, afterCommit } = await ask(2);
    expect(result.status, result.text).toBe(201);
    expect(afterCommit).toEqual([]);
    expect(commands.filter((c) => c === 'TransactWriteItems')).toHaveLength(1);
    expect(rounds, commands.join(', ')).toBeLessThanOrEqual(3);
  });
});
