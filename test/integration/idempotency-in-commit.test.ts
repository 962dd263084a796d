import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { defineRoute, json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { HttpProblem } from '../../shared/http/problem';
import { UnitOfWork } from '../../shared/adapters/dynamo/unit-of-work';
import { useLocalStack } from '../support/local-stack';
import { apiEvent, testContext } from '../support/api-event';

/**
 * Idempotency inside the transaction (issue 22 #1): for a route that declares
 * `idempotencyJoinsCommit`, the Idempotency-Key's record is read alongside the caller and written
 * by the step's own commit. The HTTP contract is the one of http-middleware.test.ts (replay, 422 on
 * another body, nothing kept of a failure, secrets never stored), proven here again through a route
 * whose step writes through the unit of work, and at 2 calls (the read, the commit) rather than 4.
 */
const local = useLocalStack();

const joined = defineRoute({
  id: 'createJoinedNote',
  method: 'POST',
  path: '/joined/{folder}',
  function: 'health',
  auth: 'public',
  summary: 'test route whose key record joins its commit',
  tags: ['test'],
  params: z.object({ folder: z.string().check(z.regex(/^[a-z]+$/)) }),
  body: z.object({ title: z.string().check(z.minLength(3)) }),
  secretFields: ['secret'],
  responses: { 201: { description: 'created' } },
  idempotencyJoinsCommit: true,
});

/** Folders whose next step fails once before its commit (503), or commits twice (a programming error). */
const failOnce = new Set<string>();
const commitTwice = new Set<string>();
let notes = 0;
let built: ReturnType<typeof httpFunction> | undefined;
const handler = (...args: Parameters<ReturnType<typeof httpFunction>>) => (built ??= build())(...args);
const build = () =>
  httpFunction(
    'health',
    { joined },
    {
      joined: async ({ params, body, requestId }) => {
        if (failOnce.delete(params.folder)) throw new HttpProblem('unavailable');
        const uow = new UnitOfWork(local.stack().services.db, local.stack().resources.tableName);
        const id = `${params.folder}-${(notes += 1)}`;
        const note = (sk: string) => ({
          item: {
            Put: {
              TableName: local.stack().resources.tableName,
              Item: { pk: `JNOTE#${params.folder}`, sk, title: body.title },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConflict: { message: { vi: 'Ghi chú đã có', en: 'The note exists' }, field: 'body.title' },
        });
        // In folder "unique", a title the folder has already: the commit's condition refuses it (409). Elsewhere each note is new.
        const sk = params.folder === 'unique' ? body.title : id;
        await uow.commit({ actions: [note(sk)] }, { requestId, now: new Date() });
        if (commitTwice.delete(params.folder))
          await uow.commit({ actions: [note(`${sk}-again`)] }, { requestId, now: new Date() });
        return json(201, { id, title: body.title, secret: `s3cret-${Math.random()}` });
      },
    },
    httpServices(local.stack().services),
  );

const post = (folder: string, title: string, key?: string, ip = '203.0.113.20') => {
  const event = apiEvent(joined, {
    path: `/joined/${folder}`,
    params: { folder },
    body: JSON.stringify({ title }),
    headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
  });
  event.requestContext.identity.sourceIp = ip;
  return handler(event, testContext());
};
const notesIn = async (folder: string) =>
  (
    await local.clients().dynamodb.send(
      new QueryCommand({
        TableName: local.stack().resources.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `JNOTE#${folder}` } },
      }),
    )
  ).Items ?? [];

const calls: string[] = [];
let counting = false;
beforeAll(() => {
  local.stack().services.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (counting) calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'joinedCallCounter' },
  );
});

describe('an Idempotency-Key record that joins the step’s commit', () => {
  it('costs the step one read, alongside the caller, and no write of its own; a retry replays without its secret', async () => {
    calls.length = 0;
    counting = true;
    const first = await post('replay', 'Lịch tiếp dân', 'j-1');
    const second = await post('replay', 'Lịch tiếp dân', 'j-1');
    counting = false;
    expect(first.statusCode).toBe(201);
    // First: the record's read, then the commit that writes the note with the record. Replay: the read only.
    expect(calls).toEqual(['GetItemCommand', 'TransactWriteItemsCommand', 'GetItemCommand']);
    expect(second.statusCode).toBe(201);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect(second.headers?.['idempotent-redacted']).toBe('secret');
    const { secret, ...kept } = JSON.parse(first.body) as Record<string, string>;
    expect(JSON.parse(second.body)).toEqual(kept);
    expect(
      Object.fromEntries(Object.entries(second.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))[
        'x-content-type-options'
      ],
    ).toBe('nosniff');
    expect(await notesIn('replay')).toHaveLength(1);
    const all = await local.clients().dynamodb.send(new ScanCommand({ TableName: local.stack().resources.tableName }));
    expect(JSON.stringify(all.Items)).not.toContain(secret);
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    await post('reuse', 'Bản thứ nhất', 'j-2');
    const res = await post('reuse', 'Bản thứ hai', 'j-2');
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).errors[0].field).toBe('headers.Idempotency-Key');
    expect(await notesIn('reuse')).toHaveLength(1);
  });

  it('keeps nothing of a failed step or a refused commit: the retry runs again', async () => {
    failOnce.add('retry');
    expect((await post('retry', 'Lần đầu lỗi', 'j-3')).statusCode).toBe(503);
    const retried = await post('retry', 'Lần đầu lỗi', 'j-3');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers?.['idempotent-replayed']).toBeUndefined();
    // Another key with a title the folder has: the commit's own condition refuses it, and the key keeps nothing.
    expect(await notesIn('retry')).toHaveLength(1);
    expect((await post('unique', 'Một lần thôi', 'j-3b')).statusCode).toBe(201);
    const refused = await post('unique', 'Một lần thôi', 'j-4');
    expect(refused.statusCode).toBe(409);
    expect(JSON.parse(refused.body).errors[0].field).toBe('body.title');
    const again = await post('unique', 'Một lần thôi', 'j-4');
    expect(again.statusCode).toBe(409);
    expect(again.headers?.['idempotent-replayed']).toBeUndefined();
    expect(await notesIn('unique')).toHaveLength(1);
  });

  it('lets one of several requests in flight with the same key make the change; the others replay it or are told to retry', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('race', 'Cùng một khóa', 'j-5')));
    expect(await notesIn('race')).toHaveLength(1);
    const made = answers.filter((a) => a.statusCode === 201 && a.headers?.['idempotent-replayed'] === undefined);
    expect(made).toHaveLength(1);
    for (const other of answers.filter((a) => a !== made[0])) {
      expect([201, 409]).toContain(other.statusCode);
      if (other.statusCode === 201) expect(other.headers?.['idempotent-replayed']).toBe('true');
    }
    const later = await post('race', 'Cùng một khóa', 'j-5');
    expect(later.headers?.['idempotent-replayed']).toBe('true');
  });

  it('gives each anonymous source its own key scope', async () => {
    const first = await post('anon', 'Khách vãng lai', 'j-6', '198.51.100.1');
    const other = await post('anon', 'Khách vãng lai 2', 'j-6', '198.51.100.2');
    expect(first.statusCode).toBe(201);
    expect(other.statusCode).toBe(201);
    expect(other.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a step that commits twice under such a route, rather than store an answer for half of it', async () => {
    commitTwice.add('twice');
    const res = await post('twice', 'Hai lần ghi', 'j-7');
    expect(res.statusCode).toBe(500);
    expect(await notesIn('twice')).toHaveLength(0);
  });
});
