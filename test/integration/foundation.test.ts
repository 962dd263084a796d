import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, PurgeQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { useLocalStack, eventually } from '../support/local-stack';
import { Validator } from '@seriousme/openapi-schema-validator';
import { allRoutes } from '../../functions/routes';
import { queueDefinitions } from '../../infra/definitions/queues';
import { localCredentials } from '../../infra/local/resources';
import { bearer, person, seedTree } from '../support/directory';

const local = useLocalStack();
// The file's first answer, taken before any test (they run in any order) can run the dependency-check job.
let firstHealth: Response;
beforeAll(async () => {
  firstHealth = await local.api('/health');
});

describe('GET /health', () => {
  it('is degraded until the dependency-check job has recorded a run: monitoring itself must work', async () => {
    const res = firstHealth;
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string; error?: string }> };
    expect(body.status).toBe('degraded');
    expect(body.checks.table?.status).toBe('ok');
    expect(body.checks.monitoring).toMatchObject({ status: 'error', error: 'NoRecentDependencyCheck' });
  });

  it('answers 200 with the live table and every dependency the job found ok, and the house headers', async () => {
    await local.stack().runJob('dependency-check');
    // The run reaches the ledger through the outbox and the job-runs consumer.
    const res = await eventually(async () => {
      const r = await local.api('/health', { headers: { origin: 'http://localhost:5173' } });
      return r.status === 200 ? r : undefined;
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      checks: Record<string, { status: string; checkedAt?: string; latencyMs?: number }>;
    };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(
      ['bucket:backups', 'bucket:media', ...Object.keys(queueDefinitions).map((q) => `queue:${q}`), 'table'].sort(),
    );
    expect(Object.values(body.checks).every((c) => c.status === 'ok')).toBe(true);
    expect(body.checks.table?.latencyMs).toBeTypeOf('number');
    expect(Date.parse(body.checks['bucket:media']?.checkedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /openapi.json', () => {
  it('describes every route of the route table as OpenAPI 3.1', async () => {
    const res = await local.api('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const route of allRoutes) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
    // Valid against the OpenAPI 3.1 JSON schema, not just well-formed.
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('bootstrap-directory (manual job)', () => {
  it('creates the province and the first operator once', async () => {
    expect(await local.stack().runJob('bootstrap-directory')).toMatchObject({
      province: 'demo',
      operatorCreated: true,
      outcome: 'succeeded',
    });
    expect(await local.stack().runJob('bootstrap-directory')).toMatchObject({ operatorCreated: false });
    const unit = await local.api('/units/demo');
    expect(((await unit.json()) as { unit: { domain: string } }).unit.domain).toBe('demo.gov.vn');
  });
});

describe('gateway responses', () => {
  it('answers an unknown route with a 404 problem in Vietnamese and English', async () => {
    const res = await local.api('/khong-co');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as {
      type: string;
      title: string;
      i18n: { vi: { title: string }; en: { title: string } };
    };
    expect(body.type).toMatch(/route-not-found$/);
    expect(body.i18n.vi.title).toBe('Không có địa chỉ này');
    expect(body.i18n.en.title).toBe('No such route');
  });

  it('answers a known path with an unsupported method as API Gateway does (404)', async () => {
    const res = await local.api('/health', { method: 'DELETE' });
    expect(res.status).toBe(404);
  });

  it('answers CORS preflight for known paths', async () => {
    const res = await local.api('/health', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });
});

describe('scheduled jobs and event routing', () => {
  it('a job run is published, routed to the job-runs queue and recorded by its consumer', async () => {
    const { dynamodb } = local.clients();
    const ledger = () =>
      dynamodb.send(
        new QueryCommand({
          TableName: local.stack().resources.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'JOB#dependency-check' } },
          ScanIndexForward: false,
        }),
      );
    // This run's records: other tests' runs may still be on their way to the ledger.
    const start = new Date().toISOString();
    const summary = (await local.stack().runJob('dependency-check')) as Record<string, unknown>;
    expect(summary.outcome).toBe('succeeded');
    expect(summary['dlq:jobRuns']).toBe(0);
    const items = await eventually(async () => {
      const out = ((await ledger()).Items ?? []).filter((i) => i.finishedAt!.S! >= start);
      return out.length > 0 ? out : undefined;
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.outcome?.S).toBe('succeeded');
    expect(items[0]!.trigger?.S).toBe('manual');
    // Operators of the province see the ledger through the API.
    await seedTree();
    const operator = await person(local.api, 'vanhanh', 'demo', ['operator']);
    const runs = await local.api('/job-runs?job=dependency-check', { headers: bearer(operator) });
    expect(runs.status).toBe(200);
    const listed = ((await runs.json()) as { items: Array<{ outcome: string; finishedAt: string }> }).items;
    expect(listed.filter((r) => r.finishedAt >= start).map((r) => r.outcome)).toEqual(['succeeded']);
    expect(listed.every((r) => r.outcome === 'succeeded')).toBe(true);
  });

  it('a message the consumer cannot process ends in the DLQ after maxReceiveCount receives', async () => {
    const { sqs } = local.clients();
    const { queueUrls, dlqUrls } = local.stack().resources;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrls.jobRuns, MessageBody: '{"not":"an event"}' }));
    try {
      const depth = await eventually(async () => {
        const out = await sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: dlqUrls.jobRuns, AttributeNames: ['ApproximateNumberOfMessages'] }),
        );
        const n = Number(out.Attributes?.ApproximateNumberOfMessages ?? 0);
        return n > 0 ? n : undefined;
      }, 15_000);
      expect(depth).toBe(1);
      // The monitoring job now reports it.
      const summary = (await local.stack().runJob('dependency-check')) as Record<string, unknown>;
      expect(summary['dlq:jobRuns']).toBe(1);
    } finally {
      // An empty DLQ again: the other tests' runs expect none.
      await sqs.send(new PurgeQueueCommand({ QueueUrl: dlqUrls.jobRuns }));
    }
  });
});

describe('the test run’s emulators', () => {
  it('give each test file a DynamoDB database of its own (its access key): no file pays for another’s stream records', async () => {
    const tables = async (accessKeyId?: string) => {
      const endpoints = { ...local.stack().endpoints, ...(accessKeyId ? { accessKeyId } : {}) };
      const client = new DynamoDBClient({
        endpoint: endpoints.dynamodb,
        region: endpoints.region,
        credentials: localCredentials(endpoints),
      });
      try {
        return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
      } finally {
        client.destroy();
      }
    };
    expect(await tables()).toEqual([local.stack().resources.tableName]);
    expect(await tables('anotherTestFile')).not.toContain(local.stack().resources.tableName);
  });
});
