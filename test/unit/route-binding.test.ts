import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bindAll, json } from '../../shared/http/contract';
import { allRoutes, routes } from '../../functions/routes';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { unitsRoutes } from '../../functions/units/routes';

const root = resolve(import.meta.dirname, '../..');
const ok = async () => json(200, {});

describe('routes by area', () => {
  it('binding is exhaustive at compile time: a missing or unknown implementation does not type-check', () => {
    // @ts-expect-error getUnit and unitHistory have no implementation
    const missing = () => bindAll('unitsPublic', unitsRoutes, { listUnits: ok });
    const foreign = () =>
      // @ts-expect-error createUnit is served by the `units` function, not `unitsPublic`
      bindAll('unitsPublic', unitsRoutes, { listUnits: ok, getUnit: ok, unitHistory: ok, createUnit: ok });
    expect(missing).toThrow(/getUnit has no implementation/);
    expect(foreign().map((b) => b.route.id)).toEqual(['listUnits', 'getUnit', 'getUnitHistory']);
  });

  it('gives every route a unique operationId and a unique method + path across areas', () => {
    expect(new Set(allRoutes.map((r) => r.id)).size).toBe(allRoutes.length);
    expect(new Set(allRoutes.map((r) => `${r.method} ${r.path}`)).size).toBe(allRoutes.length);
    expect(Object.keys(routes).length).toBe(allRoutes.length);
  });

  it('serves each route from an HTTP function whose entry lives in the route’s own area and imports no other area', () => {
    const served = new Set<FunctionKey>(allRoutes.map((r) => r.function));
    for (const key of served) {
      const def = functionDefinitions[key];
      expect(def.kind, key).toBe('http');
      const area = def.entry.split('/')[1];
      const source = readFileSync(resolve(root, def.entry), 'utf8');
      const foreignAreas = [...source.matchAll(/from '\.\.\/([a-z-]+)\/[^']*'/g)]
        .map((m) => m[1])
        .filter((a) => a !== area);
      // The OpenAPI function describes every area; every other function imports only its own.
      if (key !== 'openapi') expect(foreignAreas, def.entry).toEqual([]);
    }
  });
});

describe('entry points wire what their routes need', () => {
  it('fails at cold start, naming the route, when a signed-in route has no principal resolver', async () => {
    const { httpFunction } = await import('../../shared/http/handler');
    const { auditRoutes } = await import('../../functions/audit/routes');
    expect(() => httpFunction('audit', auditRoutes, { audit: ok, jobRuns: ok, jobs: ok })).toThrow(
      /audit: queryAudit is signed-in but no principal resolver is wired/,
    );
  });
});

describe('function keys in schedules and queues', () => {
  it('are checked at compile time', () => {
    const schedule: import('../../events/schedules').ScheduleDefinition = {
      job: 'x',
      // @ts-expect-error a typo in a function key does not compile
      function: 'dependencyChek',
      expression: 'rate(1 day)',
      timeZone: 'UTC',
      basis: '',
      description: '',
    };
    // @ts-expect-error a consumer is not a job
    const wrongKind: import('../../events/schedules').ScheduleDefinition['function'] = 'recordJobRun';
    expect([schedule.function, wrongKind]).toHaveLength(2);
  });
});
