import { beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { schedules } from '../../events/schedules';
import { notificationRules } from '../../events/rules';
import { missedAfterMs } from '../../shared/domain/operations/job-calendar';

/** Issue 10 §4 on AWS: incidents to the operators' topic, and the alarms that reach it. */
describe('operations alarms and notifications', () => {
  let api: Template;
  let jobs: Template;
  let async: Template;
  type Alarm = { Properties: Record<string, any> };
  const alarms = (t: Template) => Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Alarm[];
  const byDescription = (t: Template, pattern: RegExp) =>
    alarms(t).filter((a) => pattern.test(a.Properties.AlarmDescription));
  const topicRef = () => [{ 'Fn::ImportValue': expect.stringMatching(/:ExportsOutputRefAlarms/) }];

  beforeAll(() => {
    const { stacks } = defaultPortal();
    api = wholeTemplate(stacks.api);
    jobs = Template.fromStack(stacks.jobs);
    async = Template.fromStack(stacks.async);
  }, 180_000);

  it('delivers IncidentReported and SecurityCheckDue from the bus to the operators’ (Alarms) topic', () => {
    expect(notificationRules.flatMap((r) => r.events)).toEqual(['IncidentReported', 'SecurityCheckDue']);
    const rules = Object.values(
      async.findResources('AWS::Events::Rule', {
        Properties: { EventPattern: { 'detail-type': ['IncidentReported', 'SecurityCheckDue'] } },
      }),
    ) as Alarm[];
    expect(rules).toHaveLength(1);
    const [topicId] = Object.keys(async.findResources('AWS::SNS::Topic'));
    expect(rules[0]!.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topicId } })]);
    expect(rules[0]!.Properties.EventPattern.source).toEqual(['portal.operations']);
    // EventBridge may publish to the topic.
    async.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'events.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('alarms on a missed schedule for every schedule: no success within its longest gap plus a margin, missing data breaching', () => {
    for (const schedule of schedules) {
      const found = alarms(jobs).filter(
        (a) =>
          a.Properties.MetricName === 'HoursSinceSuccess' &&
          a.Properties.Dimensions.some((d: any) => d.Name === 'Job' && d.Value === schedule.job) &&
          /not succeeded within its schedule/.test(a.Properties.AlarmDescription),
      );
      expect(found, schedule.job).toHaveLength(1);
      expect(found[0]!.Properties).toMatchObject({
        Namespace: 'Portal/Jobs',
        Statistic: 'Maximum',
        Period: 3600,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'breaching',
        Threshold: Math.round((missedAfterMs(schedule.expression, schedule.timeZone) / 3_600_000) * 100) / 100,
        AlarmActions: topicRef(),
      });
      expect(found[0]!.Properties.Dimensions.map((d: any) => d.Name).sort()).toEqual(['Job', 'Table']);
    }
    // Weekly: a week plus 10%; every 15 minutes: 15 minutes plus half an hour.
    const threshold = (job: string) =>
      byDescription(jobs, new RegExp(`Job ${job} has not succeeded`))[0]!.Properties.Threshold;
    expect(threshold('weekly-backup')).toBe(184.8);
    expect(threshold('dependency-check')).toBe(0.75);
  });

  it('alarms when the last verified backup is older than 8 days, and when the restore drill fails', () => {
    const [backup] = byDescription(jobs, /older than 8 days/);
    expect(backup!.Properties).toMatchObject({
      MetricName: 'HoursSinceSuccess',
      Threshold: 192,
      TreatMissingData: 'breaching',
      ComparisonOperator: 'GreaterThanThreshold',
    });
    // Verified by a restore drill (it fails on a backup older than 8 days, or one it cannot check).
    expect(backup!.Properties.Dimensions).toContainEqual({ Name: 'Job', Value: 'restore-drill' });
    const [drill] = byDescription(jobs, /restore drill failed/);
    expect(drill!.Properties).toMatchObject({
      MetricName: 'FailedRuns',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: topicRef(),
    });
    expect(drill!.Properties.Dimensions).toContainEqual({ Name: 'Job', Value: 'restore-drill' });
  });

  it('alarms on the API 5xx count or rate as one math expression over 5XXError and Count', () => {
    const [rate] = byDescription(api, /5XXError \/ Count/);
    expect(rate!.Properties.Threshold).toBe(1);
    const metrics = rate!.Properties.Metrics as Array<Record<string, any>>;
    const expression = metrics.find((m) => m.Expression)!;
    expect(expression.Expression).toBe('IF(errors >= 5 || (requests >= 20 && 100 * errors / requests >= 5), 1, 0)');
    expect(byDescription(api, /server errors/)).toHaveLength(1);
    expect(
      metrics
        .filter((m) => m.MetricStat)
        .map((m) => [m.Id, m.MetricStat.Metric.MetricName, m.MetricStat.Stat])
        .sort(),
    ).toEqual([
      ['errors', '5XXError', 'Sum'],
      ['requests', 'Count', 'Sum'],
    ]);
    expect(rate!.Properties.AlarmActions).toEqual(topicRef());
  });

  it('alarms on throttling: API Gateway 429s (from the access log), Lambda Throttles, DynamoDB ThrottledRequests', () => {
    api.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [Match.objectLike({ MetricNamespace: 'Portal/Api', MetricName: 'Throttled' })],
    });
    expect(byDescription(api, /429/)[0]!.Properties).toMatchObject({
      MetricName: 'Throttled',
      Namespace: 'Portal/Api',
    });
    expect(byDescription(api, /Lambda throttles/)[0]!.Properties).toMatchObject({
      MetricName: 'Throttles',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
    });
    const [table] = byDescription(api, /ThrottledRequests/);
    const names = (table!.Properties.Metrics as Array<Record<string, any>>)
      .filter((m) => m.MetricStat)
      .map((m) => m.MetricStat.Metric.MetricName);
    expect(new Set(names)).toEqual(new Set(['ThrottledRequests']));
    expect(names.length).toBeGreaterThanOrEqual(9);
  });
});
