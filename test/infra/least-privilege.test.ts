import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { AUDIT_PARTITION_PATTERNS } from '../../infra/constructs/table-access';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { manualJobs } from '../../events/schedules';

/**
 * Least privilege read from the synthesized templates (issue 12 #15, #16): what each function's
 * role may do to the table, the user pool and the audit log.
 */
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const CHANGE = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*'];
const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:*'];
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);
const leadingKeys = (s: Statement, operator: string) =>
  asList(s.Condition?.[operator]?.['dynamodb:LeadingKeys'] ?? []) as string[];
const auditPrefixes = AUDIT_PARTITION_PATTERNS.map((p) => p.slice(0, -1));
/** Could a LeadingKeys pattern (`X#*`) match a key in an audit partition? */
const reachesAudit = (pattern: string) =>
  auditPrefixes.some((a) => a.startsWith(pattern.replace(/\*$/, '')) || pattern.replace(/\*$/, '').startsWith(a));

describe('least privilege (from the templates)', () => {
  let statementsOf: Map<FunctionKey, Statement[]>;
  beforeAll(() => {
    const templates = Object.values(defaultPortal().stacks).map((stack) => Template.fromStack(stack).toJSON());
    statementsOf = new Map();
    for (const t of templates) {
      const resources = t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
      for (const fn of Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')) {
        const key = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as FunctionKey | undefined;
        if (!key || !(key in functionDefinitions)) continue;
        const roleId = fn.Properties.Role?.['Fn::GetAtt']?.[0] as string;
        const policies = Object.values(resources).filter(
          (r) =>
            r.Type === 'AWS::IAM::Policy' &&
            (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
        );
        // Grants on the restore drill's scratch tables only are not grants on the portal table (test/infra/backups.test.ts checks them).
        const onScratchOnly = (s: Statement) => asList(s.Resource).every((r) => JSON.stringify(r).includes('-drill-*'));
        statementsOf.set(
          key,
          policies
            .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
            .filter((s) => !onScratchOnly(s)),
        );
      }
    }
  });

  it('finds the role of every function of the manifest (the one-off jobs only when asked: test/infra/table-grants.test.ts)', () => {
    const oneOff = new Set<string>(manualJobs.map((j) => j.function));
    expect([...statementsOf.keys()].sort()).toEqual(
      Object.keys(functionDefinitions)
        .filter((k) => !oneOff.has(k))
        .sort(),
    );
  });

  it('lets no role update or delete an audit entry', () => {
    for (const [key, statements] of statementsOf) {
      const changes = statements.filter(
        (s) => s.Effect === 'Allow' && asList(s.Action).some((a) => CHANGE.includes(a)),
      );
      for (const allow of changes) {
        const scoped = leadingKeys(allow, 'ForAllValues:StringLike');
        const denied = statements.some(
          (d) =>
            d.Effect === 'Deny' &&
            CHANGE.slice(0, 3).every((a) => asList(d.Action).includes(a)) &&
            AUDIT_PARTITION_PATTERNS.every((p) => leadingKeys(d, 'ForAnyValue:StringLike').includes(p)),
        );
        const scopedAwayFromAudit = scoped.length > 0 && !scoped.some(reachesAudit);
        expect(scopedAwayFromAudit || denied, `${key} may change audit entries`).toBe(true);
      }
    }
  });

  it('lets no role that can put items read an audit partition (it could learn a key to overwrite)', () => {
    for (const [key, statements] of statementsOf) {
      if ((functionDefinitions[key] as { readsAudit?: boolean }).readsAudit) {
        expect(
          statements.some(
            (s) => s.Effect === 'Allow' && asList(s.Action).some((a) => ['dynamodb:PutItem', ...CHANGE].includes(a)),
          ),
          `${key} reads audit and writes`,
        ).toBe(false);
        continue;
      }
      const reads = statements.filter((s) => s.Effect === 'Allow' && asList(s.Action).some((a) => READ.includes(a)));
      for (const allow of reads) {
        const scoped = leadingKeys(allow, 'ForAllValues:StringLike');
        const denied = statements.some(
          (d) =>
            d.Effect === 'Deny' &&
            asList(d.Action).includes('dynamodb:Query') &&
            AUDIT_PARTITION_PATTERNS.every((p) => leadingKeys(d, 'ForAnyValue:StringLike').includes(p)),
        );
        expect((scoped.length > 0 && !scoped.some(reachesAudit)) || denied, `${key} may read audit partitions`).toBe(
          true,
        );
      }
    }
  });

  it('keeps the job-run consumer to job runs, per-job counts and its own processed-event records', () => {
    const statements = statementsOf
      .get('recordJobRun')!
      .filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.flatMap((s) => leadingKeys(s, 'ForAllValues:StringLike')).sort()).toEqual([
      'CONSUMED#recordJobRun#*',
      'JOB#*',
      'JOBSTATS#*',
    ]);
    expect(allows.every((s) => leadingKeys(s, 'ForAllValues:StringLike').length > 0)).toBe(true);
  });

  it('keeps public functions away from accounts and stored responses', () => {
    for (const key of ['calendar', 'unitsPublic'] as const) {
      const allows = statementsOf
        .get(key)!
        .filter(
          (s) =>
            s.Effect === 'Allow' &&
            asList(s.Action).some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:DescribeTable'),
        );
      expect(allows.length, key).toBeGreaterThan(0);
      for (const allow of allows) {
        const scoped = leadingKeys(allow, 'ForAllValues:StringLike');
        expect(scoped.length, `${key}: unscoped table grant`).toBeGreaterThan(0);
        expect(
          scoped.filter((p) => /^(ACCOUNT|IDEM|USERNAME|CLIENT)#/.test(p)),
          key,
        ).toEqual([]);
      }
    }
  });

  it('keeps the scheduled-publication job to due markers, the items it publishes and what publishing writes', () => {
    const statements = statementsOf
      .get('publishScheduled')!
      .filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
    const allows = statements.filter((s) => s.Effect === 'Allow');
    // Every grant is item-level: no table-wide access, no Scan, no BatchWriteItem.
    expect(allows.every((s) => leadingKeys(s, 'ForAllValues:StringLike').length > 0)).toBe(true);
    const granted = (action: string) =>
      allows
        .filter((s) => asList(s.Action).includes(`dynamodb:${action}`))
        .flatMap((s) => leadingKeys(s, 'ForAllValues:StringLike'))
        .sort();
    expect(
      allows
        .flatMap((s) => asList(s.Action))
        .filter((a) => ['dynamodb:Scan', 'dynamodb:BatchWriteItem', 'dynamodb:*'].includes(a)),
    ).toEqual([]);
    expect(granted('Query')).toEqual(['CALENDAR*', 'PUBLISHAT#*']);
    expect(granted('DeleteItem')).toEqual(['CONTENT#*']);
    expect(granted('UpdateItem')).toEqual(['CONTENT#*', 'WORK#*']);
    expect(granted('PutItem')).toEqual([
      'ATTRIBUTION#*',
      'AUDIT#*',
      'CONTENT#*',
      'LEGALSEARCH#*',
      'OUTBOX#*',
      'PUBCONTENT#*',
    ]);
    expect(granted('GetItem')).toEqual(['CALENDAR*', 'CONTENT#*', 'UNIT#*', 'UPLOAD#*']);
    // The due markers are queried on the due index only.
    const query = allows.find((s) => leadingKeys(s, 'ForAllValues:StringLike').includes('PUBLISHAT#*'))!;
    expect(JSON.stringify(query.Resource)).toMatch(/index\/due/);
  });
});
