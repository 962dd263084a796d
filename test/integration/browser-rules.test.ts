import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, caller, person, seedTree, type Person } from '../support/directory';
import { apiEvent, testContext } from '../support/api-event';
import { unitsRoutes } from '../../functions/units/routes';
import { MAX_REQUEST_BODY_BYTES } from '../../shared/http/body-limit';

/**
 * Issue 19 #2 and #4 through the local gateway: what a browser needs (every request header the
 * routes read, `*` on public reads, Vary where the body depends on the language, Location under
 * the stage prefix) and the body limit the deployed firewall applies.
 */
const local = useLocalStack();
const call = caller(local.api);
let operator: Person;
let contributor: Person;

beforeAll(async () => {
  await seedTree();
  [operator, contributor] = await Promise.all([
    person(local.api, 'vanhanh', 'demo', ['operator']),
    person(local.api, 'ctv.huyena', 'huyena', ['contributor']),
  ]);
}, 60_000);

const preflight = (path: string, method: string, headers: string) =>
  local.api(path, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://mot-trang-bat-ky.example',
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });

describe('CORS for browser clients', () => {
  it('lets a browser on any origin follow its question: X-Question-Secret and X-Challenge-Token allowed, `*` without credentials', async () => {
    const follow = await preflight('/public/questions/HD.20260101.0001', 'GET', 'x-question-secret');
    expect(follow.status).toBe(204);
    expect(follow.headers.get('access-control-allow-origin')).toBe('*');
    expect(follow.headers.get('access-control-allow-credentials')).toBeNull();
    expect(follow.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['x-question-secret', 'x-challenge-token', 'content-type', 'idempotency-key']),
    );
    const ask = await preflight('/public/portals/demo/questions', 'POST', 'content-type,x-challenge-token');
    expect(ask.headers.get('access-control-allow-headers')?.split(',')).toContain('x-challenge-token');
  });

  it('answers public reads with `*` and no Vary: Origin, whatever the origin', async () => {
    for (const origin of ['https://demo.gov.vn', 'https://bao-dien-tu.example']) {
      const res = await local.api('/units/demo', { headers: { origin } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect((res.headers.get('vary') ?? '').toLowerCase()).not.toContain('origin');
    }
  });

  it('keeps signed-in routes to the configured origins, echoed with Vary: Origin', async () => {
    const res = await local.api('/units/demo/accounts', {
      headers: { origin: 'https://demo.gov.vn', ...bearer(operator) },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://demo.gov.vn');
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
    const foreign = await preflight('/units/demo/accounts', 'GET', 'authorization');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Vary: Accept-Language where the body depends on it', () => {
  it('says so on a localized body and on problem+json, not on a body that is the same in every language', async () => {
    const ics = await local.api('/calendar/2026/days-off.ics', { headers: { 'accept-language': 'en' } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('vary')).toMatch(/accept-language/i);
    const problem = await local.api('/calendar/abc', { headers: { 'accept-language': 'en' } });
    expect(problem.status).toBe(400);
    expect(problem.headers.get('vary')).toMatch(/accept-language/i);
    expect(((await problem.json()) as { title: string }).title).toBe('Invalid request');
    const unit = await local.api('/units/demo');
    expect(unit.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
  });
});

describe('Location under the stage prefix', () => {
  it('answers /v1/units/… when the request came in under /v1, and /units/… locally', async () => {
    const created = await call('/units', operator, {
      method: 'POST',
      body: { code: 'xa-moi', name: { vi: 'Xã Mới', en: 'New Commune' }, kind: 'commune', parentCode: 'huyena' },
    });
    expect(created.status).toBe(201);
    const local201 = await local.api('/units', {
      method: 'POST',
      headers: { ...bearer(operator), 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'xa-moi-2',
        name: { vi: 'Xã Mới Hai', en: 'New Commune Two' },
        kind: 'commune',
        parentCode: 'huyena',
      }),
    });
    expect(local201.headers.get('location')).toBe('/units/xa-moi-2');
    // As API Gateway delivers it: the stage in requestContext.path, not in path.
    const event = apiEvent(unitsRoutes.createUnit, {
      body: JSON.stringify({
        code: 'xa-moi-3',
        name: { vi: 'Xã Mới Ba', en: 'New Commune Three' },
        kind: 'commune',
        parentCode: 'huyena',
      }),
      headers: { 'content-type': 'application/json' },
      claims: {
        sub: operator.id,
        username: operator.username,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
      },
    });
    const onAws = { ...event, requestContext: { ...event.requestContext, path: '/v1/units', stage: 'v1' } };
    const { handler: entry } = await import('../../functions/units/admin');
    const res = await entry.wire(local.stack().services)(onAws, testContext());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers?.location).toBe('/v1/units/xa-moi-3');
  });
});

describe('the body limit the deployed firewall applies', () => {
  const article = (bytes: number) => {
    const body = { category: 'news', language: 'vi', title: 'Bài dài', body: '' };
    const overhead = Buffer.byteLength(JSON.stringify(body)) + '<p></p>'.length;
    return JSON.stringify({
      ...body,
      body: `<p>${'chữ '.repeat(Math.ceil((bytes - overhead) / Buffer.byteLength('chữ ')))}</p>`,
    });
  };

  it('takes a 100 KB article', async () => {
    const raw = article(100 * 1024);
    expect(Buffer.byteLength(raw)).toBeGreaterThanOrEqual(100 * 1024);
    const res = await local.api('/units/huyena/content', {
      method: 'POST',
      headers: { ...bearer(contributor), 'content-type': 'application/json' },
      body: raw,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('refuses a 300 KB article with 413 problem+json before any function runs, as the firewall does', async () => {
    const raw = article(300 * 1024);
    expect(Buffer.byteLength(raw)).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
    const before = (await local.scanAll()).length;
    const res = await local.api('/units/huyena/content', {
      method: 'POST',
      headers: { ...bearer(contributor), 'content-type': 'application/json' },
      body: raw,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await res.json()) as { type: string }).type).toBe('/problems/payload-too-large');
    // Without a token too: the firewall answers before the authorizer (a function would say 401).
    const anonymous = await local.api('/units/huyena/content', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    expect(anonymous.status).toBe(413);
    expect((await local.scanAll()).length).toBe(before);
  });
});
