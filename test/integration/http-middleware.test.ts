import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { defineRoute, json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { httpServices } from '../../shared/http/services';
import { useLocalStack } from '../support/local-stack';
import { apiEvent, testContext } from '../support/api-event';
import { HttpProblem } from '../../shared/http/problem';

/**
 * The house middleware chain, through httpFunction's public interface: a route whose
 * implementation really writes to DynamoDB Local, called with API Gateway proxy events.
 */
const local = useLocalStack();

const createNote = defineRoute({
  id: 'createNote',
  method: 'POST',
  path: '/notes/{folder}',
  function: 'health',
  auth: 'public',
  summary: 'test route',
  tags: ['test'],
  params: z.object({ folder: z.string().check(z.regex(/^[a-z]+$/)) }),
  query: z.object({ priority: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(5)), 3) }),
  body: z.object({
    title: z.string().check(z.minLength(3)),
    tags: z._default(z.array(z.string()).check(z.maxLength(3)), []),
  }),
  responses: { 201: { description: 'created' } },
});

const createSecret = defineRoute({
  id: 'createSecret',
  method: 'POST',
  path: '/secrets',
  function: 'health',
  auth: 'public',
  secretFields: ['secret'],
  summary: 'test route whose response carries a secret shown once',
  tags: ['test'],
  body: z.object({ name: z.string() }),
  responses: { 201: { description: 'created' } },
});

let writes = 0;
/** Folders whose next request fails once with a 503 (as a throttled dependency would). */
const failOnce = new Set<string>();
const handler = () =>
  httpFunction(
    'health',
    { createNote, createSecret },
    {
      createSecret: async ({ body }) => json(201, { name: body.name, secret: `s3cret-${Math.random()}` }),
      createNote: async ({ params, query, body, requestId }) => {
        if (failOnce.delete(params.folder)) throw new HttpProblem('unavailable');
        writes += 1;
        const id = `${params.folder}-${writes}`;
        await local.clients().dynamodb.send(
          new PutItemCommand({
            TableName: local.stack().resources.tableName,
            Item: { pk: { S: `NOTE#${params.folder}` }, sk: { S: id }, title: { S: body.title } },
          }),
        );
        return json(201, { id, priority: query.priority, tags: body.tags, requestId });
      },
    },
    httpServices(local.stack().services),
  );

const notesIn = async (folder: string) =>
  (
    await local.clients().dynamodb.send(
      new QueryCommand({
        TableName: local.stack().resources.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `NOTE#${folder}` } },
      }),
    )
  ).Items ?? [];

const post = (folder: string, body: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
  handler()(
    apiEvent(createNote, {
      path: `/notes/${folder}`,
      params: { folder },
      query,
      body,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
    testContext(),
  );

describe('validation', () => {
  it('names every failing field, in Vietnamese and English, and writes nothing', async () => {
    const res = await post('BAD', JSON.stringify({ title: 'x', tags: ['a', 'b', 'c', 'd'] }), {}, { priority: '9' });
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res.body) as {
      errors: Array<{ field: string; pointer: string; message: { vi: string; en: string } }>;
    };
    expect(body.errors.map((e) => e.field).sort()).toEqual([
      'body.tags',
      'body.title',
      'params.folder',
      'query.priority',
    ]);
    const title = body.errors.find((e) => e.field === 'body.title')!;
    expect(title.pointer).toBe('/body/title');
    expect(title.message.en).toMatch(/too small/i);
    expect(title.message.vi).toMatch(/quá nhỏ|quá ngắn/i);
    expect(await notesIn('BAD')).toHaveLength(0);
  });

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await post('alpha', '{"title": ');
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0].field).toBe('body');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await handler()(
      apiEvent(createNote, {
        path: '/notes/alpha',
        params: { folder: 'alpha' },
        body: 'title=x',
        headers: { 'content-type': 'text/plain' },
      }),
      testContext(),
    );
    expect(res.statusCode).toBe(415);
  });

  it('answers in English when asked, keeping both languages', async () => {
    const res = await post('alpha', '{}', { 'Accept-Language': 'en-GB,en;q=0.9' });
    const body = JSON.parse(res.body) as { title: string; i18n: { vi: { title: string } } };
    expect(body.title).toBe('Invalid request');
    expect(body.i18n.vi.title).toBe('Dữ liệu không hợp lệ');
  });

  it('applies defaults and coercions from the contract', async () => {
    const res = await post('defaults', JSON.stringify({ title: 'Thông báo' }));
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ priority: 3, tags: [] });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for a retry and writes nothing new', async () => {
    const key = `k-${Date.now()}`;
    const body = JSON.stringify({ title: 'Lịch tiếp công dân' });
    const first = await post('idem', body, { 'Idempotency-Key': key });
    const second = await post('idem', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    // The replay passes through the whole chain (CORS, security headers) like any response.
    const replayed = Object.fromEntries(Object.entries(second.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    expect(replayed['x-content-type-options']).toBe('nosniff');
    expect(await notesIn('idem')).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const key = `k2-${Date.now()}`;
    await post('reuse', JSON.stringify({ title: 'Bản thứ nhất' }), { 'Idempotency-Key': key });
    const res = await post('reuse', JSON.stringify({ title: 'Bản thứ hai' }), { 'Idempotency-Key': key });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).errors[0].field).toBe('headers.Idempotency-Key');
    expect(await notesIn('reuse')).toHaveLength(1);
  });

  it('does not store a failed request, so its retry runs', async () => {
    // The same request fails, then succeeds: had the failure been stored, the retry would replay the 503.
    const key = `k3-${Date.now()}`;
    const body = JSON.stringify({ title: 'Lần đầu lỗi' });
    failOnce.add('retry');
    const failed = await post('retry', body, { 'Idempotency-Key': key });
    expect(failed.statusCode).toBe(503);
    const retried = await post('retry', body, { 'Idempotency-Key': key });
    expect(retried.statusCode).toBe(201);
    expect(retried.headers?.['idempotent-replayed']).toBeUndefined();
    expect(await notesIn('retry')).toHaveLength(1);
  });

  it('gives each anonymous source its own key scope (hashed), and replays only to the same source', async () => {
    const key = `k4-${Date.now()}`;
    const body = JSON.stringify({ title: 'Khách vãng lai' });
    const from = (ip: string) => {
      const event = apiEvent(createNote, {
        path: '/notes/anon',
        params: { folder: 'anon' },
        body,
        headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
      });
      event.requestContext.identity.sourceIp = ip;
      return handler()(event, testContext());
    };
    const first = await from('203.0.113.7');
    const other = await from('198.51.100.9');
    const again = await from('203.0.113.7');
    expect(first.statusCode).toBe(201);
    expect(other.statusCode).toBe(201);
    expect(other.headers?.['idempotent-replayed']).toBeUndefined();
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await notesIn('anon')).toHaveLength(2);
    // The address is never stored as such.
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const all = await local.clients().dynamodb.send(new ScanCommand({ TableName: local.stack().resources.tableName }));
    expect(JSON.stringify(all.Items)).not.toContain('203.0.113.7');
  });

  it('never stores a secret field: the replay comes without it and names it', async () => {
    const key = `k5-${Date.now()}`;
    const call = () =>
      handler()(
        apiEvent(createSecret, {
          body: '{"name":"hệ thống"}',
          headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
        }),
        testContext(),
      );
    const first = await call();
    const secret = JSON.parse(first.body).secret as string;
    expect(secret).toMatch(/^s3cret-/);
    const replay = await call();
    expect(replay.statusCode).toBe(201);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(replay.headers?.['idempotent-redacted']).toBe('secret');
    expect(JSON.parse(replay.body)).toEqual({ name: 'hệ thống' });
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const all = await local.clients().dynamodb.send(new ScanCommand({ TableName: local.stack().resources.tableName }));
    expect(JSON.stringify(all.Items)).not.toContain(secret);
  });

  it('runs each request without a key', async () => {
    const body = JSON.stringify({ title: 'Không có khóa' });
    await post('nokey', body);
    await post('nokey', body);
    expect(await notesIn('nokey')).toHaveLength(2);
  });

  it('rejects a malformed key with 400', async () => {
    const res = await post('alpha', JSON.stringify({ title: 'abc' }), { 'Idempotency-Key': 'có dấu' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0].field).toBe('headers.Idempotency-Key');
  });
});

describe('unexpected errors', () => {
  it('become a 500 problem without internals', async () => {
    const failing = httpFunction(
      'health',
      { createNote },
      {
        createNote: async () => {
          throw new Error('secret connection string xyz');
        },
      },
      httpServices(local.stack().services),
    );
    const res = await failing(
      apiEvent(createNote, {
        path: '/notes/a',
        params: { folder: 'a' },
        body: '{"title":"abc"}',
        headers: { 'content-type': 'application/json' },
      }),
      testContext(),
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
  });
});
