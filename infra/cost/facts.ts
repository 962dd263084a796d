import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { nextFiring, parseScheduleExpression } from '../../shared/domain/operations/schedule-expression';
import type { SynthesizedStack } from './templates';

/** What the cost model needs to know of the synthesized templates, read from them alone. */
type Resource = { readonly Type: string; readonly Properties?: Record<string, any> };

export interface FunctionFact {
  readonly id: string;
  /** The manifest key (POWERTOOLS_SERVICE_NAME), or undefined for CDK's own helper functions. */
  readonly key?: FunctionKey;
  readonly kind: 'http' | 'job' | 'consumer' | 'cognito-trigger' | 'other';
  readonly memoryMb: number;
  readonly tracing: 'Active' | 'PassThrough' | 'off';
  readonly systemLogLevel: string;
  readonly logGroup?: LogGroupFact;
}

export interface LogGroupFact {
  readonly id: string;
  readonly infrequentAccess: boolean;
  readonly retentionDays: number;
  readonly metricFilters: number;
}

export interface TemplateFacts {
  readonly resources: ReadonlyArray<{ stack: string; region: string; id: string; type: string }>;
  readonly stage?: { readonly perMethodMetrics: boolean; readonly tracing: boolean };
  readonly methods: number;
  readonly functions: readonly FunctionFact[];
  readonly logGroups: readonly LogGroupFact[];
  readonly accessLogGroup?: LogGroupFact;
  readonly alarmMetrics: number;
  readonly compositeAlarms: number;
  readonly samplingRules: ReadonlyArray<{
    readonly serviceType: string;
    readonly fixedRate: number;
    readonly reservoir: number;
  }>;
  readonly webAcls: ReadonlyArray<{ readonly scope: string; readonly rules: number }>;
  readonly distributions: number;
  /** Whether the edge consumer (refreshEdge) invalidates changed paths. */
  readonly invalidates: boolean;
  readonly schedules: ReadonlyArray<{ readonly key?: FunctionKey; readonly firingsPerMonth: number }>;
  readonly table?: { readonly indexes: number; readonly pointInTimeRecovery: boolean };
  readonly userPoolTier?: string;
  readonly kmsKeys: number;
  readonly secrets: number;
  /** How often a restore drill restores in full (BACKUP_FULL_RESTORE_DRILL); the other drills verify without writing. */
  readonly fullRestoreDrill?: string;
  /** The drill fills its scratch table with DynamoDB's ImportTable (DRILL_LOAD=import): priced per GB, not per write. */
  readonly drillImports?: boolean;
}

const MONTH_MS = 30.44 * 86_400_000;

/** Firings of a schedule expression in one month (a `rate` by its interval, a `cron` counted over 30.44 days). */
export function firingsPerMonth(expression: string, timeZone = 'UTC'): number {
  const parsed = parseScheduleExpression(expression, timeZone);
  if (parsed.kind !== 'cron') return MONTH_MS / parsed.everyMs;
  const from = new Date('2026-03-02T00:00:00Z');
  let n = 0;
  for (let at = nextFiring(parsed, from); at && at.getTime() < from.getTime() + MONTH_MS; at = nextFiring(parsed, at))
    n++;
  return n;
}

const refOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'Ref' in value ? String((value as { Ref: string }).Ref) : undefined;
const arnOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'Fn::GetAtt' in value
    ? String((value as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0])
    : undefined;

export function readFacts(stacks: readonly SynthesizedStack[]): TemplateFacts {
  const all = stacks.flatMap((s) =>
    Object.entries(s.template.Resources ?? {}).map(([id, r]) => ({
      stack: s.name,
      region: s.region,
      id,
      r: r as Resource,
    })),
  );
  const ofType = (type: string) => all.filter((x) => x.r.Type === type);
  const props = (x: { r: Resource }) => x.r.Properties ?? {};

  const filtersByGroup = new Map<string, number>();
  for (const f of ofType('AWS::Logs::MetricFilter')) {
    const group = refOf(props(f).LogGroupName);
    if (group) filtersByGroup.set(group, (filtersByGroup.get(group) ?? 0) + 1);
  }
  const logGroups = new Map(
    ofType('AWS::Logs::LogGroup').map((x) => [
      x.id,
      {
        id: x.id,
        infrequentAccess: props(x).LogGroupClass === 'INFREQUENT_ACCESS',
        retentionDays: props(x).RetentionInDays ?? 3653,
        metricFilters: filtersByGroup.get(x.id) ?? 0,
      },
    ]),
  );

  const functionsById = new Map<string, FunctionFact>();
  for (const x of ofType('AWS::Lambda::Function')) {
    const p = props(x);
    const key = p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as FunctionKey | undefined;
    const def = key ? functionDefinitions[key] : undefined;
    const group = refOf(p.LoggingConfig?.LogGroup);
    functionsById.set(x.id, {
      id: x.id,
      ...(def ? { key } : {}),
      kind: def?.kind ?? 'other',
      memoryMb: p.MemorySize ?? 128,
      tracing: p.TracingConfig?.Mode ?? 'off',
      systemLogLevel: p.LoggingConfig?.SystemLogLevel ?? 'INFO',
      ...(group && logGroups.has(group) ? { logGroup: logGroups.get(group)! } : {}),
    });
  }

  const stage = ofType('AWS::ApiGateway::Stage')[0];
  const methodSettings = (stage ? (props(stage).MethodSettings ?? []) : []) as Array<{ MetricsEnabled?: boolean }>;
  const accessGroup = stage ? arnOf(props(stage).AccessLogSetting?.DestinationArn) : undefined;

  const alarmMetrics = ofType('AWS::CloudWatch::Alarm').reduce((n, x) => {
    const metrics = props(x).Metrics as Array<{ MetricStat?: unknown }> | undefined;
    return n + (metrics ? metrics.filter((m) => m.MetricStat).length : 1);
  }, 0);

  // A schedule that starts a state machine (the backup, the drill: issue 24) runs the function its tasks invoke.
  const machineFunction = new Map(
    ofType('AWS::StepFunctions::StateMachine').map((m) => {
      const parts = (props(m).DefinitionString?.['Fn::Join']?.[1] ?? []) as unknown[];
      return [m.id, parts.map(arnOf).find((id) => id !== undefined && functionsById.has(id))] as const;
    }),
  );
  const schedules = ofType('AWS::Scheduler::Schedule').map((x) => {
    const arn = props(x).Target?.Arn;
    const target = arnOf(arn) ?? machineFunction.get(refOf(arn) ?? '');
    return {
      ...(target && functionsById.get(target)?.key ? { key: functionsById.get(target)!.key } : {}),
      firingsPerMonth: firingsPerMonth(props(x).ScheduleExpression, props(x).ScheduleExpressionTimezone),
    };
  });

  const table = ofType('AWS::DynamoDB::GlobalTable')[0];
  return {
    resources: all.map((x) => ({ stack: x.stack, region: x.region, id: x.id, type: x.r.Type })),
    ...(stage
      ? {
          stage: {
            perMethodMetrics: methodSettings.some((m) => m.MetricsEnabled === true),
            tracing: props(stage).TracingEnabled === true,
          },
        }
      : {}),
    // Preflight (OPTIONS) methods answer only browsers' CORS checks: too rare to bill metric-hours.
    methods: ofType('AWS::ApiGateway::Method').filter((x) => props(x).HttpMethod !== 'OPTIONS').length,
    functions: [...functionsById.values()],
    logGroups: [...logGroups.values()],
    ...(accessGroup && logGroups.has(accessGroup) ? { accessLogGroup: logGroups.get(accessGroup)! } : {}),
    alarmMetrics,
    compositeAlarms: ofType('AWS::CloudWatch::CompositeAlarm').length,
    samplingRules: ofType('AWS::XRay::SamplingRule').map((x) => {
      const rule = props(x).SamplingRule ?? {};
      return {
        serviceType: rule.ServiceType ?? '*',
        fixedRate: rule.FixedRate ?? 0,
        reservoir: rule.ReservoirSize ?? 0,
      };
    }),
    webAcls: ofType('AWS::WAFv2::WebACL').map((x) => ({ scope: props(x).Scope, rules: (props(x).Rules ?? []).length })),
    distributions: ofType('AWS::CloudFront::Distribution').length,
    invalidates: [...functionsById.values()].some((f) => f.key === 'refreshEdge'),
    schedules,
    ...(table
      ? {
          table: {
            indexes: (props(table).GlobalSecondaryIndexes ?? []).length,
            pointInTimeRecovery: (props(table).Replicas ?? []).some(
              (r: any) => r.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled,
            ),
          },
        }
      : {}),
    ...(ofType('AWS::Cognito::UserPool')[0]
      ? { userPoolTier: props(ofType('AWS::Cognito::UserPool')[0]!).UserPoolTier ?? 'ESSENTIALS' }
      : {}),
    kmsKeys: ofType('AWS::KMS::Key').length,
    ...(fullRestoreDrillOf(ofType('AWS::Lambda::Function').map(props)) ?? {}),
    drillImports: ofType('AWS::Lambda::Function').some((f) => props(f).Environment?.Variables?.DRILL_LOAD === 'import'),
    secrets: ofType('AWS::SecretsManager::Secret').length,
  };
}

/** The drill's full-restore cadence from any function's environment (every function carries the deployment's). */
function fullRestoreDrillOf(
  functions: ReadonlyArray<{ Environment?: { Variables?: Record<string, unknown> } }>,
): { fullRestoreDrill: string } | undefined {
  const value = functions
    .map((p) => p.Environment?.Variables?.BACKUP_FULL_RESTORE_DRILL)
    .find((v) => typeof v === 'string');
  return typeof value === 'string' ? { fullRestoreDrill: value } : undefined;
}
