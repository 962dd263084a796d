import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineRoute, json, readingAhead } from '../../shared/http/contract';
import { httpFunction, type HttpServices } from '../../shared/http/handler';
import type { Resolution } from '../../shared/application/principals';
import type { IdempotencyStore } from '../../shared/http/idempotency-store';
import { apiEvent, testContext } from '../support/api-event';

/**
 * A route's read by path (RouteImplementation.readAhead, issue 22) starts with the caller's read,
 * before authorisation ends, and reaches the step only once the caller is authorised and the
 * request valid: refusals keep their order (401 and 403 before 400) and never see the read.
 */
const createThing = defineRoute({
  id: 'createThing',
  method: 'POST',
  path: '/units/{code}/things',
  function: 'contentCreate',
  auth: 'signed-in',
  action: 'content.submit',
  summary: 'test route',
  tags: ['test'],
  params: z.object({ code: z.string().check(z.regex(/^[a-z]+$/)) }),
  body: z.object({ title: z.string().check(z.minLength(3)) }),
  responses: { 201: { description: 'created' } },
});

const principal = (roles: string[]) =>
  ({
    kind: 'ok',
    principal: { id: 'u-1', kind: 'user', unitCode: 'huyena', roles, delegations: [] },
    mustChangePassword: false,
  }) as unknown as Resolution;

function setUp(resolution: () => Promise<Resolution>, read: (code: string) => Promise<string>) {
  const order: string[] = [];
  const seen: string[] = [];
  const services: HttpServices = {
    resolvePrincipal: async () => {
      order.push('caller');
      return resolution();
    },
    // Requests here carry no Idempotency-Key: the store is wired, never used.
    idempotencyStore: () => ({}) as IdempotencyStore,
    corsOrigins: 'https://console.example.gov.vn',
  };
  const handler = httpFunction(
    'contentCreate',
    { createThing },
    {
      createThing: readingAhead(
        (params) => {
          order.push(`read ${params.code}`);
          return read(params.code);
        },
        async ({ body }, unit) => {
          seen.push(`${await unit}: ${body.title}`);
          return json(201, { unit: await unit });
        },
      ),
    },
    services,
  );
  const send = (body: unknown, code = 'huyena') =>
    handler(
      apiEvent(createThing, {
        path: `/units/${code}/things`,
        params: { code },
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        claims: { sub: 'u-1', username: 'ctv', token_use: 'access', scope: 'aws.cognito.signin.user.admin' },
      }),
      testContext(),
    );
  return { order, seen, send };
}

describe('reads ahead by path', () => {
  it('starts the read in the caller’s round, and hands the step the read it started', async () => {
    let release: (r: Resolution) => void = () => undefined;
    const { order, seen, send } = setUp(
      () => new Promise<Resolution>((resolve) => (release = resolve)),
      async (code) => `unit ${code}`,
    );
    const answer = send({ title: 'Tin mới' });
    await new Promise((r) => setTimeout(r, 10));
    // The caller is still being read; the unit's read has started beside it.
    expect(order).toEqual(['caller', 'read huyena']);
    release(principal(['contributor']));
    const res = await answer;
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ unit: 'unit huyena' });
    expect(seen).toEqual(['unit huyena: Tin mới']);
    expect(order).toEqual(['caller', 'read huyena']);
  });

  it('refuses an unknown caller (401) before naming the body’s faults, and the step never sees the read', async () => {
    const { seen, send } = setUp(
      async () => ({ kind: 'unknown' }),
      async () => {
        throw new Error('the read failed');
      },
    );
    const res = await send({ title: '' });
    expect(res.statusCode).toBe(401);
    expect(seen).toEqual([]);
  });

  it('refuses a caller without the role (403) before the body’s faults', async () => {
    const { seen, send } = setUp(
      async () => principal(['reader']),
      async (code) => code,
    );
    const res = await send({ title: '' });
    expect(res.statusCode).toBe(403);
    expect(seen).toEqual([]);
  });

  it('names the body’s faults (400) once the caller may act; the step never runs', async () => {
    const { seen, send } = setUp(
      async () => principal(['contributor']),
      async (code) => code,
    );
    const res = await send({ title: 'x' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors[0].field).toBe('body.title');
    expect(seen).toEqual([]);
  });

  it('reads nothing ahead for a path that fails validation', async () => {
    const { order, send } = setUp(
      async () => principal(['contributor']),
      async (code) => code,
    );
    const res = await send({ title: 'Tin mới' }, 'HUYEN-A');
    expect(res.statusCode).toBe(400);
    expect(order).toEqual(['caller']);
  });

  it('reads for itself when called without the handler', async () => {
    const step = readingAhead<typeof createThing, string>(
      async (params) => `unit ${params.code}`,
      async (_input, unit) => json(201, { unit: await unit }),
    );
    const out = await step({ params: { code: 'xaa' } } as never);
    expect(out.body).toEqual({ unit: 'unit xaa' });
  });
});
