import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib/core';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { DONE, type MachineShape } from '../../shared/jobs/step-machine';

/**
 * A job run as steps (shared/jobs/step-machine.ts) as a Step Functions state machine, built from
 * the same shape the local runner uses: `Start` gives the run an id and its clock, `NextStep`
 * sends the envelope to the task its `step` names (one invocation of the job's function each),
 * `WaitIfAsked` waits the seconds a step asked for (polling an export or an import: no invocation
 * waits for AWS), and any failed task goes to the shape's failure step, then fails the run.
 */
export function stepMachine(
  scope: Construct,
  id: string,
  shape: MachineShape,
  fn: IFunction,
  alarms?: { topic: ITopic; failed?: string; timedOut?: string },
): StateMachine {
  const group = new Construct(scope, id);
  // Without a payload the task passes its whole input (the envelope) and, response only, takes the answer as its output.
  const task = (name: string, payload?: TaskInput) =>
    new LambdaInvoke(group, name, {
      lambdaFunction: fn,
      ...(payload ? { payload } : {}),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
  const failed = new Fail(group, 'RunFailed', {
    error: `${shape.job} failed`,
    cause: 'a step failed; the failure step recorded it in the job ledger',
  });
  const onFailure = task(
    shape.onFailure,
    TaskInput.fromObject({
      step: shape.onFailure,
      state: JsonPath.objectAt('$.state'),
      error: JsonPath.objectAt('$.error'),
      waitSeconds: 0,
    }),
  );
  onFailure.addCatch(failed).next(failed);
  const dispatch = new Choice(group, 'NextStep');
  const waitIfAsked = new Choice(group, 'WaitIfAsked')
    .when(
      Condition.numberGreaterThan('$.waitSeconds', 0),
      new Wait(group, 'Wait', { time: WaitTime.secondsPath('$.waitSeconds') }).next(dispatch),
    )
    .otherwise(dispatch);
  for (const name of shape.steps.filter((s) => s !== shape.onFailure)) {
    const step = task(name);
    step.addCatch(onFailure, { resultPath: '$.error' });
    dispatch.when(Condition.stringEquals('$.step', name), step.next(waitIfAsked));
  }
  dispatch.when(Condition.stringEquals('$.step', DONE), new Succeed(group, 'Done')).otherwise(failed);
  const start = new Pass(group, 'Start', {
    parameters: {
      step: shape.first,
      state: { 'runId.$': 'States.UUID()', 'now.$': '$$.Execution.StartTime' },
      waitSeconds: 0,
    },
  });
  const logs = new LogGroup(group, 'Logs', {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const machine = new StateMachine(group, 'StateMachine', {
    comment: `${shape.job}: ${shape.steps.join(', ')}; each step one invocation (shared/jobs/step-machine.ts)`,
    definitionBody: DefinitionBody.fromChainable(start.next(dispatch)),
    timeout: Duration.hours(shape.timeoutHours),
    tracingEnabled: true,
    logs: { destination: logs, level: LogLevel.ALL },
  });
  Validations.of(machine).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${Stack.of(scope).getLogicalId(fn.node.defaultChild as never)}.Arn>:*]`,
    reason: `The state machine may invoke any version of the one ${shape.job} function.`,
  });
  Validations.of(machine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray (PutTraceSegments) and CloudWatch Logs delivery actions do not support resource-level permissions.',
  });
  // Failed and timed out are separate metrics; each its own alarm, where the job asks for them.
  for (const [suffix, metric, description] of [
    ['Failed', machine.metricFailed({ period: Duration.hours(1) }), alarms?.failed],
    ['TimedOut', machine.metricTimedOut({ period: Duration.hours(1) }), alarms?.timedOut],
  ] as const) {
    if (!alarms || !description) continue;
    new Alarm(group, suffix, {
      alarmDescription: description,
      metric: metric.with({ statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(alarms.topic));
  }
  return machine;
}
