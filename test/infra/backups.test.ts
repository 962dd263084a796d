import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';

/**
 * The weekly backup on AWS, read from the templates: its schedule, and the export's rights —
 * ExportTableToPointInTime on the table and writes under the backup prefix, nothing broader.
 */
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('weekly backup (from the templates)', () => {
  let jobs: Template;
  let data: Template;
  let statements: Statement[];
  let environment: Record<string, unknown>;
  let statementsOf: (key: string) => Statement[];
  beforeAll(() => {
    const { stacks } = defaultPortal();
    jobs = Template.fromStack(stacks.jobs);
    data = Template.fromStack(stacks.data);
    const resources = jobs.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
    const functionOf = (key: string) =>
      Object.values(resources).find(
        (r) =>
          r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === key,
      )!;
    statementsOf = (key: string) => {
      const roleId = functionOf(key).Properties.Role['Fn::GetAtt'][0] as string;
      return Object.values(resources)
        .filter(
          (r) =>
            r.Type === 'AWS::IAM::Policy' &&
            (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
        )
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    };
    environment = functionOf('weeklyBackup').Properties.Environment.Variables;
    statements = statementsOf('weeklyBackup');
  });

  it('runs every Sunday at 02:00 Hà Nội time', () => {
    jobs.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 ? * SUN *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({ Input: JSON.stringify({ trigger: 'schedule' }) }),
    });
  });

  it('exports with exactly ExportTableToPointInTime on the table and PutObject/AbortMultipartUpload under backups/', () => {
    const exportStatements = statements.filter((s) => asList(s.Action).includes('dynamodb:ExportTableToPointInTime'));
    expect(exportStatements).toHaveLength(1);
    expect(asList(exportStatements[0]!.Action)).toEqual(['dynamodb:ExportTableToPointInTime']);
    expect(JSON.stringify(exportStatements[0]!.Resource)).toMatch(/TableArn|Portal.*Arn/);
    expect(JSON.stringify(exportStatements[0]!.Resource)).not.toContain('*');

    const writes = statements.filter(
      (s) =>
        s.Effect === 'Allow' && asList(s.Action).some((a) => a === 's3:PutObject' || a === 's3:AbortMultipartUpload'),
    );
    expect(writes).toHaveLength(1);
    expect(asList(writes[0]!.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
    const resources = asList(writes[0]!.Resource).map((r) => JSON.stringify(r));
    expect(resources).toHaveLength(1);
    expect(resources[0]).toContain('BackupsBucketArn');
    expect(resources[0]).toContain('/backups/*');
    // No scan, no writes to the table beyond its week record and the outbox, no deletes in S3.
    const actions = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => asList(s.Action));
    for (const forbidden of [
      'dynamodb:Scan',
      'dynamodb:*',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      's3:DeleteObject*',
      's3:*',
    ])
      expect(actions).not.toContain(forbidden);
    expect(environment).toMatchObject({ EXPORT_MODE: 'aws' });
    expect(environment.TABLE_ARN).toBeDefined();
  });

  it('runs the restore drill on Sundays at 04:00, on scratch tables only, with an alarm when it fails', () => {
    jobs.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 4 ? * SUN *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    const drill = statementsOf('restoreDrill');
    const onTables = drill.filter((s) =>
      asList(s.Action).some((a) => a === 'dynamodb:CreateTable' || a === 'dynamodb:DeleteTable'),
    );
    expect(onTables).toHaveLength(1);
    for (const resource of asList(onTables[0]!.Resource).map((r) => JSON.stringify(r)))
      expect(resource).toMatch(/-drill-\*/);
    // Nothing else may write or delete in DynamoDB beyond the outbox and its lease item (one drill at a time).
    const leading = (st: Statement) => JSON.stringify((st as { Condition?: unknown }).Condition ?? {});
    const lease = drill.filter((st) => leading(st).includes('"dynamodb:LeadingKeys":["LEASE#restore-drill*"]'));
    expect(lease.map((st) => asList(st.Action).sort())).toEqual([
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
    ]);
    const writes = drill.filter(
      (s) =>
        s.Effect === 'Allow' &&
        s !== onTables[0] &&
        !lease.includes(s) &&
        asList(s.Action).some((a) => /dynamodb:(BatchWrite|Delete|Update|\*)/.test(a)),
    );
    expect(writes).toEqual([]);
    jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^The weekly restore drill failed'),
    });
  });

  it('exports from a table with point-in-time recovery into a versioned, encrypted backups bucket', () => {
    data.hasResourceProperties(
      'AWS::DynamoDB::GlobalTable',
      Match.objectLike({
        Replicas: Match.arrayWith([
          Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ]),
      }),
    );
    const buckets = data.findResources('AWS::S3::Bucket');
    const [id, backups] = Object.entries(buckets).find(([logicalId]) => logicalId.startsWith('Backups'))!;
    expect(id).toBeDefined();
    expect(backups.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(
      backups.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
        .SSEAlgorithm,
    ).toBe('AES256');
  });
});
