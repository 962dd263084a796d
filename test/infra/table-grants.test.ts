import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build } from 'esbuild';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, testApp } from '../support/portal-app';
import { asList, decide, roleStatementsOf, type Request, type Statement } from '../support/iam-policy';
import '../support/fast-check-seed';
import { buildPortal } from '../../infra/portal-app';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { functionDefinitions, type FunctionDefinition, type FunctionKey } from '../../functions/manifest';
import { manualJobs } from '../../events/schedules';
import { tableDefinition } from '../../infra/definitions/table';
import { allows, allowsOnTable, type ItemAction } from '../../infra/definitions/table-permissions';
import { auditItem } from '../../shared/adapters/dynamo/audit-log';
import { keys } from '../../shared/adapters/dynamo/keys';

/**
 * The table grants as IAM applies them, read from the synthesized templates (issue 19 #3): what
 * the local permission check decides (infra/definitions/table-permissions.ts) is what the policies
 * decide, item-level and table-level; the restore drill holds every action it calls; no role that
 * may write can read or change an audit entry; the read-write roles are narrowed to their partitions;
 * the one-off bootstrap role exists only when a deployment asks for it.
 */
const root = resolve(import.meta.dirname, '../..');
const ITEM_ACTIONS: readonly ItemAction[] = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'ConditionCheckItem',
];
const WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'];
const TABLE_LEVEL = [
  'CreateTable',
  'UpdateTable',
  'DeleteTable',
  'DescribeTable',
  'ImportTable',
  'ExportTableToPointInTime',
  'UpdateTimeToLive',
  'DescribeTimeToLive',
  'UpdateContinuousBackups',
  'DescribeContinuousBackups',
  'RestoreTableToPointInTime',
  'CreateBackup',
  'Scan',
  'DescribeImport',
];
const oneOff = new Set<string>(manualJobs.map((j) => j.function));
const ALLOW_EVERYTHING: Statement = { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' };

/** Every partition value the keys module makes (table pk, or an index's partition key). */
function partitionSamples(): Array<{ value: string }> {
  const samples: Array<{ value: string }> = [];
  const indexOfAttribute = new Map<string, string>(tableDefinition.indexes.map((i) => [i.partitionKey, i.name]));
  for (const make of Object.values(keys)) {
    let out: unknown;
    try {
      out = (make as (...a: unknown[]) => unknown)('u1', '2026-03-04', 'x-1', 'y', 'z', 3);
    } catch {
      continue;
    }
    if (typeof out !== 'object' || out === null) continue;
    for (const [attribute, value] of Object.entries(out)) {
      if (typeof value !== 'string') continue;
      if (attribute === tableDefinition.partitionKey || indexOfAttribute.has(attribute)) samples.push({ value });
    }
  }
  return samples;
}

describe('table grants as IAM applies them (from the templates)', () => {
  let statementsOf: Map<string, Statement[]>;
  let tableId: string;
  const ask = (fn: string, request: Request) => decide(statementsOf.get(fn)!, request, tableId);
  beforeAll(() => {
    ({ statementsOf, tableId } = roleStatementsOf(
      Object.values(defaultPortal().stacks).map((s) => Template.fromStack(s).toJSON()),
    ));
  });

  it('decides every item action on every key shape as the local permission check does', () => {
    const samples = partitionSamples();
    expect(samples.length).toBeGreaterThan(60);
    const differences: string[] = [];
    for (const [fn, def] of Object.entries(functionDefinitions) as Array<[FunctionKey, FunctionDefinition]>) {
      if (oneOff.has(fn)) continue;
      // Every value on the table and on every index: a grant on one index must not reach another.
      for (const { value, index } of samples.flatMap(({ value }) => [
        { value, index: undefined },
        ...tableDefinition.indexes.map((i) => ({ value, index: i.name })),
      ])) {
        for (const action of index ? (['Query'] as const) : ITEM_ACTIONS) {
          const local = allows(def, action, value, index);
          const aws =
            ask(fn, {
              action,
              target: index ? { kind: 'index', name: index } : { kind: 'table' },
              leadingKey: value,
            }) === 'allow';
          if (local !== aws)
            differences.push(`${fn} ${action} ${value}${index ? ` on ${index}` : ''}: local ${local}, IAM ${aws}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('decides every table-level action on the table and on scratch tables as the local permission check does', () => {
    const differences: string[] = [];
    for (const [fn, def] of Object.entries(functionDefinitions) as Array<[FunctionKey, FunctionDefinition]>) {
      if (oneOff.has(fn)) continue;
      for (const action of TABLE_LEVEL) {
        for (const target of ['table', 'scratch'] as const) {
          // Scan of the portal table is the portable exporter's local stand-in for the export, never granted.
          const local = action === 'Scan' && target === 'table' ? false : allowsOnTable(def, action, target);
          const aws = ask(fn, { action, target: { kind: target } }) === 'allow';
          if (local !== aws) differences.push(`${fn} ${action} on ${target}: local ${local}, IAM ${aws}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('gives the restore drill every DynamoDB action its code calls on the scratch table, and none of them on the portal table', async () => {
    // The drill reaches its scratch table through the low-level client only (the portal table, for its
    // outbox event, through the document client): every low-level command and waiter in its bundle.
    const bundle = await build({
      entryPoints: [resolve(root, functionDefinitions.restoreDrill.entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      packages: 'external',
      logLevel: 'silent',
    });
    const called = new Set<string>();
    for (const file of Object.keys(bundle.metafile.inputs)) {
      const source = readFileSync(resolve(root, file), 'utf8');
      for (const [, names] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-dynamodb'/g)) {
        for (const name of names!.split(',').map((n) => n.trim())) {
          if (/^\w+Command$/.test(name) && new RegExp(`new ${name}\\(`).test(source))
            called.add(name.replace(/Command$/, ''));
          if (/^waitUntilTable(Not)?Exists$/.test(name) && new RegExp(`${name}\\(`).test(source))
            called.add('DescribeTable');
        }
      }
    }
    expect([...called].sort()).toEqual(
      expect.arrayContaining(['CreateTable', 'DeleteTable', 'UpdateTable', 'BatchWriteItem', 'DescribeTable']),
    );
    for (const action of called) {
      expect(
        ask('restoreDrill', { action, target: { kind: 'scratch' } }),
        `restoreDrill ${action} on its scratch table`,
      ).toBe('allow');
      if (action === 'Query')
        expect(
          ask('restoreDrill', { action, target: { kind: 'scratch-index' } }),
          'restoreDrill Query on scratch indexes',
        ).toBe('allow');
      expect(
        ask('restoreDrill', { action, target: { kind: 'table' }, leadingKey: 'UNIT#x' }),
        `restoreDrill ${action} on the portal table`,
      ).not.toBe('allow');
    }
  });

  it('lets no role that may write read, update or delete any audit entry by any of its keys; writers only append', () => {
    const writers = [...statementsOf.keys()].filter((fn) =>
      WRITES.some(
        (action) =>
          ask(fn, { action, target: { kind: 'table' }, leadingKey: keys.unit('x').pk }) === 'allow' ||
          ask(fn, { action, target: { kind: 'table' }, leadingKey: keys.outboxEvent('x').pk }) === 'allow',
      ),
    );
    expect(writers).toEqual(
      expect.arrayContaining(['units', 'content', 'accounts', 'questions', 'publishScheduled', 'checkUpload']),
    );
    const entry = fc.record({
      scope: fc.oneof(
        fc.constantFrom('PORTAL', 'binhdinh', 'sotttt'),
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        fc.string({ minLength: 1 }),
      ),
      actor: fc.record({
        id: fc.oneof(fc.uuid(), fc.constantFrom('system', 'client:agency-1'), fc.string({ minLength: 1 })),
        kind: fc.constantFrom('user', 'system', 'client'),
      }),
      at: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      id: fc.uuid(),
    });
    fc.assert(
      fc.property(entry, ({ scope, actor, at, id }) => {
        // The item exactly as the unit of work writes it, so every key shape it carries is covered.
        const item = auditItem({
          id,
          at,
          scope,
          actor,
          action: 'x',
          target: { type: 'Unit', id: 'u' },
          before: null,
          after: null,
          requestId: 'r',
        }) as Record<string, unknown>;
        const reads: Request[] = [
          ...(['GetItem', 'BatchGetItem', 'Query'] as const).map((action) => ({
            action,
            target: { kind: 'table' as const },
            leadingKey: item.pk as string,
          })),
          ...tableDefinition.indexes
            .filter((i) => typeof item[i.partitionKey] === 'string')
            .map((i) => ({
              action: 'Query',
              target: { kind: 'index' as const, name: i.name },
              leadingKey: item[i.partitionKey] as string,
            })),
        ];
        const changes: Request[] = (['UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const).map((action) => ({
          action,
          target: { kind: 'table' as const },
          leadingKey: item.pk as string,
        }));
        expect(reads.length).toBeGreaterThanOrEqual(5);
        for (const fn of writers) {
          const statements = statementsOf.get(fn)!;
          // The guards alone refuse them: even beside an Allow of everything, an explicit Deny wins.
          for (const request of [...reads, ...changes]) {
            expect(
              decide([...statements, ALLOW_EVERYTHING], request, tableId),
              `${fn} ${request.action} ${request.leadingKey}`,
            ).toBe('deny');
          }
        }
      }),
      { numRuns: 60 },
    );
    // The audit readers write nothing at all.
    for (const [fn, def] of Object.entries(functionDefinitions)) {
      if (!(def as FunctionDefinition).readsAudit) continue;
      expect(writers, fn).not.toContain(fn);
      expect(
        WRITES.every(
          (action) => ask(fn, { action, target: { kind: 'table' }, leadingKey: keys.auditOf('x').pk }) !== 'allow',
        ),
        fn,
      ).toBe(true);
    }
  });

  it('narrows every read-write role to the partitions it names: no unscoped item grant, no Scan, no wildcard', () => {
    for (const fn of [
      'units',
      'content',
      'contentCreate',
      'questions',
      'incidents',
      'calendarAdmin',
      'uploads',
      'followSyndication',
      'accounts',
      'syncIdentity',
    ]) {
      const def = functionDefinitions[fn as FunctionKey] as FunctionDefinition;
      expect(def.table, fn).toBeUndefined();
      const onTable = statementsOf
        .get(fn)!
        .filter((s) => s.Effect === 'Allow' && asList(s.Action).some((a) => a.startsWith('dynamodb:')));
      for (const statement of onTable) {
        const actions = asList(statement.Action);
        expect(
          actions.filter((a) => a === 'dynamodb:*' || a === 'dynamodb:Scan'),
          fn,
        ).toEqual([]);
        if (actions.every((a) => a === 'dynamodb:DescribeTable')) continue;
        expect(
          asList(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).length,
          `${fn}: ${actions.join(',')} without LeadingKeys`,
        ).toBeGreaterThan(0);
      }
      // None of them may touch another function's private partitions: the sign-in throttle, idempotency of others is shared by design.
      for (const foreign of [keys.signInWindow('d', 'w').pk, keys.jobStats('j').pk, keys.backupRecord('2026-W01').pk]) {
        for (const action of ITEM_ACTIONS)
          expect(
            ask(fn, { action, target: { kind: 'table' }, leadingKey: foreign }),
            `${fn} ${action} ${foreign}`,
          ).not.toBe('allow');
      }
    }
  });
});

describe('the one-off bootstrap job', () => {
  it('is not part of a steady deployment', () => {
    const { statementsOf } = roleStatementsOf(
      Object.values(defaultPortal().stacks).map((s) => Template.fromStack(s).toJSON()),
    );
    for (const fn of oneOff) expect(statementsOf.has(fn), fn).toBe(false);
    expect(
      Object.keys(Template.fromStack(defaultPortal().stacks.jobs).findOutputs('*')).filter((o) =>
        o.startsWith('BootstrapDirectory'),
      ),
    ).toEqual([]);
  });

  it('is synthesized when a deployment asks for it, with the Cognito actions it takes and its partitions only', () => {
    const stacks = buildPortal(testApp(), loadDeploymentConfig(), { nag: false, oneOffJobs: true });
    const { statementsOf, tableId } = roleStatementsOf([
      Template.fromStack(stacks.jobs).toJSON(),
      Template.fromStack(stacks.data).toJSON(),
    ]);
    const statements = statementsOf.get('bootstrapDirectory')!;
    expect(
      statements
        .flatMap((s) => asList(s.Action))
        .filter((a) => a.startsWith('cognito-idp:'))
        .sort(),
    ).toEqual(['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser']);
    const ask = (action: string, pk: string) =>
      decide(statements, { action, target: { kind: 'table' }, leadingKey: pk }, tableId);
    expect(ask('PutItem', keys.unit('binhdinh').pk)).toBe('allow');
    expect(ask('PutItem', keys.contentItem('c').pk)).not.toBe('allow');
    expect(ask('DeleteItem', keys.account('a').pk)).not.toBe('allow');
  });
});
