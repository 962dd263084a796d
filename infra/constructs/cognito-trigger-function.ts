import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionDefinitions, type FunctionDefinition, type FunctionKey } from '../../functions/manifest';
import { grantTableAccess } from './table-access';
import { lambdaBundling } from './bundling';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * A Cognito trigger function: the house conventions of PortalFunction (Node 22 on arm64, ESM
 * bundled locally, JSON logs in a retained log group) but only the table in its environment.
 * The user pool refers to the trigger, so the trigger must not refer to the pool (a cycle), nor
 * to the queues and bus that the other stacks build after the pool.
 */
export class CognitoTriggerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, key: FunctionKey, table: ITable) {
    const def: FunctionDefinition = functionDefinitions[key];
    if (def.kind !== 'cognito-trigger') throw new Error(`${key} is not a Cognito trigger`);
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    super(scope, id, {
      entry: resolve(projectRoot, def.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: resolve(projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: def.memoryMb ?? 256,
      // Cognito waits at most 5 s for a trigger.
      timeout: Duration.seconds(def.timeoutSeconds ?? 5),
      description: def.description,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { POWERTOOLS_SERVICE_NAME: key, NODE_OPTIONS: '--enable-source-maps', TABLE_NAME: table.tableName },
      bundling: lambdaBundling,
    });
    grantTableAccess(this, def, table);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS-managed basic execution role only lets a function write its own logs.',
    });
    Validations.of(this).acknowledge({ id: 'AwsSolutions-L1', reason: 'Node.js 22 is pinned so that Lambda runs the same major as local runs, tests and CI.' });
  }
}
