import { Validations } from 'aws-cdk-lib/core';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { functionDefinitions, type FunctionDefinition, type FunctionKey } from '../../functions/manifest';
import { grantTableAccess } from './table-access';
import { houseFunctionProps } from './house-function';

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
    super(scope, id, {
      // Cognito waits at most 5 s for a trigger.
      ...houseFunctionProps(scope, id, def, { memoryMb: 256, timeoutSeconds: 5 }),
      environment: { POWERTOOLS_SERVICE_NAME: key, NODE_OPTIONS: '--enable-source-maps', TABLE_NAME: table.tableName },
    });
    grantTableAccess(this, def, table);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS-managed basic execution role only lets a function write its own logs.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned so that Lambda runs the same major as local runs, tests and CI.',
    });
  }
}
