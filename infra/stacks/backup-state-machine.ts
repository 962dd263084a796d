import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib/core';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Choice, Condition, DefinitionBody, LogLevel, StateMachine, Succeed, TaskInput, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** How often the state machine asks whether DynamoDB's export has finished, and how long it waits at most. */
export const EXPORT_POLL_MINUTES = 10;
export const BACKUP_STATE_MACHINE_HOURS = 12;

/**
 * The weekly backup on AWS (issue 24): DynamoDB's export runs for minutes to hours after the
 * invocation that starts it, and only the backup writer may seal (check and sign) it. The state
 * machine runs the weekly-backup function, then, while the week's status is `exporting`, waits and
 * runs it again: a run in an exporting week seals the export once it has finished
 * (shared/application/weekly-backup.ts), and answers `verified`. No invocation waits for AWS.
 * Locally the portable backup finishes in one run, so the local scheduler runs the function itself.
 */
export function weeklyBackupStateMachine(scope: Construct, fn: IFunction, alarmTopic: ITopic): StateMachine {
  const run = (id: string) =>
    new LambdaInvoke(scope, id, { lambdaFunction: fn, payload: TaskInput.fromObject({ trigger: 'schedule' }), payloadResponseOnly: true });
  const start = run('StartWeeklyBackup');
  const seal = run('SealWhenExported');
  const exporting = new Choice(scope, 'ExportStillRunning?');
  exporting
    .when(Condition.stringEquals('$.status', 'exporting'), new Wait(scope, 'WaitForExport', { time: WaitTime.duration(Duration.minutes(EXPORT_POLL_MINUTES)) }).next(seal))
    .otherwise(new Succeed(scope, 'BackupSealed'));
  seal.next(exporting);
  const logs = new LogGroup(scope, 'WeeklyBackupStateMachineLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
  const machine = new StateMachine(scope, 'WeeklyBackupStateMachine', {
    comment: 'Weekly backup: start the export, then seal (check and sign) it once DynamoDB has finished it',
    definitionBody: DefinitionBody.fromChainable(start.next(exporting)),
    timeout: Duration.hours(BACKUP_STATE_MACHINE_HOURS),
    tracingEnabled: true,
    logs: { destination: logs, level: LogLevel.ALL },
  });
  Validations.of(machine).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${Stack.of(scope).getLogicalId(fn.node.defaultChild as never)}.Arn>:*]`,
    reason: 'The state machine may invoke any version of the one weekly-backup function.',
  });
  Validations.of(machine).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray (PutTraceSegments) and CloudWatch Logs delivery actions do not support resource-level permissions.',
  });
  new Alarm(scope, 'WeeklyBackupStateMachineFailed', {
    alarmDescription: 'The weekly backup state machine failed or timed out: the week has no sealed, signed backup (TG 8.2)',
    metric: machine.metricFailed({ period: Duration.hours(1) }).with({ statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new SnsAction(alarmTopic));
  new Alarm(scope, 'WeeklyBackupStateMachineTimedOut', {
    alarmDescription: `The weekly backup state machine timed out: the export did not finish within ${BACKUP_STATE_MACHINE_HOURS} hours (TG 8.2)`,
    metric: machine.metricTimedOut({ period: Duration.hours(1) }).with({ statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new SnsAction(alarmTopic));
  return machine;
}
