import { CfnOutput, Duration, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib/core';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Alarm, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { configuredSchedules, manualJobs } from '../../events/schedules';
import { scheduleOverrides } from '../config/deployment';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';

/** The compliance jobs and the EventBridge Scheduler schedules that run them. */
export class JobsStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { resources: PortalResources; alarmTopic: ITopic }) {
    super(scope, id, props);
    // Invocations the scheduler could not deliver after its retries.
    const undelivered = new Queue(this, 'UndeliveredSchedules', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(undelivered).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is the schedules\u2019 dead-letter queue.' });

    for (const manual of manualJobs) {
      const id = manual.job.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      const fn = new PortalFunction(this, `${id}Job`, manual.function, props.resources);
      new CfnOutput(this, `${id}FunctionName`, { value: fn.functionName, description: manual.description });
    }
    for (const schedule of configuredSchedules(scheduleOverrides(props.resources.config))) {
      const id = schedule.job.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      const fn = new PortalFunction(this, `${id}Job`, schedule.function, props.resources);
      new Schedule(this, `${id}Schedule`, {
        description: `${schedule.description} (${schedule.basis})`,
        schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timeZone)),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({ trigger: 'schedule' }),
          retryAttempts: 2,
          deadLetterQueue: undelivered,
        }),
      });
      const fnLogicalId = this.getLogicalId(fn.node.defaultChild as CfnFunction);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        reason: 'The scheduler may invoke any version or alias of this one job function.',
      });
      new Alarm(this, `${id}Failures`, {
        alarmDescription: `Job ${schedule.job} failed (${schedule.basis})`,
        metric: fn.metricErrors({ period: Duration.minutes(15) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(props.alarmTopic));
    }
  }
}
