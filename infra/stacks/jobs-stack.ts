import { CfnOutput, Duration, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib/core';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { stepMachine } from './step-machine';
import { WEEKLY_BACKUP_MACHINE } from '../../shared/application/weekly-backup-steps';
import { RESTORE_DRILL_MACHINE } from '../../shared/application/restore-drill-steps';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { configuredSchedules, manualJobs } from '../../events/schedules';
import { scheduleOverrides } from '../config/deployment';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';
import { missedAfterMs } from '../../shared/domain/operations/job-calendar';
import { JOB_METRICS_NAMESPACE, jobMetricNames } from '../../shared/adapters/metrics/job-metrics';

/** The newest good backup may be this old (TG 8.2: weekly, plus a day's grace); older alarms. */
export const BACKUP_MAX_AGE_HOURS = 8 * 24;

/** The compliance jobs and the EventBridge Scheduler schedules that run them. */
export class JobsStack extends Stack {
  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { resources: PortalResources; alarmTopic: ITopic; oneOffJobs: boolean },
  ) {
    super(scope, id, props);
    // Invocations the scheduler could not deliver after its retries.
    const undelivered = new Queue(this, 'UndeliveredSchedules', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(undelivered).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the schedules\u2019 dead-letter queue.',
    });

    // One-off jobs only when asked: a steady deployment holds no role that may create users at will.
    for (const manual of props.oneOffJobs ? manualJobs : []) {
      const id = manual.job.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      const fn = new PortalFunction(this, `${id}Job`, manual.function, props.resources);
      new CfnOutput(this, `${id}FunctionName`, { value: fn.functionName, description: manual.description });
    }
    const machines: Record<string, (fn: PortalFunction) => StateMachine> = {
      'weekly-backup': (fn) =>
        stepMachine(this, 'WeeklyBackupSteps', WEEKLY_BACKUP_MACHINE, fn, {
          topic: props.alarmTopic,
          failed: 'The weekly backup state machine failed: the week has no sealed, signed backup (TG 8.2)',
          timedOut: `The weekly backup state machine timed out: the export did not finish within ${WEEKLY_BACKUP_MACHINE.timeoutHours} hours (TG 8.2)`,
        }),
      // A failed step records a failed run (its Abort step): RestoreDrillFailed below; a drill that stops
      // stepping misses its schedule (the missed-schedule alarm) and, after 8 days, BackupOlderThan8Days.
      'restore-drill': (fn) => stepMachine(this, 'RestoreDrillSteps', RESTORE_DRILL_MACHINE, fn),
    };
    for (const schedule of configuredSchedules(scheduleOverrides(props.resources.config))) {
      const id = schedule.job.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      const fn = new PortalFunction(this, `${id}Job`, schedule.function, props.resources);
      const input = ScheduleTargetInput.fromObject({ trigger: 'schedule' });
      new Schedule(this, `${id}Schedule`, {
        description: `${schedule.description} (${schedule.basis})`,
        schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timeZone)),
        // The backup and the drill run as state machines, one invocation per step: DynamoDB's export and
        // import finish long after the invocation that starts them, and no step may outgrow 15 minutes at 10×.
        target: machines[schedule.job]
          ? new StepFunctionsStartExecution(machines[schedule.job]!(fn), {
              input,
              retryAttempts: 2,
              deadLetterQueue: undelivered,
            })
          : new LambdaInvoke(fn, { input, retryAttempts: 2, deadLetterQueue: undelivered }),
      });
      const fnLogicalId = this.getLogicalId(fn.node.defaultChild as CfnFunction);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        reason: 'The scheduler may invoke any version or alias of this one job function.',
      });
      // A failed run alarms through the deployment's one FunctionErrors alarm (async-stack.ts).
      // Missed schedule: no success within the longest gap between firings plus a margin. The job-run
      // ledger reports each scheduled job's age at every recorded run of any job (the dependency check
      // runs every 15 minutes); no figure at all for an hour means the ledger or the jobs stopped: breaching.
      this.ageAlarm(
        `${id}MissedSchedule`,
        schedule.job,
        missedAfterMs(schedule.expression, schedule.timeZone) / 3_600_000,
        `Job ${schedule.job} has not succeeded within its schedule (${schedule.expression}) plus a margin (${schedule.basis})`,
        props,
      );
    }
    // Verified means checked by a drill: it succeeds only on a signed backup, checked, at most 8 days
    // old (shared/application/restore-drill.ts). A run that found another drill running is recorded as
    // succeeded too (not a failure: no false alarm); the running drill's own outcome follows within 15 minutes.
    this.ageAlarm(
      'BackupOlderThan8Days',
      'restore-drill',
      BACKUP_MAX_AGE_HOURS,
      'The last verified backup is older than 8 days (TG 8.2, BĐ 18.6): no restore drill has verified one since',
      props,
    );
    new Alarm(this, 'RestoreDrillFailed', {
      alarmDescription:
        'The weekly restore drill failed: the latest backup could not be restored and checked (BĐ 18.6, TG 16.3)',
      metric: this.jobMetric('restore-drill', jobMetricNames.failedRuns, 'Sum', props),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(props.alarmTopic));
  }

  private jobMetric(job: string, name: string, statistic: 'Maximum' | 'Sum', props: { resources: PortalResources }) {
    return new Metric({
      namespace: JOB_METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: { Table: props.resources.table.tableName, Job: job },
      statistic,
      period: Duration.hours(1),
    });
  }

  private ageAlarm(
    id: string,
    job: string,
    hours: number,
    description: string,
    props: { resources: PortalResources; alarmTopic: ITopic },
  ) {
    new Alarm(this, id, {
      alarmDescription: description,
      metric: this.jobMetric(job, jobMetricNames.hoursSinceSuccess, 'Maximum', props),
      threshold: Math.round(hours * 100) / 100,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    }).addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
