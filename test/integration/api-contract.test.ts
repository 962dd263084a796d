import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, person, seedTree, type Person } from '../support/directory';
import { apiEvent, testContext } from '../support/api-event';
import { accountsRoutes } from '../../functions/accounts/routes';
import { allRoutes } from '../../functions/routes';

/** Issue 12's API-contract and HTTP-layer defects (#6, #7, #9, #18–#20, #24), through the local gateway. */
const local = useLocalStack();
let operator: Person;

const call = async (
  path: string,
  who?: Person,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) => {
  const body = init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  const res = await local.api(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(who ? bearer(who) : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, body: parsed };
};
const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const tableItems = () => local.scanAll();

beforeAll(async () => {
  await seedTree();
  operator = await person(local.api, 'vanhanh', 'demo', ['operator']);
});

describe('#9 numbers are plain decimal digits', () => {
  it.each([
    '0x7E6',
    '%202026',
    '2026%20',
    '1e3',
    '-0',
    '+2026',
    '2026.0',
    '02026',
    '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96',
  ])('/calendar/%s is a 400 naming params.year', async (year) => {
    const res = await call(`/calendar/${year}`);
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['params.year']);
  });

  it('refuses workingDays=0x3 and limit=1e1', async () => {
    const due = await call(`/calendar/due?from=${encodeURIComponent('2026-02-12T10:00:00+07:00')}&workingDays=0x3`);
    expect(fields(due.body)).toEqual(['query.workingDays']);
    expect(fields((await call('/units?limit=1e1')).body)).toEqual(['query.limit']);
    expect((await call('/units?limit=10')).status).toBe(200);
  });

  it('a schedule PUT for year " 2026" is refused and writes nothing', async () => {
    const before = await tableItems();
    const res = await call('/admin/calendar/schedules/%202026', operator, {
      method: 'PUT',
      body: { source: 'Thông báo giả', daysOff: [], workingSaturdays: [] },
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['params.year']);
    expect(await tableItems()).toEqual(before);
  });
});

describe('#9 human text', () => {
  const unit = (vi: string) => ({
    code: `x${Math.random().toString(36).slice(2, 8)}`,
    name: { vi, en: 'Commune X' },
    kind: 'commune',
    parentCode: 'huyena',
  });
  it.each([
    ['zero-width only', '\u200B\u200B\u200C\u2060'],
    ['bidi override', '\u202EXã Mới'],
    ['bidi isolate', 'Xã \u2066Mới\u2069'],
    ['control character', 'Xã\u0000Mới'],
  ])('refuses a unit name with %s, and writes nothing', async (_, vi) => {
    const before = await tableItems();
    const res = await call('/units', operator, { method: 'POST', body: unit(vi) });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['body.name.vi']);
    expect(await tableItems()).toEqual(before);
  });

  it('refuses a lone surrogate (a JSON \\ud800 escape)', async () => {
    const raw = JSON.stringify(unit('Xã X')).replace('Xã X', 'Xã \\ud800X');
    const res = await call('/units', operator, { method: 'POST', raw });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['body.name.vi']);
  });

  it('stores names in NFC', async () => {
    const decomposed = 'Xã Hòa'.normalize('NFD');
    const res = await call('/units', operator, {
      method: 'POST',
      body: { ...unit(decomposed), code: 'xahoa', slug: 'xahoa' },
    });
    expect(res.status).toBe(201);
    expect(res.body.name.vi).toBe('Xã Hòa'.normalize('NFC'));
  });
});

describe('#7 cursors and ranges', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an array', b64([1])],
    [
      'DynamoDB-typed values',
      b64({ pk: { S: 'UNIT#a' }, sk: { S: 'UNIT' }, gsi1pk: { S: 'UNITS#demo' }, gsi1sk: { S: 'a' } }),
    ],
    ['another partition', b64({ pk: 'UNIT#a', sk: 'UNIT', gsi1pk: 'UNITS#huyena', gsi1sk: 'a' })],
    ['extra attributes', b64({ pk: 'UNIT#a', sk: 'UNIT', gsi1pk: 'UNITS#demo', gsi1sk: 'a', x: '1' })],
    ['an empty key', b64({ pk: '', sk: 'UNIT', gsi1pk: 'UNITS#demo', gsi1sk: 'a' })],
  ])('a cursor that is %s is a 400 naming query.cursor', async (_, cursor) => {
    const res = await call(`/units?cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['query.cursor']);
  });

  it('a real cursor still pages', async () => {
    const first = await call('/units?limit=2');
    expect(first.body.nextCursor).toBeTruthy();
    const next = await call(`/units?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].code).not.toBe(first.body.items[0].code);
  });

  it('an audit cursor outside the query (other scope, outside the range) is a 400', async () => {
    const other = b64({ pk: 'AUDIT#huyena', sk: '2026-01-01T00:00:00.000Z#x' });
    expect(fields((await call(`/audit?unit=demo&cursor=${other}`, operator)).body)).toEqual(['query.cursor']);
    const outside = b64({ pk: 'AUDIT#demo', sk: '2020-01-01T00:00:00.000Z#x' });
    const from = encodeURIComponent('2026-01-01T00:00:00Z');
    expect(fields((await call(`/audit?unit=demo&from=${from}&cursor=${outside}`, operator)).body)).toEqual([
      'query.cursor',
    ]);
  });

  it('an audit query with from after to is a 400 naming query.to', async () => {
    const res = await call(
      `/audit?unit=demo&from=${encodeURIComponent('2026-02-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-01T00:00:00+07:00')}`,
      operator,
    );
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['query.to']);
  });
});

describe('#6 Idempotency-Key on every POST', () => {
  it('20 retries of a machine-client registration make one client; replays carry no secret', async () => {
    const body = { name: 'Hệ thống một cửa', unitCode: 'soa', scopes: ['portal/read'] };
    const responses = [];
    for (let i = 0; i < 20; i++)
      responses.push(
        await call('/machine-clients', operator, { method: 'POST', body, headers: { 'idempotency-key': 'dang-ky-1' } }),
      );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const [first, ...replays] = responses;
    expect(first!.body.clientSecret).toBeTruthy();
    for (const replay of replays) {
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.headers.get('idempotent-redacted')).toBe('clientSecret');
      expect(replay.body.client.clientId).toBe(first!.body.client.clientId);
      expect(replay.body.clientSecret).toBeUndefined();
    }
    const items = await tableItems();
    expect(items.filter((i) => i.type === 'MachineClient' && i.name === body.name)).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(first!.body.clientSecret);
  });

  it('a retried account creation replays without the temporary password', async () => {
    const body = {
      username: 'retry.soa',
      fullName: 'Trần Thị B',
      email: 'b@soa.demo.gov.vn',
      unitCode: 'soa',
      roles: ['editor'],
    };
    const first = await call('/accounts', operator, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'tao-tk-1' },
    });
    const again = await call('/accounts', operator, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'tao-tk-1' },
    });
    expect(first.status).toBe(201);
    expect(first.body.temporaryPassword).toBeTruthy();
    expect(again.status).toBe(201);
    expect(again.body.account.id).toBe(first.body.account.id);
    expect(again.body.temporaryPassword).toBeUndefined();
    expect(again.headers.get('idempotent-redacted')).toBe('temporaryPassword');
  });
});

describe('#20 HTTP semantics', () => {
  it('a 401 from the gateway asks for a Bearer token, as problem+json', async () => {
    const res = await call('/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('a 401 from a function asks for a Bearer token too', async () => {
    const event = apiEvent(accountsRoutes.me, {
      claims: { sub: 'no-such-account', username: 'x', token_use: 'access', scope: 'aws.cognito.signin.user.admin' },
    });
    const { handler: entry } = await import('../../functions/accounts/handler');
    const res = await entry.wire(local.stack().services)(event, testContext());
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['www-authenticate']).toBe('Bearer');
  });

  it('every problem type is served by the API itself: GET /problems/{code}', async () => {
    const missing = await call('/khong-co');
    expect(missing.body.type).toBe('/problems/route-not-found');
    const type = await call(missing.body.type);
    expect(type.status).toBe(200);
    expect(type.body).toMatchObject({ code: 'route-not-found', status: 404, title: { en: 'No such route' } });
    expect((await call('/problems/khong-co')).status).toBe(400);
  });
});

describe('#24 CORS honours the configured origins only', () => {
  it('answers a preflight from a configured origin with that origin, If-Match allowed', async () => {
    const res = await local.api('/units/demo', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toContain('if-match');
  });

  it('never allows another origin, neither as `*` nor echoed', async () => {
    const preflight = await local.api('/units/demo', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // A signed-in route (public reads answer `*`: test/integration/browser-rules.test.ts).
    const get = await local.api('/units/demo/accounts', {
      headers: { origin: 'https://evil.example', ...bearer(operator) },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const missing = await local.api('/khong-co', { headers: { origin: 'https://evil.example' } });
    expect(missing.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('exposes ETag and Location to a configured origin', async () => {
    const res = await local.api('/units/demo/accounts', {
      headers: { origin: 'https://demo.gov.vn', ...bearer(operator) },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://demo.gov.vn');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed).toContain('etag');
    expect(exposed).toContain('location');
  });
});

describe('#18 #19 the OpenAPI document', () => {
  type Operation = {
    operationId: string;
    parameters: Array<{ $ref?: string }>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
  let doc: {
    servers?: Array<{ url: string }>;
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: { Problem: { additionalProperties?: unknown } } };
  };
  beforeAll(async () => {
    doc = (await call('/openapi.json')).body;
  });

  it('documents every response: a schema for each 2xx but 204, problem+json for each error', () => {
    const undocumented: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const content = Object.entries(response.content ?? {});
          if (status === '204') continue;
          if (status.startsWith('2')) {
            if (content.length === 0 || content.some(([, c]) => !c.schema))
              undocumented.push(`${method} ${path} ${status}`);
          } else if (!(path === '/health' && status === '503')) {
            const problem = response.content?.['application/problem+json']?.schema as { $ref?: string } | undefined;
            if (problem?.$ref !== '#/components/schemas/Problem') undocumented.push(`${method} ${path} ${status}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('keeps the .ics content type', () => {
    const ics = doc.paths['/calendar/{year}/days-off.ics']!.get!.responses['200']!;
    expect(Object.keys(ics.content ?? {})).toEqual(['text/calendar']);
  });

  it('offers Idempotency-Key on every POST, PUT and PATCH', () => {
    for (const route of allRoutes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      const op = doc.paths[route.path]![route.method.toLowerCase()]!;
      expect(
        op.parameters.some((p) => p.$ref === '#/components/parameters/IdempotencyKey'),
        route.id,
      ).toBe(true);
    }
  });

  it('names its servers: the local URL here, and the stage prefix on AWS', () => {
    expect(doc.servers?.map((s) => s.url)).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), '/v1']);
  });

  it('lets a Problem carry extension members (RFC 9457 §3.2)', () => {
    expect(doc.components.schemas.Problem.additionalProperties).not.toBe(false);
  });
});
