import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SnsTopic, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { outboxStreamFilter } from '../../events/outbox';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { dlqName, queueDefinitions, type QueueDefinition, type QueueKey } from '../definitions/queues';
import { eventPattern, notificationRules, routingRules, storageRoutingRules } from '../../events/rules';
import type { DeploymentConfig } from '../config/deployment';
import type { BucketKey } from '../definitions/buckets';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';
import type { FunctionKey } from '../../functions/manifest';

/**
 * The event bus, the queues (each with its DLQ and an alarm on it), the rules that route
 * events to queues, the consumers, and the operators' alarm topic.
 */
export class AsyncStack extends Stack {
  readonly bus: EventBus;
  readonly queues: Record<QueueKey, Queue>;
  readonly deadLetterQueues: Record<QueueKey, Queue>;
  readonly alarmTopic: Topic;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & {
      config: DeploymentConfig;
      table: ITable;
      buckets: Record<BucketKey, IBucket>;
      userPool: IUserPool;
      userPoolClient: IUserPoolClient;
    },
  ) {
    super(scope, id, props);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `portal-${props.config.stage}` });

    this.alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true, displayName: 'Portal alarms' });
    this.alarmTopic.addSubscription(new EmailSubscription(props.config.alarmEmail));
    Validations.of(this.alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key; alarm texts carry no personal data.',
    });

    this.queues = {} as Record<QueueKey, Queue>;
    this.deadLetterQueues = {} as Record<QueueKey, Queue>;
    for (const [key, def] of Object.entries(queueDefinitions) as Array<
      [QueueKey, (typeof queueDefinitions)[QueueKey]]
    >) {
      const dlq = new Queue(this, `${def.logicalName}Dlq`, {
        queueName: `portal-${props.config.stage}-${dlqName(def.localName)}`,
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
      const queue = new Queue(this, def.logicalName, {
        queueName: `portal-${props.config.stage}-${def.localName}`,
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: dlq, maxReceiveCount: def.maxReceiveCount },
      });
      this.alarmOnMessages(
        `${def.logicalName}DlqAlarm`,
        dlq,
        `Messages wait in the ${def.localName} dead-letter queue: ${def.purpose}`,
      );
      this.queues[key] = queue;
      this.deadLetterQueues[key] = dlq;
    }

    for (const rule of routingRules) {
      const pattern = eventPattern(rule);
      new Rule(this, rule.name, {
        eventBus: this.bus,
        eventPattern: {
          source: pattern.source,
          detailType: pattern['detail-type'],
          ...(pattern.detail && { detail: pattern.detail }),
        },
        targets: [new SqsQueue(this.queues[rule.target])],
      });
    }

    // Events for people (an incident reported, a security check due): straight to the operators' topic,
    // the same mailbox as the alarms (alarmEmail), so the operator hears of an incident at once.
    const topics = { operators: this.alarmTopic };
    for (const rule of notificationRules) {
      new Rule(this, rule.name, {
        eventBus: this.bus,
        eventPattern: { source: eventPattern(rule).source, detailType: eventPattern(rule)['detail-type'] },
        targets: [new SnsTopic(topics[rule.topic])],
      });
    }

    // S3's own events reach the default bus (the bucket has EventBridge notifications on).
    for (const rule of storageRoutingRules) {
      new Rule(this, rule.name, {
        eventPattern: {
          source: ['aws.s3'],
          detailType: ['Object Created'],
          detail: {
            bucket: { name: [props.buckets[rule.bucket].bucketName] },
            object: { key: [{ prefix: rule.prefix }] },
          },
        },
        targets: [new SqsQueue(this.queues[rule.target])],
      });
    }

    const resources: PortalResources = {
      config: props.config,
      table: props.table,
      buckets: props.buckets,
      bus: this.bus,
      queues: this.queues,
      deadLetterQueues: this.deadLetterQueues,
      userPool: props.userPool,
      userPoolClient: props.userPoolClient,
    };
    for (const [key, def] of Object.entries(queueDefinitions) as Array<[QueueKey, QueueDefinition]>) {
      if (def.consumerStack) continue;
      const consumer = new PortalFunction(this, `${def.logicalName}Consumer`, def.consumer as FunctionKey, resources);
      consumer.addEventSource(
        new SqsEventSource(this.queues[key], { batchSize: def.batchSize, reportBatchItemFailures: true }),
      );
    }
    // Any function's error, one alarm metric instead of one per consumer and job (issue 26: 11 → 1).
    // Lambda's account-wide Errors: the portal's account holds one deployment (as LambdaThrottles
    // assumes); HTTP functions answer their own failures as 500s (Api5xxRate), so what counts here
    // is a consumer, a job, the relay or a trigger failing, or any function crashing or timing out.
    // The alarm names no function: the Lambda console's Errors by function, or the logs, do.
    new Alarm(this, 'FunctionErrors', {
      alarmDescription:
        'A function failed: a consumer, a scheduled job, the outbox relay or a trigger (AWS/Lambda Errors, account-wide)',
      metric: new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        period: Duration.minutes(5),
        statistic: 'Sum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.alarmTopic));

    this.relayOutbox(resources, props.table);
  }

  /**
   * The outbox relay: a Lambda on the table's stream, filtered to INSERTs of outbox items, that
   * puts each event on the bus. EventBridge Pipes could read the stream and filter, but its
   * input template cannot turn the item's map (DynamoDB-typed JSON) into the event's detail
   * object without an enrichment Lambda, so the relay is that Lambda without the pipe; the local
   * stack runs the same function on DynamoDB Local's stream. Batches the bus refuses are retried
   * from the failed record, split in halves, and after the retries their positions go to an SQS
   * on-failure queue (the DLQ), with an alarm.
   */
  private relayOutbox(resources: PortalResources, table: ITable) {
    const dlq = new Queue(this, 'OutboxRelayDlq', {
      queueName: `portal-${resources.config.stage}-outbox-relay-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination (DLQ) of the outbox relay.',
    });
    const relay = new PortalFunction(this, 'OutboxRelay', 'outboxRelay', resources);
    relay.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(0),
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(dlq),
        filters: [FilterCriteria.filter(outboxStreamFilter)],
      }),
    );
    this.alarmOnMessages(
      'OutboxRelayDlqAlarm',
      dlq,
      'Outbox events could not be put on the bus: their stream positions wait in the outbox relay DLQ',
    );
  }

  /** Any message in a dead-letter queue is an alarm: something accepted could not be processed. */
  private alarmOnMessages(id: string, dlq: IQueue, description: string) {
    new Alarm(this, id, {
      alarmDescription: description,
      metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }
}
