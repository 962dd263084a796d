import { beforeAll, describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as z from 'zod/mini';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { useLocalStack } from '../support/local-stack';
import { lastingChanges, watchTable } from '../support/table-changes';
import { person, seedTree, type Person } from '../support/directory';
import { allRoutes } from '../../functions/routes';

/**
 * Fuzzes every operation of /openapi.json through the local gateway (issue 12): requests
 * generated with fast-check from each operation's parameter and body schemas, valid-looking and
 * junk (wrong types, huge strings, Unicode edge cases, prototype keys, bad %-encoding, numbers
 * such as 0x7E6, ' 2026', 1e3, -0), anonymous and as a province operator, plus the concrete
 * cases of the issue. No answer may be a 5xx; a refused POST/PUT/PATCH must write nothing (read from
 * the table's stream: no record between the request and its answer); a 2xx must match its documented schema.
 */
const local = useLocalStack();

const REQUESTS_PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

type Schema = Record<string, any>;
interface Operation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: Schema }>;
  readonly body?: Schema;
}
interface FuzzRequest {
  readonly op: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Percent-encoding that also takes lone surrogates (as UTF-8 of U+FFFD, what a client would send). */
const pct = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
};

// ---- values -------------------------------------------------------------------------------
const ODD_NUMBERS = [
  '0x7E6',
  ' 2026',
  '2026 ',
  '1e3',
  '-0',
  '+5',
  '2026.0',
  '02026',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '-1',
  '0',
  '１２',
];
const UNICODE = [
  '\u200B\u200C\u2060',
  '\u202Eabc',
  'a\u2066b\u2069',
  '\uD800',
  'x\uDC00y',
  '\uFEFF',
  'e\u0301',
  '𝔘𝔫𝔦',
  'Ａｂｃ',
  'Xã Hòa',
  '\u0000',
  '\r\n',
  '💥'.repeat(50),
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const junkString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...ODD_NUMBERS, ...UNICODE, ...PROTO_KEYS),
  fc.constant('x'.repeat(70_000)),
);
const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.constantFrom(null, true, false, 0, -0, 1e308, -1, 1.5, 2 ** 53 + 1),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS, 'a', 'name'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** An arbitrary for values a JSON Schema (zod's draft 2020-12 output) describes, with junk mixed in. */
function valueOf(schema: Schema | undefined, known: readonly string[] = [], depth = 0): fc.Arbitrary<unknown> {
  const valid = validValueOf(schema ?? {}, known, depth);
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: junkJson, weight: 1 });
}

function validValueOf(schema: Schema, known: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (depth > 5) return fc.constant(null);
  const pool = known.length > 0 ? [fc.constantFrom(...known)] : [];
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValueOf(s, known, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return validValueOf(schema.allOf[0], known, depth + 1);
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date('1899-01-01'), max: new Date('2101-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return fc.emailAddress();
      let base: fc.Arbitrary<string> = fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 60),
      });
      if (typeof schema.pattern === 'string') {
        try {
          base = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
        } catch {
          // keep the plain string
        }
      }
      return pool.length > 0 ? fc.oneof(pool[0]!, base) : base;
    }
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValueOf(schema.items ?? {}, known, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, prop] of Object.entries(props)) record[name] = valueOf(prop, knownFor(name), depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// Known-good values make some requests reach the deeper code (and some succeed).
const known: Record<string, string[]> = {
  code: ['demo', 'huyena', 'xaa', 'soa', 'sob'],
  unitCode: ['demo', 'soa', 'huyena'],
  parent: ['demo', 'huyena'],
  parentCode: ['demo', 'huyena'],
  workTo: ['huyenb'],
  into: ['sob'],
  year: ['2026', '2025', '2100'],
  job: ['dependency-check'],
  unit: ['demo', 'soa'],
};
const knownFor = (name: string) => known[name] ?? [];

/** A path parameter: valid-looking, junk, or raw bad %-encoding. */
function pathValue(param: Operation['parameters'][number]): fc.Arbitrary<string> {
  const encoded = valueOf(param.schema, knownFor(param.name)).map((v) =>
    pct(typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null')),
  );
  const raw = fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0%AF', '..%2F..', '%00', '0x7E6', '%202026', '1e3', '-0');
  return fc.oneof({ arbitrary: encoded, weight: 5 }, { arbitrary: raw, weight: 1 });
}

function queryValue(param: Operation['parameters'][number]): fc.Arbitrary<string | undefined> {
  const value = valueOf(param.schema, knownFor(param.name)).map((v) =>
    typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
  );
  return param.required ? value : fc.option(value, { nil: undefined });
}

function requestsFor(op: Operation, tokens: { operator: string }): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map(pathValue))
    .map((values) => pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]!), op.path));
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map(queryValue)),
      fc.option(
        fc.tuple(
          fc.constantFrom(...PROTO_KEYS, 'limit', 'cursor', 'x'),
          junkString.filter((s) => s.length < 100),
        ),
        { nil: undefined },
      ),
    )
    .map(([values, extra]) => {
      const parts = queryParams.flatMap((param, i) =>
        values[i] === undefined ? [] : [`${param.name}=${pct(values[i]!)}`],
      );
      if (extra) parts.push(`${pct(extra[0])}=${pct(extra[1])}`);
      return parts.length ? `?${parts.join('&')}` : '';
    });
  const body = op.body
    ? fc.oneof(
        { arbitrary: valueOf(op.body, [], 0).map((v) => JSON.stringify(v) ?? 'null'), weight: 6 },
        {
          arbitrary: fc.constantFrom(
            '',
            'null',
            '{',
            '[]',
            '{"__proto__":{"admin":true}}',
            '{"constructor":{"prototype":{}}}',
            'x'.repeat(300_000),
            '"\\ud800"',
          ),
          weight: 1,
        },
      )
    : fc.option(fc.constantFrom('{}', 'null', 'junk'), { nil: undefined });
  const auth = fc.constantFrom<'anonymous' | 'operator' | 'garbage'>('operator', 'operator', 'anonymous', 'garbage');
  const headers = fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
        'application/problem+json',
      ),
      'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('with space', 'k'.repeat(300), 'fixed-key')),
      'if-match': fc.constantFrom('"1"', '"0"', 'W/"2"', '*', '"abc"', ' 7', '0x1'),
      'accept-language': fc.constantFrom('en', 'vi', 'en-GB,en;q=0.9', '*', 'xx'),
    },
    { requiredKeys: ['content-type'] },
  );
  return fc.record({ path, query, body, auth, headers }).map(({ path: p, query: q, body: b, auth: a, headers: h }) => {
    const all: Record<string, string> = { ...h };
    if (a === 'operator') all.authorization = `Bearer ${tokens.operator}`;
    if (a === 'garbage') all.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    return {
      op: op.id,
      method: op.method,
      url: `${p}${q}`,
      headers: all,
      ...(b !== undefined && op.method !== 'GET' ? { body: b } : {}),
    };
  });
}

// ---- the concrete cases ---------------------------------------------------------------
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const concreteCases = (token: string): FuzzRequest[] => {
  const op = { authorization: `Bearer ${token}` };
  const json = { 'content-type': 'application/json' };
  const get = (url: string, headers: Record<string, string> = {}): FuzzRequest => ({
    op: 'concrete',
    method: 'GET',
    url,
    headers,
  });
  return [
    get('/calendar/0x7E6'),
    get('/calendar/%202026'),
    get('/calendar/1e3'),
    get('/calendar/-0'),
    get('/units?constructor=1'),
    get('/units?__proto__=1'),
    get('/units?__proto__[x]=1&constructor[prototype][y]=2'),
    get('/calendar/%E0%A4%A'),
    get('/units/%'),
    get(`/units?cursor=${b64({ pk: { S: 1 } })}`),
    get(`/units?cursor=${b64({ pk: 'UNIT#x', sk: 'UNIT', gsi1pk: 'UNITS#other', gsi1sk: 'x' })}`),
    get(`/audit?unit=demo&cursor=${b64({ pk: 'AUDIT#soa', sk: 'x' })}`, op),
    get(`/audit?unit=demo&from=${pct('2026-02-01T00:00:00Z')}&to=${pct('2026-01-01T00:00:00Z')}`, op),
    {
      op: 'concrete',
      method: 'PUT',
      url: '/admin/calendar/schedules/%202026',
      headers: { ...op, ...json },
      body: JSON.stringify({ source: 'x', daysOff: [], workingSaturdays: [] }),
    },
    {
      op: 'concrete',
      method: 'POST',
      url: '/units',
      headers: { ...op, ...json },
      body: JSON.stringify({
        code: 'zw',
        name: { vi: '\u200B\u200B', en: '\u202E\u202E' },
        kind: 'commune',
        parentCode: 'demo',
      }),
    },
    {
      op: 'concrete',
      method: 'POST',
      url: '/units',
      headers: { ...op, ...json },
      body: '{"code":"ls","name":{"vi":"\\ud800\\ud800","en":"x\\udc00"},"kind":"commune","parentCode":"demo"}',
    },
    { op: 'concrete', method: 'POST', url: '/local-auth/sign-in', headers: json, body: 'null' },
    {
      op: 'concrete',
      method: 'POST',
      url: '/local-auth/sign-in',
      headers: json,
      body: JSON.stringify({ username: 'x'.repeat(200_000), password: 'y' }),
    },
    {
      op: 'concrete',
      method: 'POST',
      url: '/machine-clients',
      headers: { ...op, ...json },
      body: 'x'.repeat(11 * 1024 * 1024),
    },
  ];
};

// ---- the run ----------------------------------------------------------------------------------
/**
 * Lets the asynchronous effects of accepted writes finish (outbox relay, then the consumers that
 * act on its events), so that they are not mistaken for writes by a later, refused request.
 */
async function settle(): Promise<void> {
  const { stack, clients } = local;
  await stack().outbox.drain();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const depths = await Promise.all(
      Object.values(stack().resources.queueUrls).map(async (QueueUrl) => {
        const out = await clients().sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl,
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
          }),
        );
        return (
          Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) +
          Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
        );
      }),
    );
    if (depths.every((d) => d === 0) || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      id: op.operationId as string,
      method: method.toUpperCase(),
      path,
      parameters: ((op.parameters ?? []) as any[])
        .filter((p) => !p.$ref)
        .map((p) => ({ name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} })),
      ...(op.requestBody ? { body: op.requestBody.content['application/json'].schema as Schema } : {}),
    })),
  );
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('fuzzing every operation of /openapi.json', () => {
  let operator: Person;
  beforeAll(async () => {
    await local.monitored(); // /health is 503 until the dependency check has run once
    await seedTree();
    operator = await person(local.api, 'fuzz.vanhanh', 'demo', ['operator']);
    // The target of {id} routes: someone else, so the fuzzer cannot close or demote its own operator.
    const target = await person(local.api, 'fuzz.bientap', 'soa', ['editor']);
    known.id = [target.id];
    known.successorId = [operator.id];
    known.deputyId = [target.id];
    known.actor = [operator.id];
  });

  it('answers every generated request below 500, writes nothing when refusing, and matches its schemas', async () => {
    const doc = (await (await local.api('/openapi.json')).json()) as { paths: Record<string, Record<string, any>> };
    const operations = operationsOf(doc);
    expect(operations.map((o) => o.id).sort()).toEqual(allRoutes.map((r) => r.id).sort());

    const requests: FuzzRequest[] = [...concreteCases(operator.token)];
    operations.forEach((op, i) =>
      requests.push(
        ...fc.sample(requestsFor(op, { operator: operator.token }), {
          numRuns: REQUESTS_PER_OPERATION,
          seed: SEED + i,
        }),
      ),
    );

    const histogram = new Map<number, number>();
    const failures: string[] = [];
    let refusedUnsafe = 0;
    const send = async (request: FuzzRequest, attempt = 1): Promise<{ res: Response; text: string } | undefined> => {
      try {
        const res = await local.api(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        return { res, text: await res.text() };
      } catch (error) {
        // A pooled keep-alive socket the server closed just then (undici's known race): the request never
        // reached the gateway, so one retry on a fresh socket. Any other failure, or a second one, counts.
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        if (attempt === 1 && (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET')) return send(request, 2);
        failures.push(
          `no answer: ${request.method} ${request.url.slice(0, 200)} (${request.op}): ${String(error)} ${cause ?? ''}`,
        );
        return undefined;
      }
    };
    const check = (request: FuzzRequest, res: Response, text: string) => {
      histogram.set(res.status, (histogram.get(res.status) ?? 0) + 1);
      const describe = () =>
        `${request.method} ${request.url.slice(0, 200)} (${request.op}, ${request.headers.authorization ? 'signed in' : 'anonymous'}) → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) failures.push(`5xx: ${describe()}`);
      // 431: Node's HTTP parser refuses a URL over 16 KB before the gateway sees it (API Gateway: 414 over 10 KB).
      if (
        res.status >= 400 &&
        res.status !== 431 &&
        !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')
      )
        failures.push(`not problem+json: ${describe()}`);
      const route = allRoutes.find((r) => r.id === request.op);
      const spec = route?.responses[res.status];
      if (
        route &&
        res.status < 300 &&
        spec?.schema &&
        (spec.contentType ?? 'application/json') === 'application/json'
      ) {
        const parsed = z.safeParse(spec.schema, JSON.parse(text));
        if (!parsed.success) failures.push(`2xx off its schema: ${describe()} ${parsed.error.message.slice(0, 300)}`);
      }
      return describe;
    };

    const started = Date.now();
    // Reads several at a time; writes one at a time, the table's stream read after each.
    const reads = requests.filter((r) => !UNSAFE.has(r.method));
    const writes = requests.filter((r) => UNSAFE.has(r.method));
    const readPhase = async () => {
      for (let i = 0; i < reads.length; i += 4) {
        await Promise.all(
          reads.slice(i, i + 4).map(async (request) => {
            const answer = await send(request);
            if (answer) check(request, answer.res, answer.text);
          }),
        );
      }
    };
    // Signed-in writes one at a time; anonymous ones (mostly refused at the gateway) in batches:
    // when every answer of a batch is a refusal, the table must not have changed at all.
    const batches: FuzzRequest[][] = [];
    for (const request of writes) {
      const last = batches[batches.length - 1];
      const anonymous = !request.headers.authorization?.includes(operator.token);
      if (anonymous && last && last.length < 8 && !last[0]!.headers.authorization?.includes(operator.token))
        last.push(request);
      else batches.push([request]);
    }
    const changes = await watchTable(
      local.clients().dynamodb,
      local.stack().endpoints,
      local.stack().resources.tableName,
    );
    const writePhase = async () => {
      let accepted = false;
      for (const batch of batches) {
        if (accepted) {
          // What an accepted write and its consumers wrote is not the next batch's doing.
          await settle();
          await changes.since();
        }
        const answers = await Promise.all(batch.map((request) => send(request)));
        const described = batch.flatMap((request, i) =>
          answers[i]
            ? [{ status: answers[i]!.res.status, describe: check(request, answers[i]!.res, answers[i]!.text) }]
            : [],
        );
        const written = lastingChanges(await changes.since());
        const refused = described.filter((d) => d.status >= 400);
        refusedUnsafe += refused.length;
        if (refused.length === batch.length && written.length > 0) {
          const keys = written
            .slice(0, 3)
            .map((r) => `${r.eventName} ${r.dynamodb?.Keys?.pk?.S ?? '?'}/${r.dynamodb?.Keys?.sk?.S ?? '?'}`)
            .join(', ');
          failures.push(...refused.map((d) => `refused but wrote (${keys}): ${d.describe()}`));
        }
        accepted = refused.length < described.length;
      }
    };
    // Both at once: a GET writes nothing, so it cannot make a refused write look like it wrote.
    await Promise.all([readPhase(), writePhase()]);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...histogram.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.info(
      `fuzz: ${requests.length} requests over ${operations.length} operations (seed ${SEED}) in ${seconds} s; ` +
        `${refusedUnsafe} refused POST/PUT/PATCH checked for writes; statuses ${statuses}`,
    );
    expect(requests.length).toBeGreaterThanOrEqual(2000);
    expect(failures.slice(0, 20)).toEqual([]);
    // Its work grows with the number of operations (40 requests each, plus the concrete cases; at least
    // 2,000 in all): a ceiling for the full run on a loaded 2-core machine, not a timing assertion.
  }, 240_000);
});
