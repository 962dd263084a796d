import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, wholeTemplate } from '../support/portal-app';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { queueDefinitions } from '../../infra/definitions/queues';
import { API_TRACE_SAMPLING_RATE } from '../../infra/stacks/api-stack';

/** Issue 26 §2: spend only on what is read — metrics, traces, logs and alarms as synthesized. */
describe('spend only on what is read', () => {
  type Resource = { Type: string; Properties: Record<string, any> };
  let all: Array<[string, Resource]>;
  let api: Template;
  const ofType = (type: string) => all.filter(([, r]) => r.Type === type);
  beforeAll(() => {
    const { stacks } = defaultPortal();
    api = wholeTemplate(stacks.api);
    all = Object.values(stacks).flatMap((stack) =>
      Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, Resource>),
    );
  }, 180_000);

  const houseFunctions = () =>
    ofType('AWS::Lambda::Function')
      .map(([id, r]) => ({
        id,
        props: r.Properties,
        key: r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as FunctionKey | undefined,
      }))
      .filter((f) => f.key !== undefined && f.key in functionDefinitions);

  it('turns per-method metrics off on every method, and the alarms read API-level metrics, which stay published', () => {
    const [stage] = Object.values(api.findResources('AWS::ApiGateway::Stage')) as Resource[];
    const settings = stage!.Properties.MethodSettings as Array<Record<string, unknown>>;
    expect(settings.find((s) => s.ResourcePath === '/*')).toMatchObject({ MetricsEnabled: false });
    expect(settings.filter((s) => s.MetricsEnabled === true)).toEqual([]);
    const apiMetrics = ofType('AWS::CloudWatch::Alarm').flatMap(([, a]) =>
      (a.Properties.Metrics ?? []).filter((m: any) => m.MetricStat?.Metric.Namespace === 'AWS/ApiGateway'),
    );
    expect(apiMetrics.length).toBeGreaterThanOrEqual(2);
    for (const m of apiMetrics) expect(m.MetricStat.Metric.Dimensions.map((d: any) => d.Name)).toEqual(['ApiName']);
  });

  it('samples API traces by its own rule; HTTP functions follow the API, consumers and jobs trace at Lambda’s rate', () => {
    const [stage] = Object.values(api.findResources('AWS::ApiGateway::Stage')) as Resource[];
    expect(stage!.Properties.TracingEnabled).toBe(true);
    api.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: {
        ServiceType: 'AWS::ApiGateway::Stage',
        FixedRate: API_TRACE_SAMPLING_RATE,
        ReservoirSize: 0,
        Version: 1,
      },
    });
    expect(API_TRACE_SAMPLING_RATE).toBeLessThanOrEqual(0.05);
    for (const f of houseFunctions()) {
      const kind = functionDefinitions[f.key!].kind;
      // The sign-in trigger is not traced at all.
      expect(f.props.TracingConfig?.Mode, f.key).toBe(
        kind === 'http' ? 'PassThrough' : kind === 'cognito-trigger' ? undefined : 'Active',
      );
    }
  });

  it('logs platform lines at WARN only, keeps job logs a year in Infrequent Access and the others three months', () => {
    const groups = new Map(ofType('AWS::Logs::LogGroup'));
    const fns = houseFunctions();
    expect(fns.length).toBeGreaterThan(20);
    for (const f of fns) {
      expect(f.props.LoggingConfig, f.key).toMatchObject({
        LogFormat: 'JSON',
        SystemLogLevel: 'WARN',
        ApplicationLogLevel: 'INFO',
      });
      const group = groups.get(f.props.LoggingConfig.LogGroup.Ref)!.Properties;
      if (functionDefinitions[f.key!].kind === 'job')
        expect(group, f.key).toMatchObject({ RetentionInDays: 365, LogGroupClass: 'INFREQUENT_ACCESS' });
      else expect(group, f.key).toMatchObject({ RetentionInDays: 90, LogGroupClass: 'STANDARD' });
    }
    // The job-run metrics (EMF) and the throttle metric filter need Standard groups.
    const recorder = fns.find((f) => f.key === 'recordJobRun')!;
    expect(groups.get(recorder.props.LoggingConfig.LogGroup.Ref)!.Properties.LogGroupClass).toBe('STANDARD');
    for (const [, filter] of ofType('AWS::Logs::MetricFilter'))
      expect(groups.get(filter.Properties.LogGroupName.Ref)?.Properties.LogGroupClass ?? 'STANDARD').toBe('STANDARD');
  });

  it('covers every consumer and job failure with one account-wide Errors alarm, every DLQ with its own, in at most 32 alarm metrics', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const errors = alarms.filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(errors[0]!.Dimensions).toBeUndefined();
    const dlqAlarms = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms.length).toBe(Object.keys(queueDefinitions).length + 1);
    const metrics = alarms.reduce((n, a) => n + (a.Metrics ? a.Metrics.filter((m: any) => m.MetricStat).length : 1), 0);
    // 39 before issue 26; one DLQ alarm more since, for the edge queue.
    // 29 after the edge issue's merge of alarms, plus the weekly backup's state machine (failed, timed out) and the
    // drill's age alarm on its own figure (issue 24): new coverage, not the same coverage twice. One more for the
    // consultation scheduler's missed schedule (issue 28): drafts must open and close at the announced instants.
    expect(metrics).toBeLessThanOrEqual(33);
  });
});
