import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';

/**
 * The escalation job from the synthesized jobs stack (issue 9 #5): its schedule (hourly in
 * working hours, Monday to Saturday, Hà Nội time) and a role that reads only question clocks on
 * the due index and writes only what an escalation commits.
 */
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);
const leadingKeys = (s: Statement) =>
  asList(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? []) as string[];

describe('escalate-questions job (from the template)', () => {
  let jobs: Template;
  let statements: Statement[];
  beforeAll(() => {
    jobs = Template.fromStack(defaultPortal().stacks.jobs);
    const resources = jobs.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
    const fn = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'escalateQuestions',
    )!;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    statements = Object.values(resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
      )
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
  });

  it('runs hourly from 08:00 to 17:00, Monday to Saturday, Hà Nội time, with an alarm when it fails', () => {
    jobs.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8-17 ? * MON-SAT *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({ Input: JSON.stringify({ trigger: 'schedule' }) }),
    });
    // A failed run alarms through the deployment's one account-wide Errors alarm (issue 26), and a missed one by its own.
    Template.fromStack(defaultPortal().stacks.async).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: Match.absent(),
    });
    jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^Job escalate-questions has not succeeded'),
    });
  });

  it('queries question clocks on the due index only, and writes only clock marks, log entries, audit entries and events', () => {
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.every((s) => leadingKeys(s).length > 0)).toBe(true);
    expect(
      allows
        .flatMap((s) => asList(s.Action))
        .filter((a) => ['dynamodb:Scan', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:*'].includes(a)),
    ).toEqual([]);
    const granted = (action: string) =>
      allows
        .filter((s) => asList(s.Action).includes(`dynamodb:${action}`))
        .flatMap(leadingKeys)
        .sort();
    expect(granted('Query')).toEqual(['CALENDAR*', 'DUEWORK#Question#*']);
    expect(granted('UpdateItem')).toEqual(['WORK#Question#*']);
    // The escalation's audit entry, its event, its entry in the question's log (the staff view, issue 25) and the
    // report's frozen fact (issue 27); what was raised is recorded once, on the clock's work item (UpdateItem above),
    // not as a marker item.
    expect(granted('PutItem')).toEqual(['AUDIT#*', 'OUTBOX#*', 'QESCALATIONS#*', 'QFACTS#*']);
    expect(granted('GetItem')).toEqual(['CALENDAR*', 'QUESTION#*']);
    const query = allows.find((s) => leadingKeys(s).includes('DUEWORK#Question#*'))!;
    expect(JSON.stringify(query.Resource)).toMatch(/index\/due/);
  });
});
